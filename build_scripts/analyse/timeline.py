"""Dated events: every sentence that names a date, placed on that date.

Dates come from ``dates.find_dates``; relative ones ("on Sunday", "in March")
are resolved against the source's publication date and only when it is
known. A sentence naming two dates is an event on each. Sentences of one
claim naming the same date are one event with several reports.
"""

from __future__ import annotations

from collections import defaultdict

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
    return [Report(s, m) for s in sentences for m in features.dates(document, s.text)]


def build_timeline(documents: list[Document], claims: list[Claim], keep: set[Sentence] | None = None,
                   features: Features | None = None) -> list[Event]:
    """Events in chronological order (a year before its months, a month before its days)."""
    features = features if features is not None else Features()
    claim_of = {m: c.id for c in claims for m in c.members}
    merged: dict[tuple[PartialDate, str], list[Report]] = defaultdict(list)
    for document in documents:
        sentences = [s for s in document.sentences if keep is None or s in keep]
        for report in _mentions(document, sentences, features):
            key = (report.mention.date, claim_of.get(report.sentence, report.sentence.anchor))
            merged[key].append(report)
    events = [Event(date, tuple(reports)) for (date, _), reports in merged.items()]
    events.sort(key=lambda e: (e.date.sort_key(), e.reports[0].sentence.source_id,
                               e.reports[0].sentence.block, e.reports[0].sentence.start))
    return events
