"""``find_dates``: every date mention of one sentence, with cheap tests first.

Most sentences name no date: ``_may_find_dates`` answers them without the
regex, and in the others the regex is run only from the places where a match
can start (``_matches``). See :mod:`build_scripts.analyse.dates` for what is
found.
"""

from __future__ import annotations

import datetime as dt
import re

from build_scripts.analyse.dates.patterns import _DATE_RE, _MONTH_NUMBER, WEEKDAYS, _preposition_start
from build_scripts.analyse.dates.resolve import _HANDLERS
from build_scripts.model import MONTHS, DateMention, PartialDate

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
      month, or a publication year when they head an item of a dated list;
    * a weekday (``wd``) and "yesterday", "today", "tomorrow", "tonight",
      "last night", "this morning/afternoon/evening" (``rw``) need a
      publication day, and a weekday name, or "terday", "today", "tomorrow",
      "ght", "morn", "afternoon" or "even" in lower case ("terday": under
      ``re.IGNORECASE`` the "s" of "yesterday" also matches "ſ", and the "i"
      of "night" and "evening" matches "ı" and "İ"; no other letter of these
      strings matches a non-ASCII character, so lower case is enough);
    * "last/this/next year/month" (``rp``) needs ``_RELATIVE_PERIOD`` and a
      publication date.

    It never raises, so a bad ``published`` fails as before, in a handler.
    """
    if published is None:
        return "19" in sentence or "20" in sentence
    if _YEAR_OR_MONTH.search(sentence):  # a year; with a publication year, "18 March: …" of a dated list
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
        # "tonight", "last night", "this morning/afternoon/evening": written without i, s, k
        # (see the docstring), "ght" and "even" stand for "night" and "evening".
        if "ght" in lowered or "morn" in lowered or "afternoon" in lowered or "even" in lowered:
            return True
    return ("year" in lowered or "month" in lowered) and _RELATIVE_PERIOD.search(sentence) is not None


# --- The scan ------------------------------------------------------------

# Every match of _DATE_RE starts with one of these: a digit (a year, an ISO
# day, a day), the first three letters of a month or a weekday (weekday
# abbreviations too), or the first letter of "yesterday", "today", "tomorrow",
# "last", "this", "next" in either case (ASCII, as the (?=[yYtT]) and
# (?=[lLtTnN]) of _DATE_RE require) followed by the rest of the word in any
# case. Each branch starts with a literal character, so ``re`` finds the next
# one with a fast scan.
_MATCH_START = re.compile("|".join(
    list("0123456789") + [name[:3] for name in MONTHS + WEEKDAYS]
    + [f"{first}(?i:{rest})" for letter, rest in (("y", "esterday"), ("t", "oday|omorrow|onight|his"),
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
    return _finish(sentence, found) if found else found


def _finish(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """The mentions read together: "in June last year" is one, spans are counted from a day."""
    if len(found) > 1 and ("year" in sentence.lower()):
        found = _with_year_after(sentence, found)
    if "after" in sentence or "before" in sentence:
        found = _counted_from_a_day(sentence, found)
    return found


_YEAR_AFTER_GAP = re.compile(r"^,?\s+$")


def _names_a_month(text: str) -> bool:
    """The mention's words hold a month's name ("in June", "3 May"), not "last month" or "yesterday"."""
    return any(word[:1].isupper() and word[:3] in _MONTH_NUMBER for word in re.findall(r"[A-Za-z]+", text))


def _with_year_after(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A month or day without a year followed by "last/this/next year" is one mention in that year."""
    out: list[DateMention] = []
    for mention in found:
        previous = out[-1] if out else None
        if (previous is not None and previous.relative and previous.date.month is not None
                and _names_a_month(previous.text) and not sentence.startswith(("'", "’"), mention.end)
                and mention.relative and mention.date.month is None
                and mention.text.lower().split()[-1] == "year" and len(mention.text.split()) == 2
                and _YEAR_AFTER_GAP.match(sentence[previous.end:mention.start])):
            year, month, day = mention.date.year, previous.date.month, previous.date.day
            try:
                dt.date(year, month, day or 1)
            except (OverflowError, ValueError):
                out.append(mention)
                continue
            out[-1] = DateMention(previous.start, mention.end, sentence[previous.start:mention.end],
                                  PartialDate(year, month, day), True)
            continue
        out.append(mention)
    return out


# "on Monday, six days after he was injured": a span of days or weeks after or before
# a day the same clause names dates the event that follows it.
_SPAN = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)\b",
    re.IGNORECASE,
)
_SPAN_NUMBER = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1, "an": 1}
# Between the day and the span: the same clause, nothing that opens another or speaks of the future.
_SPAN_GAP_STOP = re.compile(
    r"[;:()—–]|\b(?:that|which|who|when|because|while|will|would|could|might|should|said|says|and|but)\b",
    re.IGNORECASE,
)


def _counted_from_a_day(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` with each span counted from the day mentioned just before it in its clause."""
    out = list(found)
    for span in _SPAN.finditer(sentence):
        before = [m for m in out if m.end <= span.start()]
        if not before or any(m.start < span.end() and span.start() < m.end for m in out):
            continue
        anchor = before[-1]
        if anchor.date.day is None or anchor.date.month is None or _SPAN_GAP_STOP.search(
                sentence, anchor.end, span.start()) or span.start() - anchor.end > 40:
            continue
        number = span.group("n").lower()
        count = int(number) if number.isdigit() else _SPAN_NUMBER[number]
        days = count * (7 if span.group("unit").lower().startswith("week") else 1)
        sign = -1 if span.group("way").lower() == "after" else 1
        try:
            day = dt.date(anchor.date.year, anchor.date.month, anchor.date.day) + dt.timedelta(days=sign * days)
        except (OverflowError, ValueError):
            continue
        out.append(DateMention(span.start(), span.end(), span.group(), PartialDate(day.year, day.month, day.day),
                               True))
    return sorted(out, key=lambda m: m.start)


def _with_preposition(sentence: str, mention: DateMention, not_before: int) -> DateMention:
    """The mention widened to the preposition just before it, if any: "on Sunday"."""
    start = max(_preposition_start(sentence, mention.start), not_before)
    if start == mention.start:
        return mention
    return DateMention(start, mention.end, sentence[start:mention.end], mention.date, mention.relative)
