"""Parse, clean, split, extract and write the page of many sources at once, over every core.

Each source is worked on alone (``analyse_source``), so a cold build of a
large corpus spreads the sources over worker processes. They are sent the
files' bytes and parse them too: the YAML and metadata checks cost about
three times as much as reading the files, and would otherwise run in this
process alone before any worker starts. A worker sends back the result
pickled, which is also the form the cache keeps, so nothing is pickled
twice. Small corpora are done in this process: starting workers costs more
than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from build_scripts.analyse.features import DocumentFeatures, extract
from build_scripts.collector import collector_paused
from build_scripts.load.sources import SourceProblem, parse_source
from build_scripts.model import Document, Source
from build_scripts.render.source_page import SourcePage, source_page
from build_scripts.text.document import build_document

PARALLEL_FROM = 200
"""Sources to work on before worker processes are started."""
MAX_WORKERS = 8


def analyse_source(source: Source) -> tuple[Document, DocumentFeatures, SourcePage]:
    document = build_document(source)
    return document, extract(document), source_page(document)


@dataclass(frozen=True)
class Refused:
    """A file that is no valid source: what to fix, and the line (0 if unknown)."""

    message: str
    line: int


SourceFile = tuple[Path, bytes]
"""A file of ``sources/`` and its bytes."""


def _pickled(file: SourceFile) -> bytes | Refused | str:
    """The pickled result, the file's problem, or the error's description: an exception may
    not survive pickling."""
    try:
        source = parse_source(*file)
    except SourceProblem as exc:
        return Refused(str(exc), exc.line)
    try:
        with collector_paused():
            return pickle.dumps(analyse_source(source), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - reported against the source by the caller
        return f"{type(exc).__name__}: {exc}"


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


def analyse_many(files: list[SourceFile], progress: Callable[[int], None] | None = None
                 ) -> Iterator[bytes | Refused | str]:
    """For each file, in order: its pickled ``(Document, DocumentFeatures, SourcePage)``, what
    makes it no valid source, or an error message."""
    workers = _workers()
    if len(files) < PARALLEL_FROM or workers < 2:
        for file in files:
            result = _pickled(file)
            if progress:
                progress(1)
            yield result
        return
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, min(50, len(files) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for result in pool.map(_pickled, files, chunksize=chunk):
            if progress:
                progress(1)
            yield result
