"""Which sentences to compare: the few that share the most of each one's rarer stems.

Comparing every sentence with every other grows with the square of the
corpus. Instead each sentence is compared with the ``NEIGHBOURS`` sentences
sharing the most weight of its rare stems (those used by at most
``MAX_POSTING`` sentences): the work per sentence is bounded, so it grows in
step with the corpus, and sentences that share no rare word (which could not
reach a useful cosine) are never compared.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from operator import neg

from build_scripts.analyse.similarity import Term, cosine

NEIGHBOURS = 12
MAX_POSTING = 100
"""Stems shared by more sentences than this are too common to block on."""
_SORT_UP_TO = 100

Vector = Mapping[Term, float]
Vectors = Sequence[Vector[Term]] | Mapping[int, Vector[Term]]
"""The vector of each term set by index: a mapping can compute them on first use."""


def close_pairs(term_sets: Sequence[Collection[Term]], vectors: Vectors[Term], threshold: float
                ) -> list[tuple[float, int, int]]:
    """``(cosine, i, j)`` with ``i < j`` for the candidate pairs at or above ``threshold``,
    closest first (ties by index, so the order never depends on hashing)."""
    cosines = candidate_cosines(term_sets, vectors)
    return [(cosines[i, j], i, j) for i, j in closest_first(cosines, threshold)]


def closest_first(cosines: Mapping[tuple[int, int], float], threshold: float) -> list[tuple[int, int]]:
    """The pairs of ``cosines`` at or above ``threshold``, closest first, ties by index."""
    close = sorted([pair for pair, c in cosines.items() if c >= threshold])
    # Stable, and stays so with ``reverse``: equal cosines keep the index order. Two sorts
    # without a key written in Python are faster than one with ``lambda p: (-c, i, j)``.
    close.sort(key=cosines.__getitem__, reverse=True)
    return close


def candidate_cosines(term_sets: Sequence[Collection[Term]], vectors: Vectors[Term]) -> dict[tuple[int, int], float]:
    """The cosine of every candidate pair ``(i, j)``, ``i < j``: each sentence with its
    ``NEIGHBOURS`` closest by shared rare weight (see the module docstring).

    Only the vectors of sentences with a rare stem, and of their neighbours, are looked up.
    """
    postings = _rare_postings(term_sets)
    pairs: set[tuple[int, int]] = set()
    for i, rare in _rare_terms(postings).items():
        pairs.update((i, j) if i < j else (j, i) for j in _neighbours(i, vectors[i], rare, postings))
    return {(i, j): cosine(vectors[i], vectors[j]) for i, j in pairs}


def _rare_postings(term_sets: Sequence[Collection[Term]]) -> dict[Term, list[int]]:
    """The sentences using each rare stem, in ascending order."""
    postings: defaultdict[Term, list[int]] = defaultdict(list)
    for i, terms in enumerate(term_sets):
        for term in terms:
            postings[term].append(i)
    return {term: posting for term, posting in postings.items() if len(posting) <= MAX_POSTING}


def _rare_terms(postings: Mapping[Term, list[int]]) -> dict[int, list[Term]]:
    """The rare stems of each sentence that has any, sorted (the shared weights are float sums)."""
    rare: defaultdict[int, list[Term]] = defaultdict(list)
    for term in sorted(postings):
        for i in postings[term]:
            rare[i].append(term)
    return rare


def _neighbours(i: int, vector: Vector[Term], rare: list[Term], postings: Mapping[Term, list[int]]) -> list[int]:
    """The ``NEIGHBOURS`` other sentences sharing the most weight of sentence ``i``'s rare
    stems (``rare``, sorted), ties to the lowest index."""
    if len(rare) == 1:  # a common case: every sentence of the posting shares the same weight
        return [j for j in postings[rare[0]][:NEIGHBOURS + 1] if j != i][:NEIGHBOURS]
    shared: defaultdict[int, float] = defaultdict(float)
    for term in rare:
        w = vector[term]
        for j in postings[term]:
            shared[j] += w
    shared.pop(i, None)
    if len(shared) <= NEIGHBOURS:
        return list(shared)
    # (weight, -index) pairs are unique, so either way finds the same closest; sorting
    # (in C) is faster than heapq's loop (in Python) up to about a hundred.
    ranked = zip(shared.values(), map(neg, shared), strict=True)
    closest = (sorted(ranked, reverse=True)[:NEIGHBOURS] if len(shared) <= _SORT_UP_TO
               else heapq.nlargest(NEIGHBOURS, ranked))
    return [-j for _, j in closest]
