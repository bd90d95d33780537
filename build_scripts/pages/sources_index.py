"""The table of all sources."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.model import Document, GeneratedPage
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.bibliography import bibtex, csl_json
from build_scripts.render.citation import date_text, plain_title
from build_scripts.render.data_files import sources_json
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.sources_used import sources_used
from build_scripts.render.templates import render

INDEX_SRC_URI = "sources/index.md"


def _sort_key(doc: Document) -> tuple[object, ...]:
    date = doc.source.meta.date
    return (date is None, tuple(-x for x in date.sort_key()) if date else (), doc.source.id)


def render_sources_index(documents: list[Document], counts: dict[str, int]) -> str:
    """Newest dated sources first, undated last; ``counts`` = statements citing each source."""
    intro = [Markup(f"{len(documents)} articles. Each links to its archived text, where every cited "
                    "sentence can be linked to. Unknown metadata is shown as unknown."),
             Markup("Bibliography for reference managers: [BibTeX](../data/sources.bib) · "
                    "[CSL-JSON](../data/sources.csl.json) · all research data: [data files](../data/index.md)")]
    rows = [{"title": plain_title(doc), "link": relative(INDEX_SRC_URI, source_src_uri(doc.source.id)),
             "publisher": doc.source.meta.publisher, "date": date_text(doc), "statements": counts.get(doc.source.id, 0)}
            for doc in sorted(documents, key=_sort_key)]
    return render("sources-index.md.j2", title="Sources", intro=intro, rows=rows)


def _render(view: SiteView) -> Rendered:
    markdown = render_sources_index(view.analysis.documents, view.statements_citing)
    closed = sources_used(markdown, INDEX_SRC_URI, view.docs, [], "All the sources in the table above.")
    return Rendered([GeneratedPage(INDEX_SRC_URI, closed, True)], closed=True)


KIND = PageKind("sources index", 60, nav_entry("Sources", INDEX_SRC_URI), _render, (
    DataFile("sources.json", lambda view: sources_json(view.analysis.documents, view.statements_citing),
             "data/schemas/sources.schema.json"),
    DataFile("sources.bib", lambda view: bibtex(view.analysis.documents)),
    DataFile("sources.csl.json", lambda view: csl_json(view.analysis.documents),
             "data/schemas/sources.csl.schema.json"),
))
