"""Assign claims to topics and their sections.

A sentence is eligible when it is article prose (not furniture, not a heading,
not under a "Commentary"/"Opinion" heading) and has at least ``MIN_WORDS``
words. A claim (the sentences of several sources reporting one thing) goes to
a topic when one of its sentences belongs to the topic, and to the section
whose rule that sentence matches best; that sentence is shown as the
statement. Within a topic a claim goes to one section only, so it appears once
per page; it may appear on several topic pages. A figure only some of a claim's
sentences give is placed as a claim of those sentences (``added_figures``),
unless the sentence shown for the whole claim gives it.

A sentence belongs to a topic when it holds none of the topic's ``exclude``
terms and one of its ``require`` terms, or follows, in the same paragraph, a
sentence that holds one (a paragraph keeps its subject: "It bans…",
"If the withdrawing state…"). A sentence that belongs to the topic and to
none of its sections goes to a last section, "Other reports", when it is
about the topic: it meets a section's rule but for one group of terms, and
either holds a require term itself or holds three of the words in which the
topic file says what the topic is about (title, description, headings,
examples, stemmed so that "withdrawal" meets "withdrawing"; words that a
fifth of all sentences hold, the story itself, do not count). ``topic_rules``
applies a topic's rules to one sentence. Nothing that passes the rules is
dropped without a trace: ``topic_explain.explain`` says where each sentence
went and why.

The researcher has the last word: a pinned sentence goes to its section,
first; a hidden one is never shown on the page; a note is shown with the
statement. Within a section statements are ordered by importance (see
``importance``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from itertools import chain

# Part of this module's surface (re-exported):
from build_scripts.analyse.added_figures import added_figure_claims, figures_of
from build_scripts.analyse.eligible import MIN_WORDS as MIN_WORDS
from build_scripts.analyse.eligible import eligible as eligible
from build_scripts.analyse.importance import Ranking, positions
from build_scripts.analyse.sentence_memo import SentenceMemo, keeping
from build_scripts.analyse.similarity import terms as stems
from build_scripts.analyse.terms import TermIndex
from build_scripts.analyse.topic_rules import TopicRules
from build_scripts.analyse.topic_rules import inflections as inflections
from build_scripts.analyse.topic_rules import topic_terms as topic_terms
from build_scripts.load.topics import OTHER_HEADING
from build_scripts.model import (
    Claim,
    Document,
    Sentence,
    Statement,
    Topic,
    TopicEvidence,
    TopicSection,
)

COMMON_SHARE = 0.2
"""A word held by this share of all sentences or more says what the whole corpus is about (the
event itself: "fire" in a corpus about a fire), not what one topic is: it does not count."""
COMMON_SAMPLE = 5_000
"""Sentences read, evenly spaced through the corpus, to measure that share."""


def by_date(documents: list[Document]) -> list[Document]:
    """Dated sources first, oldest first; undated after, by id. Used to break ties."""
    return sorted(
        documents,
        key=lambda d: (d.source.meta.date is None,
                       d.source.meta.date.sort_key() if d.source.meta.date else (0, 0, 0),
                       d.source.id),
    )


def other_section(topic: Topic) -> TopicSection:
    return TopicSection(heading=OTHER_HEADING, match=())


def _previous(documents: list[Document]) -> dict[tuple[str, str], Sentence]:
    """The sentence before each sentence in the same paragraph, by (source id, anchor) (a key
    hashed in C: there is one for most sentences of the corpus)."""
    out = {}
    for d in documents:
        for before, s in zip(d.sentences, d.sentences[1:], strict=False):
            if before.block == s.block:
                out[(s.source_id, s.anchor)] = before
    return out


class _Order:
    def __init__(self, documents: list[Document]) -> None:
        self.rank = {d.source.id: i for i, d in enumerate(by_date(documents))}

    def sentence(self, s: Sentence) -> tuple[int, int, int]:
        return (self.rank[s.source_id], s.block, s.start)


@dataclass
class TopicContext:
    """What placing sentences needs beyond the rules: terms, neighbours, positions, source order."""

    index: TermIndex
    previous: dict[tuple[str, str], Sentence]
    positions: dict[Sentence, int]
    order: _Order
    common: frozenset[str]
    """The words that too many sentences hold to tell one topic or one statement (``COMMON_SHARE``)."""

    @classmethod
    def of(cls, topics: list[Topic], documents: list[Document], index: TermIndex | None) -> TopicContext:
        index = index if index is not None else TermIndex(set().union(*map(topic_terms, topics)))
        counts: Counter[str] = Counter()
        every = [s for d in documents for s in d.sentences]
        sample = [s for s in every[::max(1, len(every) // COMMON_SAMPLE)] if eligible(s)]  # a share needs no more
        n = len(sample)
        for s in sample:
            counts.update(stems(s.text))
        common = frozenset(w for w, c in counts.items() if c >= COMMON_SHARE * n)
        return cls(index, _previous(documents), positions(documents), _Order(documents), common)

    def found(self, s: Sentence) -> frozenset[str]:
        return self.index.find(s.text)

    def context(self, s: Sentence) -> frozenset[str]:
        before = self.previous.get((s.source_id, s.anchor))
        return self.index.find(before.text) if before is not None else frozenset()


Member = tuple[Sentence, frozenset[str]]
"""A claim's sentence and the terms it holds."""


def _place(rules: TopicRules, claim: Claim, members: list[Member], ctx: TopicContext) -> tuple[int, Statement] | None:
    """The claim's best section in the topic and the member that states it best: a section's rule
    before "Other reports", then the most term hits, then the member that adds least to what all
    the claim's sentences share (each source states the shown sentence's fact, as far as words
    tell), then the first in source order."""
    best: tuple[tuple[bool, int, int], int, Sentence] | None = None
    common = _shared_stems(claim) if len(members) > 1 else frozenset()
    for member, found in members:
        v = rules.verdict(member, found, ctx.context)
        if v.section < 0:
            continue
        rank = (v.section != rules.other, v.score, -len(stems(member.text) - common))
        if best is None or rank > best[0]:
            best = (rank, v.section, member)
    if best is None:
        return None
    return best[1], Statement(best[2], best[0][1], claim)


Placement = tuple[int, Sentence, int] | None
"""What ``_place`` gives, without the claim: the section, the sentence shown and its score."""
_PLACED: dict[int, SentenceMemo[int, Placement]] = {}
"""``_place`` of each claim on the topic at each position, by the id of the claim's members, for
the next build: under ``mkdocs serve`` an unchanged claim's members are the very same tuple from
build to build (with publisher groups the claim may be another object, with the same members), the same
sentences holding the same terms (all compared by identity). What else a placement
depends on, the topic and the words too common to tell a topic (``TopicContext.common``), is
compared as a whole on each build (``SentenceMemo.start``); the sentence before a member, which
the rules may read, is of the member's own (unchanged) source."""
_MATCHING: SentenceMemo[str, tuple[list[Member], list[tuple[str, Claim, list[Member]]]]] = SentenceMemo()
"""Each claim's ``_matching``, by its id, while the claim is the same object and the terms are the
same (under ``mkdocs serve``: about 0.6 s an edit at 4,000 sources, looking up every member's terms)."""


def _matching(claim: Claim, ctx: TopicContext) -> tuple[list[Member], list[tuple[str, Claim, list[Member]]]]:
    """The claim's eligible members that hold a term, with their terms, in source order (a member
    holding none can match no section: every rule needs a hit); and the claim of each figure it
    adds (``added_figure_claims``) with those of its members. A claim's members are the same
    objects only while their sources are unchanged, so their order stays that of their sources."""
    members = [(m, found) for m in claim.members if (found := ctx.found(m)) and eligible(m)]
    if not members:
        return members, []
    members.sort(key=lambda item: ctx.order.sentence(item[0]))
    subs = []
    for figure, sub in added_figure_claims(claim):
        mine = set(map(id, sub.members))  # the claim's own sentence objects: no field compared
        held = [(m, f) for m, f in members if id(m) in mine]
        if held:
            subs.append((figure, sub, held))
    return members, subs


def _placed(placements: SentenceMemo[int, Placement], rules: TopicRules, claim: Claim, members: list[Member],
            ctx: TopicContext) -> tuple[int, Statement] | None:
    """``_place``, as on the last build when the claim's members and their terms are the same objects
    (a build that none follows keeps nothing: each claim is placed once on a topic)."""
    if not keeping():
        return _place(rules, claim, members, ctx)

    def work() -> Placement:
        placed = _place(rules, claim, members, ctx)
        return None if placed is None else (placed[0], placed[1].sentence, placed[1].score)
    kept = placements.get(id(claim.members), (claim.members, *chain.from_iterable(members)), work)
    return None if kept is None else (kept[0], Statement(kept[1], kept[2], claim))


def _shared_stems(claim: Claim) -> frozenset[str]:
    """The stems every sentence of the claim holds."""
    return frozenset.intersection(*(stems(m.text) for m in claim.members))


def assign_topics(topics: Iterable[Topic], documents: list[Document], claims: list[Claim],
                  index: TermIndex | None = None) -> list[TopicEvidence]:
    """Evidence for each topic: statements per section, most important first.

    ``index`` must know every term of the topics; one shared with other stages
    remembers each sentence's terms for them.
    """
    topics = list(topics)
    ctx = TopicContext.of(topics, documents, index)
    # Each claim's eligible members in source order, with their terms; a member holding none of
    # the terms can match no section (every rule needs a hit) and is left out.
    matching: list[tuple[Claim, list[Member]]] = []
    added: dict[int, tuple[str, Claim]] = {}  # a figure's claim -> the figure, the claim it is of
    claim_of: dict[tuple[str, str], Claim] = {}
    _MATCHING.start(ctx.index.terms)
    for claim in claims:
        members, subs = _MATCHING.get(claim.id, (claim,), partial(_matching, claim, ctx))
        if members:
            matching.append((claim, members))
            for figure, sub, held in subs:
                matching.append((sub, held))
                added[id(sub)] = (figure, claim)
        for m in claim.members:
            claim_of[(m.source_id, m.anchor)] = claim
    _MATCHING.finish()
    sentence_of = {(s.source_id, s.anchor): s for d in documents for s in d.sentences}
    for i in [i for i in _PLACED if i >= len(topics)]:
        del _PLACED[i]
    for i, topic in enumerate(topics):
        _PLACED.setdefault(i, SentenceMemo()).start((topic, ctx.common))
    evidence = [_topic_evidence(topic, matching, claim_of, sentence_of, ctx, added, _PLACED[i])
                for i, topic in enumerate(topics)]
    for i in range(len(topics)):
        _PLACED[i].finish()
    # "Other reports" gathers what no page shows under a heading: a claim a section of any
    # topic page holds is not repeated there.
    in_sections = {id(st.claim or st.sentence) for ev in evidence for sec, sts in ev.sections
                   if sec.heading != OTHER_HEADING for st in sts}
    for ev in evidence:
        if ev.sections and ev.sections[-1][0].heading == OTHER_HEADING:
            pins = {(p.source_id, p.anchor) for p in ev.topic.pins}
            rest = [st for st in ev.sections[-1][1] if id(st.claim or st.sentence) not in in_sections
                    or (st.sentence.source_id, st.sentence.anchor) in pins]
            ev.sections[-1:] = [(ev.sections[-1][0], rest)] if rest else []
    return evidence


def _topic_evidence(topic: Topic, matching: list[tuple[Claim, list[Member]]],
                    claim_of: dict[tuple[str, str], Claim], sentence_of: dict[tuple[str, str], Sentence],
                    ctx: TopicContext, added: dict[int, tuple[str, Claim]],
                    placements: SentenceMemo[int, Placement]) -> TopicEvidence:
    rules = TopicRules(topic, ctx.common)
    sections = [*topic.sections, other_section(topic)]
    hidden = {(h.source_id, h.anchor) for h in topic.hides}
    buckets: list[list[Statement]] = [[] for _ in sections]
    pinned: dict[int, Statement] = {}  # id of the claim (or sentence) -> its statement
    heading_index = {s.heading: i for i, s in enumerate(sections)}
    pin_ids: set[int] = set()
    for pin in topic.pins:
        key = (pin.source_id, pin.anchor)
        sentence = sentence_of.get(key)
        if sentence is None or key in hidden:
            continue  # ``check`` reports a pin whose sentence is gone
        claim = claim_of.get(key)
        st = Statement(sentence, 0, claim)
        buckets[heading_index[pin.value]].append(st)
        pinned[id(st)] = st
        pin_ids.add(id(claim) if claim is not None else id(sentence))
    hidden_claims = {id(claim_of[key]) for key in hidden if key in claim_of}
    shown: dict[int, Sentence] = {}  # a claim placed on this page -> the sentence shown
    for claim, members in matching:
        of = added.get(id(claim))
        if of is not None:  # a figure only some of a claim's sentences give: unless it is shown
            figure, whole = of
            if id(whole) in pin_ids or id(whole) in hidden_claims or (
                    id(whole) in shown and figure in figures_of(shown[id(whole)])):
                continue
        elif id(claim) in pin_ids or id(claim) in hidden_claims:
            continue
        placed = _placed(placements, rules, claim, members, ctx)
        if placed:
            buckets[placed[0]].append(placed[1])
            shown[id(claim)] = placed[1].sentence
    found = {st.sentence: ctx.found(st.sentence) for b in buckets for st in b}
    evidence = TopicEvidence(topic, notes={(n.source_id, n.anchor): n.value for n in topic.notes})
    for section, bucket in zip(sections, buckets, strict=True):
        if bucket:
            ranking = Ranking(ctx.positions, bucket, frozenset(topic.boost), found, rules.meaning, ctx.common)
            bucket.sort(key=lambda st: (id(st) not in pinned, -ranking.of(st).total, ctx.order.sentence(st.sentence)))
            evidence.sections.append((section, bucket))
    return evidence

