"""What the sources say about each country they name, and its stance.

A country's stance comes from the stance rules of ``docs/countries/index.md``:
a sentence that matches a rule is evidence for each country it names before
the rule's first matching word (the subject comes before the verb: in "the
withdrawal … into Moscow's invasion" Moscow is no subject), weighted by how
many such countries there are (two named share the weight). Demonyms ("Russian
forces") count as mentions, not as evidence. The stance with the heaviest
evidence is the country's main one (it colours the map) and needs a weight of
``MIN_WEIGHT``. Another stance is shown too when its evidence weighs
``SECOND_WEIGHT`` or more and either half as much as the main one, or comes
from sentences naming that country alone; so "Ukraine joins the countries near
Russia in withdrawing" does not make Russia a withdrawing state, while
"Ukraine ratified the convention in 2005" still shows Ukraine as a party. The
dates shown with a stance are those its evidence sentences name, each with its
sentence: which event a date belongs to is for the reader to see, not guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from build_scripts.analyse.features import Features
from build_scripts.analyse.places import country
from build_scripts.analyse.terms import (
    TermIndex,
    compile_group,
    group_terms,
    prepare,
    score_found,
)
from build_scripts.model import (
    Claim,
    CountryProfile,
    Event,
    PartialDate,
    PlaceMention,
    Sentence,
    Stance,
    StanceRule,
)

MIN_WEIGHT = 0.5
"""Evidence a country's main stance needs."""
SECOND_WEIGHT = 1.0
"""Evidence any further stance needs."""


@dataclass
class _Evidence:
    weight: float = 0.0
    solo: float = 0.0
    sentences: list[Sentence] = field(default_factory=list)


def _first_hit(terms: tuple[str, ...], text: str) -> int:
    starts = [m.start() for p in compile_group(terms).patterns if (m := p.search(text))]
    return min(starts) if starts else -1


def rule_terms(rules: list[StanceRule]) -> set[str]:
    return set().union(*(group_terms(r.match) | set(r.exclude) for r in rules))


def _add_evidence(rules: list[StanceRule], sentence: Sentence, mentions: list[PlaceMention],
                  evidence: dict[tuple[str, int], _Evidence], index: TermIndex) -> None:
    """Countries named (not as demonyms) before the rule's first matching word are its evidence."""
    if not mentions:
        return
    found = index.find(sentence.text)
    if not found:
        return
    text = prepare(sentence.text)
    for i, rule in enumerate(rules):
        if not score_found(rule.match, found) or (rule.exclude and score_found((rule.exclude,), found)):
            continue
        verb = _first_hit(rule.match[0], text)
        codes = sorted({c for m in mentions if not m.demonym and m.start < verb for c in m.codes})
        for code in codes:
                e = evidence[(code, i)]
                e.weight += 1 / len(codes)
                e.solo += 1.0 if len(codes) == 1 else 0.0
                e.sentences.append(sentence)


def _stances(code: str, rules: list[StanceRule], evidence: dict[tuple[str, int], _Evidence],
             dates_of: dict[Sentence, list[PartialDate]]) -> list[Stance]:
    found = [(i, evidence[(code, i)]) for i in range(len(rules)) if evidence[(code, i)].weight >= MIN_WEIGHT]
    if not found:
        return []
    top = max(e.weight for _, e in found)
    kept = [(i, e) for i, e in found
            if e.weight == top or (e.weight >= SECOND_WEIGHT and (e.weight >= top / 2 or e.solo >= 1.0))]
    kept.sort(key=lambda item: (-item[1].weight, item[0]))
    out = []
    for i, e in kept:
        dated: dict[PartialDate, Sentence] = {}
        for s in e.sentences:
            for d in dates_of.get(s, []):
                dated.setdefault(d, s)
        dates = tuple(sorted(dated.items(), key=lambda item: item[0].sort_key()))
        out.append(Stance(rules[i], round(e.weight, 2), tuple(e.sentences), dates))
    return out


def profile_countries(sentences: list[Sentence], claims: list[Claim], events: list[Event],
                      rules: list[StanceRule], index: TermIndex | None = None,
                      features: Features | None = None) -> list[CountryProfile]:
    """A profile for every country named in the given sentences, sorted by name.

    ``index`` must know every term of the rules (see ``rule_terms``).
    """
    index = index if index is not None else TermIndex(rule_terms(rules))
    features = features if features is not None else Features()
    profiles: dict[str, CountryProfile] = {}
    evidence: dict[tuple[str, int], _Evidence] = defaultdict(_Evidence)
    for s in sentences:
        mentions = features.places(s.text)
        for m in mentions:
            for code in m.codes:
                p = profiles.setdefault(code, CountryProfile(code, country(code).name))
                if m.text not in p.names_seen:
                    p.names_seen.append(m.text)
                if not p.sentences or p.sentences[-1] != s:
                    p.sentences.append(s)
        _add_evidence(rules, s, mentions, evidence, index)
    dates_of: dict[Sentence, list[PartialDate]] = defaultdict(list)
    for ev in events:
        for r in ev.reports:
            dates_of[r.sentence].append(ev.date)
    claim_of = {m: c for c in claims for m in c.members}
    for code, p in profiles.items():
        p.stances = _stances(code, rules, evidence, dates_of)
        p.claims = list({id(c): c for s in p.sentences if (c := claim_of.get(s))}.values())
        p.claims.sort(key=lambda c: (-c.independent, -len(c.sources)))
    return sorted(profiles.values(), key=lambda p: p.name)
