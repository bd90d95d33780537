"""Run a chain of per-item stages over many items at once, on every core.

Each item is worked on alone, so a cold build of a large corpus spreads the
items over worker processes. A job is an item's input, pickled, and the
stage of the chain to start from (earlier stages' results may come from the
cache); a worker sends back each stage's result pickled, which is also the
form the cache keeps, so nothing is pickled twice. Small batches are done in
this process: starting workers costs more than it saves. The chain is the
caller's: nothing here knows what the stages do.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from build_scripts.infra.collector import collector_paused
from build_scripts.infra.stage import Stage, StageRefused

PARALLEL_FROM = 200
"""Jobs to run before worker processes are started."""
MAX_WORKERS = 8


@dataclass(frozen=True)
class Refused:
    """An input a stage refused: what to fix, and the line (0 if unknown)."""

    message: str
    line: int
    more: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Job:
    start: int
    """Index in the chain of the first stage to run."""
    data: bytes
    """That stage's input, pickled."""


Outcome = list[bytes] | Refused | str
"""The pickled result of each stage run, what made a stage refuse the input, or an error's
description (an exception may not survive pickling)."""


def run_chain(chain: Sequence[Stage], job: Job) -> Outcome:
    """Run ``chain`` from ``job.start`` on ``job.data``."""
    stage = chain[job.start]
    try:
        with collector_paused():
            value = pickle.loads(job.data)  # noqa: S301 - pickled by this program for its workers
            results = []
            for stage in chain[job.start:]:
                value = stage.run(value)
                results.append(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            return results
    except StageRefused as exc:
        return Refused(str(exc), exc.line, exc.more)
    except Exception as exc:  # noqa: BLE001 - reported against the item by the caller
        return f"{stage.name} failed ({type(exc).__name__}: {exc})"


def _workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def _start_method() -> str:
    """"fork" (quick, and safe for scripts without a main guard) unless other threads run:
    forking a process whose threads serve pages (``mkdocs serve``) is not safe, so it
    gets fresh interpreters ("spawn")."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def run_many(chain: Sequence[Stage], jobs: list[Job], progress: Callable[[int], None] | None = None
             ) -> Iterator[Outcome]:
    """The outcome of each job, in order, as they come."""
    workers = _workers()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            outcome = run_chain(chain, job)
            if progress:
                progress(1)
            yield outcome
        return
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, min(50, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for outcome in pool.map(partial(run_chain, tuple(chain)), jobs, chunksize=chunk):
            if progress:
                progress(1)
            yield outcome
