"""Assign sentences to topics and their sections.

A sentence is eligible when it is article prose (not furniture, not a heading,
not under a "Commentary"/"Opinion" heading) and has at least
``MIN_WORDS`` words. Within a topic it goes to the section whose match rule
scores highest (the first such section on a tie), so it appears at most once
per page; it may appear on several topic pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_scripts.analyse.terms import prepare, score, section_score
from build_scripts.model import Document, Sentence, Statement, Topic, TopicEvidence

MIN_WORDS = 6


def eligible(sentence: Sentence) -> bool:
    return not sentence.opinion and len(sentence.text.split()) >= MIN_WORDS


def _in_topic(topic: Topic, text: str) -> bool:
    if topic.require and not score((topic.require,), text):
        return False
    return not (topic.exclude and score((topic.exclude,), text))


def _best_section(topic: Topic, text: str) -> tuple[int, int]:
    best, best_score = -1, 0
    for i, section in enumerate(topic.sections):
        s = section_score(section, text)
        if s > best_score:
            best, best_score = i, s
    return best, best_score


def _order_key(doc_rank: dict[str, int], st: Statement) -> tuple:
    s = st.sentence
    return (-st.score, doc_rank[s.source_id], s.block, s.start)


def assign_topics(topics: Iterable[Topic], documents: list[Document]) -> list[TopicEvidence]:
    """Evidence for each topic: statements per section, strongest first."""
    doc_rank = {d.source.id: i for i, d in enumerate(by_date(documents))}
    prepared = [(s, prepare(s.text)) for d in documents for s in d.sentences if eligible(s)]
    result = []
    for topic in topics:
        buckets: list[list[Statement]] = [[] for _ in topic.sections]
        for sentence, text in prepared:
            if not _in_topic(topic, text):
                continue
            index, value = _best_section(topic, text)
            if index >= 0:
                buckets[index].append(Statement(sentence, value))
        evidence = TopicEvidence(topic)
        for section, bucket in zip(topic.sections, buckets, strict=True):
            if bucket:
                bucket.sort(key=lambda st: _order_key(doc_rank, st))
                evidence.sections.append((section, bucket))
        result.append(evidence)
    return result


def by_date(documents: list[Document]) -> list[Document]:
    """Dated sources first, oldest first; undated after, by id. Used to break ties."""
    return sorted(
        documents,
        key=lambda d: (d.source.meta.date is None,
                       d.source.meta.date.sort_key() if d.source.meta.date else (0, 0, 0),
                       d.source.id),
    )
