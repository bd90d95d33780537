"""Dated events: each sentence placed on the dates that date its events.

Dates come from ``dates.find_dates``; relative ones ("on Sunday", "in March")
are resolved against the source's publication date, with the tense of their
clause, and only when that date is precise enough. Of the dates a sentence
mentions, only those that say when one of its events happened are kept
(``dates.event_dates``: no dateline, range, bound, attributive date or
"since" as background). A sentence with two such dates is an event on each.

Several reports of one event are one entry: sentences of one claim naming the
same date, and sentences naming the same date (at the same precision) whose
clauses around the date share enough content words (``_same_event``: at least
three stems beyond the date's own words, both when the shorter clause has only
two, and a third of the shorter clause's)
and do not each name someone or somewhere the other does not ("Russian forces
struck Kyiv with drones" and "Ukrainian forces struck Russian depots with
drones" on one Sunday are two events), so
that "The fire broke out in Shed 14 on 14 October" and "The blaze started on
Tuesday in Shed 14 on the Eastern Quay" meet while a death and a fire on one
night stay apart. An entry shows first a report that writes its date out
(with its year, then with its day or month: "on 14 October" before "on
Tuesday").

A dated list under a heading that is a year ("2024", then "- 20 November: …")
takes that year, as the article's own year does for a list in an article
dated only by its year; a heading of any other kind ends the year's section.

Which sentences are read: those the caller keeps, and opinion sentences that
would otherwise be kept (an event an op-ed dates is still dated; the date is
not the opinion). Sources in another language than English are not read: the
rules above are English ones ("since", "by", "will"), and a date read without
them could be a deadline or a period.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from build_scripts.analyse.dates import find_dates
from build_scripts.analyse.dates.events import event_dates
from build_scripts.analyse.dates.resolve import heads_list_item
from build_scripts.analyse.dates.tense import clause_around
from build_scripts.analyse.eligible import MIN_WORDS
from build_scripts.analyse.features import Features
from build_scripts.analyse.sentence_memo import SameInput, SentenceMemo
from build_scripts.analyse.similarity import terms
from build_scripts.model import (
    MONTHS,
    Claim,
    DateMention,
    Document,
    Event,
    PartialDate,
    Report,
    Sentence,
    claim_index,
)

_YEAR_HEADING = re.compile(r"^\W*(?:(?:in|during|the\s+year)\s+)?((?:19|20)\d\d)\W*$", re.IGNORECASE)


def _heading_years(document: Document) -> dict[int, int]:
    """The year each block is under, for the blocks that follow a heading made of a year."""
    years: dict[int, int] = {}
    year: int | None = None
    for index, block in enumerate(document.blocks):
        if block.kind == "heading":
            found = _YEAR_HEADING.match(block.text)
            year = int(found.group(1)) if found else None
        elif year is not None:
            years[index] = year
    return years


def _dates(document: Document, sentence: Sentence, features: Features, year: int | None) -> list[DateMention]:
    """The sentence's date mentions; under a year heading, a list item's date takes that year."""
    found = features.dates(document, sentence.text)
    if year is None:
        return found
    text = sentence.text
    labels = [m for m in find_dates(text, PartialDate(year))
              if m.relative and m.date.year == year and heads_list_item(text, m.start, m.end)]
    if not labels:
        return found
    return labels + [m for m in found if m.start >= labels[-1].end]


Words = tuple[frozenset[str], frozenset[str]]
"""What ``_event_words`` gives: the content stems of a report's clause, and the stems of its names."""
_REPORTS: SentenceMemo[tuple[str, str], tuple[tuple[Report, Words], ...]] = SentenceMemo()
"""The reports of each sentence with their ``_event_words``, by its source and anchor."""


def _reports(sentence: Sentence, dates: list[DateMention]) -> tuple[tuple[Report, Words], ...]:
    reports = [Report(sentence, m) for m in event_dates(sentence.text, dates)]
    return tuple((r, _event_words(r)) for r in reports)


def _mentions(document: Document, sentences: list[Sentence], features: Features) -> list[tuple[Report, Words]]:
    """The sentences' reports, each with its ``_event_words``."""
    years = _heading_years(document) if any(b.kind == "heading" for b in document.blocks) else {}
    out: list[tuple[Report, Words]] = []
    for s in sentences:
        year = years.get(s.block)
        if year is not None:  # a list under a year heading: rare, and worked out afresh
            out += _reports(s, _dates(document, s, features, year))
            continue
        found = features.dates(document, s.text)
        if found:
            out += _REPORTS.get((s.source_id, s.anchor), (s, found), lambda: _reports(s, found))  # noqa: B023
    return out


def _read(sentence: Sentence, keep: set[Sentence] | None) -> bool:
    """Kept by the caller, or left out only for being opinion (see the module's docstring)."""
    if keep is None or sentence in keep:
        return True
    return sentence.opinion and len(sentence.text.split(None, MIN_WORDS - 1)) >= MIN_WORDS


def _in_english(document: Document) -> bool:
    language = document.source.meta.language.lower()
    return language == "en" or language.startswith("en-")


def build_timeline(documents: list[Document], claims: list[Claim], keep: set[Sentence] | None = None,
                   features: Features | None = None, claim_of: Mapping[Sentence, Claim] | None = None) -> list[Event]:
    """Events in chronological order (a year before its months, a month before its days);
    ``claim_of``: the claim of each member of ``claims`` (``claim_index``), when the caller has it."""
    features = features if features is not None else Features()
    claim_of = claim_of if claim_of is not None else claim_index(claims)
    merged: dict[tuple[PartialDate, str], list[Report]] = defaultdict(list)
    words: dict[int, Words] = {}  # by the id of the report
    _REPORTS.start()
    for document in documents:
        if not _in_english(document):
            continue
        sentences = [s for s in document.sentences if _read(s, keep)]
        for report, found in _mentions(document, sentences, features):
            claim = claim_of.get(report.sentence)
            key = (report.mention.date, claim.id if claim is not None else report.sentence.anchor)
            merged[key].append(report)
            words[id(report)] = found
    _REPORTS.finish()
    groups = list(merged.items())
    # What the events are made of: the reports of each date grouped by claim (which claim, by
    # its id, does not matter: an edit that adds a sentence to a claim may change its id).
    given = [(date, reports) for (date, _), reports in groups]

    def work() -> list[Event]:
        events = [Event(date, tuple(reports)) for date, reports in _one_entry_per_event(given, words)]
        events.sort(key=lambda e: (e.date.sort_key(), e.reports[0].sentence.source_id,
                                   e.reports[0].sentence.block, e.reports[0].sentence.start))
        return events

    def renew(last: list[tuple[PartialDate, list[Report]]], events: list[Event]) -> list[Event]:
        """The last build's events, of this build's report objects (equal to the last's)."""
        now = {id(old): new for (_, olds), (_, news) in zip(last, given, strict=True)
               for old, new in zip(olds, news, strict=True)}
        return [Event(e.date, tuple(now[id(r)] for r in e.reports)) for e in events]
    # Each group's words are those of its first report: equal reports give equal words.
    return list(_EVENTS.get(given, work, renew))


_EVENTS: SameInput[list[tuple[PartialDate, list[Report]]], list[Event]] = SameInput()
"""The last build's events, while the reports of each date, grouped by claim, are the same: an
edit that adds or changes no dated report and moves none between claims leaves the timeline as it was."""


SHARED_MIN = 3
"""Content stems two reports' clauses must share, at least, to be one event (two when the shorter
clause has only two: "It entered into force on 1 March 1999")."""
MEMBERS_COMPARED = 4
"""Reports of an entry a new report is compared with (see ``_one_entry_per_event``)."""
STEM_POSTINGS = 64
"""Entries of one date a stem leads to, at most (see ``_one_entry_per_event``)."""
SHARED_SHARE = 1 / 3
"""And the share of the shorter clause's stems they must share."""
_DATE_STEMS = frozenset(
    [name.casefold()[:6] for name in MONTHS]
    + "monday tuesda wednes thursd friday saturd sunday today yester tomorr night mornin evenin aftern "
      "week weeks month months year years last next earlie later early late mid end start begin".split()
)


_LABEL_COLON = re.compile(r"\s*:\s*")


_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")


def _event_words(report: Report) -> Words:
    """The content stems of the clause around the report's date, without date words and bare numbers,
    and the stems of the names it holds (capitalised words but its first)."""
    m, text = report.mention, report.sentence.text
    label = _LABEL_COLON.match(text, m.end)  # "18 March: the ministers recommend…": the clause after the colon
    start, end = (label.end(), label.end()) if label else (m.start, m.end)
    clause = clause_around(text, start, end).strip()
    words = frozenset(t for t in terms(clause) if t not in _DATE_STEMS and not t.isdigit())
    names = frozenset(stem for stem in (found.group().casefold().replace("’", "'").split("'")[0][:6]
                                        for found in _NAME.finditer(clause) if found.start() > 0)
                      if stem not in _DATE_STEMS)
    return words, names


def _same_event(a: Words, b: Words) -> bool:
    """Enough content words shared, and not each clause naming someone or somewhere the other does not."""
    (a_words, a_names), (b_words, b_names) = a, b
    shared = len(a_words & b_words)
    if shared < 2:  # the least any pair needs (below): most pairs compared fail here
        return False
    shorter = min(len(a_words), len(b_words))
    if shared < min(SHARED_MIN, max(2, shorter)) or shared < SHARED_SHARE * shorter:
        return False
    return not (a_names - b_names and b_names - a_names)


def _one_entry_per_event(
    groups: list[tuple[PartialDate, list[Report]]], words: dict[int, Words],
) -> list[tuple[PartialDate, list[Report]]]:
    """The groups of one date joined when they report the same event (``_same_event``).

    Each group is compared with the first ``MEMBERS_COMPARED`` groups of each entry formed so
    far on its date (not with the words of every group joined, which would let an entry drift
    from one event to the next), found through the stems they share: no pair of groups is
    compared that shares fewer than two, and a stem leads to its first ``STEM_POSTINGS``
    entries of a date only, so that a word of every report on a busy date does not make the
    work quadratic. The earliest entry that matches is joined.
    """
    entries: list[tuple[PartialDate, list[Report]]] = []
    members: list[list[Words]] = []
    by_stem: dict[tuple[PartialDate, str], list[int]] = defaultdict(list)
    for date, reports in groups:
        found = words[id(reports[0])]
        shared: Counter[int] = Counter()
        for stem in found[0]:
            shared.update(by_stem.get((date, stem), ()))
        # The earliest candidate that matches: tried in order, the first match ends the search.
        # Most members compared share fewer than two words with the group (``_same_event``'s first
        # test): that test is made here, without a call (``_same_event`` had 0.84 s of self time at
        # 10,000 sources, py-spy).
        target = None
        group_words = found[0]
        for i in sorted(i for i, n in shared.items() if n >= 2):
            if any(len(group_words & member[0]) >= 2 and _same_event(found, member) for member in members[i]):
                target = i
                break
        if target is None:
            entries.append((date, list(reports)))
            members.append([])
            target = len(entries) - 1
        else:
            entries[target][1].extend(reports)
        if len(members[target]) < MEMBERS_COMPARED:
            members[target].append(found)
            for stem in found[0]:
                postings = by_stem[(date, stem)]
                if len(postings) < STEM_POSTINGS and (not postings or postings[-1] != target):
                    postings.append(target)
    return [(date, sorted(reports, key=_explicitness)) for date, reports in entries]


def _explicitness(report: Report) -> int:
    """0 for a date written with its year, 1 with a day or month written out, 2 counted ("on Tuesday")."""
    m = report.mention
    if not m.relative:
        return 0
    return 1 if any(ch.isdigit() for ch in m.text) or any(name in m.text for name in MONTHS) else 2
