"""The table of all sources."""

from __future__ import annotations

from build_scripts.model import Document
from build_scripts.render.citation import NO_PUBLISHER, date_text, plain_title
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.page_head import page_head

INDEX_SRC_URI = "sources/index.md"


def _sort_key(doc: Document) -> tuple:
    date = doc.source.meta.date
    return (date is None, tuple(-x for x in date.sort_key()) if date else (), doc.source.id)


def render_sources_index(documents: list[Document], counts: dict[str, int]) -> str:
    """Newest dated sources first, undated last; ``counts`` = statements citing each source."""
    out = [
        *page_head("Sources",
                   f"{len(documents)} articles. Each links to its archived text, where every cited "
                   "sentence can be linked to. Unknown metadata is shown as unknown.",
                   "Bibliography for reference managers: [BibTeX](../data/sources.bib) · "
                   "[CSL-JSON](../data/sources.csl.json) · all research data: [data files](../data/index.md)"),
        "| Title | Publisher | Date | Statements |",
        "|---|---|---|---:|",
    ]
    for doc in sorted(documents, key=_sort_key):
        link = relative(INDEX_SRC_URI, source_src_uri(doc.source.id))
        publisher = md_text(doc.source.meta.publisher) if doc.source.meta.publisher else NO_PUBLISHER
        out.append(
            f"| [{md_text(plain_title(doc))}]({link}) | {publisher} | {date_text(doc)} "
            f"| {counts.get(doc.source.id, 0)} |"
        )
    return "\n".join(out) + "\n"
