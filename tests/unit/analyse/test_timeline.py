"""Dated events in order, with the precision their sources give."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from build_scripts.analyse import timeline
from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.eligible import eligible
from build_scripts.analyse.sentence_memo import keep_between_builds
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


def _dated(events) -> list[tuple[str, str]]:
    return [(e.date.iso(), e.reports[0].mention.text) for e in events]


def test_only_the_dates_of_events_make_entries():
    events = _timeline((
        "VILNIUS, March 18 (NWS) – The ministers on Tuesday recommended leaving the 1997 treaty.\n\n"
        "The three Baltic states joined between 2003 and 2005, after long debates.\n\n"
        "The package raises defence spending to 3% of GDP by 2029 at the latest.\n\n"
        "Territories liberated since 2022 have been heavily covered with mines.\n\n"
        "The two schools in the harbour district will reopen on Friday, the mayor said.",
        PartialDate(2025, 3, 18)))
    assert _dated(events) == [("2025-03-18", "on Tuesday"), ("2025-03-21", "on Friday")]


def test_a_dated_list_in_an_article_dated_by_its_year():
    events = _timeline((
        "The year in dates\n\n"
        "- 16 April: Latvia's parliament approves the withdrawal bill.\n\n"
        "- July: the president signs the withdrawal law into force.\n\n"
        "- 20 August: Poland notifies the UN; its withdrawal takes effect on 20 February 2026.",
        PartialDate(2025)))
    assert _dated(events) == [("2025-04-16", "16 April"), ("2025-07", "July"), ("2025-08-20", "20 August"),
                              ("2026-02-20", "on 20 February 2026")]


def _documents(*articles: tuple[str, str]):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=PartialDate(2025, 7), language=lang),
                                  body, 1))
            for i, (body, lang) in enumerate(articles)]


def test_opinion_sentences_are_read_and_other_languages_are_not():
    docs = _documents(
        ("Last November, Washington agreed to send anti-personnel mines to Ukraine.", "en"),
        ("Polska ratyfikowała konwencję dopiero w 2012 r., jako ostatnie państwo.", "pl"),
    )
    docs = [replace(d, sentences=[replace(s, opinion=True) for s in d.sentences]) for d in docs]
    keep = {s for d in docs for s in d.sentences if eligible(s)}
    assert keep == set()  # opinion: not eligible for the claims, read by the timeline all the same
    events = build_timeline(docs, [], keep)
    assert _dated(events) == [("2024-11", "Last November")]
    short = [replace(d, sentences=[replace(s, opinion=True) for s in d.sentences])
             for d in _documents(("In 2012, yes.", "en"))]
    assert build_timeline(short, [], set()) == []  # opinion, but too short to state anything


def test_reports_of_one_event_make_one_entry_and_other_events_of_that_date_stay_apart():
    wednesday = PartialDate(2025, 10, 15)
    events = _timeline(
        ("The fire broke out shortly before 11 pm on Tuesday in Shed 14 on the Eastern Quay.\n\n"
         "The two men who died on Tuesday night were named by the police.", wednesday),
        ("The blaze started at about 10.50 pm on Tuesday in Shed 14 on the port's Eastern Quay.", wednesday),
        ("Fourteen people were injured, the fire service said on Thursday.\n\n"
         "The number of people killed in the fire rose to three today after firefighters found a body.",
         PartialDate(2025, 10, 16)),
    )
    assert [(e.date.iso(), sorted({r.sentence.source_id for r in e.reports})) for e in events] == [
        ("2025-10-14", ["s0", "s1"]), ("2025-10-14", ["s0"]), ("2025-10-16", ["s2"]), ("2025-10-16", ["s2"])]
    assert events[0].reports[0].sentence.text.startswith("The fire broke out")


def test_a_list_item_is_compared_by_the_words_after_its_colon():
    events = _timeline(
        ("- 29 June: President Volodymyr Zelensky signs a decree on the withdrawal of Ukraine.", PartialDate(2025)),
        ("President Volodymyr Zelensky signed a decree on Sunday to take Ukraine out of the treaty.",
         PartialDate(2025, 6, 30)),
    )
    [event] = events
    assert event.date == PartialDate(2025, 6, 29) and len(event.reports) == 2


def test_a_dated_list_under_a_year_heading_takes_that_year():
    events = _timeline((
        "The story so far\n\n## 2024\n\n- 20 November: Washington approves the supply of mines to Kyiv.\n\n"
        "## 2025\n\n- 18 March: four defence ministers recommend leaving the treaty.\n\n"
        "## What comes next\n\n- 20 November: the states parties meet in Geneva for their review.",
        PartialDate(2025, 7, 1)))
    assert _dated(events) == [("2024-11-20", "20 November"), ("2025-03-18", "18 March"),
                              ("2025-11-20", "20 November")]  # the last: no year heading, the nearest


def test_a_list_under_a_year_heading_in_an_undated_article():
    events = _timeline(("## 2024\n\n- 20 November: Washington approves the supply of mines to Kyiv.\n\n"
                        "- Later on, talks began again on Friday in the capital city.", None))
    assert _dated(events) == [("2024-11-20", "20 November")]  # "on Friday" cannot be dated


def test_two_events_naming_different_actors_on_one_date_stay_apart():
    monday = PartialDate(2025, 6, 30)
    bodies = ("Russian forces struck Kyiv with drones and missiles on Sunday, officials said.",
              "Ukrainian forces struck Russian oil depots with drones and missiles on Sunday.",
              "Russian forces struck the capital with drones and missiles on Sunday, killing two.")
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=monday), body, 1))
            for i, body in enumerate(bodies)]
    events = build_timeline(docs, [])  # no claims: the timeline's own comparison of the reports
    assert [sorted({r.sentence.source_id for r in e.reports}) for e in events] == [["s0", "s2"], ["s1"]]


def test_a_short_clause_joins_an_event_when_all_its_words_are_shared():
    pub = PartialDate(2025, 6, 30)
    bodies = ("The Ottawa Convention entered into force on 1 March 1999 and prohibits anti-personnel mines.",
              "It entered into force on 1 March 1999.",
              "It was signed on 1 March 1999 by the government in the capital.")
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=pub), body, 1))
            for i, body in enumerate(bodies)]
    events = build_timeline(docs, [])
    assert [sorted({r.sentence.source_id for r in e.reports}) for e in events] == [["s0", "s1"], ["s2"]]


def test_an_unchanged_timeline_is_given_again_of_this_build_s_sentences(monkeypatch):
    """Under ``mkdocs serve`` the last build's events are given again while the dated reports are
    the same, made of the sentence objects of this build (an edited source's are new objects)."""
    calls = []
    original = timeline._one_entry_per_event
    monkeypatch.setattr(timeline, "_one_entry_per_event", lambda *a: calls.append(1) or original(*a))
    day = PartialDate(2025, 6, 30)
    articles = [("The treaty entered into force on 1 March 1999, the report said.", day),
                ("Lithuania ratified the treaty in 2003, officials said.", day)]
    keep_between_builds(True)
    try:
        first = _timeline(*articles)
        again = _timeline(*articles)  # new sentence objects, equal to the first build's
        assert calls == [1] and again == first
        assert all(r.sentence is not f.sentence for e, g in zip(again, first, strict=True)
                   for r, f in zip(e.reports, g.reports, strict=True))
        changed = _timeline(articles[0], ("Lithuania ratified the treaty in 2004, officials said.", day))
        assert calls == [1, 1] and [e.date.year for e in changed] == [1999, 2004]
        keep_between_builds(False)  # ``mkdocs build``: worked out every time
        assert _timeline(*articles) == first and calls == [1, 1, 1]
    finally:
        keep_between_builds(True)
