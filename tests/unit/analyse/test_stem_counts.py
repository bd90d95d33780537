"""Word weights counted again only where sentences changed (``StemCounts``) are those counting
afresh gives, through additions, removals, replaced objects, repeats and failures."""

from __future__ import annotations

import random

import pytest

from build_scripts.analyse.sentence_memo import keep_between_builds
from build_scripts.analyse.similarity import Weights, terms
from build_scripts.analyse.stem_counts import StemCounts
from build_scripts.model import Sentence

_WORDS = "treaty mines withdrawal parliament vote border ministry report countries signed fire port".split()


@pytest.fixture(autouse=True)
def _another_build_follows():
    keep_between_builds(True)
    yield
    keep_between_builds(True)


def _sentence(rng: random.Random, n: int) -> Sentence:
    return Sentence(f"s{n % 7}", f"a{n}", " ".join(rng.choices(_WORDS, k=rng.randint(3, 8))), 0, 0)


def _same(a: Weights[str], b: Weights[str]) -> bool:
    return a.n == b.n and a._idf == b._idf and dict(a.df) == dict(b.df)


def _stems(s: Sentence) -> frozenset[str]:
    return terms(s.text)


def test_kept_counts_give_the_weights_counting_afresh_gives():
    rng = random.Random(5)
    sentences = [_sentence(rng, n) for n in range(40)]
    counts, made = StemCounts(), 40
    for _ in range(60):
        assert _same(counts.weights(sentences, _stems), Weights(map(_stems, sentences)))
        kind = rng.choice(("add", "remove", "replace", "same text"))
        i = rng.randrange(len(sentences))
        if kind == "add":
            sentences.insert(i, _sentence(rng, made))
            made += 1
        elif kind == "remove" and len(sentences) > 2:
            del sentences[i]
        elif kind == "replace":
            sentences[i] = _sentence(rng, made)
            made += 1
        else:  # a source read again: a new object with the same words
            old = sentences[i]
            sentences[i] = Sentence(old.source_id, old.anchor, old.text, old.block, old.start)


def test_a_sentence_given_twice_or_no_build_following_counts_afresh():
    rng = random.Random(2)
    sentences = [_sentence(rng, n) for n in range(10)]
    counts = StemCounts()
    counts.weights(sentences, _stems)
    twice = [*sentences, sentences[0]]
    assert _same(counts.weights(twice, _stems), Weights(map(_stems, twice)))
    assert _same(counts.weights(sentences, _stems), Weights(map(_stems, sentences)))
    keep_between_builds(False)
    assert _same(counts.weights(sentences, _stems), Weights(map(_stems, sentences)))
    assert not counts._seen


def test_a_failed_count_is_forgotten():
    rng = random.Random(3)
    sentences = [_sentence(rng, n) for n in range(10)]
    counts = StemCounts()
    counts.weights(sentences, _stems)
    changed = [_sentence(rng, 99), *sentences[1:]]

    def fail(s: Sentence) -> frozenset[str]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        counts.weights(changed, fail)
    assert _same(counts.weights(changed, _stems), Weights(map(_stems, changed)))
