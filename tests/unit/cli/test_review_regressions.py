"""Inputs that once crashed or misbehaved (found in review); each must now work or be refused clearly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from build_scripts.cli import main
from build_scripts.load.sources import load_sources
from build_scripts.model import PartialDate, Project, Source, SourceMeta
from build_scripts.pipeline import generate
from build_scripts.render.data_files import statements_csv
from build_scripts.text.document import build_document

ROOT = Path(__file__).resolve().parents[2]


def _project(tmp_path: Path, sources: dict[str, str]) -> Project:
    (tmp_path / "sources").mkdir()
    for name, text in sources.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    return Project(tmp_path / "sources", ROOT / "docs")


def test_sources_of_mixed_date_precision_build(tmp_path):
    project = _project(tmp_path, {
        "a.md": "---\ndate: 2025-06\n---\nUkraine will withdraw from the Ottawa Convention, the decree says.\n",
        "b.md": "---\ndate: 2025-06-30\n---\nUkraine signed a decree to withdraw from the Ottawa Convention.\n",
        "c.md": "---\ndate: 2025\n---\nThe Ottawa Convention bans anti-personnel mines in every state party.\n",
    })
    content = generate(project)
    assert "dated sources from 2025 to 30 June 2025" in content.additions["index.md"]
    assert sorted([PartialDate(2025, 6, 30), PartialDate(2025), PartialDate(2025, 6)], key=PartialDate.sort_key) == [
        PartialDate(2025), PartialDate(2025, 6), PartialDate(2025, 6, 30)]


def test_bare_heading_marks_and_cjk_sentences():
    doc = build_document(Source("x", Path("x.md"), SourceMeta(language="zh"),
                                "# \n#\n乌克兰宣布退出渥太华公约。该决定仍需议会批准。\n", 1))
    assert [b.kind for b in doc.blocks] == ["furniture", "text"]  # "#" alone is a stray mark
    assert doc.sentences


def test_index_is_a_reserved_id(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "Index.md").write_text("Some article text here.\n", encoding="utf-8")
    _, [problem] = load_sources(tmp_path / "sources")
    assert problem.message == "'index' is the address of the sources list; rename the file"


def test_output_folders_never_replace_the_project(tmp_path, capsys):
    assert main(["generate", "--out", str(ROOT), "--root", str(ROOT)]) == 1
    assert "this folder holds the project" in capsys.readouterr().err
    assert main(["generate", "--out", str(ROOT.parent), "--root", str(ROOT)]) == 1
    assert main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(ROOT)]) == 2
    assert "this folder holds the project" in capsys.readouterr().err
    assert (ROOT / "sources").is_dir() and (ROOT / "mkdocs.yml").is_file()


def test_csv_cells_cannot_become_formulas():
    rows = [{"id": "t/c", "topic": "t", "section": "S", "text": "=HYPERLINK(\"x\")", "sources": 1,
             "independent_sources": 1, "citations": [{"url": "sources/a/#s-0123456789"}]}]
    [row] = list(csv.DictReader(io.StringIO(statements_csv(rows))))
    assert row["statement"] == "'=HYPERLINK(\"x\")"
