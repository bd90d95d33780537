"""Which date mentions of a sentence date one of its events.

Part of :mod:`build_scripts.analyse.dates`. ``find_dates`` returns every date
a sentence mentions; a timeline wants only those that say when something
happened (or will happen). ``event_dates`` keeps a mention unless it is one
of these, each a rule of news English, not of one story:

* a **dateline**: "VILNIUS, March 18 (NWS) –" dates the dispatch, not the
  event its sentence reports (that has its own date, or none);
* an **end of a range**: "between 2003 and 2005", "from 2019 to 2022",
  "2005–2010": no event is dated at either end;
* a **bound**: "by 2029", "until Friday", "before 2020", "after 18 March",
  "prior to", "up to", "ahead of", "as of", "no later than": a deadline, a
  limit or a state at a time, not when the event happened;
* an **attributive** date, written between a determiner or a possessive and
  a noun: "the 1997 treaty", "a 10 June 2025 report", "the group's June
  report" name a thing by its date; the sentence's own event is another;
* a **denied** date: "straight answers this week, not in a report next year",
  "on Monday rather than on Friday": "not" and a preposition, or "rather
  than", "instead of", just before it;
* "**since** <date>" as background: "territories liberated since 2022",
  "used mines since 2022" give the start of a period of repeated or ongoing
  activity, no event. It is kept where it dates an event by the usual reading
  of news English: the start of a state that still holds ("has leased the
  shed since 2019", "in force since 1 March 1999", "Latvia, a member since
  2005,"),
  or, with a negation, the last time the event happened ("had not been
  inspected since March 2023"). A date governed by another preposition
  inside a since-clause ("since it was agreed in 1997", "since the invasion
  of February 2022") dates that clause's or noun's event and is kept.
"""

from __future__ import annotations

import re

from build_scripts.analyse.dates.tense import clause_around
from build_scripts.model import DateMention

_DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Z .'’-]*[A-Z],\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?[–—-]")
_RANGE_GAP = re.compile(r"^\s*(?:[-–—]|to|until|till|through|and)\s*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_BOUND_PREPOSITION = re.compile(r"^(?:by|until|till|before|after|through)\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(
    r"\b(?:prior\s+to|up\s+to|ahead\s+of|as\s+of|as\s+early\s+as|as\s+late\s+as|(?:no\s+)?(?:later|earlier)\s+than"
    r"|in\s+the\s+run[- ]up\s+to|by\s+the\s+end\s+of|until\s+the\s+end\s+of|before\s+the\s+end\s+of)\s+$",
    re.IGNORECASE,
)
_DENIED_BEFORE = re.compile(
    r"(?:\bnot\s+(?:(?:in|on|at|during|by|until|till|for|from)\b[^,;.:]{0,25})?|\brather\s+than\s+|\binstead\s+of\s+)$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|your|this|that|these|those|whose)|\w[’']s|s[’'])\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+[A-Za-z]")
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n[’']t)\b|\w+n[’']t\b", re.IGNORECASE)
_STATE = re.compile(
    r"""\b(?:ha[sd]|have|having)\s+(?:\w+ly\s+)?(?:leased|rented|owned|held|lived|served|worked|run|operated
    |controlled|occupied|led|chaired|headed|remained|stayed|belonged|existed|ruled|governed|hosted|housed
    |employed|represented|been\s+(?:a|an|the|in|part|based|home|open|closed|shut|under|on|at|with|without))\b
    |\b(?:in\s+force|in\s+office|in\s+power|in\s+effect|in\s+place)\b
    |\b(?:a|an|the)\s+(?:\w+\s+)?(?:member|party|owner|tenant|resident)\s+since\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _preposition(mention: DateMention) -> str:
    """The first word of the mention, lower-cased: its preposition when it has one."""
    return mention.text.split(None, 1)[0].lower()


def _is_dateline(sentence: str, mention: DateMention) -> bool:
    return (_DATELINE_BEFORE.match(sentence[:mention.start]) is not None
            and _DATELINE_AFTER.match(sentence[mention.end:]) is not None)


def _range_ends(sentence: str, mentions: list[DateMention]) -> set[int]:
    """Indexes of the mentions that open or close a range of dates."""
    ends: set[int] = set()
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        gap = sentence[first.end:second.start]
        if not _RANGE_GAP.match(gap):
            continue
        joined_by_and = gap.strip().lower() == "and"
        opened = _BETWEEN_BEFORE.search(sentence, 0, first.start) is not None or _preposition(first) == "from"
        if joined_by_and and not opened:
            continue  # "on 16 April and 24 April": two dates
        ends.update((i, i + 1))
    return ends


def _is_bound(sentence: str, mention: DateMention) -> bool:
    return (_BOUND_PREPOSITION.match(mention.text) is not None
            or _BOUND_BEFORE.search(sentence, max(0, mention.start - 40), mention.start) is not None)


def _is_attributive(sentence: str, mention: DateMention) -> bool:
    """ "the 1997 treaty": no preposition, a determiner before, a word after."""
    if not mention.text[:1].isdigit() and not mention.text[:1].isupper():
        return False  # "this year", "last month": adverbs
    return (_DETERMINER_BEFORE.search(sentence, max(0, mention.start - 12), mention.start) is not None
            and _NOUN_AFTER.match(sentence[mention.end:]) is not None)


def _since_dates_event(sentence: str, mention: DateMention) -> bool:
    clause = clause_around(sentence, mention.start, mention.end)
    return _NEGATION.search(clause) is not None or _STATE.search(clause) is not None


def event_dates(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions (from ``find_dates``) that date an event of the sentence, in order."""
    if not mentions:
        return []
    ranges = _range_ends(sentence, mentions) if len(mentions) > 1 else set()
    kept = []
    for i, mention in enumerate(mentions):
        if i in ranges or _is_dateline(sentence, mention) or _is_bound(sentence, mention):
            continue
        if _is_attributive(sentence, mention) or _DENIED_BEFORE.search(sentence, max(0, mention.start - 40),
                                                                          mention.start):
            continue
        if _preposition(mention) == "since" and not _since_dates_event(sentence, mention):
            continue
        kept.append(mention)
    return kept
