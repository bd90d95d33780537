"""Read every source and configuration page, reusing the per-source stages' cached results
and running the missing ones over every core; collect every problem."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.analyse.per_source import STAGE as ANALYSIS
from build_scripts.errors import InputProblem
from build_scripts.infra.cache import Forgetful, StageCache
from build_scripts.infra.stage import Stage
from build_scripts.infra.workers import Job, Refused, run_many
from build_scripts.load.country_rules import load_stance_rules
from build_scripts.load.sources import load_sources
from build_scripts.load.topics import load_key_facts, load_topics
from build_scripts.model import Inputs, Project
from build_scripts.pages.home import HOME_SRC_URI
from build_scripts.pages.source import STAGE as SOURCE_PAGE

CHAIN: tuple[Stage, ...] = (ANALYSIS, SOURCE_PAGE)
"""The per-source stages, each taking what the one before it gives."""
Progress = Callable[[str], None]
"""Where long work reports how far it is (a line of text)."""
PROGRESS_FROM = 500
"""New or changed sources from which their analysis reports progress."""


@dataclass
class _File:
    """A source file, and the key of each stage's result for it (in ``CHAIN`` order)."""

    path: Path
    raw: bytes
    keys: list[str]
    results: list[Any] = field(default_factory=list)
    """The stages' results found in the cache, from the first stage on."""


def _reader(cache: StageCache, chain: Sequence[Stage]) -> Callable[[Path, bytes], _File]:
    def read(path: Path, raw: bytes) -> _File:
        input_key = path.name.encode() + b"\0" + raw
        file = _File(path, raw, [cache.key(stage, input_key) for stage in chain])
        for stage, key in zip(chain, file.keys, strict=True):
            value = cache.get(key, stage)
            if value is None:
                break
            file.results.append(value)
        if file.results and file.results[0][0].source.path != path:  # the same file in another folder
            file.results = []
        return file

    return read


def _job(file: _File, cache: StageCache) -> Job:
    """Start from the first stage whose result is missing, with the result before it."""
    start = len(file.results)
    if not start:
        return Job(0, pickle.dumps((file.path, file.raw), protocol=pickle.HIGHEST_PROTOCOL))
    data = cache.pickled(file.keys[start - 1])
    return Job(start, data if data is not None else pickle.dumps(file.results[-1], protocol=pickle.HIGHEST_PROTOCOL))


def _counter(total: int, progress: Progress | None) -> Callable[[int], None] | None:
    """Reports every tenth of ``total``."""
    if progress is None or total < PROGRESS_FROM:
        return None
    done = 0
    step = max(1, total // 10)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if done % step < n or done == total:
            progress(f"analysed {done:,} of {total:,} new or changed sources")

    return advance


def run_per_source(sources_dir: Path, cache: StageCache, progress: Progress | None = None,
                   chain: Sequence[Stage] = CHAIN) -> tuple[list[list[Any]], list[InputProblem]]:
    """Each valid source's results of every stage of ``chain``, in file order; every problem."""
    files, problems = load_sources(sources_dir, _reader(cache, chain))
    pending = [f for f in files if len(f.results) < len(chain)]
    outcomes = run_many(chain, [_job(f, cache) for f in pending], _counter(len(pending), progress))
    done: list[list[Any]] = []
    for file in files:
        if len(file.results) < len(chain):
            outcome = next(outcomes)  # unpickled as they come
            if isinstance(outcome, Refused):
                problems.append(InputProblem(file.path, outcome.message, outcome.line))
                problems += [InputProblem(file.path, message, line) for message, line in outcome.more]
                continue
            if isinstance(outcome, str):  # one odd article must not hide the others
                problems.append(InputProblem(file.path, f"the {outcome}; please report it with this file attached"))
                continue
            start = len(file.results)
            file.results += [cache.put_pickled(file.keys[start + i], data) for i, data in enumerate(outcome)]
        done.append(file.results)
    problems.sort(key=lambda p: str(p.path))  # in file order, as read
    reused = len(files) - len(pending)
    if progress is not None and reused:
        progress(f"{_count(reused, 'unchanged source')} reused from the cache, "
                 f"{_count(len(pending), 'source')} analysed")
    return done, problems


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def load_inputs(project: Project, cache: StageCache | None = None,
                progress: Progress | None = None) -> tuple[Inputs, list[InputProblem]]:
    """Read and clean every source and read every configuration page; collect every problem."""
    cache = cache if cache is not None else StageCache(Forgetful())
    results, problems = run_per_source(project.sources_dir, cache, progress)
    topics, topic_problems = load_topics(project.docs_dir)
    facts, fact_problems = load_key_facts(project.docs_dir / HOME_SRC_URI)
    stance_rules, stance_problems = load_stance_rules(project.docs_dir)
    problems += topic_problems + fact_problems + stance_problems
    if not project.sources_dir.is_dir():
        problems.append(InputProblem(project.sources_dir,
                                     "the sources folder does not exist; create it and add articles"))
    documents = [r[0][0] for r in results]
    made = {stage.name: {r[0][0].source.id: r[i] for r in results} for i, stage in enumerate(CHAIN) if i}
    return Inputs(documents, topics, facts, stance_rules, [r[0][1] for r in results], made), problems
