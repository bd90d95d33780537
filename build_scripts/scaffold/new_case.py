"""A new case study in a folder of its own: ``python -m build_scripts new-case DIR``.

What belongs to a case is in its own files, each explaining its settings in comments:
``mkdocs.yml`` (the site's title and description), ``docs/index.md`` (the introduction and the
rules for key facts), ``docs/topics/*.md`` (one file per topic; ``example.md`` explains every
field), ``docs/countries/index.md`` (country stances) and ``sources/`` (the articles). The
pages that describe the generator (methodology, how to read the site, the research data and
its schemas, styles and scripts) are copied from this project unchanged. The new case uses
this checkout's generator: its ``mkdocs.yml`` names this ``build_scripts`` by its path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent
_PACKAGE = _HERE.parent
_PROJECT = _PACKAGE.parent
COPIED = ("about/how-to-read.md", "about/methodology.md", "data", "stylesheets", "javascripts")
"""Pages and assets of this project's docs/ that describe the generator, not a case."""


def _mkdocs_yml(title: str) -> str:
    config = (_PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, rest = config.partition("\nsite_url:")
    settings = yaml.safe_dump({"site_name": title, "site_description": f"What news sources report about {title}, "
                               "each statement footnoted to the sentence it comes from."},
                              sort_keys=False, allow_unicode=True, width=1000)
    rest = "\nsite_url:" + rest
    quoted = {name: yaml.safe_dump(str(path), default_style='"').strip() for name, path in
              (("hook", _PACKAGE / "hook.py"), ("package", _PACKAGE), ("theme", _PACKAGE / "theme"))}
    rest = rest.replace("  - build_scripts/hook.py", f"  - {quoted['hook']}")
    rest = rest.replace("  - build_scripts\n", f"  - {quoted['package']}\n")
    rest = rest.replace("custom_dir: build_scripts/theme", f"custom_dir: {quoted['theme']}")
    rest = rest.replace("# Screenshots for the README live in docs/images but are not part of the site.\n", "")
    return "# The case's site: its title and description here; the rest is the generator's.\n" + settings + rest


def new_case(folder: Path, title: str) -> list[Path]:
    """Write the case's files into ``folder`` (which must be empty or absent); returns them."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty; choose a new folder for the case")
    if not title.strip():
        raise ValueError("the title is empty; give the case a title with --title")
    missing = [name for name in COPIED if not (_PROJECT / "docs" / name).exists()]
    if missing or not (_PROJECT / "mkdocs.yml").is_file():
        raise FileNotFoundError(f"this generator's own pages are missing ({', '.join(missing) or 'mkdocs.yml'}); "
                                "run new-case from a checkout of the project")
    config = _mkdocs_yml(title.strip())  # made before anything is written: a failure leaves no half case
    docs = folder / "docs"
    written = []
    for path in sorted((_HERE / "files").rglob("*")):
        if path.is_file():
            target = folder / path.relative_to(_HERE / "files")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8").replace("{{TITLE}}", title), encoding="utf-8")
            written.append(target)
    for name in COPIED:
        source = _PROJECT / "docs" / name
        target = docs / name
        if source.is_dir():
            shutil.copytree(source, target)
            written += sorted(p for p in target.rglob("*") if p.is_file())
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / ".keep").write_text("", encoding="utf-8")  # dot files are not read as sources
    return [folder / "mkdocs.yml", *written]
