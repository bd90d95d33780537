"""A disagreement between sources as an admonition: each side, who said it and when."""

from __future__ import annotations

from build_scripts.model import Disagreement, Document, Side
from build_scripts.render.citation import cite, footnote, publisher_name
from build_scripts.render.escape import md_text

MAX_CITED = 3
"""Reports cited for one value; a figure given by hundreds of sources shows how many more."""

_VERDICT = {
    ("number", True): "The figures differ but are consistent: one number fits them all.",
    ("number", False): "The figures cannot all be true.",
    ("title", None): "The sources give this person different titles or roles.",
    ("wording", None): "The sources quote the same words differently, often as different translations.",
}


def reported(doc: Document) -> str:
    """"as reported on 30 June 2025 by *The Vaultz News*" (or "…, undated")."""
    who = md_text(publisher_name(doc))
    date = doc.source.meta.date
    return f"as reported on {date.display()} by {who}" if date else f"as reported by {who}, undated"


def _side_order(docs: dict[str, Document], side: Side) -> tuple[object, ...]:
    date = docs[side.sentence.source_id].source.meta.date
    return (date is None, date.sort_key() if date else (0, 0, 0), side.sentence.source_id,
            side.sentence.block, side.sentence.start)


def render_disagreement(d: Disagreement, page_src_uri: str, docs: dict[str, Document]) -> tuple[list[str], list[str]]:
    """The admonition's lines and the footnote definitions they need."""
    lines = [f'!!! warning "Sources differ: {md_text(d.subject)}"', ""]
    verdict = _VERDICT.get((d.kind, d.consistent))
    if verdict:
        lines += [f"    {verdict}", ""]
    notes = []
    by_value: dict[str, list[Side]] = {}
    for side in sorted(d.sides, key=lambda s: _side_order(docs, s)):
        by_value.setdefault(side.value.casefold(), []).append(side)
    for sides in by_value.values():
        first = sides[0]
        doc = docs[first.sentence.source_id]
        value = f"**“{md_text(first.value)}”**" if d.kind in ("wording", "title") else f"**{md_text(first.value)}**"
        cited = sides[:MAX_CITED]
        rest = len(sides) - len(cited)
        more = f" and {rest} more {'source' if rest == 1 else 'sources'}" if rest > 0 else ""
        lines.append(f"    - {value} ({reported(doc)}{more}){''.join(cite(s.sentence) for s in cited)}")
        notes += [footnote(page_src_uri, docs[s.sentence.source_id], s.sentence) for s in cited]
    return lines + [""], notes
