"""Assign claims to topics and their sections.

A sentence is eligible when it is article prose (not furniture, not a heading,
not under a "Commentary"/"Opinion" heading) and has at least ``MIN_WORDS``
words. A claim (the sentences of several sources reporting one thing) goes to
a topic when one of its sentences belongs to the topic, and to the section
whose rule that sentence matches best; that sentence is shown as the
statement. Within a topic a claim goes to one section only, so it appears once
per page; it may appear on several topic pages.

A sentence belongs to a topic when it holds none of the topic's ``exclude``
terms and one of its ``require`` terms, or follows, in the same paragraph, a
sentence that holds one (a paragraph keeps its subject: "It bans…",
"If the withdrawing state…"). A sentence that belongs to the topic and to
none of its sections goes to a last section, "Other reports", when it is
about the topic: it meets a section's rule but for one group of terms, and
either holds a require term itself or holds three of the words in which the
topic file says what the topic is about (title, description, headings,
examples, stemmed so that "withdrawal" meets "withdrawing"; words that a
fifth of all sentences hold, the story itself, do not count). Nothing that passes the rules is dropped without a trace:
``explain`` says where each sentence went and why.

The researcher has the last word: a pinned sentence goes to its section,
first; a hidden one is never shown on the page; a note is shown with the
statement. Within a section statements are ordered by importance (see
``importance``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Part of this module's surface (re-exported):
from build_scripts.analyse.eligible import MIN_WORDS as MIN_WORDS
from build_scripts.analyse.eligible import eligible as eligible
from build_scripts.analyse.importance import Ranking, positions
from build_scripts.analyse.similarity import terms as stems
from build_scripts.analyse.terms import (
    TermIndex,
    group_terms,
    score_found,
    section_score_found,
)
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

MEANING_WORDS = 3
"""Distinct words of the topic's own description (title, description, headings, examples) a
sentence must hold, with a term of the topic, to count as about the topic."""
COMMON_SHARE = 0.2
"""A word held by this share of all sentences or more says what the whole corpus is about (the
event itself: "fire" in a corpus about a fire), not what one topic is: it does not count."""
COMMON_SAMPLE = 5_000
"""Sentences read, evenly spaced through the corpus, to measure that share."""

_GENERIC = frozenset(
    "what who whom where when why how which page sources source report reports reported say says said "
    "gathers collects known given gave make made take taken many much well others other just only "
    "still even like them their these those this that very been being does done".split()
)
"""Words of a topic description that say nothing of its subject."""


def _own_terms(topic: Topic) -> set[str]:
    terms = set(topic.require) | set(topic.exclude) | set(topic.boost)
    for section in topic.sections:
        terms |= group_terms(section.match) | set(section.exclude)
    return terms


def topic_terms(topic: Topic) -> set[str]:
    """The topic's terms and the regular inflections of its plain words (see ``inflections``)."""
    terms = _own_terms(topic)
    return terms | {form for term in terms for form in inflections(term)}


_VOWELS = frozenset("aeiou")


def inflections(term: str) -> set[str]:
    """The regular inflections of a term that is one plain lower-case word without ``*``: plural or
    third person (-s, -es, -ies), past (-ed, -d, -ied) and -ing, with a final e dropped and a final
    consonant doubled as English spells them ("ban": bans, banned, banning; "leave": leaves,
    leaving; "party": parties). A term in capitals, with a digit, a space or a ``*`` is left as
    written; so is a word of fewer than three letters."""
    if not term.isalpha() or not term.islower() or len(term) < 3:
        return set()
    w = term
    if w.endswith("e"):
        forms = {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in _VOWELS:
        forms = {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms = {w + "es", w + "ed", w + "ing"}
    else:
        forms = {w + "s", w + "ed", w + "ing"}
        if (len(w) <= 4 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
                and w[-3] not in _VOWELS):
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms - {w}


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


def meaning_words(topic: Topic) -> frozenset[str]:
    """The stems of the words the topic file uses to say what the topic is about."""
    texts = [topic.title, topic.description, *(s.heading for s in topic.sections), *topic.examples]
    words: set[str] = set()
    for text in texts:
        words |= stems(text)
    return frozenset(w for w in words if w not in _GENERIC and not w.isdigit())


@dataclass(frozen=True)
class Verdict:
    """Where one sentence goes on one topic, and why: ``section`` indexes the topic's sections,
    ``len(sections)`` is "Other reports", -1 is off the topic."""

    section: int
    score: int
    reason: str


_NO_NEAR_MISS = Verdict(-1, 0, "matches no section's rule, nor any but for one group of terms")


class TopicRules:
    """One topic's rules applied to sentences, from the terms each holds."""

    def __init__(self, topic: Topic, common: frozenset[str] = frozenset()) -> None:
        self.topic = topic
        self.canonical = {form: term for term in sorted(_own_terms(topic)) for form in sorted(inflections(term))}
        self.meaning = meaning_words(topic) - common
        self.other = len(topic.sections)
        self._memo: dict[tuple[frozenset[str], bool], Verdict] = {}
        self._near: dict[frozenset[str], str] = {}
        self._settled: dict[frozenset[str], Verdict] = {}
        """Verdicts that depend on the terms found only (not on the sentence or its neighbour)."""
        self._exclude = frozenset(topic.exclude)
        self._require = frozenset(topic.require)

    def verdict(self, sentence: Sentence, found: frozenset[str],
                context: Callable[[Sentence], frozenset[str]]) -> Verdict:
        """``found``: the terms the sentence holds; ``context`` gives those of the sentence before it
        in its paragraph (asked only when the sentence holds no require term)."""
        settled = self._settled.get(found)
        if settled is not None:
            return settled
        raw = found
        if self.canonical:
            found = self.own(found)
        if not self._exclude.isdisjoint(found):
            hit = sorted(self._exclude & found)[0]
            verdict = self._settled[raw] = Verdict(-1, 0, f"holds the topic's exclude term '{hit}'")
            return verdict
        via = ""
        if self._require and self._require.isdisjoint(found):
            before = context(sentence)
            if self._require.isdisjoint(self.own(before) if self.canonical else before):
                return Verdict(-1, 0, "holds none of the topic's require terms (nor does the sentence before it "
                                      "in its paragraph)")
            via = " (its require term is in the sentence before it, in the same paragraph)"
        key = (found, bool(via))
        placed = self._memo.get(key)
        if placed is None:
            placed = self._memo[key] = self._section(found, via)
            if not via and placed.section != -2:
                self._settled[raw] = placed
        if placed.section == -2:  # no section: about the topic by its meaning?
            placed = self._other(sentence, found, via, placed.reason)
            if not via and placed.section == -1 and placed is _NO_NEAR_MISS:
                self._settled[raw] = placed
        return placed

    def own(self, found: frozenset[str]) -> frozenset[str]:
        """The topic's own terms among those found, an inflection standing for the word it inflects."""
        if not found.isdisjoint(self.canonical):
            return frozenset(self.canonical.get(t, t) for t in found)
        return found

    def _section(self, found: frozenset[str], via: str) -> Verdict:
        best, best_score = -1, 0
        for i, section in enumerate(self.topic.sections):
            s = section_score_found(section, found)
            if s > best_score:
                best, best_score = i, s
        if best >= 0:
            return Verdict(best, best_score, f"matches the rule of section '{self.topic.sections[best].heading}' "
                                             f"({best_score} term hits){via}")
        return Verdict(-2, 0, via)

    def near_miss(self, found: frozenset[str]) -> str:
        """A section whose rule the sentence meets but for one group of terms (of two or more)."""
        for section in self.topic.sections:
            if len(section.match) < 2 or section_score_found(section, found) or (
                    section.exclude and score_found((section.exclude,), found)):
                continue
            hit = sum(1 for group in section.match if score_found((group,), found))
            if hit == len(section.match) - 1:
                return section.heading
        return ""

    def _other(self, sentence: Sentence, found: frozenset[str], via: str, _: str) -> Verdict:
        near = self._near.get(found)
        if near is None:
            near = self._near[found] = self.near_miss(found)
        if not near:  # most sentences: no need to look further
            return _NO_NEAR_MISS
        words = sorted(stems(sentence.text) & self.meaning)
        said = f", and shares the words {', '.join(words)} with the topic file" if words else ""
        if self.topic.require and not via:
            return Verdict(self.other, 0, f"about the topic: holds a require term and meets the rule of '{near}' "
                                          f"but for one group of terms{said}")
        if len(words) >= MEANING_WORDS:
            return Verdict(self.other, 0, f"about the topic: meets the rule of '{near}' but for one group of "
                                          f"terms{said}{via}")
        return Verdict(-1, 0, f"matches no section's rule (meets '{near}' but for one group of terms), and is not "
                              f"about the topic by its words ({len(words)} of the topic file's own words, "
                              f"{MEANING_WORDS} needed: {', '.join(words) or 'none'})")


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
    """The claim's best section in the topic and the member that states it best (a section's rule
    before "Other reports", then the most term hits, then the first in source order)."""
    best: tuple[tuple[bool, int], int, Sentence] | None = None
    for member, found in members:
        v = rules.verdict(member, found, ctx.context)
        if v.section < 0:
            continue
        rank = (v.section != rules.other, v.score)
        if best is None or rank > best[0]:
            best = (rank, v.section, member)
    if best is None:
        return None
    return best[1], Statement(best[2], best[0][1], claim)


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
    claim_of: dict[tuple[str, str], Claim] = {}
    for claim in claims:
        members = [(m, found) for m in claim.members if (found := ctx.found(m)) and eligible(m)]
        if members:
            members.sort(key=lambda item: ctx.order.sentence(item[0]))
            matching.append((claim, members))
        for m in claim.members:
            claim_of[(m.source_id, m.anchor)] = claim
    sentence_of = {(s.source_id, s.anchor): s for d in documents for s in d.sentences}
    evidence = [_topic_evidence(topic, matching, claim_of, sentence_of, ctx) for topic in topics]
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
                    ctx: TopicContext) -> TopicEvidence:
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
    for claim, members in matching:
        if id(claim) in pin_ids or id(claim) in hidden_claims:
            continue
        placed = _place(rules, claim, members, ctx)
        if placed:
            buckets[placed[0]].append(placed[1])
    found = {st.sentence: ctx.found(st.sentence) for b in buckets for st in b}
    evidence = TopicEvidence(topic, notes={(n.source_id, n.anchor): n.value for n in topic.notes})
    for section, bucket in zip(sections, buckets, strict=True):
        if bucket:
            ranking = Ranking(ctx.positions, bucket, frozenset(topic.boost), found, rules.meaning, ctx.common)
            bucket.sort(key=lambda st: (id(st) not in pinned, -ranking.of(st).total, ctx.order.sentence(st.sentence)))
            evidence.sections.append((section, bucket))
    return evidence


def explain(evidence: list[TopicEvidence], documents: list[Document], claims: list[Claim],
            sentence: Sentence, section_limits: Callable[[TopicEvidence], list[int]]) -> list[str]:
    """For one sentence, on each topic: where it went and why, or why not (for ``explain``);
    ``section_limits`` says how many statements of each section the topic page shows."""
    topics = [ev.topic for ev in evidence]
    ctx = TopicContext.of(topics, documents, None)
    claim = next((c for c in claims if sentence in c.members), None)
    key = (sentence.source_id, sentence.anchor)
    lines = []
    if not eligible(sentence):
        why = "it is opinion" if sentence.opinion else f"it has fewer than {MIN_WORDS} words"
        lines.append(f"not used as a statement anywhere: {why} (it stays on its source page)")
    elif claim is None:
        lines.append("in no claim: no topic page can show it")
    elif len(claim.sources) > 1:
        lines.append(f"reported with {len(claim.members) - 1} other sentence(s) of "
                     f"{len(claim.sources) - 1} other source(s) ({claim.independent} independent in all)")
    for ev in evidence:
        topic = ev.topic
        rules = TopicRules(topic, ctx.common)
        head = f"{topic.title} ({topic.src_uri}): "
        placed = next(((sec, i, st, len(sts), limit) for (sec, sts), limit in zip(ev.sections, section_limits(ev),
                                                                               strict=True)
                       for i, st in enumerate(sts) if any((m.source_id, m.anchor) == key for m in st.members)), None)
        if placed is not None:
            sec, i, st, count, limit = placed
            page = "first page" if i < limit else "a continuation page"
            shown = "shown in its own words" if st.sentence == sentence else (
                f"shown through {st.sentence.source_id}#{st.sentence.anchor}, which reports the same")
            pinned = any((p.source_id, p.anchor) == key for p in topic.pins)
            if pinned:
                why = f"pinned to '{sec.heading}' by the topic file"
            else:
                v = rules.verdict(st.sentence, ctx.found(st.sentence), ctx.context)
                why = v.reason
            peers = next(sts for sec_, sts in ev.sections if sec_ is sec)
            ranking = Ranking(ctx.positions, peers, frozenset(topic.boost),
                              {s.sentence: ctx.found(s.sentence) for s in peers}, rules.meaning, ctx.common)
            lines.append(f"{head}in '{sec.heading}', statement {i + 1} of {count} "
                         f"({page}), {shown}: {why}; {ranking.of(st).describe()}")
            continue
        if any((h.source_id, h.anchor) == key for h in topic.hides):
            lines.append(f"{head}hidden by the topic file")
            continue
        if not eligible(sentence) or claim is None:
            lines.append(f"{head}not placed (see above)")
            continue
        hidden = [m for m in claim.members if any((h.source_id, h.anchor) == (m.source_id, m.anchor)
                                                  for h in topic.hides)]
        if hidden:
            lines.append(f"{head}not shown: the topic file hides {hidden[0].source_id}#{hidden[0].anchor}, "
                         "which reports the same")
            continue
        v = rules.verdict(sentence, ctx.found(sentence), ctx.context)
        lines.append(f"{head}not on the page: {v.reason}")
    return lines
