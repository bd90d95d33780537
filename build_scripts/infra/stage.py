"""A stage of per-item work that can be cached and spread over worker processes.

A stage names the function that does the work and the code its result depends
on; the cache keys each result by the stage's input and that code, so editing
one stage's code (the wording of a source page, say) makes only that stage's
results stale, not every stage before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class StageRefused(Exception):
    """Raised by a stage for an input it cannot take: what to fix, and the line (0 if unknown)."""

    def __init__(self, message: str, line: int = 0, more: tuple[tuple[str, int], ...] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.more = more
        """Other problems of the same input, as (message, line)."""


def any_value(value: object) -> bool:
    return True


@dataclass(frozen=True)
class Stage:
    """``run`` must be defined at the top of a module (worker processes import it by name)."""

    name: str
    run: Callable[[Any], Any]
    code: tuple[str, ...]
    """Modules whose code (with every module of the package they import) the result depends on."""
    data: tuple[str, ...] = ()
    """Other files the result depends on (data, templates), as globs relative to the package."""
    types: tuple[type, ...] = ()
    """The classes a result is made of besides the shared types of ``model``: the only ones the
    cache will make when it reads a result back (see ``cache.safe_loads``)."""
    valid: Callable[[Any], bool] = any_value
    """Whether a result read back from the cache is of the expected shape (a function at the top
    of a module, like ``run``: stages are sent to worker processes)."""
