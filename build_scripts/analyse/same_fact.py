"""Whether two sentences can report one fact, whatever words they share.

``claims`` groups sentences by their words; before two groups merge, their sampled members
must pass the checks here (``_Facts.compatible``). Two sentences report different facts when
they name different countries, date one event differently, give an intention and a deed, a
change of a figure and its value, or figures that conflict, or share too few words that are
not names.
"""

from __future__ import annotations

import re

from build_scripts.analyse.disagreements import (
    Attribute,
    attribute,
    dated_events,
    dates_differ,
    event_key,
    same_attribute,
    same_event,
)
from build_scripts.analyse.features import Features
from build_scripts.analyse.quantities import consistent
from build_scripts.analyse.similarity import Weights, cosine, terms
from build_scripts.model import PartialDate, Quantity, Sentence

SAME_PREDICATE = 0.15
"""Cosine two sentences need over their words that are not names: sharing a person, a company
or a place ("Maren Holt", "Meridian Mutual") is not reporting the same thing about them."""

_INTENT = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|planning|intends?|intended|intending|prepares?|"
                     r"preparing|expected|going)\s+to)\s+(?:not\s+|also\s+|still\s+|soon\s+|be\s+|[^\W\d_]+ly\s+)?"
                     r"([^\W\d_]+)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
"""An intention, a plan or a forecast rather than something done, and the verb it governs."""
_NUMBER = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
_CHANGE = re.compile(r"\bfrom\s+[^.;,]{0,30}?" + _NUMBER + r"[^.;,]{0,30}?\bto\s+[^.;,]{0,15}?" + _NUMBER
                     + r"|\bto\s+[^.;,]{0,15}?" + _NUMBER + r"[^.;]{0,20}?\bfrom\s+[^.;,]{0,30}?" + _NUMBER,
                     re.IGNORECASE)
"""A figure changed: "reduced from 2 kilometres to 500 metres", "raised … to €65 million, from …"."""


_NAMES = re.compile(r"\b[A-Z][\w’'-]*")


class _Facts:
    """What keeps two sentences from reporting one fact, whatever their words share: they name
    different countries (each names some, none in common: "Lithuania ratified the treaty in
    2003", "Poland ratified the treaty in 2012"), or they date the same event differently
    ("the withdrawals take effect on 27 December 2025", "its withdrawal takes effect on 20
    February 2026"): two events, or a conflict that ``disagreements`` shows, not one statement.
    Nor is an intention the deed ("said it would investigate the fire", "opened a formal
    investigation"), nor a change of a figure its value ("reduced from 2 kilometres to 500
    metres", "set up a 2-kilometre exclusion zone")."""

    def __init__(self, sentences: list[Sentence], features: Features, weights: Weights[str] | None = None) -> None:
        self.sentences = sentences
        self.features = features
        self.weights = weights
        self._predicates: dict[int, dict[str, float]] = {}
        self._figures: dict[int, list[tuple[Attribute, Quantity]]] = {}
        self._compatible: dict[tuple[int, int], bool] = {}
        self._countries: dict[int, frozenset[str]] = {}
        self._dates: dict[int, list[tuple[frozenset[str], PartialDate]]] = {}
        self._mood: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str], bool]] = {}

    def countries(self, node: int) -> frozenset[str]:
        found = self._countries.get(node)
        if found is None:
            text = self.sentences[node].text
            found = self._countries[node] = frozenset(c for p in self.features.places(text) for c in p.codes)
        return found

    def dates(self, node: int) -> list[tuple[frozenset[str], PartialDate]]:
        found = self._dates.get(node)
        if found is None:
            s = self.sentences[node]
            found = self._dates[node] = [(event_key(s.text, m), m.date) for m in dated_events(self.features, s)]
        return found

    def mood(self, node: int) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
        """Stems of the verbs it says someone will or would do, of the verbs after "to", of
        all its words; and whether it reports a figure changing."""
        found = self._mood.get(node)
        if found is None:
            text = self.sentences[node].text
            words = [w.casefold() for w in _WORDS.findall(text)]
            intended = frozenset(m.group(1).casefold()[:5] for m in _INTENT.finditer(text))
            infinitive = frozenset(b[:5] for a, b in zip(words, words[1:], strict=False) if a == "to")
            found = self._mood[node] = (intended, infinitive, frozenset(w[:5] for w in words),
                                        _CHANGE.search(text) is not None)
        return found

    def _intention_and_deed(self, x: int, y: int) -> bool:
        """``x`` says something will be done that ``y`` reports as done ("said it would
        investigate the fire", "opened a formal investigation")."""
        intended, _, _, _ = self.mood(x)
        other_intended, infinitive, words, _ = self.mood(y)
        return bool((intended & words) - other_intended - infinitive)

    def predicate(self, node: int) -> dict[str, float]:
        """The weighted stems of the words that are not names: what the sentence says happened."""
        found = self._predicates.get(node)
        if found is None:
            text = _NAMES.sub(" ", self.sentences[node].text)
            found = self._predicates[node] = self.weights.vector(terms(text)) if self.weights else {}
        return found

    def figures(self, node: int) -> list[tuple[Attribute, Quantity]]:
        found = self._figures.get(node)
        if found is None:
            text = self.sentences[node].text
            found = self._figures[node] = [(attribute(text, q), q) for q in self.features.quantities(text)]
        return found

    def _figures_conflict(self, x: int, y: int) -> bool:
        """A figure for the same attribute that cannot be the other's: "Fourteen people were
        injured" (16 October) and "More than 20 people were injured" (22 October) are two
        reports, not one fact (``disagreements`` shows them side by side)."""
        return any(same_attribute(ax, ay, False) and not consistent([qx, qy])
                   for ax, qx in self.figures(x) for ay, qy in self.figures(y))

    def compatible(self, x: int, y: int) -> bool:
        """Remembered per pair: merging groups compares their sampled members again and again."""
        pair = (x, y) if x < y else (y, x)
        known = self._compatible.get(pair)
        if known is None:
            known = self._compatible[pair] = self._check(*pair)
        return known

    def _check(self, x: int, y: int) -> bool:
        cx, cy = self.countries(x), self.countries(y)
        if cx and cy and not cx & cy:
            return False
        if self.mood(x)[3] != self.mood(y)[3] or self._intention_and_deed(x, y) or self._intention_and_deed(y, x):
            return False
        if self.weights is not None and cosine(self.predicate(x), self.predicate(y)) < SAME_PREDICATE:
            return False
        if self._figures_conflict(x, y):
            return False
        return not any(same_event(kx, ky) and dates_differ(dx, dy)
                       for kx, dx in self.dates(x) for ky, dy in self.dates(y))
