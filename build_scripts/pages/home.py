"""The evidence added below the hand-written home page."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.model import Document, PartialDate, Statement, TopicEvidence
from build_scripts.pages.kind import PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.links import relative
from build_scripts.render.statement import render_statement
from build_scripts.render.templates import render

HOME_SRC_URI = "index.md"


def render_home(
    key_facts: list[Statement],
    evidence: list[TopicEvidence],
    docs: dict[str, Document],
    statement_count: int,
) -> str:
    notes: list[str] = []
    blocks = []
    for st in key_facts:
        lines, st_notes = render_statement(st, HOME_SRC_URI, docs, len(docs))
        blocks.append(Markup("\n".join(lines)))
        notes += st_notes
    topics = [{"title": ev.topic.title, "link": relative(HOME_SRC_URI, ev.topic.src_uri),
               "description": ev.topic.description, "count": len(ev.statements)} for ev in evidence]
    dated = sorted((d.source.meta.date for d in docs.values() if d.source.meta.date), key=PartialDate.sort_key)
    return render("home.md.j2", key_facts=blocks, topics=topics, sources=len(docs), statements=statement_count,
                  first=dated[0].display() if dated else "", last=dated[-1].display() if dated else "",
                  undated=len(docs) - len(dated), all_sources=relative(HOME_SRC_URI, "sources/index.md"),
                  notes=[Markup(n) for n in notes])


def _render(view: SiteView) -> Rendered:
    analysis = view.analysis
    total = sum(len(ev.statements) for ev in analysis.evidence)
    return Rendered(additions={HOME_SRC_URI: render_home(analysis.key_facts, analysis.evidence, view.docs, total)})


KIND = PageKind("home", 0, nav_entry("Home", HOME_SRC_URI), _render)
