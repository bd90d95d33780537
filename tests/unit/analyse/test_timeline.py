"""Dated events in order, with the precision their sources give."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import PartialDate, Source, SourceMeta
from build_scripts.pipeline import analyse
from build_scripts.text.document import build_document


def _timeline(*articles: tuple[str, PartialDate | None]):
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=date), body, 1))
            for i, (body, date) in enumerate(articles)]
    claims = group_claims([s for d in docs for s in d.sentences])
    return build_timeline(docs, claims)


def test_events_are_ordered_and_keep_their_precision():
    events = _timeline(
        ("The treaty entered into force on 1 March 1999 after a long campaign.\n"
         "Parliament voted on Sunday to approve the withdrawal from the treaty.\n"
         "The country joined the treaty in 2005 after years of debate.", PartialDate(2025, 6, 30)),
        ("Officials said in March that the vote would follow.", None),
    )
    assert [(e.date.display(), e.reports[0].mention.text, e.reports[0].mention.relative) for e in events] == [
        ("1 March 1999", "on 1 March 1999", False),
        ("2005", "in 2005", False),
        ("29 June 2025", "on Sunday", True),
    ]  # "in March" of the undated article is not guessed


def test_one_claim_on_one_date_is_one_event_with_every_report():
    events = _timeline(
        ("Ukraine ratified the anti-personnel mine convention in 2005 under its then government.", None),
        ("Ukraine ratified the anti-personnel mine convention back in 2005, the ministry recalled.", None),
    )
    [event] = events
    assert event.date == PartialDate(2005)
    assert [r.sentence.source_id for r in event.reports] == ["s0", "s1"]


def test_seed_timeline_runs_from_1999_to_june_2025(seed_project):
    events = analyse(seed_project).timeline
    dates = [e.date for e in events]
    assert dates == sorted(dates, key=PartialDate.sort_key)
    assert dates[0] == PartialDate(1999, 3, 1)
    assert PartialDate(2025, 6, 29) in dates and PartialDate(2025, 3, 18) in dates
    sunday = next(e for e in events if e.reports[0].mention.text == "on Sunday")
    assert sunday.date == PartialDate(2025, 6, 29) and sunday.reports[0].sentence.source_id.startswith("003")
