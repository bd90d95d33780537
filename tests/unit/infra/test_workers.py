"""Sources are analysed over worker processes on large corpora, with the same result as in one process."""

from __future__ import annotations

import pickle
import shutil
import threading
from pathlib import Path

from build_scripts import workers
from build_scripts.infra.cache import StageCache
from build_scripts.load.sources import load_sources
from build_scripts.model import Project
from build_scripts.pipeline import load_inputs

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path = ROOT / "sources") -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in sorted(folder.glob("*.md"))]


def test_worker_processes_give_what_one_process_gives(monkeypatch):
    files = _files()
    serial = list(workers.analyse_many(files))
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_workers", lambda: 2)
    seen: list[int] = []
    parallel = list(workers.analyse_many(files, progress=seen.append))
    assert len(seen) == len(files)
    assert [pickle.loads(p) for p in parallel] == [pickle.loads(s) for s in serial]
    sources, _ = load_sources(ROOT / "sources")
    assert [pickle.loads(s) for s in serial] == [workers.analyse_source(s) for s in sources]


def test_fresh_interpreters_serve_when_threads_run(monkeypatch):
    """Under ``mkdocs serve`` other threads run, so workers are spawned, not forked."""
    sources, _ = load_sources(ROOT / "sources")
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_workers", lambda: 2)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers._start_method() == "spawn"
        spawned = list(workers.analyse_many(_files()))
    finally:
        stop.set()
        thread.join()
    assert [pickle.loads(p) for p in spawned] == [workers.analyse_source(s) for s in sources]


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
