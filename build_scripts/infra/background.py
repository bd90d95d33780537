"""Work out something in another process while this process goes on.

After the sources are read, the stages that read across sources run one
after another in this process, and the machine's other cores stand idle.
Work whose input and result are small enough to send can run meanwhile in a
child process. The child is a fresh interpreter started for the purpose: a
forked child would share this process's memory, and every object this
process then touched (reference counts are writes) would be copied, page by
page, while the child lives; multiprocessing's "spawn" would run the
caller's main script again in the child. The caller does the work itself
when the machine has a single core, and when the child fails.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_HOME = str(Path(__file__).resolve().parents[2])
"""The folder holding the ``build_scripts`` package, for the child to import it from."""


def possible() -> bool:
    """Whether a child process would have a core of its own."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


class Background(Generic[T]):
    """``function(*args)`` running in a child process from the moment this is made; ``function``
    must be defined at the top of a module of ``build_scripts``, and the arguments and result
    must pickle. Used as a context manager, it stops the child on leaving the block."""

    def __init__(self, function: Callable[..., T], *args: Any) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_HOME, os.environ.get("PYTHONPATH")]))}
        self._process: subprocess.Popen[bytes] | None
        self._result: T | None = None
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from build_scripts.infra.background import _child; _child()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError:  # could not start
            self._process = None
            return
        assert self._process.stdin is not None
        try:
            with self._process.stdin as stdin:
                pickle.dump((function, args), stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # the child ended before reading its work
            self.close()

    def result(self) -> T | None:
        """What the function returned; ``None`` if the child failed. Waits for the child the first time."""
        if self._process is not None:
            self._result = self._wait(self._process)
            self._process = None
        return self._result

    def close(self) -> None:
        """Stop the child if its result was never asked for (the caller's work failed)."""
        if self._process is not None:
            self._process.kill()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process.wait()
            self._process = None

    def __enter__(self) -> Background[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _wait(process: subprocess.Popen[bytes]) -> T | None:
        with process:
            assert process.stdout is not None
            output = process.stdout.read()
        if process.returncode != 0:
            return None
        try:
            result: T = pickle.loads(output)  # noqa: S301 - written by this program's own child
            return result
        except Exception:  # noqa: BLE001 - a cut-off result: the caller does the work
            return None


def _child() -> None:
    function, args = pickle.load(sys.stdin.buffer)  # noqa: S301 - sent by the parent process
    result = function(*args)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
