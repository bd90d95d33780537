"""The stages that read across sources: claims, quotations, disagreements, timeline,
countries, topic sections and key facts, from the checked inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

from build_scripts.analyse.claim_graph import ClaimGraph
from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.copies import CopyIndex
from build_scripts.analyse.countries import profile_countries, rule_terms
from build_scripts.analyse.disagreements import (
    number_disagreements,
    quote_wording,
    title_disagreements,
)
from build_scripts.analyse.eligible import eligible, long_enough
from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.features import Features
from build_scripts.analyse.key_facts import fact_terms, pick_key_facts
from build_scripts.analyse.quote_groups import group_quotes
from build_scripts.analyse.sentence_memo import SentenceMemo, keeping
from build_scripts.analyse.terms import TermIndex, find_all
from build_scripts.analyse.timeline import build_timeline
from build_scripts.analyse.topics import assign_topics, topic_terms
from build_scripts.analyse.voices import one_voice_per_publisher
from build_scripts.infra import background
from build_scripts.infra.cache import StageCache
from build_scripts.model import Analysis, Claim, Document, Inputs, Sentence, claim_index

BACKGROUND_FROM = 20_000
"""Sentences to look terms up in from which it is done in a child process, alongside the stages
that do not need terms (for fewer, starting the child costs about what it saves)."""


def analyse_across(inputs: Inputs, cache: StageCache | None) -> Analysis:
    documents, topics, facts, stance_rules = inputs.documents, inputs.topics, inputs.facts, inputs.stance_rules
    features = Features(inputs.features)
    # An opinion piece's sentences corroborate reports (cited; shown alone only when they pass on a
    # named source's figures: ``eligible``).
    sentences, read = _sentences_read(documents)
    index = term_index(inputs, cache)
    with _terms_found_meanwhile(index, [*sentences, *read]) as keep_terms_found:
        claims = one_voice_per_publisher(group_claims(read, features, *_claim_memos(cache)), documents)
        claim_of = claim_index(claims)
        speakers = group_quotes(documents, features)
        disagreements = (number_disagreements(sentences, claims, features, claim_of)
                         + title_disagreements(read, features) + quote_wording(speakers))
        timeline = build_timeline(documents, claims, set(sentences), features, claim_of)
        keep_terms_found()
    countries = profile_countries(sentences, claims, timeline, stance_rules, index, features, claim_of)
    return Analysis(documents, assign_topics(topics, documents, claims, index),
                    pick_key_facts(facts, documents, claims, index, claim_of), claims, disagreements, timeline,
                    countries, stance_rules, speakers)


_READ: SentenceMemo[str, tuple[list[Sentence], list[Sentence]]] = SentenceMemo()
"""Each document's ``eligible`` and ``long_enough`` sentences, while it is the same object."""


def _sentences_read(documents: list[Document]) -> tuple[list[Sentence], list[Sentence]]:
    """The sentences that may be shown (``eligible``) and those claims are grouped from
    (``long_enough``), in document order; under ``mkdocs serve`` an unchanged document's are
    the last build's lists (a word count of every sentence took about 0.3 s at 4,000 sources)."""
    _READ.start()
    per_document = [_READ.get(d.source.id, (d,), partial(_of_document, d)) for d in documents]
    _READ.finish()
    return ([s for shown, _ in per_document for s in shown], [s for _, read in per_document for s in read])


def _of_document(document: Document) -> tuple[list[Sentence], list[Sentence]]:
    return ([s for s in document.sentences if eligible(s)], [s for s in document.sentences if long_enough(s)])


def _claim_memos(cache: StageCache | None
                 ) -> tuple[dict[tuple[int, ...], Claim] | None, FactMemo | None, CopyIndex | None, ClaimGraph | None]:
    """What claim grouping keeps from one build to the next (under ``mkdocs serve``): the claims,
    what ``same_fact`` found without word weights, and, when another build follows, the passage
    counts of ``copies.CopyIndex`` (counted afresh, they were a third of claim grouping after an
    edit) and each sentence's candidate pairs with the session's word weights (``claim_graph``)."""
    if cache is None:
        return None, None, None, None
    index = cache.memo("copies").setdefault("index", CopyIndex()) if keeping() else None
    graph = cache.memo("claim graph").setdefault("graph", ClaimGraph()) if keeping() else None
    return (cache.memo("claims"), cache.memo("claims' findings").setdefault("known", FactMemo()), index,
            graph)


def term_index(inputs: Inputs, cache: StageCache | None) -> TermIndex:
    """One index of every configured term: each sentence's words are looked up once for all stages."""
    terms = set().union(*map(topic_terms, inputs.topics)) | fact_terms(inputs.facts) | rule_terms(inputs.stance_rules)
    return TermIndex(terms, cache.memo("term hits\0" + "\0".join(sorted(terms))) if cache else None)


@contextmanager
def _terms_found_meanwhile(index: TermIndex, sentences: list[Sentence]) -> Iterator[Callable[[], None]]:
    """Look up the terms of every sentence ``index`` has not seen in a child process, while the
    block runs; the block calls what this gives to keep what the child found in ``index``.

    Looking terms up costs about a millisecond of CPU a source, and nothing else runs on the
    other cores while claims, disagreements and the timeline are worked out here. A block that
    fails stops the child.
    """
    texts = index.unseen(dict.fromkeys(s.text for s in sentences))
    if len(texts) < BACKGROUND_FROM or not background.possible():
        yield lambda: None
        return

    def keep() -> None:
        found = child.result()
        if found is not None:  # else each stage looks up what it needs, as without a child
            index.remember(texts, found)

    with background.Background(find_all, index.terms, texts) as child:
        yield keep
