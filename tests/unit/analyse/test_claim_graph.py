"""Claim grouping under ``mkdocs serve`` (``claim_graph``): the first grouping is what grouping
afresh gives; after edits, only the sentences an edit reaches have their candidate pairs found
again, and the groups are those a grouping afresh finds with the same (frozen) word weights."""

from __future__ import annotations

import random
import statistics
from dataclasses import replace
from pathlib import Path

import pytest

from build_scripts.analyse import claim_graph
from build_scripts.analyse.claim_graph import ClaimGraph
from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.eligible import long_enough
from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.features import Features, extract
from build_scripts.bench.corpus import write_corpus
from build_scripts.load.sources import load_source
from build_scripts.model import Document
from build_scripts.text.document import build_document

SOURCES = Path(__file__).resolve().parents[3] / "sources"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Document]:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 60, SOURCES, seed=7)
    return [build_document(load_source(path)) for path in sorted(folder.glob("*.md"))]


def _sentences(documents: list[Document]):
    return [s for d in documents for s in d.sentences if long_enough(s)]


def _groups(claims) -> list[list[tuple[str, str]]]:
    return sorted(sorted((s.source_id, s.anchor) for s in c.members) for c in claims)


def _features(documents: list[Document]) -> Features:
    return Features([extract(d) for d in documents])


def _frozen_like(graph: ClaimGraph) -> ClaimGraph:
    """A new graph with ``graph``'s word weights and stem numbers: it groups everything afresh."""
    fresh = ClaimGraph()
    fresh.vocabulary = dict(graph.vocabulary)
    fresh.weights, fresh.fact_weights = graph.weights, graph.fact_weights
    fresh.frozen_over = 10**9  # its first call adds every node: not a reason to start afresh
    return fresh


def _edited(documents: list[Document], rng: random.Random, pool: list[str]) -> list[Document]:
    """One source changed as an editor would: a sentence added, dropped or replaced."""
    documents = list(documents)
    k = rng.randrange(len(documents))
    source = documents[k].source
    paragraphs = source.body.split("\n\n")
    what = rng.choice(("add", "drop", "replace", "copy"))
    where = rng.randrange(len(paragraphs))
    if what == "drop" and len(paragraphs) > 2:
        del paragraphs[where]
    elif what == "replace":
        paragraphs[where] = rng.choice(pool)
    elif what == "copy":  # a sentence another source has: one more member of a claim
        paragraphs.insert(where, rng.choice(_sentences(documents)).text)
    else:
        paragraphs.insert(where, rng.choice(pool))
    documents[k] = build_document(replace(source, body="\n\n".join(paragraphs)))
    return documents


def test_the_first_grouping_of_a_session_is_the_grouping_afresh(corpus):
    features = _features(corpus)
    graph = ClaimGraph()
    kept = group_claims(_sentences(corpus), features, {}, FactMemo(), graph=graph)
    assert _groups(kept) == _groups(group_claims(_sentences(corpus), features))
    assert graph.refound == len(graph.terms)
    assert any(len(c.sources) > 2 for c in kept)


def test_after_edits_the_groups_are_those_the_same_weights_give_afresh(corpus, monkeypatch):
    monkeypatch.setattr(claim_graph, "FROZEN_WHILE", 1.0)  # in so small a corpus, every edit would start afresh
    rng = random.Random(3)
    pool = [s.text for d in corpus for s in d.sentences] + [
        "The ministry said on Tuesday that 412 inspectors had been sent to the border region.",
        "Officials in Vilnius confirmed the decision, which takes effect in six months.",
    ]
    documents = corpus
    graph, memo, known = ClaimGraph(), {}, FactMemo()
    group_claims(_sentences(documents), _features(documents), memo, known, graph=graph)
    partial = []
    for _ in range(8):
        documents = _edited(documents, rng, pool)
        features = _features(documents)
        served = group_claims(_sentences(documents), features, memo, known, graph=graph)
        partial.append(graph.refound / len(graph.terms))
        afresh = group_claims(_sentences(documents), features, graph=_frozen_like(graph))
        assert _groups(served) == _groups(afresh)
    # Most edits find few pairs again; an edit to an early source can find many (its sentences
    # stand for every copy of them), and in so small a corpus nearly every stem is rare.
    assert statistics.median(partial) < 0.2, partial


def test_a_removed_source_and_its_return(corpus, monkeypatch):
    monkeypatch.setattr(claim_graph, "FROZEN_WHILE", 1.0)
    graph, memo, known = ClaimGraph(), {}, FactMemo()
    group_claims(_sentences(corpus), _features(corpus), memo, known, graph=graph)
    for documents in (corpus[1:], corpus[:30], corpus):
        features = _features(documents)
        served = group_claims(_sentences(documents), features, memo, known, graph=graph)
        assert _groups(served) == _groups(group_claims(_sentences(documents), features, graph=_frozen_like(graph)))
    assert _groups(served) == _groups(group_claims(_sentences(corpus), _features(corpus)))


def test_past_the_frozen_share_the_weights_are_worked_out_afresh(corpus):
    graph, memo, known = ClaimGraph(), {}, FactMemo()
    group_claims(_sentences(corpus), _features(corpus), memo, known, graph=graph)
    frozen = graph.weights
    few = _edited(corpus, random.Random(1), ["One more sentence, written for this test, about nothing else."])
    group_claims(_sentences(few), _features(few), memo, known, graph=graph)
    assert graph.weights is frozen and graph.drift == 1
    documents = corpus[5:]
    served = group_claims(_sentences(documents), _features(documents), memo, known, graph=graph)
    assert graph.weights is not frozen and graph.drift == 0
    assert _groups(served) == _groups(group_claims(_sentences(documents), _features(documents)))


def test_a_failed_grouping_starts_the_session_afresh(corpus, monkeypatch):
    graph = ClaimGraph()
    group_claims(_sentences(corpus), _features(corpus), graph=graph)
    documents = corpus[2:]

    def fail(*args, **kwargs):
        raise RuntimeError("stopped half-way")

    monkeypatch.setattr(graph, "_find_pairs", fail)
    with pytest.raises(RuntimeError):
        group_claims(_sentences(documents), _features(documents), graph=graph)
    monkeypatch.undo()
    assert graph.weights is None and not graph.terms
    served = group_claims(_sentences(documents), _features(documents), graph=graph)
    assert _groups(served) == _groups(group_claims(_sentences(documents), _features(documents)))


def test_the_greedy_pass_reuses_the_last_builds_cosines_of_other_pairs(corpus, monkeypatch):
    """With the weights frozen, a pair of texts the greedy pass compared in the last build (not a
    candidate pair) has the same cosine: it is not worked out again, and the groups are the same."""
    from build_scripts.analyse import claims

    worked_out = []
    original = claims.cosine
    monkeypatch.setattr(claims, "cosine", lambda a, b: worked_out.append(1) or original(a, b))
    features, graph, memo, known = _features(corpus), ClaimGraph(), {}, FactMemo()
    first = group_claims(_sentences(corpus), features, memo, known, graph=graph)
    assert worked_out and len(graph.group_cosines) == len(worked_out)
    worked_out.clear()
    again = group_claims(_sentences(corpus), features, memo, known, graph=graph)
    assert worked_out == [] and _groups(again) == _groups(first)
