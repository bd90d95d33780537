"""A disagreement between sources as an admonition: each side, who said it and when."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.model import Disagreement, Document, Side
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.escape import md_text
from build_scripts.render.templates import render

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
    notes = []
    by_value: dict[str, list[Side]] = {}
    for side in sorted(d.sides, key=lambda s: _side_order(docs, s)):
        by_value.setdefault(side.value.casefold(), []).append(side)
    values = []
    for sides in by_value.values():
        cited = sides[:MAX_CITED]
        rest = len(sides) - len(cited)
        values.append({"value": sides[0].value, "cited": cited,
                       "reported": Markup(reported(docs[sides[0].sentence.source_id])),
                       "rest": max(rest, 0)})
        notes += [footnote(page_src_uri, docs[s.sentence.source_id], s.sentence) for s in cited]
    text = render("disagreement.md.j2", d=d, verdict=_VERDICT.get((d.kind, d.consistent)), values=values,
                  quoted=d.kind in ("wording", "title"))
    return [*text.removesuffix("\n").split("\n"), ""], notes
