"""Assign claims to topics and their sections.

A sentence is eligible when it is article prose (not furniture, not a heading,
not under a "Commentary"/"Opinion" heading) and has at least ``MIN_WORDS``
words. A claim (the sentences of several sources reporting one thing) goes to
a topic section when one of its sentences matches the section's rule; that
sentence, the best-scoring one, is shown as the statement. Within a topic a
claim goes to its best section only, so it appears once per page; it may
appear on several topic pages.

Statements are ordered by how many independent sources report them, then by
how many sources in all, then by score, then by source (dated first).
"""

from __future__ import annotations

from collections.abc import Iterable

# Part of this module's surface (re-exported):
from build_scripts.analyse.eligible import MIN_WORDS as MIN_WORDS
from build_scripts.analyse.eligible import eligible as eligible
from build_scripts.analyse.terms import (
    TermIndex,
    group_terms,
    score_found,
    section_score_found,
)
from build_scripts.model import (
    Claim,
    Document,
    Sentence,
    Statement,
    Topic,
    TopicEvidence,
)


def topic_terms(topic: Topic) -> set[str]:
    terms = set(topic.require) | set(topic.exclude)
    for section in topic.sections:
        terms |= group_terms(section.match) | set(section.exclude)
    return terms


def _in_topic(topic: Topic, found: frozenset[str]) -> bool:
    if topic.require and not score_found((topic.require,), found):
        return False
    return not (topic.exclude and score_found((topic.exclude,), found))


def _best_section(topic: Topic, found: frozenset[str]) -> tuple[int, int]:
    best, best_score = -1, 0
    for i, section in enumerate(topic.sections):
        s = section_score_found(section, found)
        if s > best_score:
            best, best_score = i, s
    return best, best_score


def by_date(documents: list[Document]) -> list[Document]:
    """Dated sources first, oldest first; undated after, by id. Used to break ties."""
    return sorted(
        documents,
        key=lambda d: (d.source.meta.date is None,
                       d.source.meta.date.sort_key() if d.source.meta.date else (0, 0, 0),
                       d.source.id),
    )


class _Ranker:
    def __init__(self, documents: list[Document]) -> None:
        self.rank = {d.source.id: i for i, d in enumerate(by_date(documents))}

    def sentence(self, s: Sentence) -> tuple[int, int, int]:
        return (self.rank[s.source_id], s.block, s.start)

    def statement(self, st: Statement) -> tuple[int, int, int, tuple[int, int, int]]:
        claim = st.claim
        independent = claim.independent if claim else 1
        sources = len(claim.sources) if claim else 1
        return (-independent, -sources, -st.score, self.sentence(st.sentence))


def _claim_in_topic(topic: Topic, claim: Claim, members: list[tuple[Sentence, frozenset[str]]],
                    memo: dict[frozenset[str], tuple[int, int]]) -> tuple[int, Statement] | None:
    """The claim's best section in the topic and the member that states it best (the first
    in source order among equals); ``memo`` holds the verdict for each set of terms."""
    best: tuple[int, int, Sentence] | None = None
    for member, found in members:
        verdict = memo.get(found)
        if verdict is None:
            verdict = memo[found] = _best_section(topic, found) if _in_topic(topic, found) else (-1, 0)
        section, value = verdict
        if section >= 0 and (best is None or value > best[1]):
            best = (section, value, member)
    if best is None:
        return None
    return best[0], Statement(best[2], best[1], claim)


def assign_topics(topics: Iterable[Topic], documents: list[Document], claims: list[Claim],
                  index: TermIndex | None = None) -> list[TopicEvidence]:
    """Evidence for each topic: statements per section, most corroborated first.

    ``index`` must know every term of the topics; one shared with other stages
    remembers each sentence's terms for them.
    """
    topics = list(topics)
    index = index if index is not None else TermIndex(set().union(*map(topic_terms, topics)))
    ranker = _Ranker(documents)
    # Each claim's eligible members in source order, with the terms each holds; a member holding
    # none of the terms can match no topic (every rule needs a hit) and is left out.
    matching: list[tuple[Claim, list[tuple[Sentence, frozenset[str]]]]] = []
    for claim in claims:
        members = [(m, found) for m in claim.members if eligible(m) and (found := index.find(m.text))]
        if members:
            members.sort(key=lambda item: ranker.sentence(item[0]))
            matching.append((claim, members))
    result = []
    for topic in topics:
        buckets: list[list[Statement]] = [[] for _ in topic.sections]
        memo: dict[frozenset[str], tuple[int, int]] = {}
        for claim, members in matching:
            placed = _claim_in_topic(topic, claim, members, memo)
            if placed:
                buckets[placed[0]].append(placed[1])
        evidence = TopicEvidence(topic)
        for section, bucket in zip(topic.sections, buckets, strict=True):
            if bucket:
                bucket.sort(key=ranker.statement)
                evidence.sections.append((section, bucket))
        result.append(evidence)
    return result
