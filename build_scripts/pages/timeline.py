"""The page "Timeline": dated events in order, each date as precise as its source.

An event reported by several sentences shows the first one, and under it, up to
``MAX_WORDINGS`` of the others, each with its source's name: the reader sees
that the sources report one event, and how each words it.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any

from markupsafe import Markup

from build_scripts.model import MONTHS, Document, Event, GeneratedPage, Report, Sentence
from build_scripts.pages.continued import FOOTNOTE_OVERHEAD, pack
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.data_files import timeline_json, timelinejs_json
from build_scripts.render.links import relative
from build_scripts.render.templates import render

SRC_URI = "timeline.md"
MAX_FOOTNOTES = 8
"""Reports cited under one event; the line says how many sources report it in all."""
MAX_WORDINGS = 3
"""Other sentences shown under an event, each with its source; the others are cited only."""
EVENTS_PER_PAGE = 400
"""Events on one page of the timeline at most; a large corpus continues on further pages, as
does a timeline whose events take more than ``PAGE_BUDGET`` characters of markdown."""
FOOTNOTE_SIZE = 160 + FOOTNOTE_OVERHEAD
"""A footnote's characters besides the sentence it quotes, about (the name and the links), and
what it adds in HTML."""


def _cited(event: Event) -> list[Sentence]:
    """The first ``MAX_FOOTNOTES`` different sentences reporting the event (an event can have thousands)."""
    cited: dict[Sentence, None] = {}
    for r in event.reports:
        cited[r.sentence] = None
        if len(cited) == MAX_FOOTNOTES:
            break
    return list(cited)


# A span counted from another date of the sentence ("six days after"), not from the publication date.
_SPAN_TEXT = re.compile(r"^\w+\s+(?:days?|weeks?)\s+(?:after|before)$", re.IGNORECASE)


def _marked(report: Report) -> dict[str, str]:
    """The sentence split around its date words, which the template highlights."""
    text, m = report.sentence.text, report.mention
    return {"before": text[:m.start], "mention": m.text, "after": text[m.end:]}


def _event(event: Event, cited: list[Sentence], docs: dict[str, Document]) -> dict[str, Any]:
    """What the template shows of an event; ``cited`` are the sentences it footnotes.

    The first report is shown, citing its sentence and those of the other reports not
    shown; up to ``MAX_WORDINGS`` other reports with a wording of their own (not the
    shown sentence's text again) follow, each citing its own sentence.
    """
    first = event.reports[0]
    seen = {first.sentence.text}
    wordings: list[dict[str, Any]] = []
    for r in event.reports[1:]:
        if len(wordings) == MAX_WORDINGS:
            break
        if r.sentence.text not in seen and r.sentence in cited:
            seen.add(r.sentence.text)
            wordings.append({"source": publisher_name(docs[r.sentence.source_id]), "cited": r.sentence,
                             **_marked(r)})
    shown_below = {w["cited"] for w in wordings}
    m = first.mention
    return {"date": event.date.display(), "relative": m.text if m.relative else "",
            "from_sentence": m.relative and _SPAN_TEXT.match(m.text) is not None,
            "year_inferred": m.relative and any(name in m.text for name in MONTHS) and not _SPAN_TEXT.match(m.text),
            **_marked(first),
            "cited": [s for s in cited if s not in shown_below], "wordings": wordings,
            "sources": len({r.sentence.source_id for r in event.reports})}


def page_uri(number: int) -> str:
    return SRC_URI if number == 1 else f"timeline/page-{number}.md"


def _pages_line(number: int, chunks: list[list[Event]]) -> str:
    """Links to every page of the timeline, each with the dates it spans."""
    src = page_uri(number)
    links = []
    for i, chunk in enumerate(chunks, start=1):
        span = chunk[0].date.display()
        if chunk[-1].date != chunk[0].date:
            span += f" to {chunk[-1].date.display()}"
        label = f"page {i} ({span})"
        links.append(f"**{label}**" if i == number else f"[{label}]({relative(src, page_uri(i))})")
    return "The timeline continues over several pages: " + " · ".join(links) + "."


def _size(event: Event) -> int:
    """About how many characters of markdown the event takes, its footnotes included."""
    shown = event.reports[:MAX_WORDINGS + 1]
    return sum(len(r.sentence.text) + 40 for r in shown) + sum(len(s.text) + FOOTNOTE_SIZE for s in _cited(event))


def _chunks(events: list[Event]) -> list[list[Event]]:
    """The events of each page: up to ``EVENTS_PER_PAGE``, and up to ``PAGE_BUDGET`` characters."""
    chunks: list[list[Event]] = []
    for indexes in pack([_size(e) for e in events]):
        page = [events[i] for i in indexes]
        chunks += [page[i:i + EVENTS_PER_PAGE] for i in range(0, len(page), EVENTS_PER_PAGE)]
    return chunks


def render_timeline_pages(events: list[Event], docs: dict[str, Document]) -> list[tuple[str, str]]:
    """(src_uri, markdown) of each page of the timeline, ``EVENTS_PER_PAGE`` events a page."""
    if not events:
        return [(SRC_URI, render("timeline.md.j2", title="Timeline", intro=[], years=[], notes=[], pages_line=""))]
    chunks = _chunks(events)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        src = page_uri(number)
        pages_line = Markup(_pages_line(number, chunks)) if len(chunks) > 1 else ""
        notes: list[Markup] = []
        years = []
        for year, group in groupby(chunk, key=lambda e: e.date.year):
            shown = []
            for event in group:
                cited = _cited(event)
                entry = _event(event, cited, docs)
                shown.append(entry)
                # A footnote quotes its sentence only where the entry shows other words: a wording
                # under the entry is its own sentence, the entry's line the first report's.
                below = {w["cited"] for w in entry["wordings"]}
                first = event.reports[0].sentence.text
                notes += [Markup(footnote(src, docs[s.source_id], s, s.text if s in below else first))
                          for s in cited]
            years.append((year, shown))
        title = "Timeline" if number == 1 else f"Timeline ({number})"
        pages.append((src, render("timeline.md.j2", title=title, intro=[], pages_line=pages_line, years=years,
                                  notes=list(dict.fromkeys(notes)))))
    return pages



def _render(view: SiteView) -> Rendered:
    events = view.analysis.timeline
    pages = view.kept("timeline pages", tuple(events), lambda: render_timeline_pages(events, view.docs))
    return Rendered([GeneratedPage(uri, markdown, uri == SRC_URI) for uri, markdown in pages])


def _timeline_json(view: SiteView) -> str:
    events = view.analysis.timeline
    return view.kept("timeline.json", tuple(events), lambda: timeline_json(events))


def _timelinejs_json(view: SiteView) -> str:
    events = view.analysis.timeline
    return view.kept("timeline.timelinejs.json", tuple(events), lambda: timelinejs_json(events, "Timeline"))


KIND = PageKind("timeline", 20, nav_entry("Timeline", SRC_URI), _render, (
    DataFile("timeline.json", _timeline_json, "data/schemas/timeline.schema.json"),
    DataFile("timeline.timelinejs.json", _timelinejs_json, "data/schemas/timeline.timelinejs.schema.json"),
))
