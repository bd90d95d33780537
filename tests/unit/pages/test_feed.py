"""The Atom feed of sources: valid XML, newest first, no invented day."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from build_scripts.load.sources import parse_source
from build_scripts.model import Analysis
from build_scripts.pages.feed import write_feed
from build_scripts.pages.kind import SiteView
from build_scripts.text.document import build_document

ATOM = "{http://www.w3.org/2005/Atom}"


def _doc(tmp_path, name, front):
    path = tmp_path / f"{name}.md"
    raw = f"---\n{front}\n---\nThe council approved the new harbour wall on Monday after a long debate.\n".encode()
    path.write_bytes(raw)
    return build_document(parse_source(path, raw))


def _feed(docs):
    return write_feed(SiteView(Analysis(docs, [], [], [], [], [], [], [], []), docs_dir=None))  # type: ignore[arg-type]


def test_entries_newest_first_with_their_own_days(tmp_path):
    docs = [_doc(tmp_path, "a", "title: Old <news> & more\ndate: 2025-01-05"),
            _doc(tmp_path, "b", "title: New\ndate: 2025-03-01\nretrieved: 2025-03-02\nurl: https://example.org/b?x=1&y=2"),
            _doc(tmp_path, "c", "title: Month only\ndate: 2025-02")]
    feed = ET.fromstring(_feed(docs))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["New", "Old <news> & more"]
    assert entries[0].findtext(f"{ATOM}updated") == "2025-03-02T00:00:00Z"
    assert entries[0].findtext(f"{ATOM}published") == "2025-03-01T00:00:00Z"
    assert entries[0].find(f"{ATOM}link[@rel='related']").get("href") == "https://example.org/b?x=1&y=2"
    assert entries[1].find(f"{ATOM}link[@rel='alternate']").get("href") == "sources/a/"
    assert feed.findtext(f"{ATOM}updated") == "2025-03-02T00:00:00Z"
    assert "1 source has no such day" in feed.findtext(f"{ATOM}subtitle")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 2


def test_no_feed_without_a_single_day_known(tmp_path):
    assert _feed([_doc(tmp_path, "a", "title: Undated")]) is None
