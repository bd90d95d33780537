"""The table of all sources, newest first; a very long one continues on further pages (``continued``)."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from build_scripts.model import Document, GeneratedPage
from build_scripts.pages.continued import continuation_uri, pack, pages_line
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


def _count_slot(row: int) -> str:
    return f"<!--statements-{row}-->"


def _row(doc: Document, row: int, uri: str) -> dict[str, object]:
    return {"title": plain_title(doc), "link": relative(uri, source_src_uri(doc.source.id)),
            "publisher": doc.source.meta.publisher, "date": date_text(doc), "statements": Markup(_count_slot(row))}


def _row_size(doc: Document) -> int:
    """About how many characters of markdown the row takes."""
    return len(plain_title(doc)) + len(doc.source.meta.publisher or "") + 2 * len(doc.source.id) + 60


def render_sources_pages(documents: list[Document]) -> list[tuple[str, str, list[str]]]:
    """(src_uri, markdown, the ids of its rows' sources) of the table and its continuations:
    newest dated sources first, undated last. Each row's count of statements is a late insert
    (``count_inserts``): an edit to one source moves the counts of many, and the table's
    markdown, search entry and themed page then stay as they were."""
    ordered = sorted(documents, key=_sort_key)
    groups = pack([_row_size(doc) for doc in ordered])
    uris = [continuation_uri(INDEX_SRC_URI, n) for n in range(1, len(groups) + 1)]
    out = []
    for number, (uri, indexes) in enumerate(zip(uris, groups, strict=True), start=1):
        shown = [ordered[i] for i in indexes]
        if number == 1:
            intro = [Markup(f"{len(documents)} articles. Each links to its archived text, where every cited "
                            "sentence can be linked to. Unknown metadata is shown as unknown."),
                     Markup("Bibliography for reference managers: [BibTeX](../data/sources.bib) · "
                            "[CSL-JSON](../data/sources.csl.json) · all research data: [data files](../data/index.md)")]
        else:
            intro = [Markup(f"Sources {indexes.start + 1:,} to {indexes.stop:,} of {len(documents):,}, continued "
                            f"from [the first page]({relative(uri, INDEX_SRC_URI)}).")]
        if len(uris) > 1:
            intro.append(Markup(pages_line(number, uris)))
        title = "Sources" if number == 1 else f"Sources ({number})"
        out.append((uri, render("sources-index.md.j2", title=title, intro=intro,
                                rows=[_row(doc, row, uri) for row, doc in enumerate(shown)]),
                    [doc.source.id for doc in shown]))
    return out


def count_inserts(ids: list[str], counts: dict[str, int]) -> tuple[tuple[str, str], ...]:
    """The counts of statements citing each row's source (``ids``), as ``GeneratedPage.late``."""
    return tuple((_count_slot(row), str(counts.get(sid, 0))) for row, sid in enumerate(ids))


def _render(view: SiteView) -> Rendered:
    def pages() -> list[tuple[str, str, list[str]]]:
        return [(uri, sources_used(markdown, uri, view.docs, [], "All the sources in the table above."), ids)
                for uri, markdown, ids in render_sources_pages(view.analysis.documents)]
    made = view.kept("sources pages", (), pages)  # what the table shows of each source is its metadata
    return Rendered([GeneratedPage(uri, markdown, uri == INDEX_SRC_URI, late=count_inserts(ids, view.statements_citing))
                     for uri, markdown, ids in made], closed=True)


KIND = PageKind("sources index", 60, nav_entry("Sources", INDEX_SRC_URI), _render, (
    DataFile("sources.json", lambda view: sources_json(view.analysis.documents, view.statements_citing),
             "data/schemas/sources.schema.json"),
    DataFile("sources.bib", lambda view: view.kept("sources.bib", (), partial(bibtex, view.analysis.documents))),
    DataFile("sources.csl.json",
             lambda view: view.kept("sources.csl.json", (), partial(csl_json, view.analysis.documents)),
             "data/schemas/sources.csl.schema.json"),
))
