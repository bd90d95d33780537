"""``python -m build_scripts add``: import articles into ``sources/``, refusing duplicates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_scripts.ingest.candidate import Candidate
from build_scripts.ingest.duplicates import DuplicateIndex, without_tracking
from build_scripts.ingest.ids import readable_id
from build_scripts.ingest.read_input import read_input
from build_scripts.ingest.reference_export import is_export, read_export
from build_scripts.ingest.source_file import format_source, write_new
from build_scripts.load.metadata import FieldError, parse_metadata
from build_scripts.load.sources import SourceProblem, load_source, load_sources


@dataclass(frozen=True)
class AddResult:
    """What became of one input (a file, a URL, a reference export's record).

    ``status`` is ``added``, ``duplicate`` or ``error``; ``message`` says why in words.
    """

    origin: str
    status: str
    message: str
    path: Path | None = None


def _index(sources_dir: Path) -> tuple[DuplicateIndex, set[str]]:
    index = DuplicateIndex()
    sources, _ = load_sources(sources_dir)  # broken files are for `check` to report
    for s in sources:
        index.add(s.path.name, s.meta.url, s.body)
    # A former id is taken too: its address leads to the renamed source (``rename-sources``).
    former = {old for s in sources for old in s.meta.former_ids}
    return index, {s.id for s in sources} | {p.stem for p in sources_dir.glob("*")} | former


def _inputs(item: str) -> list[Candidate | AddResult]:
    """What one item gives: a reference manager's export gives a candidate per record (or the
    reason a record cannot be added), anything else one candidate."""
    path = Path(item)
    if path.is_file() and is_export(path):
        try:
            read = read_export(path)
        except (ValueError, OSError) as exc:
            return [AddResult(item, "error", f"{item}: the export cannot be read ({exc})")]
        return [r if isinstance(r, Candidate) else AddResult(r.split(": ", 1)[0], "error", r) for r in read]
    try:
        return [read_input(item)]
    except ValueError as exc:
        return [AddResult(item, "error", str(exc))]


def _add_one(candidate: Candidate, overrides: dict[str, Any], sources_dir: Path,
             index: DuplicateIndex, taken: set[str]) -> AddResult:
    item = candidate.origin
    meta = {**candidate.meta, **overrides}
    if isinstance(meta.get("url"), str):
        meta["url"] = without_tracking(meta["url"])
    try:
        parse_metadata(meta)
    except FieldError as exc:
        return AddResult(item, "error", f"{item}: {exc}")
    duplicate = index.find(meta.get("url"), candidate.body)
    if duplicate:
        return AddResult(item, "duplicate",
                         f"{item}: refused, {duplicate.reason} as sources/{duplicate.name}")
    try:
        dest = _write(sources_dir, meta, candidate.body, taken)
    except OSError as exc:
        return AddResult(item, "error", f"{item}: not added, the file could not be written ({exc.strerror or exc})")
    source_id = dest.stem
    try:
        load_source(dest)
    except SourceProblem as exc:  # never leave a file the build would reject
        dest.unlink()
        return AddResult(item, "error", f"{item}: {exc}")
    taken.add(source_id)
    index.add(dest.name, meta.get("url"), candidate.body)
    return AddResult(item, "added", str(dest), dest)


def _write(sources_dir: Path, meta: dict[str, Any], body: str, taken: set[str]) -> Path:
    """Write the new source under a free id; an id taken meanwhile (another run of ``add``)
    makes the next one be tried, never an overwrite."""
    text = format_source(meta, body)
    for _ in range(100):
        source_id = readable_id(meta, body, taken)
        dest = sources_dir / f"{source_id}.md"
        try:
            write_new(dest, text)
        except FileExistsError:
            taken.add(source_id)
            continue
        return dest
    raise OSError(f"no free file name for {readable_id(meta, body, taken)}")


def add_sources(items: Iterable[str], sources_dir: Path, overrides: dict[str, Any] | None = None,
                on_result: Callable[[AddResult], None] | None = None) -> list[AddResult]:
    """Add each item in turn; an item duplicating an earlier one of the same run is refused too."""
    sources_dir.mkdir(parents=True, exist_ok=True)
    index, taken = _index(sources_dir)
    results = []
    for item in items:
        for read in _inputs(item):
            result = read if isinstance(read, AddResult) else _add_one(read, overrides or {}, sources_dir, index, taken)
            results.append(result)
            if on_result:
                on_result(result)
    return results
