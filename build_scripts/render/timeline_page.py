"""The page "Timeline": dated events in order, each date as precise as its source."""

from __future__ import annotations

from itertools import groupby

from build_scripts.analyse.timeline import Event, Report
from build_scripts.model import Document
from build_scripts.render.citation import cite, footnote
from build_scripts.render.escape import md_span, md_text
from build_scripts.render.page_head import page_head

SRC_URI = "timeline.md"
MAX_FOOTNOTES = 8
"""Reports cited under one event; the line says how many sources report it in all."""


def _cited(event: Event) -> list[Report]:
    return list({r.sentence: r for r in event.reports}.values())[:MAX_FOOTNOTES]


def _event_line(event: Event) -> str:
    first = event.reports[0]
    how = ""
    if first.mention.relative:
        how = f" *(“{md_text(first.mention.text)}”, counted from the article’s publication date)*"
    refs = "".join(cite(r.sentence) for r in _cited(event))
    sources = len({r.sentence.source_id for r in event.reports})
    extra = f" *Reported by {sources} sources.*" if sources > 1 else ""
    return f"- **{event.date.display()}**{how}: {_sentence(first)}{refs}{extra}"


def _sentence(report: Report) -> str:
    text, m = report.sentence.text, report.mention
    return f"{md_span(text[:m.start])}<mark>{md_text(m.text)}</mark>{md_span(text[m.end:])}"


def render_timeline_page(events: list[Event], docs: dict[str, Document]) -> str:
    out = page_head("Timeline",
                    "Every sentence of the sources that names a date, in order of that date. A date is shown "
                    "as precisely as the source gives it: a year, a month or a day. Dates such as “on Sunday” "
                    "are counted from the article’s publication date, and left out when that is unknown. "
                    "The date words are highlighted in each sentence.")
    if not events:
        return "\n".join(out + ["*No dated event was found in the sources.*", ""])
    notes: list[str] = []
    for year, group in groupby(events, key=lambda e: e.date.year):
        out += [f"## {year}", ""]
        for event in group:
            out.append(_event_line(event))
            notes += [footnote(SRC_URI, docs[r.sentence.source_id], r.sentence) for r in _cited(event)]
        out.append("")
    return "\n".join(out + list(dict.fromkeys(notes))) + "\n"
