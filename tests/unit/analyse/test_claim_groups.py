"""The grouping steps of claims: shortcuts that skip work give what the plain steps give."""

from __future__ import annotations

import random

from build_scripts.analyse.claims import (
    _copy_groups,
    _Groups,
    _term_ids,
    _Vectors,
    group_claims,
)
from build_scripts.analyse.copies import runs
from build_scripts.analyse.neighbours import candidate_cosines, closest_first
from build_scripts.analyse.similarity import Weights, cosine
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import Sentence

WORDS = "the minister said parliament will ratify treaty mines border war decree signed today".split()


def _plain_copy_groups(members: list[Sentence]):
    """As first written: every run of every member looked up in the union."""
    if len({m.source_id for m in members}) < 2:
        return (), ()
    union: UnionFind[str] = UnionFind()
    first_source: dict[str, str] = {}
    words: dict[str, str] = {}
    for m in members:
        union.add(m.source_id)
        for run in sorted(runs(m.text)):
            other = first_source.setdefault(run, m.source_id)
            a, b = union.find(other), union.find(m.source_id)
            if a != b:
                root = union.join(a, b)
                words[root] = min(words.get(a, run), words.get(b, run), run)
    groups = sorted((root, tuple(sorted(g))) for root, g in union.groups().items() if len(g) > 1)
    return tuple(g for _, g in groups), tuple(words[root] for root, _ in groups)


def _members(rng: random.Random) -> list[Sentence]:
    """Sentences of a few sources, many sharing runs of words (copied from a few originals)."""
    originals = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20))) for _ in range(3)]
    out = []
    for k in range(rng.randint(2, 12)):
        text = rng.choice(originals)
        if rng.random() < 0.5:
            words = text.split()
            cut = rng.randrange(len(words) + 1)
            text = " ".join(words[:cut] + [rng.choice(WORDS)] + words[cut:])
        out.append(Sentence(f"s{rng.randrange(5)}", f"a{k}", text, 0, 0))
    return out


def test_copy_groups_match_the_plain_union_of_every_run():
    rng = random.Random(5)
    for _ in range(400):
        members = _members(rng)
        assert _copy_groups(members, {}) == _plain_copy_groups(members)


def _merged(groups: _Groups, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Each group's members, root first, groups in the order of their first node."""
    for a, b in pairs:
        groups.try_merge(a, b)
    nodes: dict[int, list[int]] = {}
    for node, root in enumerate(groups.root):
        nodes.setdefault(root, []).append(node)
    for root, members in nodes.items():
        assert groups.group(root)[0] == root and sorted(groups.group(root)) == members
    return [groups.group(root) for root in nodes]


def test_remembered_cosines_change_no_merge():
    rng = random.Random(2)
    vocabulary = [f"w{k}" for k in range(150)]
    stem_sets = [frozenset(rng.sample(vocabulary[:rng.choice((20, 150))], rng.randint(2, 7))) for _ in range(600)]
    term_sets = _term_ids(stem_sets)
    weights = Weights(term_sets)
    cosines = candidate_cosines(term_sets, _Vectors(term_sets, weights))
    pairs = closest_first(cosines, 0.3)
    remembered = _merged(_Groups(_Vectors(term_sets, weights), len(term_sets), cosines), pairs)
    computed = _merged(_Groups(_Vectors(term_sets, weights), len(term_sets), {}), pairs)
    assert remembered == computed
    assert any(len(g) > 2 for g in remembered)
    vectors = [weights.vector(t) for t in term_sets]
    assert all(cosines[a, b] == cosine(vectors[a], vectors[b]) for a, b in pairs)


def test_no_sentences_make_no_claims():
    assert group_claims([]) == []


def _fields(claim):
    return claim.id, claim.members, claim.copy_groups, claim.shared_words


def test_remembered_claims_are_the_last_calls_while_their_members_are_the_same_objects():
    """Under ``mkdocs serve`` an unchanged source hands back the very same sentences: their claims
    are reused, and a changed source's claims are made again, equal to claims made afresh."""
    from dataclasses import replace

    from build_scripts.analyse.topics import eligible
    from build_scripts.load.sources import load_sources
    from build_scripts.text.document import build_document
    from tests.seed import SOURCES

    sources, _ = load_sources(SOURCES)
    sentences = [s for src in sources for s in build_document(src).sentences if eligible(s)]
    memo: dict = {}
    first = group_claims(sentences, memo=memo)
    assert [_fields(c) for c in first] == [_fields(c) for c in group_claims(sentences)]
    assert any(len(c.sources) > 1 for c in first)
    assert all(a is b for a, b in zip(group_claims(sentences, memo=memo), first, strict=True))

    edited = sources[0].id  # its sentences become new objects, as after an edit
    again = [replace(s) if s.source_id == edited else s for s in sentences]
    second = group_claims(again, memo=memo)
    assert [_fields(c) for c in second] == [_fields(c) for c in group_claims(again)]
    for before, after in zip(first, second, strict=True):
        assert (after is before) == (edited not in after.sources)
    assert len(memo) == len(second) and all(c in second for c in memo.values())
