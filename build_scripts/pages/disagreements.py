"""The page "Where sources differ": every disagreement found, each side cited."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.model import Disagreement, Document, GeneratedPage
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.data_files import disagreements_json
from build_scripts.render.disagreement import render_disagreement
from build_scripts.render.templates import render

SRC_URI = "disagreements.md"
_KINDS = [("number", "Numbers"), ("date", "Dates"), ("title", "Titles and roles"), ("wording", "Wording of quotations")]


def render_disagreements_page(disagreements: list[Disagreement], docs: dict[str, Document]) -> str:
    notes: list[str] = []
    sections = []
    for kind, heading in _KINDS:
        boxes = []
        for d in (d for d in disagreements if d.kind == kind):
            lines, d_notes = render_disagreement(d, SRC_URI, docs)
            boxes.append(Markup("\n".join(lines)))
            notes += d_notes
        if boxes:
            sections.append((heading, boxes))
    return render("disagreements.md.j2", title="Where sources differ", intro=[], sections=sections,
                  notes=[Markup(n) for n in dict.fromkeys(notes)])



def _render(view: SiteView) -> Rendered:
    markdown = render_disagreements_page(view.analysis.disagreements, view.docs)
    return Rendered([GeneratedPage(SRC_URI, markdown, True)])


KIND = PageKind("disagreements", 50, nav_entry("Where sources differ", SRC_URI), _render, (
    DataFile("disagreements.json", lambda view: disagreements_json(view.analysis.disagreements, view.docs),
             "data/schemas/disagreements.schema.json"),
))
