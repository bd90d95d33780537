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
  closest to the publication date (ties go to the past), among the dates at or
  before it when its clause is in the past tense and at or after it when in
  the future (``tense``); needs a month-precise publication date, or a
  publication year when it heads an item of a dated list ("18 March: the
  ministers recommend…", the date at the start of the sentence, a colon
  after it), which then takes that year.
* A month name alone ("In March", "June report"): the closest such month,
  ties to the past, so with publication 2025-06-30 "March" is 2025-03,
  "July" 2025-07 and "December" 2024-12; in a clause in the past tense the
  latest one at or before the publication month ("approved in November" in
  July 2025 is 2024-11), in the future the first one at or after it. "last
  March" is the latest March strictly before the publication month, "next
  March" the first one after. Needs a month-precise publication date, or a
  publication year when it heads an item of a dated list ("July: …").
* A weekday ("on Sunday"): in a clause in the past tense ("voted on
  Sunday"), the most recent such day 0-6 days before the publication day; in
  the future tense ("will reopen on Friday"), the first such day 0-6 days
  after it; in a clause whose tense says neither ("voters go to the polls on
  Sunday", a bare "on Sunday"), nothing, as the day could be either
  ("last Sunday": 1-7 days before; "next Sunday": 1-7 days after, whatever
  the tense). Needs a day-precise publication date.
* "yesterday", "today", "tomorrow", "tonight", "this morning" (afternoon,
  evening: the publication day) and "last night" (the day before it)
  (day-precise publication date needed);
  "last/this/next year" (year precision) and "last/this/next month" (month
  precision), except after "the" or "past" ("in the last year" is a period).

A month or a day and month followed by "last year", "this year" or "next
year" ("in June last year", "on 3 May last year") is one mention in that year.

A span of days or weeks after or before a day the same clause names ("died
on Monday, six days after he was injured", "two weeks before the summit")
is counted from that day (``relative=True``, day precision); with no such day
in the clause, or another clause, "would" or "said" between them, it gives
nothing.

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
few cheap tests before the regex runs (``find._may_find_dates``): each kind of
mention needs certain words, and most need a publication date precise enough.
The tests only skip sentences for which the full pass would return nothing.
In the others, the regex is run only from the places where a match can start
(``find._matches``). Callers need no prefilter of their own.

Which of a sentence's mentions date one of its events (not a dateline, the
end of a range, a bound such as "by 2029", an attributive date such as "the
1997 treaty", or "since 2022" as background) is told by ``event_dates``
(module ``events``); ``find_dates`` itself returns every mention.

The modules: ``patterns`` (the one regex and the checks around a match),
``resolve`` (a handler per kind of match, relative dates resolved against the
publication date), ``tense`` (the tense of a mention's clause), ``find``
(``find_dates``, its prefilter and its scan) and ``events`` (``event_dates``).
"""

from __future__ import annotations

# ``find_dates``, ``event_dates`` and ``WEEKDAYS``, and the inner names the unit tests check it against.
from build_scripts.analyse.dates.events import event_dates as event_dates
from build_scripts.analyse.dates.find import _finish as _finish
from build_scripts.analyse.dates.find import _matches as _matches
from build_scripts.analyse.dates.find import _with_preposition as _with_preposition
from build_scripts.analyse.dates.find import find_dates as find_dates
from build_scripts.analyse.dates.patterns import _DATE_RE as _DATE_RE
from build_scripts.analyse.dates.patterns import _ODD_CASES as _ODD_CASES
from build_scripts.analyse.dates.patterns import WEEKDAYS as WEEKDAYS
from build_scripts.analyse.dates.resolve import _HANDLERS as _HANDLERS
