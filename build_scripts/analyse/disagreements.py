"""Where sources differ: numbers, titles and the wording of one quotation.

- **Numbers.** Counts with the same unit ("countries") in sentences about the
  same thing (one claim, or sentences sharing rarer words) that give different
  figures. "over 160" and "165" are flagged as consistent (one number fits
  both); "160" and "165" are not.
- **Titles.** A person given different roles by different sources, where
  neither role contains the other.
- **Wording.** One speaker's quotation rendered in different words by
  different sources, usually two translations (see ``quote_wording``).

Deciding who is right is left to the reader: each side is cited.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import close_pairs
from build_scripts.analyse.quantities import consistent, unit_key
from build_scripts.analyse.quote_groups import UNKNOWN_SPEAKER, spelling_neutral
from build_scripts.analyse.roles import differ, normalise_role, person_key
from build_scripts.analyse.similarity import Weights
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import (
    CitedQuote,
    Claim,
    Disagreement,
    Quantity,
    QuoteGroup,
    Sentence,
    Side,
    Speaker,
)

RELATED = 0.15
"""Cosine at or above which two sentences with the same kind of count are about the same thing."""


def make_id(kind: str, sides: list[Side]) -> str:
    key = kind + "|" + "|".join(sorted(f"{s.sentence.source_id}#{s.sentence.anchor}#{s.value}" for s in sides))
    return "d-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _sides_from(mentions: list[tuple[Sentence, Quantity]]) -> list[Side]:
    seen: dict[tuple[str, str], Side] = {}
    for sentence, q in mentions:
        seen.setdefault((sentence.source_id, q.value.casefold()), Side(sentence, q.value))
    return list(seen.values())


def number_disagreements(sentences: list[Sentence], claims: list[Claim],
                         features: Features | None = None) -> list[Disagreement]:
    """Counts of one unit in related sentences that differ.

    Mentions of one unit within one claim are related by definition; claims are
    compared with each other through one sentence each, and only with the few
    that share the most rare words (``neighbours``), which keeps the work in
    step with the number of claims rather than of mentions.
    """
    features = features if features is not None else Features()
    claim_of = {m: c.id for c in claims for m in c.members}
    mentions = [(s, q) for s in sentences for q in features.quantities(s.text)]
    nodes: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (s, q) in enumerate(mentions):
        nodes[(unit_key(q), claim_of.get(s, s.anchor + s.source_id))].append(i)
    union: UnionFind[int] = UnionFind(range(len(mentions)))
    for members in nodes.values():
        for j in members[1:]:
            union.join(members[0], j)
    weights = Weights(features.stems(s.text) for s in sentences)
    by_unit: dict[str, list[int]] = defaultdict(list)
    for (unit, _), members in nodes.items():
        by_unit[unit].append(members[0])
    for reps in by_unit.values():
        stems = [features.stems(mentions[i][0].text) for i in reps]
        for _, a, b in close_pairs(stems, [weights.vector(t) for t in stems], RELATED):
            union.join(reps[a], reps[b])
    out = []
    for members in union.groups().values():
        chosen = [mentions[i] for i in members]
        values = {q.value.casefold() for _, q in chosen}
        sources = {s.source_id for s, _ in chosen}
        if len(values) < 2 or len(sources) < 2:
            continue
        sides = _sides_from(chosen)
        unit = chosen[0][1].unit
        out.append(Disagreement(make_id("number", sides), "number", f"the number of {unit}",
                                tuple(sides), consistent([q for _, q in chosen])))
    return out


def title_disagreements(sentences: list[Sentence], features: Features | None = None) -> list[Disagreement]:
    features = features if features is not None else Features()
    by_person: dict[str, list[tuple[Sentence, str, str]]] = defaultdict(list)
    for s in sentences:
        for r in features.roles(s.text):
            by_person[person_key(r.name)].append((s, r.name, r.role))
    out = []
    for mentions in by_person.values():
        if len({s.source_id for s, _, _ in mentions}) < 2 or not differ([r for _, _, r in mentions]):
            continue
        seen: dict[tuple[str, str], Side] = {}
        for s, _, role in mentions:
            seen.setdefault((s.source_id, normalise_role(role)), Side(s, role))
        sides = list(seen.values())
        name = max((n for _, n, _ in mentions), key=len)
        out.append(Disagreement(make_id("title", sides), "title", f"{name}’s title or role", tuple(sides)))
    return out


def _versions(group: QuoteGroup) -> list[CitedQuote]:
    """Renderings that are not a mere excerpt of another source's rendering."""
    norm = [spelling_neutral(q.quote.text) for q in group.quotes]
    kept: dict[str, CitedQuote] = {}
    for i, q in enumerate(group.quotes):
        inside_other = any(norm[i] in norm[j] and (norm[i] != norm[j] or j < i)
                           for j, other in enumerate(group.quotes)
                           if j != i and other.quote.source_id != q.quote.source_id)
        if not inside_other:
            kept.setdefault(norm[i], q)
    return list(kept.values())


def quote_wording(speakers: list[Speaker]) -> list[Disagreement]:
    """One quotation rendered in different words by different sources."""
    out = []
    for speaker in speakers:
        if speaker.name == UNKNOWN_SPEAKER:
            continue
        for group in speaker.groups:
            versions = _versions(group)
            if len({v.quote.source_id for v in versions}) < 2:
                continue
            sides = [Side(v.sentence, " ¶ ".join(p.text for p in v.quote.parts)) for v in versions]
            out.append(Disagreement(make_id("wording", sides), "wording", f"{speaker.name}’s words", tuple(sides)))
    return out
