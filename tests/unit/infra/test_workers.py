"""Sources are analysed over worker processes on large corpora, with the same result as in one process."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

from build_scripts import workers
from build_scripts.load.sources import load_sources

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
