"""Importing a folder of text articles with a METADATA.yml."""

from __future__ import annotations

from build_scripts.cli import main
from build_scripts.ingest.seeds import import_folder
from build_scripts.load.sources import load_sources

METADATA = """\
a.txt:
  title: null            # unknown
  publisher: Example News
  date: 2025-06-30
  url: https://example.org/a
  notes: The last line ("READ ALSO: ...") is a link.
"""


def test_import_keeps_text_and_known_metadata(tmp_path, write):
    text = "First line of the article.\n\nSecond “quoted” line.\n"
    write("a.txt", text, folder="in")
    write("b.txt", "Another article with no metadata at all.\n", folder="in")
    write("METADATA.yml", METADATA, folder="in")
    done, warnings = import_folder(tmp_path / "in", tmp_path / "sources")
    assert [d.dest.name for d in done] == ["a.md", "b.md"]
    assert warnings == [
        f"{tmp_path / 'in' / 'METADATA.yml'}:6: not valid YAML; read as plain text: "
        "'The last line (\"READ ALSO: ...\") is a link.'"
    ]
    sources, problems = load_sources(tmp_path / "sources")
    assert problems == []
    a, b = sources
    assert a.body == text
    assert a.meta.title is None and a.meta.publisher == "Example News"
    assert a.meta.notes == 'The last line ("READ ALSO: ...") is a link.'
    assert "title" not in (tmp_path / "sources" / "a.md").read_text()
    assert b.meta == type(b.meta)()


def test_import_refuses_to_overwrite_and_bad_metadata(tmp_path, write, capsys):
    write("a.txt", "Text.\n", folder="in")
    write("a.md", "Existing.\n")
    assert main(["import-folder", str(tmp_path / "in"), "--dest", str(tmp_path / "sources")]) == 1
    assert "already exists; remove it or pass --force to replace it" in capsys.readouterr().err
    write("METADATA.yml", "a.txt:\n  url: ftp://x\n", folder="in")
    assert main(["import-folder", str(tmp_path / "in"), "--dest", str(tmp_path / "sources"), "--force"]) == 1
    assert "a.txt: 'url' must start with http:// or https://" in capsys.readouterr().err
