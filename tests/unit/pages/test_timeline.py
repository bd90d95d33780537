"""The timeline: a long one continues over several pages, each linking to all the others with the dates they
span; an event cites its first distinct sentences."""

from __future__ import annotations

import re

from build_scripts.model import DateMention, Event, PartialDate, Report, Sentence
from build_scripts.pages import timeline as timeline_page
from build_scripts.pages.timeline import MAX_FOOTNOTES, _cited, render_timeline_pages
from build_scripts.pipeline import analyse


def _sentence(source: str, anchor: str, text: str = "Text.", start: int = 0) -> Sentence:
    return Sentence(source, anchor, text, 0, start)


def test_timeline_is_split_into_linked_pages_holding_every_event_once(monkeypatch, seed_project):
    analysis = analyse(seed_project)
    docs = {d.source.id: d for d in analysis.documents}
    [(uri, single)] = render_timeline_pages(analysis.timeline, docs)
    assert uri == "timeline.md" and "continues over several pages" not in single
    monkeypatch.setattr(timeline_page, "EVENTS_PER_PAGE", 10)
    pages = render_timeline_pages(analysis.timeline, docs)
    expected = -(-len(analysis.timeline) // 10)
    assert [u for u, _ in pages] == ["timeline.md"] + [f"timeline/page-{n}.md" for n in range(2, expected + 1)]
    events = [line for _, md in pages for line in md.splitlines() if line.startswith("- **")]
    assert events == [line for line in single.splitlines() if line.startswith("- **")]
    first, second = pages[0][1], pages[1][1]
    assert "**page 1 (1 March 1999" in first and "[page 2 (" in first
    assert re.search(r"\[page 1 \([^)]*\)\]\(\.\./timeline\.md\)", second)
    for _, md in pages:  # every footnote a page uses is defined on that page
        used = set(re.findall(r"\[\^([^\]]+)\](?!:)", md))
        defined = set(re.findall(r"^\[\^([^\]]+)\]:", md, flags=re.M))
        assert used == defined


def test_timeline_cites_the_first_distinct_sentences():
    mention = DateMention(0, 4, "2025", PartialDate(2025), False)
    sentences = [_sentence(f"s{i}", "a") for i in range(MAX_FOOTNOTES + 3)]
    reports = [Report(s, mention) for s in (sentences[0], sentences[0], *sentences[1:])]
    event = Event(PartialDate(2025), tuple(reports))
    assert _cited(event) == sentences[:MAX_FOOTNOTES]


def test_an_event_of_several_sources_shows_each_wording_under_it():
    from pathlib import Path

    from build_scripts.model import Source, SourceMeta
    from build_scripts.text.document import build_document

    bodies = ["The fire broke out on 14 October in Shed 14 on the Eastern Quay.",
              "The blaze started on 14 October in Shed 14 on the port's Eastern Quay.",
              "The fire broke out on 14 October in Shed 14 on the Eastern Quay."]
    docs = {f"s{i}": build_document(Source(f"s{i}", Path(f"s{i}.md"),
                                           SourceMeta(publisher=f"Paper {i}", date=PartialDate(2025, 10, 15)), body, 1))
            for i, body in enumerate(bodies)}
    reports = []
    for d in docs.values():
        s = d.sentences[0]
        start = s.text.index("on 14 October")
        reports.append(Report(s, DateMention(start, start + 13, "on 14 October", PartialDate(2025, 10, 14), True)))
    [(_, md)] = render_timeline_pages([Event(PartialDate(2025, 10, 14), tuple(reports))], docs)
    entry = [line for line in md.splitlines() if line.startswith("- **14 October 2025**")]
    below = [line for line in md.splitlines() if line.startswith("    - ")]
    assert len(entry) == 1 and "*Reported by 3 sources.*" in entry[0]
    assert "[^s0-" in entry[0] and "[^s2-" in entry[0]  # the same text again is cited, not shown
    assert below == [f"    - *Paper 1:* The blaze started <mark>on 14 October</mark> in Shed 14 on the port's "
                     f"Eastern Quay.[^s1-{docs['s1'].sentences[0].anchor}]"]
    notes = [line for line in md.splitlines() if line.startswith("[^")]
    assert len(notes) == 3 and not any("“" in n for n in notes), notes  # every sentence is shown: none quoted again


def test_a_relative_date_says_what_it_was_counted_from():
    from pathlib import Path

    from build_scripts.model import Source, SourceMeta
    from build_scripts.text.document import build_document

    body = "He died in hospital on Monday, six days after he was injured in the fire."
    doc = build_document(Source("s0", Path("s0.md"), SourceMeta(date=PartialDate(2025, 10, 22)), body, 1))
    s = doc.sentences[0]
    monday, span = s.text.index("on Monday"), s.text.index("six days after")
    events = [Event(PartialDate(2025, 10, 14), (Report(s, DateMention(span, span + 14, "six days after",
                                                                        PartialDate(2025, 10, 14), True)),)),
              Event(PartialDate(2025, 10, 20), (Report(s, DateMention(monday, monday + 9, "on Monday",
                                                                        PartialDate(2025, 10, 20), True)),))]
    [(_, md)] = render_timeline_pages(events, {"s0": doc})
    lines = [line for line in md.splitlines() if line.startswith("- **")]
    assert "(“six days after”, counted from the other date of the sentence)" in lines[0]
    assert "(“on Monday”, counted from the article’s publication date)" in lines[1]


def test_a_date_whose_year_is_not_written_says_where_the_year_comes_from():
    s = _sentence("s0", "a", "16 April: the parliament approves the withdrawal.")
    event = Event(PartialDate(2025, 4, 16), (Report(s, DateMention(0, 8, "16 April", PartialDate(2025, 4, 16), True)),))
    from pathlib import Path

    from build_scripts.model import Source, SourceMeta
    from build_scripts.text.document import build_document
    doc = build_document(Source("s0", Path("s0.md"), SourceMeta(date=PartialDate(2025)), s.text, 1))
    [(_, md)] = render_timeline_pages([event], {"s0": doc})
    assert "(“16 April”: the year is not written; it comes from the article’s date or heading)" in md


def test_under_serve_the_timeline_is_made_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    """``SiteView.kept``: the events and the names of the sources they cite are the key; after an
    edit the pages equal those of a build afresh."""
    from build_scripts.infra.cache import StageCache
    from build_scripts.infra.disk_store import DiskStore
    from build_scripts.pipeline import generate
    from tests.seed import copy_seed

    project = copy_seed(tmp_path / "project")
    live: dict = {}

    def build(cache_folder: str = "cache", kept: dict | None = None):
        cache = StageCache(DiskStore(tmp_path / cache_folder), live if kept is None else kept)
        content = generate(project, cache, another_follows=True)
        return {p.src_uri: p.markdown for p in content.pages}, content.files

    rendered = []
    real = timeline_page.render_timeline_pages
    monkeypatch.setattr(timeline_page, "render_timeline_pages", lambda *a: rendered.append(1) or real(*a))
    build()
    source = next(p for p in sorted((project.sources_dir).glob("*.md")) if "\ntitle: " in p.read_text())
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\nAn undated sentence about the treaty, added.\n", encoding="utf-8")
    pages, files = build()
    assert len(rendered) == 1  # nothing the timeline shows changed
    title = re.search(r"\ntitle: (.*)\n", text)[1]
    source.write_text(text.replace(f"\ntitle: {title}\n", "\ntitle: A New Title\n"), encoding="utf-8")
    pages, files = build()
    assert len(rendered) == 2  # a cited source's name did
    afresh, afresh_files = build("fresh", {})
    timeline = {uri: md for uri, md in pages.items() if uri.startswith("timeline")}
    assert timeline == {uri: md for uri, md in afresh.items() if uri.startswith("timeline")}
    assert "A New Title" in "".join(timeline.values()) or "a new title" in "".join(timeline.values()).casefold()
    assert files["data/timeline.json"] == afresh_files["data/timeline.json"]
