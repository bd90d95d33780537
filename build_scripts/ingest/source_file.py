"""Write a source file: YAML frontmatter with the known fields, then the text."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from build_scripts.load.dates import parse_date
from build_scripts.load.metadata import FIELDS


def _yaml_value(field: str, value: Any) -> Any:
    """Dates as YAML dates (``2025-06-30``) or plain ``2025-06`` / ``2025``, never quoted strings."""
    if field in ("date", "retrieved"):
        date = parse_date(value)
        return dt.date(date.year, date.month, date.day) if date.month and date.day else date.iso()
    return value


def format_source(meta: dict[str, Any], body: str) -> str:
    """Frontmatter of the fields that are known (unknown ones are left out), then the body."""
    known = {f: _yaml_value(f, meta[f]) for f in FIELDS if meta.get(f) not in (None, "")}
    known.update((k, v) for k, v in meta.items() if k not in FIELDS and v not in (None, ""))  # other tools' fields
    text = body if body.endswith("\n") else body + "\n"
    if not known:
        # A text whose first line is "---" would be read back as frontmatter: an empty one first.
        return f"---\n---\n{text}" if text.lstrip("\ufeff").split("\n", 1)[0].strip() == "---" else text
    header = yaml.safe_dump(known, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{header}---\n{text}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_exclusively(dest: Path, data: bytes) -> None:
    """Create ``dest`` (FileExistsError if taken) and write it; removed again if the write fails."""
    with dest.open("xb") as out:
        try:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        except OSError:
            dest.unlink(missing_ok=True)
            raise


def write_new(dest: Path, text: str) -> None:
    """Write ``text`` to ``dest`` whole or not at all, and never over an existing file.

    The bytes go to a hidden temporary file (which the build skips), are flushed to disk and
    read back, and the file is then linked under its name, which fails if the name is taken:
    a full disk or a killed process leaves no truncated source, and two runs never overwrite
    each other. Raises FileExistsError if ``dest`` exists, OSError if it cannot be written.
    """
    data = text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(dir=dest.parent, prefix=".add-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), 0o666 & ~_umask())  # as a file written plainly, not mkstemp's 0600
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if Path(temporary).read_bytes() != data:
            raise OSError(f"{dest}: the file read back differs from what was written")
        try:
            os.link(temporary, dest)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create the name exclusively instead
            _write_exclusively(dest, data)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_source(dest: Path, meta: dict[str, Any], body: str, *, overwrite: bool = False) -> None:
    if dest.exists() and not overwrite:
        raise FileExistsError(f"{dest} already exists; remove it or pass --force to replace it")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(format_source(meta, body), encoding="utf-8")
