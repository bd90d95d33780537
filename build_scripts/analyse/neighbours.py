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

from build_scripts.analyse.similarity import cosine

NEIGHBOURS = 12
MAX_POSTING = 100
"""Stems shared by more sentences than this are too common to block on."""


def close_pairs(term_sets: list[frozenset[str]], vectors: list[dict[str, float]], threshold: float
                ) -> list[tuple[float, int, int]]:
    """``(cosine, i, j)`` with ``i < j`` for the candidate pairs at or above ``threshold``,
    closest first (ties by index, so the order never depends on hashing)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(term_sets):
        for term in t:
            postings[term].append(i)
    keys: set[tuple[int, int]] = set()
    for i, t in enumerate(term_sets):
        shared: dict[int, float] = defaultdict(float)
        for term in sorted(t):
            posting = postings[term]
            if len(posting) <= MAX_POSTING:
                w = vectors[i][term]
                for j in posting:
                    shared[j] += w
        shared.pop(i, None)
        closest = shared if len(shared) <= NEIGHBOURS else heapq.nlargest(
            NEIGHBOURS, shared, key=lambda j: (shared[j], -j))
        for j in closest:
            keys.add((i, j) if i < j else (j, i))
    pairs = ((cosine(vectors[a], vectors[b]), a, b) for a, b in keys)
    return sorted((p for p in pairs if p[0] >= threshold), key=lambda p: (-p[0], p[1], p[2]))
