"""The research data of a build, as files under ``data/``: JSON, CSV and a TimelineJS file.

A citation is always ``{"source": id, "anchor": sentence id, "url": "sources/<id>/#<anchor>"}``,
the URL relative to the site's root. Unknown metadata is ``null``, never guessed.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from build_scripts.model import (
    CountryProfile,
    Disagreement,
    Document,
    Event,
    PartialDate,
    Sentence,
    Speaker,
    TopicEvidence,
)
from build_scripts.render.citation import plain_title
from build_scripts.render.escape import html_text
from build_scripts.render.statement import all_members, claim_counts

DATA_DIR = "data"


def citation(s: Sentence) -> dict[str, str]:
    return {"source": s.source_id, "anchor": s.anchor, "url": citation_url(s)}


def citation_url(s: Sentence) -> str:
    return f"sources/{s.source_id}/#{s.anchor}"


def _date(d: PartialDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    precision = "day" if d.day else "month" if d.month else "year"
    return {"iso": d.iso(), "precision": precision, "display": d.display()}


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def sources_json(documents: list[Document], counts: dict[str, int]) -> str:
    rows = []
    for d in documents:
        m = d.source.meta
        rows.append({
            "id": d.source.id, "title": m.title, "display_title": plain_title(d), "publisher": m.publisher,
            "author": m.author, "date": _date(m.date), "url": m.url, "retrieved": _date(m.retrieved),
            "language": m.language, "notes": m.notes, "page": f"sources/{d.source.id}/",
            "sentences": len(d.sentences), "furniture_lines": sum(b.kind == "furniture" for b in d.blocks),
            "statements": counts.get(d.source.id, 0),
        })
    return _dump({"sources": rows})


def statement_rows(evidence: list[TopicEvidence]) -> list[dict[str, Any]]:
    rows = []
    for ev in evidence:
        for section, statements in ev.sections:
            for st in statements:
                claim = st.claim
                rows.append({
                    "id": f"{ev.topic.slug}/{claim.id if claim else st.sentence.anchor}",
                    "topic": ev.topic.slug, "topic_title": ev.topic.title, "section": section.heading,
                    "text": st.sentence.text, "citations": [citation(m) for m in all_members(st)],
                    "sources": claim_counts(claim)[0] if claim else 1,
                    "independent_sources": claim_counts(claim)[1] if claim else 1,
                    "shared_wording": [{"sources": list(g), "words": w} for g, w in
                                       zip(claim.copy_groups, claim.shared_words, strict=True)] if claim else [],
                    "one_publisher": [list(g) for g in claim.publisher_groups] if claim else [],
                })
    return rows


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def statements_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "topic", "section", "statement", "sources", "independent_sources", "citations"])
    for r in rows:
        writer.writerow([r["id"], r["topic"], _cell(r["section"]), _cell(r["text"]), r["sources"],
                         r["independent_sources"], " ".join(c["url"] for c in r["citations"])])
    return out.getvalue()


def quotes_json(speakers: list[Speaker]) -> str:
    rows = []
    for sp in speakers:
        for g_index, group in enumerate(sp.groups):
            for q in group.quotes:
                rows.append({
                    "speaker": sp.name if q.quote.speaker else None, "speaker_kind": sp.kind,
                    "speaker_as_written": q.quote.speaker, "role": q.quote.role,
                    "text": q.quote.text, "parts": [p.text for p in q.quote.parts],
                    "group": f"{sp.name}#{g_index + 1}", "citation": citation(q.sentence),
                })
    return _dump({"quotes": rows})


def timeline_json(events: list[Event]) -> str:
    rows = [{
        "date": _date(e.date), "date_text": e.reports[0].mention.text, "relative": e.reports[0].mention.relative,
        "text": e.reports[0].sentence.text, "citations": [citation(r.sentence) for r in e.reports],
    } for e in events]
    return _dump({"events": rows})


HEADLINE_WORDS = 10


def _headline(sentence: str) -> str:
    """An event's headline: the opening words of the sentence that reports it, unchanged."""
    words = sentence.split()
    return " ".join(words[:HEADLINE_WORDS]) + ("…" if len(words) > HEADLINE_WORDS else "")


def timelinejs_json(events: list[Event], title: str) -> str:
    """The same events in TimelineJS's JSON format; ``text`` is HTML, escaped."""
    out = []
    for i, e in enumerate(events):
        start = {"year": e.date.year, "display_date": e.date.display()}
        if e.date.month:
            start["month"] = e.date.month
        if e.date.day:
            start["day"] = e.date.day
        text = _event_html(e.reports[0].sentence.text, [citation_url(r.sentence) for r in e.reports])
        headline = html_text(_headline(e.reports[0].sentence.text))
        out.append({"start_date": start, "unique_id": f"event-{i + 1}", "text": {"headline": headline, "text": text}})
    return _dump({"title": {"text": {"headline": html_text(title)}}, "events": out})


def _event_html(text: str, links: list[str]) -> str:
    """An event's HTML for TimelineJS: its first report's sentence, then numbered links to each
    report's sentence (relative to the site's root). Written here, not by a template: a
    template's context for each of thousands of events cost more than the HTML."""
    numbered = " ".join(f'<a href="../{html_text(link)}">[{i}]</a>' for i, link in enumerate(links, 1))
    return f"<p>{html_text(text)}</p><p>{numbered}</p>"


def disagreements_json(disagreements: list[Disagreement], docs: dict[str, Document]) -> str:
    rows = [{
        "id": d.id, "kind": d.kind, "subject": d.subject, "consistent": d.consistent,
        "sides": [{"value": s.value, "citation": citation(s.sentence),
                   "publisher": docs[s.sentence.source_id].source.meta.publisher,
                   "reported_on": _date(docs[s.sentence.source_id].source.meta.date)} for s in d.sides],
    } for d in disagreements]
    return _dump({"disagreements": rows})


def countries_json(profiles: list[CountryProfile]) -> str:
    rows = [{
        "code": p.code, "name": p.name, "names_seen": p.names_seen, "page": f"countries/{p.code}/",
        "stance": p.primary.rule.label if p.primary else None,
        "stances": [{"label": s.rule.label, "class": s.rule.css, "weight": s.weight,
                     "evidence": [citation(x) for x in s.sentences],
                     "dates": [{"date": _date(d), "citation": citation(x)} for d, x in s.dates]}
                    for s in p.stances],
        "sentences": len(p.sentences), "sources": len(p.sources),
    } for p in profiles]
    return _dump({"countries": rows})


def statements_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps({"statements": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"
