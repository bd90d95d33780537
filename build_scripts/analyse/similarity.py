"""Word-based similarity of sentences: IDF-weighted cosine over crude stems.

Words are lower-cased, stop words dropped, plurals made singular, and cut to
their first six letters, a crude stem that makes "ratified" meet
"ratification", "states" meet "state" and "withdrawal" meet "withdrawing"
without a language model; numbers are one term however written. Weights come from
the corpus itself (inverse document frequency), so words every article uses
count for little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from operator import mul
from typing import Generic, TypeVar

STEM = 6
IDF_FLOOR = 0.5
_WORD = re.compile(r"[^\W_]+")
STOP_WORDS = frozenset(
    "a an the and or of to in on at by for with from as is are was were be been being has have had "
    "it its this that these those which who whom whose their they them he she his her we our us you your "
    "not no nor but if then than so such also there here into over under about after before while during "
    "more most other some any all each both either neither can could will would shall should may might must "
    "said says say according one two three".split()
)


_GROUPED_DIGITS = re.compile(r",(?<=\d,)(?=\d{3}\b)")
"""A comma between digits grouped by three; written to start with the comma, which ``re`` scans for
quickly (starting with the look-behind, it was tried at every character: 8 times slower)."""
_NUMBER_WORDS = {w: str(i + 2) for i, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())} | {w: str(20 + 10 * i) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_ORDINALS = {w: str(i + 3) for i, w in enumerate("third fourth fifth sixth seventh eighth ninth tenth".split())}
"""Ordinals as their number: "the body of a third worker" and "the toll rose to three" count the
same ("first" and "second" are left alone: "for the first time", "a second bay")."""
_COMPOUND_NUMBER = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(two|three|four|five|six|"
                              r"seven|eight|nine)\b")


def _stem(word: str) -> str:
    """A crude stem: the plural or past "-ies"/"-ied" as "-y", a plural "-s" dropped, then the
    first ``STEM`` letters ("parties", "party"; "notified", "notify"; "votes", "vote")."""
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return word[:STEM]


@lru_cache(maxsize=1 << 18)
def terms(text: str) -> frozenset[str]:
    """The stems of a sentence's content words. A number is one term however written: "12,000"
    as 12000, "Fourteen" as 14, "forty-three" as 43 (two and three are stop words as words), "third"
    as 3."""
    folded = text.casefold().replace("’", "'")
    if "," in folded:
        folded = _GROUPED_DIGITS.sub("", folded)
    if "-" in folded:  # each match holds one
        folded = _COMPOUND_NUMBER.sub(lambda m: str(int(_NUMBER_WORDS[m.group(1)]) + int(_NUMBER_WORDS[m.group(2)])),
                                      folded)
    out = set()
    known = _TERMS
    for w in _WORD.findall(folded):
        term = known.get(w)
        if term is None:
            term = known[w] = _term(w)
        if term:
            out.add(term)
    return frozenset(out)


_TERMS: dict[str, str] = {}
"""Each word's term, "" for none, worked out once: a corpus repeats its words (``terms`` of the
38,951 sentences of the 1,000-source benchmark: 0.43 -> 0.31 s; issue 20)."""


def _term(word: str) -> str:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word not in STOP_WORDS and (len(word) > 2 or word.isdigit()):
        return word if word.isdigit() else _stem(word)
    return ""


Term = TypeVar("Term", str, int)
"""A stem, or an integer standing for one (numbered in the stems' sorted order, so that
sorting the integers sorts the stems and every float sum keeps its order)."""


class Weights(Generic[Term]):
    """Inverse document frequency of each stem over a collection of term sets."""

    def __init__(self, term_sets: Iterable[Collection[Term]]) -> None:
        counts: Counter[Term] = Counter()
        n = 0
        for t in term_sets:
            counts.update(t)
            n += 1
        self.n = max(n, 1)
        self.df: Counter[Term] = counts
        # The floor keeps a word found in most sentences of a tiny corpus from weighing nothing.
        self._idf: dict[Term, float] = {
            term: max(IDF_FLOOR, math.log((self.n + 1) / (c + 0.5))) for term, c in counts.items()
        }

    @classmethod
    def of_counts(cls, counts: Counter[Term], n: int) -> Weights[Term]:
        """The weights of ``n`` term sets that hold each term as often as ``counts`` says."""
        made = cls(())
        made.n = max(n, 1)
        made.df = counts
        made._idf = {term: max(IDF_FLOOR, math.log((made.n + 1) / (c + 0.5))) for term, c in counts.items()}
        return made

    def idf(self, term: Term) -> float:
        return self._idf.get(term, math.log(self.n + 1))

    def vector(self, t: Collection[Term]) -> dict[Term, float]:
        """Unit-length weights of a set of terms, with the terms in sorted order."""
        ordered = sorted(t)  # fixed order: float sums repeat exactly
        idf, unseen = self._idf.get, math.log(self.n + 1)
        weights = [idf(term, unseen) for term in ordered]
        norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0
        return dict(zip(ordered, [w / norm for w in weights], strict=True))


def cosine(a: Mapping[Term, float], b: Mapping[Term, float]) -> float:
    """Over the shared stems only; ``fsum`` is exact, so the result does not depend on their order.

    Up to two products, plain addition gives the same correctly rounded sum, faster.
    Looking the smaller vector's terms up in the larger is faster than a set intersection.
    """
    if len(a) > len(b):
        a, b = b, a
    products = [w * b[term] for term, w in a.items() if term in b]
    n = len(products)
    if n > 2:
        return math.fsum(products)
    if n == 2:
        return products[0] + products[1]
    return products[0] if n else 0.0
