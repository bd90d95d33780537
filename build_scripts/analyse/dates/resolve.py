"""Each kind of match of the one regex read as date mentions, relative ones resolved.

A handler per named group of ``_DATE_RE`` (``iso``, ``dmy``, ``mdy``, ``my``,
``wd``, ``bm``, ``rw``, ``rp``, ``ly``) checks the match and returns its
mentions: a relative one ("March", "on Sunday", "last year") is counted from
the publication date, and only when that date is precise enough. See
:mod:`build_scripts.analyse.dates` for the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from build_scripts.analyse.dates.patterns import (
    _BAD_HYPHEN_AFTER,
    _LABEL_BEFORE,
    _MONTH_NUMBER,
    _NAME_BEFORE,
    _NAME_NEXT,
    _WEEKDAY_NUMBER,
    _fold,
    _preposition_start,
)
from build_scripts.analyse.dates.tense import tense
from build_scripts.model import DateMention, PartialDate

# --- Small helpers -------------------------------------------------------

def _preposition(match: re.Match[str]) -> str:
    """The preposition just before the match, lower-cased, "" when there is none."""
    start = _preposition_start(match.string, match.start())
    return _fold(match.string[start:match.start()].strip().rstrip("-").strip())


def _tense(match: re.Match[str], future_only: bool = False) -> str:
    """The tense of the match's clause ("future", "past" or ""), its preposition included."""
    return tense(match.string, _preposition_start(match.string, match.start()), match.end(), future_only)


# A date heading an item of a dated list: "18 March: the ministers recommend…", "July: …".
_LABEL_AFTER = re.compile(r"\s*:")
_LABEL_BEFORE_TEXT = re.compile(r"[\s\-–—•*·]*$")


def heads_list_item(sentence: str, start: int, end: int) -> bool:
    """``sentence[start:end]`` opens the sentence (after a bullet) and a colon follows it."""
    return _LABEL_AFTER.match(sentence, end) is not None and _LABEL_BEFORE_TEXT.match(sentence[:start]) is not None


def _is_label(match: re.Match[str]) -> bool:
    """The match heads an item of a dated list: "18 March: …"."""
    return heads_list_item(match.string, match.start(), match.end())


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


def _nearest_year(published: PartialDate, month: int, day: int | None = None, when: str = "") -> int | None:
    """The year that puts month (and day) closest to the publication date; ties to the past.

    ``when`` is the tense of the clause: "past" keeps only a date at or before
    the publication date, "future" only one at or after it.
    """
    best: tuple[tuple[int, bool], int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        gap = _gap(published, year, month, day)
        if gap is None or (when == "past" and gap > 0) or (when == "future" and gap < 0):
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
            year = _nearest_year(published, month, day, _tense(match))
            date = PartialDate(year, month, day) if year is not None else None
        elif published is not None and _is_label(match):  # a dated list in an article of a known year
            date = _calendar_day(published.year, month, day)
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
    when = "" if prep in ("last", "next") else _tense(match)
    if prep == "next":
        offset = (weekday - pub_day.weekday()) % 7 or 7
    elif when == "future":  # "will reopen on Friday": the coming Friday
        offset = (weekday - pub_day.weekday()) % 7
    elif prep == "last" or when == "past":
        back = (pub_day.weekday() - weekday) % 7
        offset = -(back or 7) if prep == "last" else -back
    else:  # "voters go to the polls on Sunday": the last Sunday or the next? Not guessed.
        return []
    day = pub_day + dt.timedelta(days=offset)
    return [_mention(match, match.start(), match.end(), PartialDate(day.year, day.month, day.day), True)]


def _bare_month(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    if published is None or _looks_like_name(match):
        return []
    month = _month_number(match.group("bm"))
    if published.month is None:  # "July: …" heading a dated list in an article of a known year
        return [_mention(match, match.start(), match.end(), PartialDate(published.year, month), True)
                ] if _is_label(match) else []
    prep = _preposition(match)
    if month == 5 and not prep:  # "May" alone is too often the verb
        return []
    if prep == "last":
        year = published.year if month < published.month else published.year - 1
    elif prep == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = _nearest_year(published, month, when=_tense(match)) or published.year
    return [_mention(match, match.start(), match.end(), PartialDate(year, month), True)]


def _relative_word(match: re.Match[str], published: PartialDate | None) -> list[DateMention]:
    pub_day = _published_day(published)
    word = match.group("rw")
    if pub_day is None:
        return []
    start = match.start()
    if word[0].isupper() and _NAME_BEFORE.search(match.string, max(0, start - 30), start):
        return []  # "USA Today"
    folded = _fold(word)
    offset = {"yesterday": -1, "tomorrow": 1}.get(folded, -1 if folded.startswith("last") else 0)
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
