"""Which country acts in a sentence: the countries doing an action whose word is in a clause.

``countries`` keeps a sentence as evidence of a stance rule for a country only
where that country is the one acting, in the clause that holds the action word:

* Clauses. A sentence is cut at ``;``, ``:``, dashes, parentheses, a sentence
  end the splitter missed, relative pronouns (``which``, ``who``...) and
  subordinators (``while``, ``after``, ``because``...). A relative clause set
  off by commas ("Finland, which borders Russia, did ...") is skipped, so the
  main clause reads on across it.
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
* Two more shapes name the actor: the country as the object of the action
  followed by "from" or "out of" ("a decree to withdraw Ukraine from the
  convention"), and the country's possessive directly before the action noun
  ("Ukraine's withdrawal").

Demonyms ("Russian forces") are mentions, never actors on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.model import PlaceMention

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
