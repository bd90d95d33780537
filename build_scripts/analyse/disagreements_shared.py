"""What the disagreement finders share: who a sentence is about, clauses, ids.

How close two sentences must be (``RELATED``) and how many mentions of a claim
are compared (``_PER_CLAIM``), the countries and names a sentence is about
(``actors``), the clause between the semicolons around a span, and the id of a
disagreement (``make_id``). Their words are read by ``disagreements_words``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from build_scripts.analyse.disagreements_words import _singular, _words
from build_scripts.analyse.similarity import Weights
from build_scripts.model import MONTHS, PlaceMention, Side

RELATED = 0.15
"""Cosine at or above which two sentences with the same kind of count are about the same thing."""
_PER_CLAIM = 40
"""Mentions of a claim compared pairwise at most (a claim of thousands of reports stays cheap)."""

_NOT_NAMES = frozenset(m.casefold() for m in MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split())


def actors(sentence: str, places: list[PlaceMention]) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a sentence names, and its other capitalised names (not its first word,
    nor months and weekdays): who the sentence is about."""
    codes = frozenset(c for p in places for c in p.codes)
    tokens = _words(sentence)
    # A sentence's first word is capitalised anyway: a name only when a number follows ("Shed 14").
    names = frozenset(_singular(w) for i, w in enumerate(tokens)
                      if w[:1].isupper() and w.casefold() not in _NOT_NAMES and len(w) > 1
                      and ((i > 0 and tokens[i - 1] not in ".:!?")
                           or (i + 1 < len(tokens) and tokens[i + 1].isdigit())))
    return codes, names


def _same_actors(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """No sign that the two sentences are about different countries: where both name some,
    they share one. (Other names are no such sign: one report names the insurer, another
    the city, of the same loss.)"""
    return not a[0] or not b[0] or bool(a[0] & b[0])


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start:end``: from the ``;`` before it to the ``;`` after it."""
    left = sentence.rfind(";", 0, start) + 1
    right = sentence.find(";", end)
    return left, right if right >= 0 else len(sentence)


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The part of a sentence between the semicolons around ``start:end``."""
    left, right = _clause_bounds(sentence, start, end)
    return sentence[left:right]


def vectors(weights: Weights[str], term_sets: Sequence[frozenset[str]]) -> list[dict[str, float]]:
    """``weights.vector`` of each term set, worked out once for equal sets (the figures or dates
    of one sentence or clause share its stems)."""
    made: dict[frozenset[str], dict[str, float]] = {}
    out = []
    for terms in term_sets:
        vector = made.get(terms)
        if vector is None:
            vector = made[terms] = weights.vector(terms)
        out.append(vector)
    return out


def make_id(kind: str, sides: list[Side]) -> str:
    key = kind + "|" + "|".join(sorted(f"{s.sentence.source_id}#{s.sentence.anchor}#{s.value}" for s in sides))
    return "d-" + hashlib.sha1(key.encode()).hexdigest()[:10]
