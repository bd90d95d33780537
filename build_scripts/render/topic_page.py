"""The evidence added below a hand-written topic page."""

from __future__ import annotations

from build_scripts.model import Document, TopicEvidence
from build_scripts.render.citation import cite, footnote
from build_scripts.render.escape import md_text


def summary_line(evidence: TopicEvidence, docs: dict[str, Document]) -> str:
    used = {st.sentence.source_id for st in evidence.statements}
    dates = [d for sid in used if (d := docs[sid].source.meta.date)]
    n_st = len(evidence.statements)
    parts = [
        f"**{len(used)} {'source' if len(used) == 1 else 'sources'}**",
        f"**{n_st} {'statement' if n_st == 1 else 'statements'}**",
    ]
    if dates:
        parts.append(f"latest dated source: {max(dates).display()}")
    undated = len(used) - len(dates)
    if undated:
        parts.append(f"{undated} undated")
    return " · ".join(parts)


def render_topic_evidence(evidence: TopicEvidence, docs: dict[str, Document]) -> str:
    """Sections of statements, each the cited sentence itself, then the footnotes."""
    src = evidence.topic.src_uri
    if not evidence.statements:
        return "\n\n*No sentence in the sources matches this topic yet.*\n"
    out = ["", "", summary_line(evidence, docs), ""]
    notes: list[str] = []
    for section, statements in evidence.sections:
        out += [f"## {md_text(section.heading)}", ""]
        for st in statements:
            out.append(f"- {md_text(st.sentence.text)}{cite(st.sentence)}")
            notes.append(footnote(src, docs[st.sentence.source_id], st.sentence))
        out.append("")
    return "\n".join(out + notes) + "\n"
