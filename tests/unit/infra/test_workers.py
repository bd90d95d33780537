"""A chain of stages runs over worker processes on many jobs, with the same results as in one process;
a stage that refuses its input or fails is reported, not raised."""

from __future__ import annotations

import pickle
import threading
from concurrent.futures import ProcessPoolExecutor

from build_scripts.analyse.per_source import analyse_file
from build_scripts.infra import workers
from build_scripts.infra.stage import Stage, StageRefused
from build_scripts.infra.workers import Job, Refused, run_chain, run_many
from build_scripts.pages.source import page_of
from build_scripts.pipeline.inputs import CHAIN
from tests.seed import SOURCES


def _files() -> list[tuple]:
    files = [(path, path.read_bytes()) for path in sorted(SOURCES.glob("*.md"))]
    assert len(files) == 5
    return files


def _jobs(values: list) -> list[Job]:
    return [Job(0, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for value in values]


def _unpickled(outcomes: list) -> list[list]:
    return [[pickle.loads(result) for result in outcome] for outcome in outcomes]


def _in_this_process(files: list[tuple]) -> list[list]:
    """Each stage of the per-source chain called directly: the analysis, then the page made from it."""
    done = []
    for file in files:
        analysed = analyse_file(file)
        done.append([analysed, page_of(analysed)])
    return done


def _in_processes(monkeypatch) -> list[int]:
    """Start workers from 2 jobs on, 2 of them; what this gives lists the pools started (their size)."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_workers", lambda: 2)
    pools: list[int] = []

    def pool(size, **kwargs):
        pools.append(size)
        return ProcessPoolExecutor(size, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", pool)
    return pools


def test_worker_processes_give_what_one_process_gives(monkeypatch):
    files = _files()
    serial = list(run_many(CHAIN, _jobs(files)))
    pools = _in_processes(monkeypatch)
    seen: list[int] = []
    parallel = list(run_many(CHAIN, _jobs(files), progress=seen.append))
    assert pools == [2]
    assert seen == [1] * len(files)
    assert _unpickled(parallel) == _unpickled(serial) == _in_this_process(files)


def test_a_job_starts_at_its_stage_with_the_result_before_it():
    """What the cache holds for the earlier stages is not worked out again."""
    analysed = [analyse_file(file) for file in _files()]
    outcomes = list(run_many(CHAIN, [Job(1, pickle.dumps(a)) for a in analysed]))
    assert _unpickled(outcomes) == [[page_of(a)] for a in analysed]


def test_fresh_interpreters_serve_when_threads_run(monkeypatch):
    """Under ``mkdocs serve`` other threads run, so workers are spawned, not forked."""
    files = _files()
    pools = _in_processes(monkeypatch)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers._start_method() == "spawn"
        spawned = list(run_many(CHAIN, _jobs(files)))
    finally:
        stop.set()
        thread.join()
    assert pools == [2]
    assert _unpickled(spawned) == _in_this_process(files)


def _refuse_odd(value: int) -> int:
    if value % 2:
        raise StageRefused(f"{value} is odd; give an even number", 7)
    return value


def _halve(value: int) -> int:
    if value == 0:
        raise ZeroDivisionError("nothing to halve")
    return value // 2


TOY_CHAIN = (Stage("even", _refuse_odd, ("build_scripts.infra.stage",)),
             Stage("half", _halve, ("build_scripts.infra.stage",)))


def test_a_refusal_comes_back_with_its_line_and_an_error_as_its_description():
    assert _unpickled([run_chain(TOY_CHAIN, job) for job in _jobs([8])]) == [[8, 4]]
    assert run_chain(TOY_CHAIN, _jobs([3])[0]) == Refused("3 is odd; give an even number", 7)
    assert run_chain(TOY_CHAIN, _jobs([0])[0]) == "half failed (ZeroDivisionError: nothing to halve)"
    assert run_chain(TOY_CHAIN, Job(1, pickle.dumps(0))) == "half failed (ZeroDivisionError: nothing to halve)"


def test_worker_processes_report_refusals_and_errors_as_one_process_does(monkeypatch):
    values = [8, 3, 0, 6]
    serial = list(run_many(TOY_CHAIN, _jobs(values)))
    pools = _in_processes(monkeypatch)
    parallel = list(run_many(TOY_CHAIN, _jobs(values)))
    assert pools == [2]
    assert parallel == serial
    assert [type(o).__name__ for o in serial] == ["list", "Refused", "str", "list"]
