"""Article text and metadata from a saved web page, with trafilatura (no network)."""

from __future__ import annotations

import re
from typing import Any

from build_scripts.ingest.candidate import Candidate

# trafilatura reads the author from bylines and author boxes; a long value or
# one with a verb is a bio sentence, not a name, and is dropped rather than shown.
_MAX_AUTHOR_WORDS = 6


def _author(value: str | None) -> str | None:
    if not value:
        return None
    words = value.replace(";", " ").split()
    if len(words) > _MAX_AUTHOR_WORDS or " is " in f" {value} ":
        return None
    return value.replace(";", ", ")


_LANG = re.compile(rb"<html\b[^>]*?\slang=[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.I)


def _page_language(html: str | bytes) -> str | None:
    """The language the page declares on its ``<html lang>``; English is the default anyway."""
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
    match = _LANG.search(raw[:20000])
    if not match:
        return None
    code = match.group(1).decode("ascii")
    primary, _, region = code.partition("-")
    return primary.lower() + (f"-{region.upper()}" if region else "") if primary.lower() != "en" else None


def read_html(html: str | bytes, origin: str, url: str | None = None) -> Candidate:
    """Extract the main text (one paragraph a line) and title, author, date, site name, address.

    Only dates stated in the page's metadata are taken: no date is guessed from the text.
    Raises ValueError when the page holds no article text.
    """
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():  # a Document, as as_dict is off
        raise ValueError(f"{origin}: no article text found in the page")
    data: dict[str, Any] = doc.as_dict()
    meta = {
        "language": _page_language(html),
        "title": data.get("title"),
        "publisher": data.get("sitename"),
        "author": _author(data.get("author")),
        "date": data.get("date"),
        "url": url or data.get("url"),
    }
    return Candidate(origin, data["text"].strip() + "\n", {k: v for k, v in meta.items() if v})
