"""`add` reads a reference manager's export (issue 19, item 2): CSL-JSON and BibTeX as Zotero
writes them, the text from each record's snapshot, the record's metadata over the page's, and
records without a snapshot listed, not guessed."""

from __future__ import annotations

from pathlib import Path

from build_scripts.ingest.add import add_sources
from build_scripts.ingest.reference_export import is_export
from build_scripts.load.sources import load_sources

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"


def test_exports_are_told_from_other_inputs(tmp_path):
    assert is_export(EXPORTS / "zotero.json") and is_export(EXPORTS / "zotero.bib")
    (tmp_path / "data.json").write_text('{"not": "an export"}', encoding="utf-8")
    assert not is_export(tmp_path / "data.json") and not is_export(EXPORTS / "herald-wall.html")


def test_csl_json_records_with_snapshots_are_added_with_the_record_s_metadata(tmp_path):
    results = add_sources([str(EXPORTS / "zotero.json")], tmp_path / "sources")
    assert [r.status for r in results] == ["added", "error"]
    assert "no snapshot found for “A page saved without its snapshot”" in results[1].message
    [source], problems = load_sources(tmp_path / "sources")
    assert problems == []
    meta = source.meta
    assert (meta.title, meta.publisher, meta.author) == ("Council approves harbour wall", "Example Herald",
                                                         "Jane Roe and John Doe")
    assert meta.date is not None and meta.date.iso() == "2025-03-04"
    assert meta.retrieved is not None and meta.retrieved.iso() == "2025-03-05"
    assert meta.url == "https://herald.example/wall"  # tracking parameter gone
    assert "approved a new harbour wall on Monday" in source.body
    assert "Subscribe" not in source.body and "Home · News" not in source.body


def test_bibtex_records_find_their_snapshot_through_the_file_field(tmp_path):
    results = add_sources([str(EXPORTS / "zotero.bib")], tmp_path / "sources")
    assert [r.status for r in results] == ["added", "error"]
    assert results[1].origin.endswith("zotero.bib#NOFILE2025") and "no snapshot found" in results[1].message
    [source], _ = load_sources(tmp_path / "sources")
    assert source.meta.title == "Ukraine, Eastern European NATO Countries to Leave Anti-Landmine Treaty"
    assert source.meta.author == "Kyle Anzalone" and source.meta.publisher == "Libertarian Institute"
    assert source.meta.retrieved is not None and source.meta.retrieved.iso() == "2025-07-01"
    assert "signed a decree" in source.body


def test_an_export_without_records_is_an_error_not_a_silent_success(tmp_path, capsys):
    from build_scripts.cli import main

    empty = tmp_path / "empty.bib"
    empty.write_text("% nothing here\n", encoding="utf-8")
    assert main(["add", str(empty), "--root", str(tmp_path)]) == 1
    assert "nothing to add" in capsys.readouterr().err
