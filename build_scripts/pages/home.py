"""The evidence added below the hand-written home page."""

from __future__ import annotations

from build_scripts.model import Document, PartialDate, Statement, Topic, TopicEvidence
from build_scripts.pages.kind import PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative
from build_scripts.render.statement import render_statement

HOME_SRC_URI = "index.md"


def render_home(
    key_facts: list[Statement],
    evidence: list[TopicEvidence],
    docs: dict[str, Document],
    statement_count: int,
) -> str:
    out: list[str] = [""]
    notes: list[str] = []
    if key_facts:
        out += ["## Key facts", ""]
        for st in key_facts:
            lines, st_notes = render_statement(st, HOME_SRC_URI, docs, len(docs))
            out += lines
            notes += st_notes
    out += ["## Topics", ""]
    for ev in evidence:
        out.append(_topic_line(ev.topic, len(ev.statements)))
    dated = sorted((d.source.meta.date for d in docs.values() if d.source.meta.date), key=PartialDate.sort_key)
    out += ["", "## The sources", ""]
    line = f"{len(docs)} sources, {statement_count} cited statements on the topic pages"
    if dated:
        line += f"; dated sources from {dated[0].display()} to {dated[-1].display()}"
    undated = len(docs) - len(dated)
    if undated:
        line += f"; {undated} undated"
    out += [line + ".", "", f"[All sources]({relative(HOME_SRC_URI, 'sources/index.md')})", ""]
    return "\n".join(out + notes) + "\n"


def _topic_line(topic: Topic, n: int) -> str:
    link = relative(HOME_SRC_URI, topic.src_uri)
    desc = f": {md_text(topic.description)}" if topic.description else ""
    return f"- [{md_text(topic.title)}]({link}){desc} ({n} statements)"


def _render(view: SiteView) -> Rendered:
    analysis = view.analysis
    total = sum(len(ev.statements) for ev in analysis.evidence)
    return Rendered(additions={HOME_SRC_URI: render_home(analysis.key_facts, analysis.evidence, view.docs, total)})


KIND = PageKind("home", 0, nav_entry("Home", HOME_SRC_URI), _render)
