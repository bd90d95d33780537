"""Dated events: each sentence placed on the dates that date its events.

Dates come from ``dates.find_dates``; relative ones ("on Sunday", "in March")
are resolved against the source's publication date, with the tense of their
clause, and only when that date is precise enough. Of the dates a sentence
mentions, only those that say when one of its events happened are kept
(``dates.event_dates``: no dateline, range, bound, attributive date or
"since" as background). A sentence with two such dates is an event on each.
Sentences of one claim naming the same date are one event with several
reports.

Which sentences are read: those the caller keeps, and opinion sentences that
would otherwise be kept (an event an op-ed dates is still dated; the date is
not the opinion). Sources in another language than English are not read: the
rules above are English ones ("since", "by", "will"), and a date read without
them could be a deadline or a period.
"""

from __future__ import annotations

from collections import defaultdict

from build_scripts.analyse.dates.events import event_dates
from build_scripts.analyse.eligible import MIN_WORDS
from build_scripts.analyse.features import Features
from build_scripts.model import (
    Claim,
    Document,
    Event,
    PartialDate,
    Report,
    Sentence,
)


def _mentions(document: Document, sentences: list[Sentence], features: Features) -> list[Report]:
    return [Report(s, m) for s in sentences for m in event_dates(s.text, features.dates(document, s.text))]


def _read(sentence: Sentence, keep: set[Sentence] | None) -> bool:
    """Kept by the caller, or left out only for being opinion (see the module's docstring)."""
    if keep is None or sentence in keep:
        return True
    return sentence.opinion and len(sentence.text.split(None, MIN_WORDS - 1)) >= MIN_WORDS


def _in_english(document: Document) -> bool:
    language = document.source.meta.language.lower()
    return language == "en" or language.startswith("en-")


def build_timeline(documents: list[Document], claims: list[Claim], keep: set[Sentence] | None = None,
                   features: Features | None = None) -> list[Event]:
    """Events in chronological order (a year before its months, a month before its days)."""
    features = features if features is not None else Features()
    claim_of = {m: c.id for c in claims for m in c.members}
    merged: dict[tuple[PartialDate, str], list[Report]] = defaultdict(list)
    for document in documents:
        if not _in_english(document):
            continue
        sentences = [s for s in document.sentences if _read(s, keep)]
        for report in _mentions(document, sentences, features):
            key = (report.mention.date, claim_of.get(report.sentence, report.sentence.anchor))
            merged[key].append(report)
    events = [Event(date, tuple(reports)) for (date, _), reports in merged.items()]
    events.sort(key=lambda e: (e.date.sort_key(), e.reports[0].sentence.source_id,
                               e.reports[0].sentence.block, e.reports[0].sentence.start))
    return events
