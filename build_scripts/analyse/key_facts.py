"""Pick the sentence that best states each key fact of the home page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import partial

from build_scripts.analyse.sentence_memo import SentenceMemo
from build_scripts.analyse.terms import TermIndex, group_terms, section_score_found
from build_scripts.analyse.topics import by_date, eligible
from build_scripts.model import Claim, Document, Sentence, Statement, TopicSection, claim_index


def fact_terms(facts: list[TopicSection]) -> set[str]:
    return set().union(*(group_terms(f.match) | set(f.exclude) for f in facts))


def _prepared(document: Document, index: TermIndex) -> list[tuple[Sentence, frozenset[str]]]:
    """The document's sentences that may be shown and hold a term, with their terms."""
    return [(s, found) for s in document.sentences if eligible(s) and (found := index.find(s.text))]


_PREPARED: SentenceMemo[str, list[tuple[Sentence, frozenset[str]]]] = SentenceMemo()
"""Each document's ``_prepared``, while it is the same object and the terms are the same (under
``mkdocs serve``, looking every sentence up again took about 0.2 s an edit at 4,000 sources)."""


def pick_key_facts(facts: list[TopicSection], documents: list[Document], claims: list[Claim],
                   index: TermIndex | None = None, claim_of: Mapping[Sentence, Claim] | None = None) -> list[Statement]:
    """For each fact, the highest-scoring sentence.

    Ties go to the sentence reported by the most independent sources, then to
    the source used least so far by earlier facts, then to the earliest dated
    source, so the facts are the best corroborated and spread over the
    sources. A sentence is used for one fact at most; a fact no sentence
    matches is left out.
    """
    index = index if index is not None else TermIndex(fact_terms(facts))
    _PREPARED.start(index.terms)
    prepared = [p for d in by_date(documents) for p in _PREPARED.get(d.source.id, (d,), partial(_prepared, d, index))]
    _PREPARED.finish()
    claim_of = claim_of if claim_of is not None else claim_index(claims)
    used: set[tuple[str, str]] = set()
    per_source: Counter[str] = Counter()
    chosen: list[Statement] = []
    voices: dict[int, int] = {}  # ``Claim.independent`` by the claim's id, worked out once
    for fact in facts:
        best: tuple[int, int, int] | None = None
        pick: Statement | None = None
        scores: dict[frozenset[str], int] = {}  # many sentences hold the same terms
        for sentence, found in prepared:
            value = scores.get(found)
            if value is None:
                value = scores[found] = section_score_found(fact, found)
            if not value or (best is not None and value < best[0]) or (sentence.source_id, sentence.anchor) in used:
                continue  # a lower score cannot outrank the best
            claim = claim_of.get(sentence)
            if claim is None:
                independent = 1
            elif (independent := voices.get(id(claim), 0)) == 0:
                independent = voices[id(claim)] = claim.independent
            rank = (value, independent, -per_source[sentence.source_id])
            if best is None or rank > best:
                best, pick = rank, Statement(sentence, value, claim_of.get(sentence))
        if pick:
            used.add((pick.sentence.source_id, pick.sentence.anchor))
            per_source[pick.sentence.source_id] += 1
            chosen.append(pick)
    return chosen
