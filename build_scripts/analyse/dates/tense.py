"""The tense of the clause a date mention sits in: future, past or unknown.

Part of :mod:`build_scripts.analyse.dates`. A relative date is resolved with
the tense of its clause: "will reopen on Friday" is the coming Friday, "in
November" in a clause in the past tense is the latest November before the
publication date. Only explicit marks are read: an auxiliary or phrase of the
future ("will", "shall", "is due to", "is expected to", "plans to", "is set
to", "is scheduled to", "is to", "going to"), and of the past a past form of
"be", "have" or "do", an irregular past form of a common reporting or event
verb, or a word in "-ed" that no present auxiliary comes before ("is
expected", "are planned" are not past). A clause is the part of the sentence
between its separators (";", ":", brackets, dashes, ", and", ", but") and
the words that open a subordinate clause ("that", "which", "who", "when",
"because", "while"; "after", "before", "until" and "since" before a pronoun,
"after it started", not in "shortly before 11 pm"), so that in "said on Monday that it
will vote on Friday" each date has its own verb. Future marks win over past
ones in one clause ("will be held").
"""

from __future__ import annotations

import re

_CLAUSE_EDGE = re.compile(
    r"""[;:()\[\]—–]|\s-\s|,\s+(?:and|but|or|while|whereas|although|though)\b
    |\b(?:that|which|who|whom|whose|when|where|because|while|although)\b
    |\b(?:after|before|until|since)(?=\s+(?:he|she|it|they|we|I|you|there)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:which|who|whom|whose)$", re.IGNORECASE)  # ends at the edge
_FUTURE = re.compile(
    r"""\b(?:will|shall|won[’']t)\s+(?!of\b|to\b)[a-z]
    |\w[’']ll\s
    |\b(?:is|are|am|[’']s|[’']re)\s+(?:not\s+)?(?:due|expected|set|scheduled|planned|going|about|to\s+be)\b
    |\b(?:is|are)\s+to\s+[a-z]
    |\b(?:plans?|intends?|expects?|aims?|hopes?|promises?|prepares?)\s+to\s+[a-z]
    |\b(?:upcoming|forthcoming)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_PAST = frozenset("""was were had did said told met held took gave made came went began won lost sent struck
    fell rose saw found left led brought became broke chose spoke wrote ran sat stood paid shot fought
    sought thought felt kept built caught taught drew flew grew knew threw hid bit ate drove rode
    woke froze stole swore tore wore sold bought heard meant ago earlier previously sank swept spent fled
    bled slid spun stuck hung rang sang sprang shrank drank withdrew overtook undertook overthrew arose
    awoke blew clung crept dug flung forgot got knelt laid leapt mistook overcame shook shone slept
    strode swam underwent upheld wept withheld withstood oversaw foresaw overran rebuilt""".split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Every match of _FUTURE holds one of these words, "'ll", or "is"/"are" with "to".
_FUTURE_CUES = frozenset("""will shall won due expected set scheduled planned going about be plan plans intend
    intends expect expects aim aims hope hopes promise promises prepare prepares upcoming forthcoming""".split())
# A word in -ed is a past form unless a present or future auxiliary or "to be" comes just before it.
_ED = re.compile(r"\b([a-z]{2,}ed)\b")
_PRESENT_AUX = re.compile(
    r"\b(?:is|are|am|be|being|[’']s|[’']re|will\s+be|to\s+be|will\s+have\s+been|the|a|an)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


# Words in -ed that are no past form: not verbs ("hundred", "need", "speed"), adjectives
# ("armed forces", "based in", "related"), and participles that look ahead ("expected in
# November", "scheduled for Friday", "planned"), which say nothing of when the event is.
_NOT_PAST_ED = frozenset((
    "hundred red bed wed shed need speed feed seed indeed exceed proceed succeed breed bleed greed weed "
    "armed based related limited united advanced detailed alleged concerned interested experienced qualified "
    "skilled sophisticated supposed called named aged talented renewed unprecedented unexpected "
    "expected scheduled planned slated proposed intended anticipated projected budgeted earmarked "
    "mixed fixed"
).split())


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding ``sentence[start:end]``: from the separator before it to the one after."""
    left, relative = 0, False
    for edge in _CLAUSE_EDGE.finditer(sentence, 0, start):
        left = edge.end()
        relative = _RELATIVE_AFTER_COMMA.search(sentence, max(0, edge.start() - 4), edge.end()) is not None
    after = _CLAUSE_EDGE.search(sentence, end)
    right = after.start() if after else len(sentence)
    if relative:  # ", which met on Tuesday, will vote…": the relative clause ends at its comma
        comma = sentence.find(",", end, right)
        right = comma if comma >= 0 else right
    return sentence[left:right]


def _may_be_future(clause: str, words: set[str]) -> bool:
    """False only when ``_FUTURE`` cannot match: none of the words each of its branches needs."""
    lowered = clause.lower()
    return (not _FUTURE_CUES.isdisjoint(words) or "'ll" in lowered or "’ll" in lowered
            or ("to" in words and ("is" in words or "are" in words)))


def tense(sentence: str, start: int, end: int, future_only: bool = False) -> str:
    """ "future", "past" or "" (not marked) for the clause of the mention at start:end.

    With ``future_only`` the past is not looked for ("" then also stands for the past).
    """
    clause = clause_around(sentence, start, end)
    words = set(_WORD.findall(clause.lower()))
    if _may_be_future(clause, words) and _FUTURE.search(clause):
        return "future"
    if future_only:
        return ""
    if not _PAST.isdisjoint(words):
        return "past"
    if "ed" not in clause:
        return ""
    for word in _ED.finditer(clause):
        if word.group(1) not in _NOT_PAST_ED and not _PRESENT_AUX.search(clause, 0, word.start()):
            return "past"
    return ""
