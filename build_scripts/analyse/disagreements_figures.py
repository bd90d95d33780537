"""Figures where sources differ: counts of the same attribute of the same thing.

Counts with the same unit ("countries") in sentences about the same thing (one
claim, or sentences sharing rarer words) that give different figures. "over
160" and "165" are flagged as consistent (one number fits both); "160" and
"165" are not. ``number_disagreements`` adds the dates of one event that
differ (``disagreements_dates``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from functools import partial

from build_scripts.analyse.disagreements_dates import date_disagreements
from build_scripts.analyse.disagreements_shared import (
    _PER_CLAIM,
    RELATED,
    _clause_of,
    _same_actors,
    actors,
    make_id,
    vectors,
)
from build_scripts.analyse.disagreements_words import _PAUSE, _SKIP, _singular, _words
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import close_pairs
from build_scripts.analyse.quantities import consistent
from build_scripts.analyse.sentence_memo import SameInput, SentenceMemo
from build_scripts.analyse.similarity import STOP_WORDS
from build_scripts.analyse.stem_counts import StemCounts
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import Claim, Disagreement, Quantity, Sentence, Side, claim_index

_VOTERS = frozenset("member lawmaker deputy deputie mp senator legislator parliamentarian".split())
_VOTE = frozenset("vote voting voted votes".split())
_MONEY = ("euros", "dollars", "pounds")
_CURRENCIES = frozenset(("euro", "dollar", "pound"))
_ATTRIBUTE_WORDS = 1
"""Content words taken on each side of the counted noun: the predicate or modifier that says what is counted."""


def _plural(word: str) -> bool:
    """A word that reads as a plural noun: "countries and territories" coordinates two counted
    things, "workers and injured" two clauses."""
    return word.islower() and word.endswith("s") and not word.endswith("ss")


Attribute = tuple[str, frozenset[str]]
"""What a quantity measures: the counted noun (singular, folded) and the content words around it."""


def attribute(sentence: str, q: Quantity) -> Attribute:
    """What a quantity counts or measures: the counted noun, and the content words after it up
    (up to a pause or another number) and the one just before it ("17 people had been injured"
    -> people, injured; "ratified by over 160 countries and territories" -> countries,
    territories, ratified).

    Money counts its currency and the noun after the amount, if any ("a €2 million fund");
    an age, its person. Votes are one thing however worded: "66 members voting in favour"
    and "68 votes in favour" both count votes in favour.
    """
    unit = q.unit.casefold()
    if unit.startswith("age of "):
        return "age", frozenset({unit})
    after = _words(sentence[q.end:])
    head = _singular(_words(unit)[0]) if _words(unit) else unit
    found: list[str] = []
    for k, w in enumerate(after):
        coordinated = w.casefold() in ("and", "or") and _plural(after[k + 1] if k + 1 < len(after) else "")
        # "members voting in favour": a vote word does not count, what the vote was for comes next.
        counted = [f for f in found if f not in _VOTE]
        if (w.casefold() in _PAUSE and not coordinated) or w.isdigit() or len(counted) >= _ATTRIBUTE_WORDS:
            break
        if w[:1].isupper() or w.casefold() in _SKIP or w.casefold() in ("and", "or"):
            continue
        found.append(_singular(w))
    if unit not in _MONEY:
        before: list[str] = []
        preceding = _words(sentence[:q.start])
        for k in range(len(preceding) - 1, -1, -1):
            w = preceding[k]
            # Stop at a pause, a number, or the unit of another number ("from 2 kilometres to").
            if (w.casefold() in _PAUSE or w.isdigit() or len(before) >= _ATTRIBUTE_WORDS
                    or (k > 0 and preceding[k - 1][:1].isdigit())):
                break
            if w[:1].isupper() or w.isdigit() or w.casefold() in _SKIP:
                continue
            before.append(_singular(w))
        found += before
    rest = frozenset(found) - {head}
    if head in _VOTE or rest & (_VOTE | {"favour", "favor"}):
        return "vote", frozenset(w.replace("favor", "favour") for w in rest - _VOTERS - _VOTE)
    return head, rest


def same_attribute(a: Attribute, b: Attribute, same_claim: bool) -> bool:
    """One counted thing (either noun names the other's counted thing or its words) described
    alike (the words around share one). Across claims both must say something beyond the noun:
    a bare count ("seven abstaining", "six days") says too little of what it counts."""
    (head_a, rest_a), (head_b, rest_b) = a, b
    if head_a == "age" or head_b == "age":
        return a == b
    if head_a != head_b and head_a not in rest_b and head_b not in rest_a:
        return False
    if not rest_a or not rest_b:
        # Amounts of money are reported bare ("estimated at €60 million"): two bare amounts in
        # one currency in sentences close in their words are compared; a named sum ("a €2
        # million fund") only with the same name.
        return same_claim or (head_a in _CURRENCIES and not rest_a and not rest_b)
    return bool((rest_a | {head_a}) & rest_b or (rest_b | {head_b}) & rest_a)


_PER = re.compile(r"\s*(?:a|an|per|each)\s+(?:day|week|month|year|hour|head|person)\b", re.IGNORECASE)


def _is_rate(sentence: str, q: Quantity) -> bool:
    """"€4 a month", "5 euros per year": a price or a rate, not an amount reported."""
    return _PER.match(sentence, q.end) is not None


def _is_old_value(sentence: str, q: Quantity, others: list[Quantity]) -> bool:
    """"raised ... to €65 million, from an early figure of about €40 million", "reduced from
    2 kilometres to 500 metres": a figure after "from" with another figure after it is the one
    the sentence says was replaced."""
    if not any(o is not q for o in others):
        return False
    for w in reversed([w.casefold() for w in _words(sentence[max(0, q.start - 50):q.start])][-6:]):
        if w in ("to", "from"):
            return w == "from"  # "to €65 million" is the new figure even after "losses from the fire"
    return False


Actors = tuple[frozenset[str], frozenset[str]]
_FIGURES: SentenceMemo[str, tuple[tuple[tuple[Quantity, Attribute], ...], Actors]] = SentenceMemo()
"""Each sentence's compared figures with their attributes, and its actors, by its text."""


_STEM_COUNTS = StemCounts()
"""The stems of the sentences, counted again only where they changed (under ``mkdocs serve``)."""


def _figures_of(features: Features, text: str, found: list[Quantity]
                ) -> tuple[tuple[tuple[Quantity, Attribute], ...], Actors]:
    """The figures of a sentence that are compared (``found``: its quantities), each with its
    ``attribute``, and the sentence's ``actors``."""
    places = features.places(text)

    def work() -> tuple[tuple[tuple[Quantity, Attribute], ...], Actors]:
        counted = tuple((q, attribute(text, q)) for q in found
                        if not _is_old_value(text, q, found) and not _is_rate(text, q))
        return counted, actors(text, places) if counted else (frozenset(), frozenset())
    return _FIGURES.get(text, (found, places), work)


def number_disagreements(sentences: list[Sentence], claims: list[Claim], features: Features | None = None,
                         claim_of: Mapping[Sentence, Claim] | None = None) -> list[Disagreement]:
    """Figures that sources give for the same attribute of the same thing.

    Two mentions are compared when they measure the same attribute (``attribute``, one set
    of words inside the other), their sentences are not about different countries or named
    people (``actors``), and the sentences report one claim or are close in their rarer
    words (each mention with its few nearest, through ``neighbours``: the work grows with
    the corpus, not its square). Mentions joined that way make one disagreement when their
    values differ; ``consistent`` says whether one value fits them all.
    """
    features = features if features is not None else Features()
    claim_of = claim_of if claim_of is not None else claim_index(claims)
    mentions: list[tuple[Sentence, Quantity, Attribute]] = []
    who: dict[str, Actors] = {}
    _FIGURES.start()
    for s in sentences:
        found = features.quantities(s.text)
        if found:
            counted, who_of = _figures_of(features, s.text, found)
            if counted:
                mentions += [(s, q, a) for q, a in counted]
                who[s.text] = who_of
    _FIGURES.finish()
    claim_ids = [c.id if (c := claim_of.get(s)) is not None else None for s, _, _ in mentions]
    weights = _STEM_COUNTS.weights(sentences, lambda s: features.stems(s.text))
    # Each figure's clause (between semicolons) is what is compared: "…32 states outside the
    # convention…; 164 countries are states parties" is about the parties in its second half.
    stems = [features.stems(_clause_of(s.text, q.start, q.end)) for s, q, _ in mentions]
    related = [(a, b) for _, a, b in close_pairs(stems, vectors(weights, stems), RELATED)]
    actors_of = [who[s.text] for s, _, _ in mentions]
    first: dict[str, int] = {}
    given = (mentions, actors_of, [None if c is None else first.setdefault(c, i) for i, c in enumerate(claim_ids)],
             set(related))

    def renew(last: _Given, found: list[Disagreement]) -> list[Disagreement]:
        """The last build's disagreements, of this build's sentence objects (equal to the last's)."""
        now = {id(old[0]): new[0] for old, new in zip(last[0], mentions, strict=True)}
        return [replace(d, sides=tuple(Side(now[id(side.sentence)], side.value) for side in d.sides)) for d in found]
    out = list(_FOUND.get(given, partial(_joined, mentions, actors_of, claim_ids, related), renew))
    return out + date_disagreements(sentences, claims, features, weights, claim_of)


_Given = tuple[list[tuple[Sentence, Quantity, Attribute]], list[Actors], list[int | None], set[tuple[int, int]]]
"""What figure disagreements are worked out from: the figures compared, the actors of each one's
sentence, which are of one claim (by the first figure of each claim: an edit that adds a
sentence to a claim may change its id), and the pairs close in their rarer words (in any order)."""
_FOUND: SameInput[_Given, list[Disagreement]] = SameInput()
"""The last build's figure disagreements, while what they are worked out from is the same."""


def _joined(mentions: list[tuple[Sentence, Quantity, Attribute]], actors_of: list[Actors],
            claim_ids: list[str | None], related: list[tuple[int, int]]) -> list[Disagreement]:
    """The figures of one claim, or of ``related`` sentences, that measure one attribute of one
    thing, joined; each group whose values differ in two sources or more, a disagreement."""
    union: UnionFind[int] = UnionFind(range(len(mentions)))

    def join(i: int, j: int, same_claim: bool) -> None:
        (si, _, ai), (sj, _, aj) = mentions[i], mentions[j]
        if (si.source_id != sj.source_id and same_attribute(ai, aj, same_claim)
                and _same_actors(actors_of[i], actors_of[j])):
            union.join(i, j)

    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claim_ids):
        if claim is not None:
            by_claim[claim].append(i)
    for members in by_claim.values():
        members = members[:_PER_CLAIM]
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                join(i, j, True)
    for a, b in related:
        join(a, b, claim_ids[a] == claim_ids[b] is not None)
    out = []
    for members in union.groups().values():
        chosen = [mentions[i] for i in members]
        values = {q.value.casefold() for _, q, _ in chosen}
        sources = {s.source_id for s, _, _ in chosen}
        if len(values) < 2 or len(sources) < 2:
            continue
        sides = _sides_from([(s, q) for s, q, _ in chosen])
        out.append(Disagreement(make_id("number", sides), "number", _subject(chosen),
                                tuple(sides), consistent([q for _, q, _ in chosen])))
    return out


def _subject(chosen: list[tuple[Sentence, Quantity, Attribute]]) -> str:
    """"the age of Adrian Kess", "the number of people injured", "the amount in euros"."""
    s, q, (head, _) = min(chosen, key=lambda m: (len(_phrase_after(m[0].text, m[1])), m[0].source_id, m[1].start))
    unit = q.unit
    if unit.startswith("age of "):
        return "the a" + unit[1:]
    if unit in _MONEY:
        return f"the amount in {unit}"
    if unit == "percent":
        rest = _phrase_after(s.text, q)
        return f"the share {rest}".strip() if rest.startswith("of ") else "the percentage"
    if head == "vote":
        return "the number of votes in favour"
    rest = _phrase_after(s.text, q)
    return f"the number of {unit} {rest}".strip()


def _phrase_after(text: str, q: Quantity) -> str:
    """The few words after a quantity, up to a pause: "injured", "of the port's covered storage"."""
    words: list[str] = []
    for w in _words(text[q.end:]):
        if w.casefold() in _PAUSE or len(words) >= 5 or w.isdigit():
            break
        if words or w.casefold() not in _SKIP or w.casefold() == "of":
            words.append(w)
    while words and words[-1].casefold() in STOP_WORDS:
        words.pop()
    return " ".join(words)


def _sides_from(mentions: list[tuple[Sentence, Quantity]]) -> list[Side]:
    seen: dict[tuple[str, str], Side] = {}
    for sentence, q in mentions:
        seen.setdefault((sentence.source_id, q.value.casefold()), Side(sentence, q.value))
    return list(seen.values())
