"""Import a folder of plain-text articles described by a ``METADATA.yml`` file.

``METADATA.yml`` maps each file name to its fields (``title``, ``publisher``,
``author``, ``date``, ``url``, ``notes``…); ``null`` means unknown and is left
out of the written source. The article text is kept exactly as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.ingest.source_file import write_source
from build_scripts.load.metadata import FIELDS, FieldError, parse_metadata


@dataclass(frozen=True)
class Imported:
    source: Path
    dest: Path


_ENTRY = re.compile(r"^(\S[^:]*):\s*(?:#.*)?$")
_FIELD = re.compile(r"^\s+([A-Za-z_]+):\s?(.*)$")


def _scalar(raw: str) -> tuple[object, bool]:
    """One value of the lenient reader, and whether it had to be read as plain text.

    A value is YAML if it parses to a scalar or list; otherwise it is the text
    as written (a note such as ``See ("READ ALSO: ...")`` would parse as a mapping).
    """
    text = re.sub(r"\s+#.*$", "", raw).strip()
    if not text:
        return None, False
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text, True
    if isinstance(value, dict):
        return text, True
    return value, False


def _read_leniently(path: Path, text: str) -> tuple[dict[str, dict[str, object]], list[str]]:
    """Read the two-level ``file: / field: value`` form line by line.

    Hand-written metadata often has a note with an unquoted ``: `` in it, which
    strict YAML refuses; such a value is taken as the text it is, with a warning.
    """
    data: dict[str, dict[str, object]] = {}
    warnings: list[str] = []
    current: dict[str, object] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if entry := _ENTRY.match(line):
            current = data.setdefault(entry.group(1).strip(), {})
        elif (field := _FIELD.match(line)) and current is not None:
            value, plain = _scalar(field.group(2))
            if plain:
                warnings.append(f"{path}:{number}: not valid YAML; read as plain text: {value!r}")
            current[field.group(1)] = value
        else:
            raise ValueError(f"{path}:{number}: expected 'file name:' or an indented 'field: value'")
    return data, warnings


def read_metadata(path: Path) -> tuple[dict[str, dict[str, object]], list[str]]:
    """The fields of each file, and warnings about lines that needed lenient reading."""
    if not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return _read_leniently(path, text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must map each file name to its fields")
    return data, []


def import_folder(
    folder: Path, dest_dir: Path, *, overwrite: bool = False
) -> tuple[list[Imported], list[str]]:
    """Write ``dest_dir/<stem>.md`` for every ``*.txt`` and ``*.md`` file of ``folder``.

    Returns what was written and the warnings met on the way.
    """
    metadata, warnings = read_metadata(folder / "METADATA.yml")
    done: list[Imported] = []
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.md")]):
        fields = metadata.get(path.name) or {}
        meta = {k: v for k, v in fields.items() if k in FIELDS}
        try:
            parse_metadata(meta)  # refuse to write a source the build would reject
        except FieldError as exc:
            raise ValueError(f"{folder / 'METADATA.yml'}: {path.name}: {exc}") from None
        body = path.read_text(encoding="utf-8")
        dest = dest_dir / f"{path.stem}.md"
        write_source(dest, meta, body, overwrite=overwrite)
        done.append(Imported(path, dest))
    return done, warnings
