"""What ``same_fact`` finds of each sentence, and of each pair of sentences, that does not depend on
the corpus's word weights: kept from one claim grouping to the next.

Under ``mkdocs serve`` an unchanged source hands back the very same sentence objects, and what
``same_fact`` reads of a sentence (its countries, dates, figures, mood, clauses, speaker) comes
from the sentence and its own source's findings alone. So each sentence object keeps its findings
(``Known``) as long as it lives, and each pair the verdict of the checks that use no word weight:
after an edit only the edited source's sentences, and the pairs they are in, are worked out
again. The checks that weigh words (``same_fact``'s cosines) are made on every grouping, as the
weights change with every sentence added.
"""

from __future__ import annotations

from itertools import count

from build_scripts.analyse.disagreements import Attribute
from build_scripts.model import PartialDate, Quantity, Sentence

Stems = frozenset[str]
Figures = list[tuple[Attribute, Quantity]]


class Known:
    """One sentence's findings, each worked out on first use (None until then)."""

    __slots__ = ("sentence", "serial", "countries", "dates", "mood", "order", "first_clause", "main_mood",
                 "shown", "specific", "figures", "main_figures", "predicate", "main", "speaker")

    def __init__(self, sentence: Sentence, serial: int) -> None:
        self.sentence = sentence
        self.serial = serial
        """Never given to another sentence: pairs are keyed by serials, which outlive no reuse."""
        self.countries: Stems | None = None
        self.dates: list[tuple[Stems, PartialDate]] | None = None
        self.mood: tuple[Stems, Stems, Stems, bool] | None = None
        self.order: tuple[bool, bool] | None = None
        self.first_clause: tuple[Stems, Stems] | None = None
        self.main_mood: tuple[Stems, Stems] | None = None
        self.shown: tuple[Stems | None] | None = None
        """``(stems,)`` of what the sentence says something shows, ``(None,)`` when it says none."""
        self.specific: Stems | None = None
        self.figures: Figures | None = None
        self.main_figures: Figures | None = None
        self.predicate: Stems | None = None
        """Stems of the main clause's words that are not names."""
        self.main: Stems | None = None
        """Stems of the main clause."""
        self.speaker: tuple[str | None] | None = None
        """``(speaker,)``: who is quoted, or ``(None,)``."""


class FactMemo:
    """The ``Known`` of each sentence object, and the weight-free verdicts of pairs by serials."""

    def __init__(self) -> None:
        self._known: dict[int, Known] = {}
        """By ``id`` of the sentence, which ``Known`` holds: no other object has that id meanwhile."""
        self._kept: dict[int, Known] = {}
        self._serials = count()
        self.pairs: dict[tuple[int, int], int] = {}
        """The weight-free verdict of each pair (``same_fact``), by the serials of its two sentences
        in the order compared."""
        self.figures: dict[tuple[int, int], bool] = {}
        """Whether the two sentences give one specific figure, by serials as ``pairs``."""

    def start(self) -> None:
        """A grouping begins: what it asks for (``of``) is what ``finish`` keeps."""
        self._kept = {}

    def of(self, sentence: Sentence) -> Known:
        known = self._known.get(id(sentence))
        if known is None or known.sentence is not sentence:
            known = Known(sentence, next(self._serials))
            self._known[id(sentence)] = known
        self._kept[id(sentence)] = known
        return known

    def finish(self) -> None:
        """Keep only the sentences the grouping asked for, and the pairs of two of them."""
        self._known = self._kept
        self._kept = {}
        alive = {k.serial for k in self._known.values()}
        for table in (self.pairs, self.figures):
            for pair in [p for p in table if p[0] not in alive or p[1] not in alive]:
                del table[pair]
