"""What a stage found in each sentence on the last build, for the next to look up.

Under ``mkdocs serve`` an edit to one source leaves every other source's
findings (``Features``: the lists of quantities, dates, places and roles of
each sentence) and its sentences the very same objects from one build to the
next. What a stage works out from a sentence's text and those objects alone
(not from word weights or anything else read across the corpus) is then the
same too, and need not be worked out again: ``SentenceMemo`` keeps it by the
sentence's text (or another key), with the objects it came from, and gives it
back only while they are the same objects (held here, so that their identity
cannot pass to another object meanwhile). A configuration the values depend
on (``rules``) is compared by equality once a build. It keeps what the last
build asked for and nothing older.

The memo lives with the module: a change to the generator's code imports the
modules afresh (``hook.py``), and so starts it empty. When no build follows (``mkdocs build``,
``generate --out``: ``keep_between_builds(False)``), a stage's memo is emptied as the stage ends:
kept, the memos held about 300 MB more at the peak of a 10,000-source build (issue 20).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from operator import is_
from typing import Generic, TypeVar

_KEEP = [True]
"""Whether what a build worked out is kept for the next one."""


def keep_between_builds(keep: bool) -> None:
    """Keep what each build works out for the next (under ``mkdocs serve``), or not."""
    _KEEP[0] = keep


def keeping() -> bool:
    """Whether what a build works out is kept for the next (``keep_between_builds``)."""
    return _KEEP[0]


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SentenceMemo(Generic[K, V]):
    """Values by sentence (its text, or what else ``K`` is), each with the finding objects it was
    worked out from."""

    def __init__(self) -> None:
        self._last: dict[K, tuple[tuple[object, ...], V]] = {}
        self._now: dict[K, tuple[tuple[object, ...], V]] = {}
        self._rules: object = None

    def start(self, rules: object = None) -> None:
        """Begin a build: what the previous one asked for is what can be looked up, unless it was
        worked out under other ``rules`` (the configuration the values depend on, compared by
        equality)."""
        self._last, self._now = self._now or self._last, {}
        if rules != self._rules:
            self._last, self._rules = {}, rules

    def finish(self) -> None:
        """End a build: what it did not ask for is forgotten (and the rest, when no build follows)."""
        self._last = {}
        if not _KEEP[0]:
            self._now = {}

    def get(self, key: K, inputs: tuple[object, ...], work: Callable[[], V]) -> V:
        """The value for ``key`` worked out from ``inputs`` (compared by identity), or ``work()``."""
        kept = self._now.get(key) or self._last.get(key)
        if kept is not None and len(kept[0]) == len(inputs) and all(map(is_, kept[0], inputs)):
            value = kept[1]
        else:
            value = work()
        self._now[key] = (inputs, value)
        return value


In = TypeVar("In")


class SameInput(Generic[In, V]):
    """A stage's last result, given again while its input compares equal to the last build's.

    Under ``mkdocs serve`` an input made of the objects unchanged sources hand back compares
    by identity, element by element, so finding it unchanged costs far less than the work; an
    edited source's objects are new, equal or not. ``renew(last input, last result)`` makes the
    last result of the objects of this input, where it matters which. Nothing is kept when no
    build follows (``keep_between_builds(False)``)."""

    def __init__(self) -> None:
        self._last: tuple[In, V] | None = None

    def get(self, given: In, work: Callable[[], V], renew: Callable[[In, V], V] | None = None) -> V:
        last = self._last
        if last is not None and _KEEP[0] and last[0] == given:
            value = last[1] if renew is None else renew(*last)
        else:
            value = work()
        self._last = (given, value) if _KEEP[0] else None
        return value
