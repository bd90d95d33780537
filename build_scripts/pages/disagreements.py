"""The page "Where sources differ": every disagreement found, each side cited."""

from __future__ import annotations

from build_scripts.model import Disagreement, Document, GeneratedPage
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.data_files import disagreements_json
from build_scripts.render.disagreement import render_disagreement
from build_scripts.render.page_head import page_head

SRC_URI = "disagreements.md"
_KINDS = [("number", "Numbers"), ("title", "Titles and roles"), ("wording", "Wording of quotations")]


def render_disagreements_page(disagreements: list[Disagreement], docs: dict[str, Document]) -> str:
    out = page_head("Where sources differ",
                    "Places where the sources give different numbers, titles or wording for the same "
                    "thing. Each side is quoted and cited; which is right is for the reader to judge. "
                    "How these are found is explained in the "
                    "[methodology](about/methodology.md#where-sources-differ).")
    if not disagreements:
        return "\n".join(out + ["*The sources do not differ on anything the generator can detect.*", ""])
    notes: list[str] = []
    for kind, heading in _KINDS:
        chosen = [d for d in disagreements if d.kind == kind]
        if not chosen:
            continue
        out += [f"## {heading}", ""]
        for d in chosen:
            lines, d_notes = render_disagreement(d, SRC_URI, docs)
            out += lines
            notes += d_notes
    return "\n".join(out + list(dict.fromkeys(notes))) + "\n"


def _render(view: SiteView) -> Rendered:
    markdown = render_disagreements_page(view.analysis.disagreements, view.docs)
    return Rendered([GeneratedPage(SRC_URI, markdown, True)])


KIND = PageKind("disagreements", 50, nav_entry("Where sources differ", SRC_URI), _render, (
    DataFile("disagreements.json", lambda view: disagreements_json(view.analysis.disagreements, view.docs),
             "data/schemas/disagreements.schema.json"),
))
