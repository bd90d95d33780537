"""Write the whole generated site as markdown into a folder (``generate --out``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.model import Project, SiteContent


def refuse_to_replace(target: Path, root: Path) -> None:
    """Refuse a folder that is, or holds, the project: replacing it would delete the sources."""
    target, root = target.resolve(), root.resolve()
    markers = (".git", "mkdocs.yml", "pyproject.toml")
    if root.is_relative_to(target) or (target.is_dir() and any((target / n).exists() for n in markers)):
        raise ValueError(
            f"{target}: this folder holds the project (or is above it); choose an output folder of its own"
        )


def refuse_output(out: Path, root: Path) -> None:
    """Refuse an output folder that would replace or sit inside the project's inputs: the
    project itself or a folder above it, its ``docs/`` or ``sources/``, or a folder in them
    (writing there would also loop ``mkdocs serve``)."""
    refuse_to_replace(out, root)
    resolved = out.resolve()
    for inside in (root / "docs", root / "sources"):
        if resolved.is_relative_to(inside.resolve()):
            raise ValueError(f"{out}: choose a folder outside {inside}; the build would replace what is there")


def write_markdown_tree(content: SiteContent, project: Project, out: Path) -> int:
    """Copy ``docs/`` with the generated evidence appended, then add every generated page.

    The result is a complete docs folder another engine can build. Returns the
    number of files written.
    """
    for inside in (project.docs_dir, project.sources_dir):
        if out.resolve().is_relative_to(inside.resolve()):
            raise ValueError(f"{out}: choose a folder outside {inside}; writing there would loop `mkdocs serve`")
    refuse_output(out, project.sources_dir.parent)
    if out.exists():
        shutil.rmtree(out)
    written = 0
    for path in sorted(project.docs_dir.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(project.docs_dir).as_posix()
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel in content.additions:
            target.write_text(path.read_text(encoding="utf-8") + content.additions[rel], encoding="utf-8")
        else:
            shutil.copyfile(path, target)
        written += 1
    for uri, text in content.files.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    for page in content.pages:
        target = out / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown_with_inserts(), encoding="utf-8")
        written += 1
    return written
