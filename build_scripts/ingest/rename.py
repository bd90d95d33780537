"""Rename sources whose file names say nothing (``000_183601ec9612ed3f.md``) to readable ids made
from their own metadata, as ``add`` names a new source (``ids.readable_id``: date, publisher and
title words, the opening words when untitled).

The article text is never touched: the only change to a file is its name and a ``former_ids``
line in its frontmatter, from which the site keeps a redirect at each old address (and its
sentence anchors, made from the sentences' words, stay as they were). References to the old id in
the topic files (``pin``, ``hide``, ``note``, links to the source page) are updated. Renaming is
idempotent: a readable name is left as it is, so a second run changes nothing.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from build_scripts.errors import InputProblem
from build_scripts.ingest.ids import readable_id
from build_scripts.load.metadata import id_problem
from build_scripts.load.sources import SourceProblem, address_clashes, load_sources, parse_source
from build_scripts.load.topics import TOPICS_DIR, load_topics
from build_scripts.model import Project, Source

_HASH = re.compile(r"^(?=.*[0-9])(?=.*[a-f])[0-9a-f]{8,}$", re.IGNORECASE)
"""A run of hexadecimal digits and letters, eight or more: a hash or a random id, not a word."""
_WORD = re.compile(r"[A-Za-z]{3}")


def is_readable(source_id: str) -> bool:
    """Whether an id says something to a reader: one of its parts (between '.', '_' and '-')
    holds a run of three letters and is not a hash. ``000_183601ec9612ed3f`` and ``12345`` are not
    readable; ``bbc-report`` and ``2025-06-30-libertarian-institute-…`` are."""
    return any(_WORD.search(part) and not _HASH.match(part) for part in re.split(r"[._-]+", source_id))


class RenameRefused(Exception):
    """Nothing was renamed; ``problems`` says why, each naming the file and the fix."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Renaming:
    """One source to rename: its file, the new file, and the new bytes of each file changed."""

    old: str
    new: str
    old_path: Path
    new_path: Path
    text: bytes
    """The source file's new bytes: the old ones with ``former_ids`` in the frontmatter."""


@dataclass(frozen=True)
class Plan:
    renamings: list[Renaming]
    topic_files: dict[Path, tuple[str, int]]
    """Each topic file whose references change: its new text and how many references changed."""


def _refuse_problems(problems: list[InputProblem], root: Path) -> None:
    if problems:
        raise RenameRefused([p.format(root) for p in problems]
                            + ["nothing was renamed: fix these first (`python -m build_scripts check` lists them)"])


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _with_former_id(text: str, former: tuple[str, ...]) -> str:
    """The file's text with ``former_ids: [...]`` in its frontmatter, everything else as it was
    (a frontmatter is added before the text when the file has none)."""
    nl = _newline(text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix(bom)
    field = "former_ids: [" + ", ".join(f'"{i}"' for i in former) + "]"
    lines = text.split(nl)
    if not lines or lines[0].strip() != "---":
        return bom + f"---{nl}{field}{nl}---{nl}" + text
    close = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    fm = lines[1:close]
    start = next((i for i, line in enumerate(fm) if re.match(r"^former_ids\s*:", line)), None)
    if start is None:
        fm.append(field)
    else:  # the field and its own lines (a block list, a continued value), replaced by one line
        end = start + 1
        while end < len(fm) and (fm[end][:1] in (" ", "\t", "-") or not fm[end].strip()):
            end += 1
        fm[start:end] = [field]
    return bom + nl.join([lines[0], *fm, *lines[close:]])


def _renamed_source(source: Source, new: str, sources_dir: Path) -> Renaming:
    if source.path.is_symlink():
        raise RenameRefused([f"{source.path}: is a link to {source.path.resolve()}; renaming it would leave that "
                             "file behind: rename the file it points to, or replace the link by the file"])
    raw = source.path.read_bytes()
    former = (*source.meta.former_ids, source.id)
    text = _with_former_id(raw.decode("utf-8"), former).encode("utf-8")
    new_path = sources_dir / f"{new}.md"
    try:  # the new file must read as the same source, its text unchanged, with one more former id
        after = parse_source(new_path, text)
    except SourceProblem as exc:
        raise RenameRefused([f"{source.path}: the frontmatter could not take a 'former_ids' line ({exc}); "
                             "write it as plain 'field: value' lines and run the command again"]) from None
    expected = dataclasses.replace(source.meta, former_ids=former)
    if after.body != source.body or after.meta != expected:
        raise RenameRefused([f"{source.path}: adding 'former_ids' to its frontmatter would change what it says; "
                             f"add the line 'former_ids: [\"{source.id}\"]' and rename the file to {new}.md by hand"])
    return Renaming(source.id, new, source.path, new_path, text)


def _reference(old: str) -> re.Pattern[str]:
    """``old`` where a topic file names the source: ``old#s-…`` (a pin, hide or note) or a link to
    its page (``sources/old.md``, ``sources/old/``)."""
    escaped = re.escape(old)
    return re.compile(rf"(?<![A-Za-z0-9._-]){escaped}(?=\s*#)|(?<=sources/){escaped}(?=\.md\b|/)")


def _topic_updates(docs_dir: Path, renamings: list[Renaming]) -> dict[Path, tuple[str, int]]:
    updates: dict[Path, tuple[str, int]] = {}
    for path in sorted((docs_dir / TOPICS_DIR).glob("*.md")):
        text = path.read_bytes().decode("utf-8")  # as it is, line endings and all
        count = 0
        for r in renamings:
            text, n = _reference(r.old).subn(r.new.replace("\\", "\\\\"), text)  # no template escapes
            count += n
        if count:
            updates[path] = (text, count)
    return updates


def plan_renames(root: Path, only: Sequence[str] = ()) -> Plan:
    """What renaming would do: each source named ``only`` (by default, each whose id is not
    readable) with its new id; raises RenameRefused, having changed nothing, when the sources or
    topic files have a problem or an id would clash."""
    project = Project.at(root)
    if not project.sources_dir.is_dir():
        raise RenameRefused([f"{project.sources_dir}: no sources folder here; name the project with --root"])
    sources, problems = load_sources(project.sources_dir)
    topics_problems = load_topics(project.docs_dir)[1] if project.docs_dir.is_dir() else []
    _refuse_problems(problems + topics_problems + address_clashes(sources), root)
    by_id = {s.id.lower(): s for s in sources}
    unknown = [name for name in only if name.removesuffix(".md").rsplit("/", 1)[-1].lower() not in by_id]
    if unknown:
        raise RenameRefused([f"no source '{name}' in {project.sources_dir}; name a file of that folder"
                             for name in unknown])
    chosen = ([by_id[n.removesuffix(".md").rsplit("/", 1)[-1].lower()] for n in only] if only
              else [s for s in sources if not is_readable(s.id)])
    taken = {p.stem for p in project.sources_dir.iterdir()} | {old for s in sources for old in s.meta.former_ids}
    renamings: list[Renaming] = []
    for source in sorted(set(chosen), key=lambda s: s.id):
        new = readable_id(_meta_for_id(source), source.body, taken - {source.id})
        if new.lower() == source.id.lower():
            continue  # already named from its metadata
        problem = id_problem(new)
        if problem:
            raise RenameRefused([f"{source.path}: the id made from its metadata, '{new}', {problem}; "
                                 "rename the file by hand"])
        taken.add(new)
        renamings.append(_renamed_source(source, new, project.sources_dir))
    updates = _topic_updates(project.docs_dir, renamings) if renamings and project.docs_dir.is_dir() else {}
    return Plan(renamings, updates)


def _meta_for_id(source: Source) -> dict[str, object]:
    meta = source.meta
    return {"date": meta.date.iso() if meta.date else None, "publisher": meta.publisher, "title": meta.title}


def apply_renames(plan: Plan) -> None:
    """Write each new source file (never over an existing one), remove the old one, then write
    the topic files."""
    existing = [r.new_path for r in plan.renamings if r.new_path.exists()]
    if existing:
        raise RenameRefused([f"{path}: already exists (made since the plan?); nothing was renamed, run the "
                             "command again" for path in existing])
    for r in plan.renamings:
        try:
            with r.new_path.open("xb") as out:
                out.write(r.text)
            shutil.copymode(r.old_path, r.new_path)
        except FileExistsError:
            raise RenameRefused([f"{r.new_path}: already exists (made while renaming); the sources before "
                                 "it in this list were renamed, run the command again"]) from None
        r.old_path.unlink()
    for path, (text, _count) in plan.topic_files.items():
        path.write_bytes(text.encode("utf-8"))
