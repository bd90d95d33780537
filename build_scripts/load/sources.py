"""Read every article in ``sources/`` and validate it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar, overload

import yaml
from frontmatter.default_handlers import YAMLHandler

from build_scripts.errors import InputProblem
from build_scripts.load.metadata import SOURCE_ID, WEB_SUFFIX, FieldErrors, parse_metadata
from build_scripts.model import Source

MAX_BYTES = 5 * 1024 * 1024
"""Largest source file accepted; a news article is a few tens of kilobytes."""
MAX_FRONTMATTER = 64 * 1024
"""Largest frontmatter accepted: a few fields of metadata, never a document of its own."""
MAX_NESTING = 20
"""Deepest nesting of lists and mappings in a frontmatter (its fields are flat)."""


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """Safe YAML that leaves dates as text, so a bad date gets our own clear message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SourceProblem(Exception):
    """What is wrong with one source file, and the line (0 if unknown); ``more`` holds the
    file's other problems, as (message, line), so that ``check`` lists them all."""

    def __init__(self, message: str, line: int = 0, more: tuple[tuple[str, int], ...] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.more = more

    def problems(self, path: Path) -> list[InputProblem]:
        return [InputProblem(path, str(self), self.line), *(InputProblem(path, m, n) for m, n in self.more)]


def _frontmatter_span(text: str) -> tuple[str, str, int]:
    """Split text into (frontmatter yaml, body, first body line number)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    raise SourceProblem("the frontmatter opened with '---' on line 1 is never closed; add a '---' line after it", 1)


def _field_line(fm_text: str, field: str) -> int:
    for i, line in enumerate(fm_text.split("\n"), start=2):
        if re.match(rf"^{re.escape(field)}\s*:", line):
            return i
    return 1


def _too_large(size: int) -> str:
    return (f"the file is {size / 1048576:.1f} MB, more than the {MAX_BYTES // 1048576} MB "
            "a source may have; keep only the article text")


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise SourceProblem("the file is empty; add the article text (and optional frontmatter) or delete it")
    if len(raw) > MAX_BYTES:
        raise SourceProblem(_too_large(len(raw)))
    if b"\x00" in raw:
        raise SourceProblem("the file is binary, not text; save the article as UTF-8 markdown")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceProblem(
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; re-save the file as UTF-8", line
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def load_source(path: Path) -> Source:
    """Read one source file; raises ``SourceProblem`` describing what to fix."""
    return parse_source(path, path.read_bytes())


def _check_shape(fm_text: str) -> None:
    """Refuse what no metadata needs and what makes YAML parsers blow up, before parsing:
    deep nesting (the C parser recurses once per level) and anchors or aliases (an alias
    repeated a thousand times expands to gigabytes). YAML's scanner reads the text without
    recursion, token by token, so this costs little and stops at the first such token."""
    if len(fm_text) > MAX_FRONTMATTER:
        raise SourceProblem(f"the frontmatter is {len(fm_text) // 1024} KB, more than the "
                            f"{MAX_FRONTMATTER // 1024} KB metadata may take; keep it to the source's fields", 2)
    depth = 0
    for token in yaml.scan(fm_text, Loader=_Loader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            raise SourceProblem("the frontmatter uses a YAML anchor or alias (& or *); write each value out",
                                token.start_mark.line + 2)
        if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken,
                              yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken)):
            depth += 1
            if depth > MAX_NESTING:
                raise SourceProblem(f"the frontmatter nests lists or mappings more than {MAX_NESTING} deep; "
                                    "a source's fields are plain values", token.start_mark.line + 2)
        elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)):
            depth -= 1


def _yaml_problem(exc: Exception, fm_text: str) -> SourceProblem:
    """``file:line`` for a YAML error, or for a value a tag could not make (``!!int abc``)."""
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    if mark is not None:  # the mark counts from the frontmatter's first line, line 2 of the file
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        return SourceProblem(f"the frontmatter is not valid YAML ({reason}); fix the syntax", mark.line + 2)
    line = next((i for i, text in enumerate(fm_text.split("\n"), start=2) if "!" in text), 2)
    return SourceProblem(f"a value of the frontmatter cannot be read ({exc}); write it as plain text "
                         "without a YAML tag such as !!int or !!timestamp", line)


def parse_source(path: Path, raw: bytes) -> Source:
    """Parse the bytes of one source file; raises ``SourceProblem`` describing what to fix."""
    text = _decode(path, raw)
    fm_text, body, body_line = _frontmatter_span(text)
    try:
        if fm_text:
            _check_shape(fm_text)
        data = YAMLHandler().load(fm_text, Loader=_Loader) if fm_text else {}
    except SourceProblem:
        raise
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, fm_text) from None
    except Exception as exc:  # noqa: BLE001 - a tag's constructor failed (ValueError, IndexError, ...)
        raise _yaml_problem(exc, fm_text) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceProblem("the frontmatter must be a mapping of fields such as 'title: ...'", 2)
    try:
        meta = parse_metadata(data)
    except FieldErrors as exc:
        found = [(str(e), _field_line(fm_text, e.field)) for e in exc.errors]
        raise SourceProblem(*found[0], more=tuple(found[1:])) from None
    if not body.strip():
        raise SourceProblem("the file has frontmatter but no article text after it", body_line)
    return Source(id=path.stem, path=path, meta=meta, body=body, body_first_line=body_line)


def _check_path(path: Path, root: Path) -> None:
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise SourceProblem(
                f"the file is a link to {target}, outside the sources folder; "
                "copy the article into the folder instead"
            )
    if path.stem.lower() == "index":
        raise SourceProblem("'index' is the address of the sources list; rename the file")
    if suffix := WEB_SUFFIX.search(path.stem):
        raise SourceProblem(f"the name ends in '{suffix.group(0)}', which the site would take for a file of its "
                            "own rather than a page; rename the file")
    if not SOURCE_ID.match(path.stem):
        raise SourceProblem(
            "the file name must start with a letter or digit and use only letters, digits, "
            "'.', '_' and '-' (it becomes the page address); rename the file"
        )


_NOT_MARKDOWN = (
    "only markdown files (.md) are read from the sources folder; "
    "rename it to .md, import it with 'python -m build_scripts import-folder', or move it out"
)


T = TypeVar("T")


@overload
def load_sources(root: Path) -> tuple[list[Source], list[InputProblem]]: ...
@overload
def load_sources(root: Path, parse: Callable[[Path, bytes], T]) -> tuple[list[T], list[InputProblem]]: ...


def load_sources(
    root: Path, parse: Callable[[Path, bytes], Any] = parse_source
) -> tuple[list[Any], list[InputProblem]]:
    """Load every ``*.md`` file in ``root``, sorted by id; collect every problem.

    ``parse`` turns a file's bytes into the result (a Source by default); the
    pipeline passes one that reuses earlier work for unchanged bytes. The
    overloads above give callers the type of the result.
    """
    sources: list[Any] = []
    problems: list[InputProblem] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.iterdir()) if root.is_dir() else []:
        if path.name.startswith("."):
            continue  # editor and system files (.DS_Store, .swp)
        if path.suffix != ".md" or path.is_dir():
            problems.append(InputProblem(path, _NOT_MARKDOWN))
            continue
        try:
            _check_path(path, root)
            if path.stat().st_size > MAX_BYTES:
                raise SourceProblem(_too_large(path.stat().st_size))
            source = parse(path, path.read_bytes())
        except SourceProblem as exc:
            problems += exc.problems(path)
            continue
        except OSError as exc:
            problems.append(InputProblem(path, f"cannot be read ({exc.strerror})"))
            continue
        key = path.stem.lower()
        if key in seen:
            problems.append(
                InputProblem(path, f"has the same id as {seen[key].name}; rename one of the two files")
            )
            continue
        seen[key] = path
        sources.append(source)
    return sources, problems


def address_clashes(sources: Iterable[Source]) -> list[InputProblem]:
    """Each former id (``former_ids``) whose old address cannot lead to its source: the address of
    a source's page now, or the former id of another source too. Ids compare without case, as
    they do on a case-insensitive disk."""
    sources = list(sources)
    current = {s.id.lower(): s for s in sources}
    claimed: dict[str, Source] = {}
    problems = []
    for source in sources:
        for old in source.meta.former_ids:
            owner, earlier = current.get(old.lower()), claimed.get(old.lower())
            if owner is source:
                message = f"former_ids: '{old}' is this source's own id; remove it from former_ids"
            elif owner is not None:
                message = (f"former_ids: '{old}' is the id of {owner.path.name}, whose page is at that address; "
                           "remove it from former_ids, or rename that file")
            elif earlier is not None:
                message = (f"former_ids: '{old}' is also a former id of {earlier.path.name}, and an old address "
                           "leads to one source only; remove it from one of the two")
            else:
                claimed[old.lower()] = source
                continue
            problems.append(InputProblem(source.path, message, _former_ids_line(source.path)))
    return problems


def _former_ids_line(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 0
    return next((i for i, line in enumerate(lines, start=1) if re.match(r"^former_ids\s*:", line)), 0)
