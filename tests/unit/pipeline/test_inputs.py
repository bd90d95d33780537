"""Reading the inputs: every source's stages run (over worker processes on large corpora), and every
problem is collected, naming its file."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts import workers
from build_scripts.infra.cache import StageCache
from build_scripts.load.sources import load_sources
from build_scripts.model import Project
from build_scripts.pipeline import load_inputs

ROOT = Path(__file__).resolve().parents[3]


def test_a_source_whose_analysis_fails_becomes_a_problem_naming_it(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")

    def fail_on_one(source):
        if source.id.startswith("002"):
            raise ValueError("splitter gave up")
        return real(source)

    real = workers.analyse_source
    monkeypatch.setattr(workers, "analyse_source", fail_on_one)
    inputs, problems = load_inputs(Project(tmp_path / "sources", ROOT / "docs"), StageCache())
    assert len(inputs.documents) == 4
    [problem] = problems
    assert problem.path.name.startswith("002")
    assert "could not be analysed (ValueError: splitter gave up)" in problem.message


def test_a_long_analysis_reports_its_progress_in_tenths(tmp_path, monkeypatch):
    from build_scripts import pipeline

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.setattr(pipeline, "PROGRESS_FROM", 2)
    lines: list[str] = []
    pipeline.load_inputs(Project(tmp_path / "sources", ROOT / "docs"), StageCache(), lines.append)
    assert lines == [f"analysed {n} of 5 new or changed sources" for n in range(1, 6)]
    lines.clear()
    monkeypatch.setattr(pipeline, "PROGRESS_FROM", 6)
    pipeline.load_inputs(Project(tmp_path / "sources", ROOT / "docs"), StageCache(), lines.append)
    assert lines == []


def test_a_file_the_workers_cannot_parse_is_reported_as_reading_it_alone_reports_it(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "sources" / "003b-broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    (tmp_path / "sources" / "003c-no-text.md").write_text("---\ntitle: Only a title\n---\n\n", encoding="utf-8")
    _, alone = load_sources(tmp_path / "sources")
    assert [p.line for p in alone] == [2, 4]
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_workers", lambda: 2)
    inputs, problems = load_inputs(Project(tmp_path / "sources", ROOT / "docs"), StageCache())
    assert problems == alone
    assert len(inputs.documents) == 5
