"""Quotations grouped by speaker, and within a speaker by what was said.

The same person is recognised across spellings (Zelensky, Zelenskyy) and a
body across wordings ("the Ukrainian foreign ministry", "Ukraine’s foreign
ministry") by its content words. Within a speaker, two quotations of
different sources are one when they share at least half of the content words
of the shorter one, so a translation, a paraphrase or a short excerpt joins
the fuller quotation. Quotations of one source are never grouped together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from build_scripts.analyse.quotes import Quote, find_quotes
from build_scripts.analyse.roles import person_key
from build_scripts.analyse.similarity import terms
from build_scripts.model import Document, Sentence

SAME_QUOTATION = 0.5
UNKNOWN_SPEAKER = "Speaker not identified"
_SPELLING = [(re.compile(r"\b(defen|offen|licen|preten)ce\b"), r"\1se"),
             (re.compile(r"(?<=\w{3})our\b"), "or"), (re.compile(r"isation\b"), "ization")]


def spelling_neutral(text: str) -> str:
    """Lower case, words only, British spellings folded, for comparing renderings."""
    text = " ".join(re.findall(r"[^\W_]+", text.casefold().replace("’", "'")))
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return text


@dataclass(frozen=True)
class CitedQuote:
    quote: Quote
    sentence: Sentence
    """The sentence the quotation starts in: what its footnote links to."""


@dataclass
class QuoteGroup:
    """Renderings of one quotation by one speaker, across sources."""

    quotes: list[CitedQuote]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(q.quote.source_id for q in self.quotes))


@dataclass
class Speaker:
    name: str
    kind: str | None
    roles: list[CitedQuote]
    """One quotation per distinct role the sources give, to cite the role from."""
    groups: list[QuoteGroup]


def _speaker_key(q: Quote) -> str:
    if q.speaker is None:
        return "?"
    if q.kind == "person" and len(q.speaker.split()) >= 2:
        return "p:" + person_key(q.speaker)
    return "b:" + " ".join(sorted(terms(q.speaker)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _groups(quotes: list[CitedQuote]) -> list[QuoteGroup]:
    """Join the closest pairs first; a group never holds two quotations of one source,
    which stops a long quotation from chaining several short ones together."""
    bags = [terms(q.quote.text) for q in quotes]
    pairs = sorted(
        ((_overlap(bags[i], bags[j]), i, j) for i in range(len(quotes)) for j in range(i + 1, len(quotes))
         if quotes[i].quote.source_id != quotes[j].quote.source_id),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    group_of = list(range(len(quotes)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(quotes))}
    for value, i, j in pairs:
        a, b = group_of[i], group_of[j]
        if value < SAME_QUOTATION or a == b:
            continue
        if {quotes[k].quote.source_id for k in members[a]} & {quotes[k].quote.source_id for k in members[b]}:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    return [QuoteGroup([quotes[k] for k in sorted(m)]) for _, m in sorted(members.items())]


def _display_name(quotes: list[CitedQuote]) -> str:
    names = Counter(q.quote.speaker for q in quotes if q.quote.speaker)
    if not names:
        return UNKNOWN_SPEAKER
    return max(names, key=lambda n: (names[n], len(n), n))


def _roles(quotes: list[CitedQuote]) -> list[CitedQuote]:
    seen: dict[str, CitedQuote] = {}
    for q in quotes:
        if q.quote.role:
            seen.setdefault(spelling_neutral(q.quote.role), q)
    return list(seen.values())


def group_quotes(documents: list[Document]) -> list[Speaker]:
    """Speakers with their quotations, the most quoted first; the unidentified last."""
    by_key: dict[str, list[CitedQuote]] = defaultdict(list)
    for d in documents:
        sentences = {s.anchor: s for s in d.sentences}
        for q in find_quotes(d):
            if q.anchors and q.anchors[0] in sentences:
                by_key[_speaker_key(q)].append(CitedQuote(q, sentences[q.anchors[0]]))
    speakers = []
    for key, quotes in by_key.items():
        kinds = Counter(q.quote.kind for q in quotes if q.quote.kind)
        kind = kinds.most_common(1)[0][0] if kinds else None
        speakers.append(Speaker(_display_name(quotes) if key != "?" else UNKNOWN_SPEAKER, kind,
                                _roles(quotes), _groups(quotes)))
    speakers.sort(key=lambda s: (s.name == UNKNOWN_SPEAKER, -sum(len(g.quotes) for g in s.groups), s.name))
    return speakers
