"""Work done in a forked copy of this process while this process goes on (under ``mkdocs serve``).

After an edit, the stages that read across sources run one after another while the machine's
other core stands idle, and their inputs (every sentence, every claim) are far too large to send
to a fresh interpreter as ``background`` does. A forked child already holds them: it works on its
copy of the memory and sends back only its result, pickled, with the objects the caller names
(``shared``: the sentences) sent as their place in that list, so the caller gets its own objects
back, not copies. Forking costs a copy of the pages either process writes while the child lives
(reference counts are writes), so it is worth it only for large inputs; ``Forked`` does the work
in this process when forking is not possible, and when the child fails or sends nothing readable.

What the child works out besides its result (the stages' memos) stays in the child: the caller's
memos stay as they were, and the child works out again what they lack.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
WAIT = 120.0
"""Seconds the caller waits for the child's result before stopping it and doing the work itself."""


def possible() -> bool:
    """Whether a forked child would have a core of its own, on a system where forking is safe."""
    if not hasattr(os, "fork") or sys.platform == "darwin":  # macOS' system libraries are not fork-safe
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:
        return (os.cpu_count() or 1) > 1


class Forked(Generic[T]):
    """``work()`` running in a forked child from the moment this is made, if ``fork`` and forking
    is ``possible``; else worked out here at once. Objects of ``shared`` in the result come back as
    the caller's own objects. Used as a context manager, it stops a child whose result was not
    asked for on leaving the block."""

    def __init__(self, work: Callable[[], T], shared: Sequence[object], fork: bool = True) -> None:
        self._work, self._shared = work, shared
        self._pid, self._read = 0, -1
        self._done: list[T] = []
        if not (fork and possible()):
            self._done.append(work())
            return
        read, write = os.pipe()
        try:
            with warnings.catch_warnings():  # Python 3.12 warns of forking a process with threads:
                warnings.simplefilter("ignore", DeprecationWarning)  # the child runs only ``work``
                pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            self._done.append(work())
            return
        if pid == 0:  # the child: never returns to the caller's code
            status = 1
            try:
                os.close(read)
                data = _dumps(work(), shared)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def result(self) -> T:
        """The work's result: the child's, or worked out here if the child failed."""
        if not self._done:
            data, ok = self._collect()
            value: T | None = None
            if ok:
                try:
                    value = _loads(data, self._shared)
                    ok = True
                except Exception:  # noqa: BLE001 - a child that sent something unreadable: work here
                    ok = False
            self._done.append(value if ok else self._work())  # type: ignore[arg-type]
        return self._done[0]

    def close(self) -> None:
        """Stop the child, if it is still running, and let it go."""
        if self._pid:
            os.close(self._read)
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0

    def _collect(self) -> tuple[bytes, bool]:
        """Everything the child wrote, and whether it ended well; a child that takes longer than
        ``WAIT`` is stopped."""
        chunks: list[bytes] = []
        deadline = time.monotonic() + WAIT
        try:
            while True:
                ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:  # too long: stopped below
                    return b"", False
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            os.close(self._read)
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            return b"".join(chunks), os.waitstatus_to_exitcode(status) == 0
        finally:
            self.close()


def _dumps(value: object, shared: Sequence[object]) -> bytes:
    places = {id(obj): k for k, obj in reversed(list(enumerate(shared)))}
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: places.get(id(obj))  # type: ignore[method-assign]
    pickler.dump(value)
    return out.getvalue()


def _loads(data: bytes, shared: Sequence[object]) -> Any:
    unpickler = pickle.Unpickler(io.BytesIO(data))  # noqa: S301 - written by this process's own fork
    unpickler.persistent_load = shared.__getitem__  # type: ignore[method-assign]
    return unpickler.load()
