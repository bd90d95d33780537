"""Find the dates mentioned in one English sentence.

``find_dates(sentence, published)`` returns every date mention, in order and
without overlaps, each with the precision its words give (a year, a month or
a day) and never more. Relative mentions are resolved against the article's
publication date, and only when that date is precise enough; with
``published=None`` no relative mention is returned at all. Everything is read
by one pass of one compiled regex; a small handler per kind of match then
checks and resolves it.

Absolute mentions (``relative=False``):

* ISO days: "2025-06-30" (an impossible one, "2025-02-30", gives nothing).
* Day, month, year: "29 June 2025", "29th of June 2025", "June 29, 2025",
  "Jun. 29, 2025", "Jun 30 2025", optionally after a weekday ("Sunday, 29 June
  2025", "Wed. 4 June 2025"; the weekday is part of the text, not checked).
  The day must exist in the calendar: "31 June 2025" falls back to the month
  ("2025-06", text unchanged).
* Month and year: "November 2024", "Sept. 2024", "March of 2024".
* Year alone, 1900-2099: "in 2005", "a 2023 report". Only a 4-digit token
  standing alone: not inside a word or a number ("110,000", "2019-4a3f",
  "1999.99", "2024/25"), not after "$", "€", "£", "#", "No.", "p.",
  "Resolution", "Article", a digit group separator or a letter and a hyphen
  ("A-2005"; "mid-", "pre-" and "post-" are fine), and not followed by a unit
  or count word ("2000 troops", "2000 km", "2000-strong", "2000 people").
  The unit rule holds after a month too: "In March 2000 troops were sent" is
  a relative March, and "In 2022 people fled" loses its year; the rules
  prefer a miss to a false year.

Relative mentions (``relative=True``):

* A day and month without a year ("July 15", "15 July"): the year that puts it
  closest to the publication date (ties go to the past); needs a month-precise
  publication date.
* A month name alone ("In March", "June report"): the closest such month,
  ties to the past, so with publication 2025-06-30 "March" is 2025-03,
  "July" 2025-07 and "December" 2024-12. "last March" is the latest March
  strictly before the publication month, "next March" the first one after.
  Needs a month-precise publication date.
* A weekday ("on Sunday"): the most recent such day 0-6 days before the
  publication day ("last Sunday": 1-7 days before; "next Sunday": 1-7 days
  after). Future tense is not read: "will vote on Sunday" is still the past
  Sunday. Needs a day-precise publication date.
* "yesterday", "today", "tomorrow" (day-precise publication date needed);
  "last/this/next year" (year precision) and "last/this/next month" (month
  precision), except after "the" or "past" ("in the last year" is a period).

Ranges are not merged: "10-12 June 2025", "10 to 12 June 2025" and "June
10-12, 2025" give two day mentions (the first one's text is only "10" or
"June 10"); "2005-2010" gives two year mentions; "2022-23" gives only 2022;
"March to May 2025" gives a relative March and May 2025.

A leading preposition ("in", "on", "since", "by", "until", "from", "during",
"before", "after", "through", "last", "next", "this"), optionally followed by
"early", "late" or "mid-", or one of these alone, is part of the mention's
text and span: "on Sunday", "in 2005", "by late 2024", "mid-March".

Words are matched so as to avoid false dates: month names only capitalised
("may", "march" are never months); "May" alone only after one of those
prepositions ("Ukraine May leave" is not a date); abbreviated months
("Jan", "Sept.") only next to a day or a year ("Jan Egeland" is not a date);
weekdays only written out in full when alone ("We", "Wed", "Sun" are not
days); a month name or weekday alone, without a preposition and followed by a
capitalised word, is taken to be part of a name ("June Carter", "Sunday
Times"), and so is a capitalised "Today" after a capitalised word ("USA
Today"). Plurals ("on Sundays", "the 2020s") are not dates. Numbers alone
("10", "24 km", "three years") are never dates.
Numeric day forms other than ISO ("29/06/2025") are ambiguous and ignored.

Speed: most sentences name no date, and ``find_dates`` answers them with a
few cheap tests before the regex runs (``_may_find_dates``): each kind of
mention needs certain words, and most need a publication date precise enough.
The tests only skip sentences for which the full pass would return nothing.
In the others, the regex is run only from the places where a match can start
(``_matches``). Callers need no prefilter of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from build_scripts.model import MONTHS, DateMention, PartialDate

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
    | (?P<rw>(?=[yYtT])(?i:yesterday|today|tomorrow)(?!\w))
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


# --- The prefilter -------------------------------------------------------

# Every year starts with "19" or "20", every month name and abbreviation with
# the first three letters of the name (case-sensitive, like _MONTH). One regex
# for the fourteen strings is faster than fourteen ``in`` tests.
_YEAR_OR_MONTH = re.compile("|".join(("19", "20") + tuple(name[:3] for name in MONTHS)))
# "last/this/next year/month" (rp) without the lookbehinds that narrow it,
# written with a literal first character in each branch, which ``re`` scans
# for fast: ignoring case, l, t and n match only their ASCII other case.
_RELATIVE_PERIOD = re.compile("(?:" + "|".join(
    f"{first}(?i:{word[1:]})" for word in ("last", "this", "next") for first in (word[0], word[0].upper())
) + r")\s+(?i:year|month)")


def _may_find_dates(sentence: str, published: PartialDate | None) -> bool:
    """False only when ``find_dates`` would return nothing.

    A kind of match gives a mention only with some text and, unless it has a
    year, a publication date precise enough (see the handlers):

    * a year (``iso``, ``my``, ``ly``, and ``dmy``/``mdy`` with a year) starts
      with "19" or "20"; nothing else gives a mention without ``published``;
    * a day and month without a year (``dmy``, ``mdy``) and a bare month
      (``bm``) need a month name (see ``_YEAR_OR_MONTH``) and a publication
      month;
    * a weekday (``wd``) and "yesterday", "today", "tomorrow" (``rw``) need a
      publication day, and a weekday name, or "terday", "today" or "tomorrow"
      in lower case ("terday": under ``re.IGNORECASE`` the "s" of "yesterday"
      also matches "ſ"; no other letter of these words matches a non-ASCII
      character, so lower case is enough);
    * "last/this/next year/month" (``rp``) needs ``_RELATIVE_PERIOD`` and a
      publication date.

    It never raises, so a bad ``published`` fails as before, in a handler.
    """
    if published is None:
        return "19" in sentence or "20" in sentence
    if published.month is None:
        if "19" in sentence or "20" in sentence:
            return True
    elif _YEAR_OR_MONTH.search(sentence):
        return True
    lowered = sentence.lower()
    if published.month is not None and published.day is not None:  # as in _published_day
        if "day" in lowered:
            if "today" in lowered or "terday" in lowered:
                return True
            for weekday in WEEKDAYS:
                if weekday in sentence:
                    return True
        if "tomorrow" in lowered:
            return True
    return ("year" in lowered or "month" in lowered) and _RELATIVE_PERIOD.search(sentence) is not None


# --- Small helpers -------------------------------------------------------

def _preposition_start(sentence: str, start: int) -> int:
    """Where the preposition just before ``start`` begins; ``start`` when there is none."""
    found = _PREPOSITION_BEFORE.search(sentence, max(0, start - 20), start)
    return found.start() if found else start


def _preposition(match: re.Match[str]) -> str:
    """The preposition just before the match, lower-cased, "" when there is none."""
    start = _preposition_start(match.string, match.start())
    return _fold(match.string[start:match.start()].strip().rstrip("-").strip())


def _month_number(text: str) -> int:
    return _MONTH_NUMBER[text[:3]]


def _calendar_day(year: int, month: int, day: int) -> PartialDate | None:
    """The day as a PartialDate, or None when the calendar has no such day."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _published_day(published: PartialDate | None) -> dt.date | None:
    if published is None or published.month is None or published.day is None:
        return None
    return dt.date(published.year, published.month, published.day)


def _gap(published: PartialDate, year: int, month: int, day: int | None) -> int | None:
    """Signed distance from the publication date: days if both are days, else months."""
    if day is not None and _calendar_day(year, month, day) is None:
        return None
    pub_day = _published_day(published)
    if day is not None and pub_day is not None:
        return (dt.date(year, month, day) - pub_day).days
    assert published.month is not None
    return (year * 12 + month) - (published.year * 12 + published.month)


def _nearest_year(published: PartialDate, month: int, day: int | None = None) -> int | None:
    """The year that puts month (and day) closest to the publication date; ties to the past."""
    best: tuple[tuple[int, bool], int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        gap = _gap(published, year, month, day)
        if gap is None:
            continue
        key = (abs(gap), gap > 0)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else None


def _mention(match: re.Match[str], start: int, end: int, date: PartialDate,
             relative: bool = False) -> DateMention:
    return DateMention(start, end, match.string[start:end], date, relative)


# --- One handler per kind of match ---------------------------------------

_Handler = Callable[[re.Match[str], PartialDate | None], list[DateMention]]


def _iso(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    year, month, day = (int(match.group(g)) for g in ("iso_y", "iso_m", "iso_d"))
    date = _calendar_day(year, month, day)
    return [_mention(match, match.start(), match.end(), date)] if date else []


def _days(match: re.Match[str], published: PartialDate | None, month: int,
          year_text: str | None, parts: list[tuple[int, int, int]]) -> list[DateMention]:
    """Mentions for (day, start, end) parts sharing one month and maybe a year."""
    found = []
    for day, start, end in parts:
        if year_text is not None:
            date = _calendar_day(int(year_text), month, day)
        elif published is not None and published.month is not None:
            year = _nearest_year(published, month, day)
            date = PartialDate(year, month, day) if year is not None else None
        else:
            date = None
        if date is not None:
            found.append(_mention(match, start, end, date, relative=year_text is None))
    if not found and year_text is not None:  # "31 June 2025": keep the month
        found.append(_mention(match, match.start(), match.end(), PartialDate(int(year_text), month)))
    return found


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _dmy(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    """ "29 June 2025", "15 July", "10-12 June 2025" (two mentions: "10" and "12 June 2025")."""
    day = _day_number(match.group("dmy_d"))
    if match.group("dmy_d0") is None:
        parts = [(day, match.start(), match.end())]
    else:
        parts = [(_day_number(match.group("dmy_d0")), match.start(), match.end("dmy_d0")),
                 (day, match.start("dmy_d"), match.end())]
    return _days(match, published, _month_number(match.group("dmy_m")), match.group("dmy_y"), parts)


def _mdy(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    """ "June 29, 2025", "July 15", "June 10-12, 2025" (two mentions: "June 10" and "12, 2025")."""
    day = _day_number(match.group("mdy_d"))
    if match.group("mdy_d2") is None:
        parts = [(day, match.start(), match.end())]
    else:
        parts = [(day, match.start(), match.end("mdy_d")),
                 (_day_number(match.group("mdy_d2")), match.start("mdy_d2"), match.end())]
    return _days(match, published, _month_number(match.group("mdy_m")), match.group("mdy_y"), parts)


def _month_year(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    date = PartialDate(int(match.group("my_y")), _month_number(match.group("my_m")))
    return [_mention(match, match.start(), match.end(), date)]


def _looks_like_name(match: re.Match[str]) -> bool:
    """A month or weekday alone, no preposition, then a capitalised word: "June Carter"."""
    return not _preposition(match) and _NAME_NEXT.match(match.string, match.end()) is not None


def _weekday(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    pub_day = _published_day(published)
    if pub_day is None or _looks_like_name(match):
        return []
    weekday = _WEEKDAY_NUMBER[match.group("wd")[:3]]
    prep = _preposition(match)
    if prep == "next":
        offset = (weekday - pub_day.weekday()) % 7 or 7
    else:
        back = (pub_day.weekday() - weekday) % 7
        offset = -(back or 7) if prep == "last" else -back
    day = pub_day + dt.timedelta(days=offset)
    return [_mention(match, match.start(), match.end(), PartialDate(day.year, day.month, day.day), True)]


def _bare_month(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    if published is None or published.month is None or _looks_like_name(match):
        return []
    month = _month_number(match.group("bm"))
    prep = _preposition(match)
    if month == 5 and not prep:  # "May" alone is too often the verb
        return []
    if prep == "last":
        year = published.year if month < published.month else published.year - 1
    elif prep == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = _nearest_year(published, month) or published.year
    return [_mention(match, match.start(), match.end(), PartialDate(year, month), True)]


def _relative_word(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    pub_day = _published_day(published)
    word = match.group("rw")
    if pub_day is None:
        return []
    start = match.start()
    if word[0].isupper() and _NAME_BEFORE.search(match.string, max(0, start - 30), start):
        return []  # "USA Today"
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[_fold(word)]
    day = pub_day + dt.timedelta(days=offset)
    return [_mention(match, match.start(), match.end(), PartialDate(day.year, day.month, day.day), True)]


def _relative_period(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    if published is None:
        return []
    step = {"last": -1, "this": 0, "next": 1}[_fold(match.group("rp_which"))]
    if _fold(match.group("rp_unit")) == "year":
        date = PartialDate(published.year + step)
    elif published.month is None:
        return []
    else:
        index = published.year * 12 + published.month - 1 + step
        date = PartialDate(index // 12, index % 12 + 1)
    return [_mention(match, match.start(), match.end(), date, True)]


def _lone_year(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    start = match.start("ly_y")
    if _LABEL_BEFORE.search(match.string, max(0, start - 16), start):
        return []
    if _BAD_HYPHEN_AFTER.match(match.string, match.end()):
        return []
    return [_mention(match, match.start(), match.end(), PartialDate(int(match.group("ly_y"))))]


_HANDLERS: dict[str, _Handler] = {
    "iso": _iso, "dmy": _dmy, "mdy": _mdy, "my": _month_year, "wd": _weekday,
    "bm": _bare_month, "rw": _relative_word, "rp": _relative_period, "ly": _lone_year,
}


# Every match of _DATE_RE starts with one of these: a digit (a year, an ISO
# day, a day), the first three letters of a month or a weekday (weekday
# abbreviations too), or the first letter of "yesterday", "today", "tomorrow",
# "last", "this", "next" in either case (ASCII, as the (?=[yYtT]) and
# (?=[lLtTnN]) of _DATE_RE require) followed by the rest of the word in any
# case. Each branch starts with a literal character, so ``re`` finds the next
# one with a fast scan.
_MATCH_START = re.compile("|".join(
    list("0123456789") + [name[:3] for name in MONTHS + WEEKDAYS]
    + [f"{first}(?i:{rest})" for letter, rest in (("y", "esterday"), ("t", "oday|omorrow|his"),
                                                   ("l", "ast"), ("n", "ext"))
       for first in (letter, letter.upper())]
))


def _matches(sentence: str) -> list[re.Match[str]]:
    """The matches of ``_DATE_RE.finditer(sentence)``.

    Each search starts at the next place where a match could start
    (``_MATCH_START``) instead of trying every character before it; no match
    starts in between, so the leftmost match found is the same (lookbehinds
    still see the text before the start of a search).
    """
    found: list[re.Match[str]] = []
    pos = 0
    while (start := _MATCH_START.search(sentence, pos)) is not None:
        match = _DATE_RE.search(sentence, start.start())
        if match is None:
            break
        found.append(match)
        pos = match.end()  # a match is never empty, so finditer goes on from its end
    return found


def find_dates(sentence: str, published: PartialDate | None) -> list[DateMention]:
    """All date mentions in the sentence, in order, without overlaps."""
    found: list[DateMention] = []
    if not _may_find_dates(sentence, published):
        return found
    for match in _matches(sentence):
        assert match.lastgroup is not None
        try:
            mentions = _HANDLERS[match.lastgroup](match, published)
        except OverflowError:  # counted from a publication date at the edge of the calendar (year 1 or 9999)
            continue
        for mention in mentions:
            found.append(_with_preposition(sentence, mention, found[-1].end if found else 0))
    return found


def _with_preposition(sentence: str, mention: DateMention, not_before: int) -> DateMention:
    """The mention widened to the preposition just before it, if any: "on Sunday"."""
    start = max(_preposition_start(sentence, mention.start), not_before)
    if start == mention.start:
        return mention
    return DateMention(start, mention.end, sentence[start:mention.end], mention.date, mention.relative)
