"""Read one input of ``add``: a URL, a saved HTML page, a markdown or a plain-text file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from build_scripts.ingest.candidate import Candidate
from build_scripts.ingest.fetch import MAX_PAGE_BYTES, fetch
from build_scripts.ingest.html_page import read_html
from build_scripts.load.metadata import meta_fields
from build_scripts.load.sources import SourceProblem, load_source

_URL = re.compile(r"^https?://", re.I)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def today() -> dt.date:
    """The day a page is fetched: its ``retrieved`` date (the machine's own calendar day)."""
    return dt.date.today()


def read_input(item: str) -> Candidate:
    """Raises ValueError with a message naming the input and what went wrong."""
    if _URL.match(item):
        data, final_url = fetch(item)
        candidate = read_html(data, item, url=final_url)
        return Candidate(candidate.origin, candidate.body, {**candidate.meta, "retrieved": today().isoformat()})
    path = Path(item)
    if not path.is_file():
        raise ValueError(f"{item}: no such file (give a file path or an http(s) address)")
    if path.stat().st_size > MAX_PAGE_BYTES:  # checked before reading: extraction time grows with size
        raise ValueError(f"{item}: the file is larger than {MAX_PAGE_BYTES // 1048576} MB; "
                         "save only the article's page (without its images and scripts)")
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(path.read_bytes(), item)
    if path.suffix.lower() == ".md":
        try:
            source = load_source(path)
        except SourceProblem as exc:
            where = f"{item}:{exc.line}" if exc.line else item
            raise ValueError(f"{where}: {exc}") from None
        return Candidate(item, source.body.lstrip("\n"), meta_fields(source.meta))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{item}: not UTF-8 text; save it as UTF-8 or as .html") from None
    if "\x00" in text:
        raise ValueError(f"{item}: binary file; give a text, markdown or HTML file")
    if not text.strip():
        raise ValueError(f"{item}: the file is empty")
    return Candidate(item, text, {})

