"""Sources from a reference manager's export: CSL-JSON or BibTeX (as Zotero writes them), each
record's text read from the snapshot saved beside the export.

The record gives title, authors, publisher (the website or publication), date, address and
access date; the snapshot gives the text (and whatever metadata the record lacks). A record
whose snapshot cannot be found is listed, never guessed from its address or abstract.

Snapshots are found by the record's ``file`` field (BibTeX, as Zotero exports "with files":
``Snapshot:files/12/page.html:text/html``), or, for a record of either format, as
``files/<key>/*.html``, ``<key>.html`` or ``<key>.htm`` beside the export, ``<key>`` being the
record's id or citation key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bibtexparser.entrypoint import parse_string as parse_bibtex

from build_scripts.ingest.candidate import Candidate
from build_scripts.ingest.html_page import read_html

SNAPSHOT_SUFFIXES = (".html", ".htm", ".xhtml")
_BRACES = re.compile(r"[{}]")


@dataclass(frozen=True)
class Record:
    key: str
    meta: dict[str, Any]
    snapshots: tuple[Path, ...]
    """Where its snapshot may be, most likely first."""


def is_export(path: Path) -> bool:
    """A CSL-JSON file (a list of records) or a BibTeX file."""
    if path.suffix.lower() == ".bib":
        return True
    if path.suffix.lower() != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, list) and all(isinstance(r, dict) and "id" in r for r in data)


def _date(value: Any) -> str | None:
    """CSL's {"date-parts": [[2025, 6, 30]]} or BibTeX's "2025-06-30", at the precision given."""
    if isinstance(value, dict):
        parts = (value.get("date-parts") or [[]])[0]
        if parts and all(isinstance(p, (int, str)) and str(p).isdigit() for p in parts):
            return "-".join([f"{int(parts[0]):04d}", *(f"{int(p):02d}" for p in parts[1:3])])
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        return value.strip()
    return None


def _person(name: dict[str, Any]) -> str:
    if name.get("literal"):
        return str(name["literal"])
    return " ".join(str(name[k]) for k in ("given", "family") if name.get(k))


def _near(folder: Path, key: str) -> list[Path]:
    safe = re.sub(r"[^\w.-]", "_", key)
    found = [folder / f"{safe}{suffix}" for suffix in SNAPSHOT_SUFFIXES]
    files = folder / "files" / safe
    if files.is_dir():
        found += sorted(p for p in files.iterdir() if p.suffix.lower() in SNAPSHOT_SUFFIXES)
    return found


def _csl_records(path: Path) -> list[Record]:
    records = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        authors = [_person(a) for a in item.get("author") or [] if isinstance(a, dict)]
        meta = {"title": item.get("title"), "author": authors or None,
                "publisher": item.get("container-title") or item.get("publisher"),
                "date": _date(item.get("issued")), "url": item.get("URL"), "retrieved": _date(item.get("accessed")),
                "language": item.get("language")}
        records.append(Record(str(item["id"]), meta, tuple(_near(path.parent, str(item["id"])))))
    return records


def _bib_text(value: str | None) -> str | None:
    return " ".join(_BRACES.sub("", value).split()) if value else None


def _bib_authors(value: str | None) -> list[str] | None:
    if not value:
        return None
    names = []
    for name in re.split(r"\s+and\s+", value):
        if name.strip().startswith("{"):
            names.append(_bib_text(name) or "")
        elif "," in name:
            family, _, given = name.partition(",")
            names.append(f"{_bib_text(given)} {_bib_text(family)}".strip())
        else:
            names.append(_bib_text(name) or "")
    return [n for n in names if n] or None


def _bib_files(folder: Path, value: str | None) -> list[Path]:
    """Zotero's ``file`` field: "Title:path:mime" entries separated by ';'."""
    found = []
    for entry in (value or "").split(";"):
        parts = entry.split(":")
        candidates = [p for p in parts if p.lower().endswith(SNAPSHOT_SUFFIXES)]
        found += [folder / c.replace("\\:", ":") for c in candidates]
    return found


def _bib_records(path: Path) -> list[Record]:
    library = parse_bibtex(path.read_text(encoding="utf-8"))
    records = []
    for entry in library.entries:
        fields = {k.lower(): str(v.value) for k, v in entry.fields_dict.items()}

        def get(*names: str, fields: dict[str, str] = fields) -> str | None:
            return next((fields[n] for n in names if n in fields), None)

        meta = {"title": _bib_text(get("title")), "author": _bib_authors(get("author")),
                "publisher": _bib_text(get("journaltitle", "journal", "organization", "publisher", "howpublished")),
                "date": _date(get("date")) or _date(get("year")), "url": _bib_text(get("url")),
                "retrieved": _date(get("urldate")), "language": None}
        snapshots = _bib_files(path.parent, get("file")) + _near(path.parent, entry.key)
        records.append(Record(entry.key, meta, tuple(snapshots)))
    return records


def read_export(path: Path) -> list[Candidate | str]:
    """A candidate for each record with a snapshot, in the export's order; for a record
    without one, or whose snapshot holds no article, the message that says so."""
    records = _bib_records(path) if path.suffix.lower() == ".bib" else _csl_records(path)
    out: list[Candidate | str] = []
    for record in records:
        origin = f"{path}#{record.key}"
        snapshot = next((p for p in record.snapshots if p.is_file()), None)
        if snapshot is None:
            out.append(f"{origin}: no snapshot found for “{record.meta.get('title') or record.key}” "
                       "(export it with its files, or save the page and add it with the record's details)")
            continue
        try:
            page = read_html(snapshot.read_bytes(), str(snapshot), url=record.meta.get("url"))
        except ValueError as exc:
            out.append(f"{origin}: {exc}")
            continue
        known = {k: v for k, v in record.meta.items() if v not in (None, "", [])}
        out.append(Candidate(origin, page.body, {**page.meta, **known}))
    return out
