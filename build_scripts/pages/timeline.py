"""The page "Timeline": dated events in order, each date as precise as its source."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from markupsafe import Markup

from build_scripts.model import Document, Event, GeneratedPage, Sentence
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import footnote
from build_scripts.render.data_files import timeline_json, timelinejs_json
from build_scripts.render.links import relative
from build_scripts.render.templates import render

SRC_URI = "timeline.md"
MAX_FOOTNOTES = 8
"""Reports cited under one event; the line says how many sources report it in all."""
EVENTS_PER_PAGE = 400
"""Events on one page of the timeline; a large corpus continues on further pages."""


def _cited(event: Event) -> list[Sentence]:
    """The first ``MAX_FOOTNOTES`` different sentences reporting the event (an event can have thousands)."""
    cited: dict[Sentence, None] = {}
    for r in event.reports:
        cited[r.sentence] = None
        if len(cited) == MAX_FOOTNOTES:
            break
    return list(cited)


def _event(event: Event, cited: list[Sentence]) -> dict[str, Any]:
    """What the template shows of an event; ``cited`` are the sentences it footnotes."""
    first = event.reports[0]
    text, m = first.sentence.text, first.mention
    return {"date": event.date.display(), "relative": m.text if m.relative else "", "before": text[:m.start],
            "mention": m.text, "after": text[m.end:], "cited": cited,
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


def render_timeline_pages(events: list[Event], docs: dict[str, Document]) -> list[tuple[str, str]]:
    """(src_uri, markdown) of each page of the timeline, ``EVENTS_PER_PAGE`` events a page."""
    if not events:
        return [(SRC_URI, render("timeline.md.j2", title="Timeline", intro=[], years=[], notes=[], pages_line=""))]
    chunks = [events[i:i + EVENTS_PER_PAGE] for i in range(0, len(events), EVENTS_PER_PAGE)]
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
                shown.append(_event(event, cited))
                notes += [Markup(footnote(src, docs[s.source_id], s)) for s in cited]
            years.append((year, shown))
        title = "Timeline" if number == 1 else f"Timeline ({number})"
        pages.append((src, render("timeline.md.j2", title=title, intro=[], pages_line=pages_line, years=years,
                                  notes=list(dict.fromkeys(notes)))))
    return pages



def _render(view: SiteView) -> Rendered:
    pages = render_timeline_pages(view.analysis.timeline, view.docs)
    return Rendered([GeneratedPage(uri, markdown, uri == SRC_URI) for uri, markdown in pages])


KIND = PageKind("timeline", 20, nav_entry("Timeline", SRC_URI), _render, (
    DataFile("timeline.json", lambda view: timeline_json(view.analysis.timeline), "data/schemas/timeline.schema.json"),
    DataFile("timeline.timelinejs.json", lambda view: timelinejs_json(view.analysis.timeline, "Timeline"),
             "data/schemas/timeline.timelinejs.schema.json"),
))
