"""The one regex that finds date mentions, and the checks made around a match.

Part of :mod:`build_scripts.analyse.dates` (its docstring says what is read
as a date); ``resolve`` turns each match into mentions, ``find`` runs the regex
over a sentence.
"""

from __future__ import annotations

import re

from build_scripts.model import MONTHS

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NUMBER = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
_WEEKDAY_NUMBER = {name[:3]: number for number, name in enumerate(WEEKDAYS)}

# Under ``re.IGNORECASE`` an ASCII letter matches its other case and, for four
# letters only, one more character: "İ" and "ı" match "i", "ſ" matches "s" and
# the Kelvin sign "K" matches "k". ``str.lower`` maps "K" to "k" but not the
# other three (it maps "İ" to "i" and a combining dot), which ``_fold``
# replaces first, so that "yeſterday" or "thİs month" are read as they were
# matched rather than missing from an ASCII table (a KeyError).
_ODD_CASES = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def _fold(text: str) -> str:
    """Text matched ignoring case, in ASCII lower case as far as the match goes."""
    for odd, letter in _ODD_CASES:
        text = text.replace(odd, letter)
    return text.lower()


# --- The one regex -------------------------------------------------------

_FULL_MONTH = "|".join(MONTHS)
_MONTH = rf"(?=[A-Z])(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?!\w)"
_FULL_WEEKDAY = "|".join(WEEKDAYS)
_WEEKDAY_PREFIX = rf"(?:(?=[A-Z])(?:{_FULL_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.),?\s+)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\w|[.,:]\d)"
_NUMBER_BEFORE = r"(?<![\w$#£€¥.,:/–-])"
_UNITS = r"""(?:km|m|cm|mm|ft|kg|sq|mln|bn|USD|EUR|UAH|GBP|GMT|UTC|%
  |(?i:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|kilograms?|tonnes?|tons?|hectares?
  |square|percent|per\s+cent|million|billion|dollars?|euros?|hryvnias?|r[ou]?bles?
  |troops|soldiers|servicemen|fighters|people|persons|civilians|refugees|children
  |men|women|prisoners|casualties|deaths|victims|mines|landmines|drones|missiles
  |shells|rounds|tanks|vehicles|weapons|homes|houses|buildings|units|pieces|items
  |hours|hrs|times|strong|pages?|years?|months?|weeks?|days?))(?!\w)"""
_YEAR = rf"(?:19|20)\d\d(?!\w|[.,/]\d)(?![\s-]*{_UNITS})"

# Every mention starts a word, and with a digit, a capital or the first letter
# of "yesterday", "today", "tomorrow", "last", "this", "next": checking that
# first keeps the scan of the other positions cheap.
_DATE_RE = re.compile(
    rf"""
    (?<!\w)(?=[0-9A-Zltny])
    (?:
      (?P<iso>(?<![\w-])(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?![\w-]))
    | (?P<dmy>{_WEEKDAY_PREFIX}{_NUMBER_BEFORE}
        (?:(?P<dmy_d0>{_DAY})(?:\s*[-–]\s*|\s+(?:to|and)\s+))?
        (?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})
        (?:,?\s+(?P<dmy_y>{_YEAR}))?)
    | (?P<mdy>{_WEEKDAY_PREFIX}(?P<mdy_m>{_MONTH})\s+(?:the\s+)?{_NUMBER_BEFORE}(?P<mdy_d>{_DAY})
        (?:\s*[-–]\s*(?P<mdy_d2>{_DAY}))?
        (?:,?\s+(?P<mdy_y>{_YEAR})|(?![\s-]*{_UNITS})))
    | (?P<my>(?P<my_m>{_MONTH})(?:,|\s+of)?\s+(?P<my_y>{_YEAR}))
    | (?P<wd>(?=[A-Z])(?:{_FULL_WEEKDAY})(?!\w))
    | (?P<bm>(?=[A-Z])(?:{_FULL_MONTH})(?!\w))
    | (?P<rw>(?=[yYtTlL])(?i:yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)(?!\w))
    | (?P<rp>(?=[lLtTnN])(?<!(?i:the)\s)(?<!(?i:past)\s)
        (?P<rp_which>(?i:last|this|next))\s+(?P<rp_unit>(?i:year|month))(?!\w))
    | (?P<ly>(?<![\w$#£€¥])(?P<ly_y>{_YEAR}))
    )
    """,
    re.VERBOSE,
)

# Checks made after a match, on a few characters around it.
_LABEL_BEFORE = re.compile(
    r"""(?:[$#£€¥]\s?|\d[.,/]|\b(?!(?:mid|pre|post)-)[A-Za-z]+[-–]
    |\b(?:No|Nos|Nr|Art|p|pp)\.\s?|\b(?:number|resolution|article|section|flight|page)\s+)$""",
    re.IGNORECASE | re.VERBOSE,
)
# After a year, a hyphen may lead to another year ("2005-2010", "2022-23") or
# a word ("2005-era"), not to an id or a date ("2019-4a3f", "2025-13-01").
_BAD_HYPHEN_AFTER = re.compile(r"[-–](?!(?:\d\d|(?:19|20)\d\d|[A-Za-z]+)\b(?![-–]\d))")
# The preposition just before a mention becomes part of it ("on Sunday").
_PREPOSITION_BEFORE = re.compile(
    r"""(?<!\w)(?:(?:in|on|since|by|until|till|from|during|before|after|through
    |last|next|this)\s+)?(?:(?:early|late)\s+|mid-\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")


def _preposition_start(sentence: str, start: int) -> int:
    """Where the preposition just before ``start`` begins; ``start`` when there is none."""
    found = _PREPOSITION_BEFORE.search(sentence, max(0, start - 20), start)
    return found.start() if found else start
