"""Write a source file: YAML frontmatter with the known fields, then the text."""

from __future__ import annotations

import datetime as dt
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
    text = body if body.endswith("\n") else body + "\n"
    if not known:
        return text
    header = yaml.safe_dump(known, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{header}---\n{text}"


def write_source(dest: Path, meta: dict[str, Any], body: str, *, overwrite: bool = False) -> None:
    if dest.exists() and not overwrite:
        raise FileExistsError(f"{dest} already exists; remove it or pass --force to replace it")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(format_source(meta, body), encoding="utf-8")
