"""An Atom feed of the sources (``feed.xml``), newest first, so readers can follow a story.

Atom needs a full timestamp on every entry: a source is in the feed when the day it was
retrieved (or, failing that, published) is known to the day, and that day is written at
midnight UTC. Sources known only to the month or year are left out, and the feed says how
many, rather than being given a day they do not have. Links are relative to the feed, which
sits at the site's root, so the feed works wherever the site is served.
"""

from __future__ import annotations

import uuid
from typing import Any

from build_scripts.model import Document, PartialDate
from build_scripts.pages.kind import DataFile, PageKind, SiteView, no_nav
from build_scripts.render.citation import plain_title
from build_scripts.render.templates import render

MAX_ENTRIES = 50
_NAMESPACE = uuid.UUID("6f1d2c0e-3b5a-4c1e-9a57-2f0b8e4d7c11")
"""Entry ids are name-based UUIDs of the source id: the same source keeps its id."""


def _timestamp(date: PartialDate | None) -> str | None:
    if date is None or date.month is None or date.day is None:
        return None
    return f"{date.iso()}T00:00:00Z"


def _entry(doc: Document, updated: str) -> dict[str, Any]:
    meta = doc.source.meta
    words = [s.text for s in doc.sentences[:2]]
    return {"id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, doc.source.id)}", "title": plain_title(doc),
            "page": f"sources/{doc.source.id}/", "url": meta.url, "updated": updated,
            "published": _timestamp(meta.date), "author": meta.author, "publisher": meta.publisher,
            "summary": " ".join(words)}


def write_feed(view: SiteView) -> str | None:
    """The feed, or None when no source has a day to put on an entry (Atom needs one)."""
    dated = []
    for doc in view.analysis.documents:
        meta = doc.source.meta
        stamp = _timestamp(meta.retrieved) or _timestamp(meta.date)
        if stamp:
            dated.append((stamp, doc))
    dated.sort(key=lambda item: (item[0], item[1].source.id), reverse=True)
    entries = [_entry(doc, stamp) for stamp, doc in dated[:MAX_ENTRIES]]
    if not entries:
        return None
    return render("feed.xml.j2", feed_id=f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed')}", entries=entries,
                  updated=entries[0]["updated"],
                  left_out=len(view.analysis.documents) - len(dated))


KIND = PageKind("feed", 90, no_nav, data=(DataFile("feed.xml", write_feed, folder=""),))
