"""`add` as researchers expect (issue 19, item 3): a fetched page gets its retrieved date, the
stored address loses its tracking parameters, and fields other tools write are kept and shown."""

from __future__ import annotations

import datetime as dt

from build_scripts.ingest import read_input as read_input_module
from build_scripts.ingest.add import add_sources
from build_scripts.ingest.candidate import Candidate
from build_scripts.ingest.duplicates import without_tracking
from build_scripts.load.sources import load_sources
from build_scripts.pages.source import source_page
from build_scripts.text.document import build_document

TEXT = "The council approved the new harbour wall on Monday after a long debate.\n" * 20


def test_tracking_parameters_leave_the_address_and_the_rest_stays():
    assert without_tracking("https://ex.org/a?utm_source=x&id=7&fbclid=y#top") == "https://ex.org/a?id=7#top"
    assert without_tracking("https://ex.org/a?id=7") == "https://ex.org/a?id=7"


def test_a_fetched_page_is_stored_with_the_day_it_was_fetched_and_a_clean_address(tmp_path, monkeypatch):
    url = "https://news.example/story?utm_medium=social&page=2"
    monkeypatch.setattr(read_input_module, "fetch", lambda item: (b"<html></html>", url))
    monkeypatch.setattr(read_input_module, "read_html",
                        lambda data, item, url: Candidate(item, TEXT, {"title": "A story", "url": url}))
    monkeypatch.setattr(read_input_module, "today", lambda: dt.date(2026, 12, 2))
    [result] = add_sources([url], tmp_path / "sources")
    assert result.status == "added", result.message
    [source], _ = load_sources(tmp_path / "sources")
    assert source.meta.retrieved is not None and source.meta.retrieved.iso() == "2026-12-02"
    assert source.meta.url == "https://news.example/story?page=2"


def test_fields_of_other_tools_are_kept_and_shown_and_a_typo_is_not(tmp_path):
    note = tmp_path / "in.md"
    note.write_text("---\ntitle: From Obsidian\ntags: [mines, treaty]\naliases: Ottawa note\n---\n" + TEXT,
                    encoding="utf-8")
    [result] = add_sources([str(note)], tmp_path / "sources")
    assert result.status == "added", result.message
    [source], problems = load_sources(tmp_path / "sources")
    assert problems == [] and source.meta.extra == (("tags", "mines, treaty"), ("aliases", "Ottawa note"))
    page = source_page(build_document(source)).card
    assert "<td>tags (not read by the generator)</td>\n<td>mines, treaty</td>" in page
    typo = tmp_path / "typo.md"
    typo.write_text("---\ntitel: Typo\n---\n" + TEXT, encoding="utf-8")
    [refused] = add_sources([str(typo)], tmp_path / "sources")
    assert refused.status == "error" and "did you mean 'title'?" in refused.message
