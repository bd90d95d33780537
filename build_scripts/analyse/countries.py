"""What the sources say about each country they name, and its stance.

A country's stance comes from the stance rules of ``docs/countries/index.md``
(each rule: a label, a list of term groups that must all occur in the
sentence, the first group being the action, and terms that cancel it). A
sentence is evidence of a rule for a country only where that country is the
one acting, in the clause that holds the action word:

* Clauses. A sentence is cut at ``;``, ``:``, dashes, parentheses, a sentence
  end the splitter missed, relative pronouns (``which``, ``who``...) and
  subordinators (``while``, ``after``, ``because``...). A relative clause set
  off by commas ("Finland, which borders Russia, did ...") is skipped, so the
  main clause reads on across it. The rule's exclusion terms ("not a party")
  are looked for in the clause, not in the whole sentence.
* The actor is the subject at the start of the clause (after one leading
  adverbial ending in a comma, "On Tuesday, "), or at the start of a clause
  introduced by "that"; a "that" clause whose subject is a pronoun ("... told
  the UN that they are leaving") keeps the subject of the clause it depends on.
  A subject is a country or a list of countries ("Lithuania, Latvia and
  Estonia have ..."), a country's institution or office ("Finland's
  parliament", "the Polish government", "the defence ministers of Poland and
  Estonia", a legislature the gazetteer knows such as "the Sejm"), followed by
  a verb: an auxiliary, an adverb in -ly, a past tense, a common news verb or a
  verb followed by "to". So in "US allies ... leave the treaty" the United
  States is no actor ("allies" heads the subject), nor is anything named in a
  prepositional phrase, an object or a list after "including".
* The action is not taken when a negation stands in the few words before it
  ("has not joined", "no plans to leave", "hasn't left"), nor by a subject
  whose verb leads to it only through a quotation (the quoted words have
  their own subject) or through another country told "to" act ("urged Ukraine
  to leave": neither acts). Nor is a possibility, a threat or a thought
  ("could leave", "is considering leaving", "threatened to quit"), nor
  anything in a sentence with a condition ("if", "unless").
* The rule's other groups (what is acted on) may be met in the sentences
  before, in the same paragraph, when the sentence refers back with a pronoun
  ("… parties to the Ottawa Convention. Russia and China did not sign it.") or
  leaves the object of the action out ("Russia and the United States are not
  parties.").
* Two more shapes name the actor: the country as the object of the action
  followed by "from" or "out of" ("a decree to withdraw Ukraine from the
  convention"), and the country's possessive directly before the action noun
  ("Ukraine's withdrawal").

Headings and page furniture (captions among it) are no sentences; a caption
left in the text is known by its credit ("(Photo: …)") and is no evidence.

Each stance lists its evidence sentences and the dates that the timeline reads
in those clauses (an attributive year, "the 1997 treaty", is no date of the
stance). The main stance, which colours the map, is the first rule in the
configured order that has evidence; rules sharing a label make one stance.
Demonyms ("Russian forces") are mentions, never actors on their own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

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

# ------------------------------------------------------------------ skeleton
# Each mention is replaced by a placeholder of the same length, so offsets in
# the skeleton are offsets in the sentence: a marker (country or demonym), one
# character giving the mention's index, then filler.
_COUNTRY, _DEMONYM, _FILL, _INDEX0 = "\ue000", "\ue002", "\ue001", 0xE100
_C = "\ue000[\ue100-\uefff]\ue001*"
_D = "\ue002[\ue100-\uefff]\ue001*"
_MENTION = re.compile("[\ue000\ue002]([\ue100-\uefff])\ue001*")


def _skeleton(text: str, mentions: list[PlaceMention]) -> str:
    out, last = [], 0
    for i, m in enumerate(mentions[: 0xEFFF - _INDEX0]):
        if m.end - m.start < 2 or m.start < last:
            continue
        out.append(text[last:m.start])
        out.append((_DEMONYM if m.demonym else _COUNTRY) + chr(_INDEX0 + i) + _FILL * (m.end - m.start - 2))
        last = m.end
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------ clauses
_RELATIVE = r"(?:which|who|whom|whose|where)"
# Asides read as clauses of their own, while the main clause reads across them
# (they are blanked in it): a relative clause set off by commas, an aside
# between dashes, a parenthesis.
_INSERTED = re.compile(rf",\s+{_RELATIVE}\b[^,;:()–—]*,|\s[–—]\s[^–—;:()]*\s[–—](?=\s)|\([^()]*\)")
_BOUNDARY = re.compile(
    r"[;()]|:\s|\s[–—-]\s|(?<=[.!?])[\"”’]?\s+(?-i:(?=[\"“‘]?[A-Z]))"
    rf"|(?P<rel>,\s+(?={_RELATIVE}\b))|\s+(?={_RELATIVE}\b)"
    r"|,?\s+(?:while|whereas|although|though|because|after|before|until|unless|even\s+as|including)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    antecedent: int | None = None
    """For a relative clause after a comma ("…, which announced"): where the comma is."""
    aside: bool = False
    """An aside: read in the sentence as written, not in the one with asides blanked."""


def _clauses(skeleton: str) -> tuple[str, list[_Clause]]:
    """The skeleton with asides blanked, and the clauses of the sentence (asides included)."""
    clauses: list[_Clause] = []
    for m in _INSERTED.finditer(skeleton):
        text = m.group()
        if text.startswith(","):
            clauses.append(_Clause(m.start() + 1, m.end() - 1, m.start(), True))
        else:
            clauses.append(_Clause(m.start() + (1 if text.startswith("(") else 2), m.end() - 1, None, True))
    blanked = _INSERTED.sub(lambda m: " " * len(m.group()), skeleton)
    start, comma = 0, None
    for m in _BOUNDARY.finditer(blanked):
        clauses.append(_Clause(start, m.start(), comma))
        start, comma = m.end(), (m.start() if m.group("rel") else None)
    clauses.append(_Clause(start, len(blanked), comma))
    return blanked, [c for c in clauses if c.end > c.start]


# ------------------------------------------------------------------ subjects
_LIST = (rf"(?:(?:the|The)\s+)?{_C}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?{_C})*"
         r"(?:\s*,?\s+and\s+(?:[a-z]+\s+){0,2}(?:countries|states|nations|others))?")
_GOV_MODIFIERS = (r"(?:(?:defen[cs]e|foreign|prime|deputy|interior|national|federal|lower|upper|new|then|top|"
                  r"senior|acting|former|finance|justice|economy|state|security|cabinet|government)\s+)*")
_GOV_HEADS = (r"(?:governments?|parliaments?|legislatures?|lawmakers|legislators|MPs|deputies|senators|senate|"
              r"congress|cabinet|president|presidency|prime\s+minister|premier|chancellor|ministers?|ministry|"
              r"ministries|officials|authorities|leaders?|leadership|head\s+of\s+state|king|queen|monarch|house|"
              r"assembly|council|delegation|diplomats|ambassador|envoy|foreign\s+office|state\s+department|"
              r"administration|regime)")
_GOV = rf"(?i:{_GOV_MODIFIERS}{_GOV_HEADS})\b(?:\s+[A-Z][\w'’.-]+){{0,3}}"
_DET = r"(?:(?:the|The|its|Its|their|Their)\s+)?"
_SUBJECT = re.compile(
    r"\s*[\"“‘]?\s*(?:(?:And|But|Meanwhile|Now|Also|However|So|Yet|Then|Separately|Thus)\s*,?\s+)?(?:"
    rf"(?P<poss>{_LIST})['’]s?\s+(?:{_GOV}|{_C})"
    rf"|{_DET}(?P<dem>{_D})\s+{_GOV}"
    rf"|{_DET}{_GOV}\s+of\s+(?P<of>{_LIST})"
    rf"|(?P<bare>{_LIST})"
    r")(?:\s*,\s*[^,]{1,60},)?"
)
_ANTECEDENT = re.compile(rf"(?P<bare>{_LIST})\s*\Z")
_RELATIVE_WORD = re.compile(rf"\s*{_RELATIVE}\b")
_LEAD = re.compile(r"\s*[\"“‘]?[^,\ue000\ue002]{1,40},\s+")
_TIME = re.compile(r"\s+(?:on|in|at|by|last|earlier|later|this|early|late)\s+(?:\w+\s+){0,2}?(?:[A-Z]\w+|\d+\w*)"
                   r"(?:\s+\d{4})?(?=\s)")
_WORD = re.compile(r"\s+([\w'’-]+)(\s+to\b)?")
_AUX = frozenset("""is are was were be been being has have had will would shall should can could may might must
    do does did not never also now already still then soon yet too itself themselves formally officially
    finally again jointly both all each either""".split())
_IRREGULAR_PAST = frozenset("""became began left took made said told gave went came won lost held kept put set sent
    spent stood withdrew broke chose drew rose saw sought brought thought wrote ran met led let quit cut
    struck fought got""".split())
_NEWS_VERBS = frozenset("""announce announces approve approves back backs become becomes begin begins decide
    decides deposit deposits exit exits join joins leave leaves move moves notify notifies pass passes plan
    plans quit quits ratify ratifies remain remains say says seek seeks sign signs start starts submit submits
    suspend suspends vote votes want wants withdraw withdraws adopt adopts agree agrees accede accedes
    intend intends prepare prepares recommend recommends reject rejects refuse refuses stay stays""".split())
_THAT = re.compile(r"\b(?:that|whether)\s+")
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:they|it|we|(?:their|its|the|both|all\s+(?:the|their))\s+(?:own\s+)?"
    r"(?:countries|country|governments?|states?|nations?))\b", re.IGNORECASE)
_OBJECT = re.compile(rf"\s+(?P<obj>{_LIST})\s+(?:from|out\s+of)\b")
_POSSESSIVE = re.compile(rf"(?P<obj>{_C})['’]s?\s+\Z")
_QUOTE_OPENS = re.compile(r"[“\"]")
_NEGATION = re.compile(r"(?:\b(?:not|never|no\s+longer|neither|nor|no\s+(?:intention|plans?|desire|wish|interest|"
                       r"decision))|n['’]t)\b(?:\s+\S+){0,3}\s*\Z", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|unless|(?-i:If|Unless))\b")
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their)\s+\Z", re.IGNORECASE)


def _codes(group: str, mentions: list[PlaceMention]) -> set[str]:
    return {c for m in _MENTION.finditer(group) for c in mentions[ord(m.group(1)) - _INDEX0].codes}


def _verb_follows(skeleton: str, at: int, hit: int) -> bool:
    """A verb starts at ``at`` (after an optional time phrase): the subject ending there is one."""
    time = _TIME.match(skeleton, at)
    if time and time.end() <= hit:
        at = time.end()
    word = _WORD.match(skeleton, at)
    if not word:
        return False
    if word.start(1) >= hit:
        return True
    w = word.group(1)
    lower = w.lower()
    return (lower in _AUX or lower in _IRREGULAR_PAST or lower in _NEWS_VERBS or w.endswith("ly")
            or (w.islower() and lower.endswith("ed")) or word.group(2) is not None)


_PREPOSITION = re.compile(r"\b(?:near|with|from|against|on|in|of|by|to|for|at|like|than|toward|towards|across|"
                          r"around|beside|besides|between|among|amid|along|alongside|over|under|into)\s+(?:the\s+)?\Z",
                          re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _other_country_between(skeleton: str, start: int, end: int) -> bool:
    """A country named between a subject and its action other than in a prepositional phrase
    ("near Russia"): the object of the verb ("criticised Poland's decision to leave",
    "urged Ukraine to leave"), whose action it may be, so the subject's is not certain."""
    for m in _MENTION.finditer(skeleton, start, end):
        if skeleton[m.start()] != _COUNTRY:
            continue
        if _POSSESSIVE_AFTER.match(skeleton, m.end()) or not _PREPOSITION.search(skeleton, start, m.start()):
            return True
    return False


# A possibility, a threat or a thought is not an action taken: "could leave", "is considering
# leaving", "threatened to quit" ("may" only in lower case: "in May" is a date).
_HYPOTHETICAL = re.compile(r"\b(?:could|might|(?-i:may)|threat\w*|consider\w*|mull\w*|weigh\w*|"
                           r"debat\w*|discuss\w*)\b", re.IGNORECASE)


def _predicate(skeleton: str, subject_end: int, hit: int) -> bool:
    """The subject ending at ``subject_end`` has a verb leading to the action at ``hit``, not
    through a quotation (its words have their own subject), another country's action or a
    word that makes the action a possibility."""
    return (_verb_follows(skeleton, subject_end, hit)
            and not _QUOTE_OPENS.search(skeleton, subject_end, hit)
            and not _HYPOTHETICAL.search(skeleton, subject_end, hit)
            and not _other_country_between(skeleton, subject_end, hit))


def _subject_at(skeleton: str, begin: int, hit: int, lead: bool) -> re.Match[str] | None:
    """The subject starting at ``begin`` (or after a leading adverbial, with ``lead``)."""
    m = _SUBJECT.match(skeleton, begin, hit)
    if lead and (not m or not _predicate(skeleton, m.end(), hit)):
        opening = _LEAD.match(skeleton, begin, hit)
        if opening:
            m = _SUBJECT.match(skeleton, opening.end(), hit) or m
    return m


def _subject_codes(m: re.Match[str], mentions: list[PlaceMention]) -> set[str]:
    return _codes(m.group("dem") or m.group("poss") or m.group("of") or m.group("bare"), mentions)


def _actors(skeleton: str, clause: _Clause, hit: int, hit_end: int,
            mentions: list[PlaceMention]) -> set[str]:
    """Countries doing the action whose word spans ``hit``..``hit_end`` in the clause.

    Subjects may start at the clause start, after "that", or at a country named further on
    (a complement clause without "that": "officials said Poland would leave"); the nearest
    one before the action whose verb leads to it acts. A "that" clause with a pronoun subject
    ("… that they would leave") keeps looking further back.
    """
    if _NEGATION.search(skeleton, clause.start, hit) or _CONDITIONAL.search(skeleton):
        return set()
    found: set[str] = set()
    obj = _OBJECT.match(skeleton, hit_end, clause.end)
    if obj:
        found |= _codes(obj.group("obj"), mentions)
    poss = _POSSESSIVE.search(skeleton, clause.start, hit)
    if poss:
        found |= _codes(poss.group("obj"), mentions)
    starts = [(clause.start, "start")]
    starts += [(m.end(), "that") for m in _THAT.finditer(skeleton, clause.start, hit)]
    starts += [(m.start(), "mention") for m in _MENTION.finditer(skeleton, clause.start, hit)
               if skeleton[m.start()] == _COUNTRY]
    starts.sort()
    read: list[tuple[str, int, set[str]]] = []
    covered = -1
    for begin, kind in starts:
        if begin < covered:
            continue  # inside the subject read from an earlier start
        if kind == "start" and clause.antecedent is not None:
            antecedent = _ANTECEDENT.search(skeleton, 0, clause.antecedent)
            pronoun = _RELATIVE_WORD.match(skeleton, begin, hit)
            ok = bool(antecedent and pronoun and _predicate(skeleton, pronoun.end(), hit))
            read.append((kind, begin, _codes(antecedent.group("bare"), mentions) if antecedent and ok else set()))
            covered = pronoun.end() if pronoun else begin
            continue
        m = _subject_at(skeleton, begin, hit, lead=kind == "start")
        if m:
            covered = m.end()
        read.append((kind, begin, _subject_codes(m, mentions) if m and _predicate(skeleton, m.end(), hit) else set()))
    for kind, begin, codes in reversed(read):
        if codes:
            return found | codes
        if kind == "that" and not _PRONOUN_SUBJECT.match(skeleton, begin, hit):
            break
    return found


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
    if not found or _CAPTION.search(sentence.text):
        return
    matching = []
    for i, rule in enumerate(rules):
        if not score_found(rule.match[:1], found):
            continue
        if len(rule.match) > 1 and not score_found(rule.match[1:], found):
            if not score_found(rule.match[1:], found | paragraph):
                continue
            if not _refers_back(sentence.text, (t for t in rule.match[0] if t in found)):
                continue
        matching.append(i)
    if not matching:
        return
    written = _skeleton(prepare(sentence.text), mentions)
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
            for code in sorted(actors):
                e = evidence[(code, stance_of[i])]
                if not e.sentences or e.sentences[-1] != sentence:
                    e.sentences.append(sentence)
                    e.clauses.append((clause.start, clause.end))


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
                      features: Features | None = None) -> list[CountryProfile]:
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
    reports: dict[Sentence, list[tuple[PartialDate, int, int]]] = defaultdict(list)
    for ev in events:
        for r in ev.reports:
            reports[r.sentence].append((ev.date, r.mention.start, r.mention.end))
    claim_of = {m: c for c in claims for m in c.members}
    for code, p in profiles.items():
        p.stances = [Stance(rules[i], float(len(e.sentences)), tuple(e.sentences), _dates(e, reports))
                     for i in sorted(set(stance_of)) if (e := evidence.get((code, i))) and e.sentences]
        p.claims = list({id(c): c for s in p.sentences if (c := claim_of.get(s))}.values())
        p.claims.sort(key=lambda c: (-c.independent, -len(c.sources)))
    return sorted(profiles.values(), key=lambda p: p.name)
