"""Candidate pairs, cosines and weights: the fast paths give exactly what the plain algorithm gives."""

from __future__ import annotations

import heapq
import math
import random
from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse.claims import _term_ids, _Vectors
from build_scripts.analyse.neighbours import (
    MAX_POSTING,
    NEIGHBOURS,
    candidate_cosines,
    close_pairs,
    closest_first,
)
from build_scripts.analyse.similarity import Weights, cosine


def _plain_cosine(a: dict, b: dict) -> float:
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


def _plain_close_pairs(term_sets, vectors, threshold):
    """The algorithm as first written: every posting, ``nlargest`` with a key, one sort with a key."""
    postings: dict = defaultdict(list)
    for i, t in enumerate(term_sets):
        for term in t:
            postings[term].append(i)
    keys = set()
    for i, t in enumerate(term_sets):
        shared: dict = defaultdict(float)
        for term in sorted(t):
            if len(postings[term]) <= MAX_POSTING:
                for j in postings[term]:
                    shared[j] += vectors[i][term]
        shared.pop(i, None)
        closest = shared if len(shared) <= NEIGHBOURS else heapq.nlargest(
            NEIGHBOURS, shared, key=lambda j: (shared[j], -j))
        keys.update((i, j) if i < j else (j, i) for j in closest)
    pairs = ((_plain_cosine(vectors[a], vectors[b]), a, b) for a, b in keys)
    return sorted((p for p in pairs if p[0] >= threshold), key=lambda p: (-p[0], p[1], p[2]))


def _corpus(seed: int, sentences: int, vocabulary: int, words: int) -> list[frozenset[str]]:
    """Random term sets; a skewed vocabulary gives common, rare and once-used stems."""
    rng = random.Random(seed)
    stems = [f"w{k:05d}" for k in range(vocabulary)]
    return [frozenset(stems[min(int(rng.paretovariate(0.6)) - 1, vocabulary - 1)]
                      for _ in range(rng.randint(1, words))) for _ in range(sentences)]


@given(st.dictionaries(st.integers(0, 12), st.floats(0.001, 1.0), max_size=8),
       st.dictionaries(st.integers(0, 12), st.floats(0.001, 1.0), max_size=8))
def test_cosine_is_the_exact_sum_over_shared_terms(a, b):
    assert cosine(a, b) == _plain_cosine(a, b) == cosine(b, a)


def test_integer_terms_numbered_in_sorted_order_give_the_same_weights():
    stem_sets = _corpus(1, 300, 400, 12)
    id_sets = _term_ids(stem_sets)
    by_stem, by_id = Weights(stem_sets), Weights(id_sets)
    number = {stem: i for i, stem in enumerate(sorted(set().union(*stem_sets)))}
    for stems, ids in zip(stem_sets, id_sets, strict=True):
        assert sorted(ids) == sorted(number[s] for s in stems)
        by_stem_vector = by_stem.vector(stems)
        assert list(by_id.vector(ids).items()) == [(number[s], w) for s, w in by_stem_vector.items()]


def test_close_pairs_match_the_plain_algorithm():
    # Small vocabularies make long postings (and ties); large ones make many rare stems.
    for seed, (sentences, vocabulary, words) in enumerate([(400, 60, 6), (600, 3000, 15), (900, 500, 25),
                                                          (150, 40, 3)]):
        term_sets = _corpus(seed, sentences, vocabulary, words)
        weights = Weights(term_sets)
        vectors = [weights.vector(t) for t in term_sets]
        for threshold in (0.0, 0.15, 0.3):
            assert close_pairs(term_sets, vectors, threshold) == _plain_close_pairs(term_sets, vectors, threshold)


def test_many_shared_sentences_take_the_heap_path_and_agree():
    # Every sentence holds several rare stems, each used by ~MAX_POSTING sentences: hundreds share some weight.
    rng = random.Random(7)
    term_sets = [frozenset(f"r{rng.randrange(100)}" for _ in range(3)) | {f"u{i}"} for i in range(1500)]
    weights = Weights(term_sets)
    vectors = [weights.vector(t) for t in term_sets]
    assert close_pairs(term_sets, vectors, 0.1) == _plain_close_pairs(term_sets, vectors, 0.1)


def test_closest_first_orders_by_cosine_then_index():
    cosines = {(3, 4): 0.5, (0, 9): 0.5, (1, 2): 0.9, (0, 5): 0.2, (2, 7): 0.5}
    assert closest_first(cosines, 0.3) == [(1, 2), (0, 9), (2, 7), (3, 4)]


def test_lazy_vectors_are_computed_only_for_compared_sentences_and_change_nothing():
    term_sets = _term_ids(_corpus(3, 500, 2000, 10))
    weights = Weights(term_sets)
    lazy = _Vectors(term_sets, weights)
    plain = [weights.vector(t) for t in term_sets]
    assert candidate_cosines(term_sets, lazy) == candidate_cosines(term_sets, plain)
    assert 0 < len(lazy) < len(term_sets)
    assert all(lazy[i] == plain[i] for i in lazy)
