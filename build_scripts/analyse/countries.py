"""What the sources say about each country they name, and its stance.

A country's stance comes from the stance rules of ``docs/countries/index.md``
(each rule: a label, a list of term groups that must all occur in the
sentence, the first group being the action, and terms that cancel it). A
sentence is evidence of a rule for a country only where that country is the
one acting, in the clause that holds the action word (``country_actors`` says
which country acts in which clause):

* The rule's exclusion terms ("not a party") are looked for in the clause,
  not in the whole sentence.
* The rule's other groups (what is acted on) may be met in the sentences
  before, in the same paragraph, when the sentence refers back with a pronoun
  ("… parties to the Ottawa Convention. Russia and China did not sign it.") or
  leaves the object of the action out ("Russia and the United States are not
  parties.").

Headings and page furniture (captions among it) are no sentences; a caption
left in the text is known by its credit ("(Photo: …)") and is no evidence.

Each stance lists its evidence sentences and the dates that the timeline reads
in those clauses (an attributive year, "the 1997 treaty", is no date of the
stance). The main stance, which colours the map, is the first rule in the
configured order that has evidence; rules sharing a label make one stance.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from build_scripts.analyse.country_actors import _actors, _clauses, _skeleton
from build_scripts.analyse.features import Features
from build_scripts.analyse.places import country
from build_scripts.analyse.sentence_memo import SentenceMemo
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
    claim_index,
)

# ------------------------------------------------------------------ evidence


@dataclass
class _Evidence:
    sentences: list[Sentence] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)


def rule_terms(rules: list[StanceRule]) -> set[str]:
    return set().union(*(group_terms(r.match) | set(r.exclude) for r in rules))


def _stance_of(rules: list[StanceRule]) -> list[int]:
    """For each rule, the first rule with its label and class: rules sharing them are one stance."""
    first: dict[tuple[str, str], int] = {}
    return [first.setdefault((r.label, r.css), i) for i, r in enumerate(rules)]


_IT = re.compile(r"\b(?:it|its|them)\b")
# A photo caption that reached the article text (page furniture is no sentence at all): its
# credit gives it away. A caption shows a scene; it is never evidence of a stance.
_CAPTION = re.compile(r"\((?:Photo|Image|Picture|Credit)s?\b|\b(?:Photo|Image|Picture)(?:\s+credit)?\s*:\s|\bFot\.\s")


@lru_cache(maxsize=1024)
def _elided(term: str) -> re.Pattern[str]:
    """``term`` with nothing after it in its clause: its object left out ("are not parties.")."""
    pattern = compile_group((term,)).patterns[0]
    return re.compile(pattern.pattern + r"(?=\s*(?:[,;:.!?\"”’)–—]|\Z))", pattern.flags)


def _refers_back(text: str, terms: Iterable[str]) -> bool:
    """The sentence leaves what is acted on to what came before: a pronoun ("did not sign it")
    or an action with its object left out ("Russia and China have never joined.")."""
    return bool(_IT.search(text)) or any(_elided(t).search(text) for t in terms)


def _add_evidence(rules: list[StanceRule], stance_of: list[int], sentence: Sentence,
                  mentions: list[PlaceMention], evidence: dict[tuple[str, int], _Evidence],
                  index: TermIndex, paragraph: frozenset[str]) -> None:
    """Record, for each rule that holds in the sentence, the countries acting in it.

    The action must be in the sentence; the rule's other groups (what is acted on) may be
    in the sentences before it in the same paragraph (``paragraph``: the terms they hold)
    when this one refers back ("… the Ottawa Convention. Russia and China did not sign it.",
    "… Russia and the United States are not parties.").
    """
    found = index.find(sentence.text)
    if not found:
        return
    text = sentence.text
    hits = _EVIDENCE.get((text, paragraph), (mentions, found), lambda: _hits(rules, text, mentions, found, paragraph))
    for i, code, clause in hits:
        e = evidence[(code, stance_of[i])]
        if not e.sentences or e.sentences[-1] != sentence:
            e.sentences.append(sentence)
            e.clauses.append(clause)


Hit = tuple[int, str, tuple[int, int]]
"""A rule (its index) that holds in a sentence, a country acting in it, and the clause (its bounds)."""
_EVIDENCE: SentenceMemo[tuple[str, frozenset[str]], tuple[Hit, ...]] = SentenceMemo()
"""The ``_hits`` of each sentence, by its text and the terms of the sentences before it in its
paragraph, under the rules they were worked out with."""


def _hits(rules: list[StanceRule], text: str, mentions: list[PlaceMention], found: frozenset[str],
          paragraph: frozenset[str]) -> tuple[Hit, ...]:
    """What ``_add_evidence`` records of a sentence holding the terms ``found``, in order."""
    if _CAPTION.search(text):
        return ()
    matching = []
    for i, rule in enumerate(rules):
        if not score_found(rule.match[:1], found):
            continue
        if len(rule.match) > 1 and not score_found(rule.match[1:], found):
            if not score_found(rule.match[1:], found | paragraph):
                continue
            if not _refers_back(text, (t for t in rule.match[0] if t in found)):
                continue
        matching.append(i)
    if not matching:
        return ()
    out: list[Hit] = []
    written = _skeleton(prepare(text), mentions)
    blanked, clauses = _clauses(written)
    for i in matching:
        rule = rules[i]
        # Only the terms the sentence holds are looked for in its clauses.
        verbs = compile_group(tuple(t for t in rule.match[0] if t in found)).patterns
        exclude = compile_group(tuple(t for t in rule.exclude if t in found)).patterns
        for clause in clauses:
            skeleton = written if clause.aside else blanked
            hits = [hit for pattern in verbs for hit in pattern.finditer(skeleton, clause.start, clause.end)]
            if not hits or any(p.search(skeleton, clause.start, clause.end) for p in exclude):
                continue
            actors: set[str] = set()
            for hit in hits:
                actors |= _actors(skeleton, clause, hit.start(), hit.end(), mentions)
            out += [(i, code, (clause.start, clause.end)) for code in sorted(actors)]
    return tuple(out)


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their)\s+\Z", re.IGNORECASE)


def _dates(e: _Evidence, reports: dict[Sentence, list[tuple[PartialDate, int, int]]]
           ) -> tuple[tuple[PartialDate, Sentence], ...]:
    """The dates read in the evidence clauses, each with the first sentence naming it."""
    dated: dict[PartialDate, Sentence] = {}
    for sentence, (start, end) in zip(e.sentences, e.clauses, strict=True):
        for date, a, b in reports.get(sentence, []):
            if start <= a and b <= end and not _ATTRIBUTIVE.search(sentence.text[max(0, a - 8):a]):
                dated.setdefault(date, sentence)
    return tuple(sorted(dated.items(), key=lambda item: item[0].sort_key()))


def profile_countries(sentences: list[Sentence], claims: list[Claim], events: list[Event],
                      rules: list[StanceRule], index: TermIndex | None = None,
                      features: Features | None = None,
                      claim_of: Mapping[Sentence, Claim] | None = None) -> list[CountryProfile]:
    """A profile for every country named in the given sentences, sorted by name.

    ``index`` must know every term of the rules (see ``rule_terms``).
    """
    index = index if index is not None else TermIndex(rule_terms(rules))
    features = features if features is not None else Features()
    stance_of = _stance_of(rules)
    profiles: dict[str, CountryProfile] = {}
    evidence: dict[tuple[str, int], _Evidence] = defaultdict(_Evidence)
    paragraph: frozenset[str] = frozenset()
    before: Sentence | None = None
    _EVIDENCE.start(rules)
    for s in sentences:
        mentions = features.places(s.text)
        for m in mentions:
            for code in m.codes:
                p = profiles.setdefault(code, CountryProfile(code, country(code).name))
                if m.text not in p.names_seen:
                    p.names_seen.append(m.text)
                if not p.sentences or p.sentences[-1] != s:
                    p.sentences.append(s)
        if rules:
            if before is None or (before.source_id, before.block) != (s.source_id, s.block):
                paragraph = frozenset()
            if mentions:
                _add_evidence(rules, stance_of, s, mentions, evidence, index, paragraph)
            paragraph |= index.find(s.text)
        before = s
    _EVIDENCE.finish()
    reports: dict[Sentence, list[tuple[PartialDate, int, int]]] = defaultdict(list)
    for ev in events:
        for r in ev.reports:
            reports[r.sentence].append((ev.date, r.mention.start, r.mention.end))
    claim_of = claim_of if claim_of is not None else claim_index(claims)
    for code, p in profiles.items():
        p.stances = [Stance(rules[i], float(len(e.sentences)), tuple(e.sentences), _dates(e, reports),
                            tuple(e.clauses))
                     for i in sorted(set(stance_of)) if (e := evidence.get((code, i))) and e.sentences]
        p.claims = list({id(c): c for s in p.sentences if (c := claim_of.get(s))}.values())
        p.claims.sort(key=lambda c: (-c.independent, -len(c.sources)))
    return sorted(profiles.values(), key=lambda p: p.name)
