"""The passage counts ``copies.CopyIndex`` keeps from one call to the next give what counting
afresh gives, whatever sources are added, removed, edited or copied meanwhile."""

from __future__ import annotations

import random

import pytest

from build_scripts.analyse.copies import CopyIndex, copied_sources

WORDS = ("the council said the harbour fire destroyed a warehouse on the quay and crews fought it through "
         "night while residents were told to keep windows closed because of smoke from burning cargo").split()


def _sentence(rng: random.Random) -> str:
    start = rng.randrange(len(WORDS) - 12)
    return " ".join(WORDS[start:start + rng.randint(8, 12)]) + f" {rng.choice(WORDS)}."


def _edit(rng: random.Random, corpus: dict[str, list[str]], n: int) -> None:
    kind = rng.choice(["add", "remove", "edit", "copy"])
    ids = sorted(corpus)
    if kind == "add" or len(ids) < 3:
        corpus[f"s{n}"] = [_sentence(rng) for _ in range(rng.randint(2, 8))]
    elif kind == "remove":
        del corpus[rng.choice(ids)]
    elif kind == "edit":
        sentences = corpus[rng.choice(ids)]
        sentences[rng.randrange(len(sentences))] = _sentence(rng)
    else:  # a wire story taken over by another source, or a copy made of one
        a, b = rng.sample(ids, 2)
        corpus[b] = list(corpus[a]) + ([_sentence(rng)] if rng.random() < 0.5 else [])


def _pairs(corpus: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(source, text) for source in corpus for text in corpus[source]]


def test_kept_counts_give_the_copies_counting_afresh_gives():
    rng = random.Random(7)
    corpus = {f"s{i}": [_sentence(rng) for _ in range(rng.randint(2, 8))] for i in range(12)}
    index = CopyIndex()
    copies_seen = 0
    for n in range(200):
        kept = copied_sources(_pairs(corpus), index)
        fresh = copied_sources(_pairs(corpus))
        assert kept == fresh
        afresh = _counted_afresh(corpus)
        assert dict(index.shared) == dict(afresh.shared)  # no count left at zero
        assert index.copied == afresh.copied
        copies_seen += len(kept[0])
        _edit(rng, corpus, 12 + n)
    assert copies_seen  # copies were found and kept across edits, not only single sources


def _counted_afresh(corpus: dict[str, list[str]]):
    fresh = CopyIndex()
    fresh.update({source: tuple(texts) for source, texts in corpus.items()})
    return fresh


def test_an_interrupted_update_is_forgotten_and_the_next_counts_afresh(monkeypatch):
    import build_scripts.analyse.copies as copies

    rng = random.Random(3)
    corpus = {f"s{i}": [_sentence(rng) for _ in range(5)] for i in range(6)}
    corpus["s6"] = list(corpus["s0"])  # a copy
    index = CopyIndex()
    copied_sources(_pairs(corpus), index)
    corpus["s1"] = [f"Other words entirely, number {i} of the list, apart from every story here." for i in range(5)]
    with monkeypatch.context() as patched:
        patched.setattr(copies, "passages", lambda text: (_ for _ in ()).throw(KeyboardInterrupt))
        with pytest.raises(KeyboardInterrupt):
            copied_sources(_pairs(corpus), index)
    assert copied_sources(_pairs(corpus), index) == copied_sources(_pairs(corpus))
    assert dict(index.shared) == dict(_counted_afresh(corpus).shared)
