"""The page "Where sources differ": every disagreement found, each side cited.

In the order of the analysis, by kind (numbers, dates, titles, wording); what does not fit on
the page continues on further pages (``continued``), each kind under its heading again."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from markupsafe import Markup

from build_scripts.model import Disagreement, Document, GeneratedPage
from build_scripts.pages.continued import paged, pages_line
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.data_files import disagreements_json
from build_scripts.render.disagreement import render_disagreement
from build_scripts.render.templates import render

SRC_URI = "disagreements.md"
_KINDS = [("number", "Numbers"), ("date", "Dates"), ("title", "Titles and roles"), ("wording", "Wording of quotations")]


def render_disagreements_pages(disagreements: list[Disagreement], docs: dict[str, Document]) -> list[tuple[str, str]]:
    """(src_uri, markdown) of the page and of each continuation page."""
    items = [(heading, d) for kind, heading in _KINDS for d in disagreements if d.kind == kind]

    def one(item: tuple[str, Disagreement], uri: str) -> tuple[str, list[str]]:
        lines, notes = render_disagreement(item[1], uri, docs)
        return "\n".join(lines), notes

    pages = paged(items, SRC_URI, one)
    uris = [uri for uri, _ in pages]
    out = []
    for number, (uri, rendered) in enumerate(pages, start=1):
        sections = [(heading, [Markup(md) for _, md, _ in group])
                    for heading, group in ((h, list(g)) for h, g in groupby(rendered, key=lambda r: r[0][0]))]
        notes = [Markup(n) for n in dict.fromkeys(n for _, _, ns in rendered for n in ns)]
        title = "Where sources differ" if number == 1 else f"Where sources differ ({number})"
        out.append((uri, render("disagreements.md.j2", title=title, intro=[], sections=sections, notes=notes,
                                first=number == 1, pages_line=Markup(pages_line(number, uris)) if len(uris) > 1
                                else "")))
    return out


def render_disagreements_page(disagreements: list[Disagreement], docs: dict[str, Document]) -> str:
    """The first page (the only one unless there are very many disagreements)."""
    return render_disagreements_pages(disagreements, docs)[0][1]


def _render(view: SiteView) -> Rendered:
    disagreements = view.analysis.disagreements
    pages = view.kept("disagreements pages", disagreements,
                      partial(render_disagreements_pages, disagreements, view.docs))
    return Rendered([GeneratedPage(uri, markdown, uri == SRC_URI) for uri, markdown in pages])


KIND = PageKind("disagreements", 50, nav_entry("Where sources differ", SRC_URI), _render, (
    DataFile("disagreements.json", lambda view: view.kept(
        "disagreements.json", view.analysis.disagreements,
        partial(disagreements_json, view.analysis.disagreements, view.docs)),
             "data/schemas/disagreements.schema.json"),
))
