"""The page of one source: metadata card, anchored article text, folded furniture."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.infra.stage import Stage
from build_scripts.model import Document, DocumentFeatures, GeneratedPage, Sentence
from build_scripts.pages.kind import PageKind, Rendered, SiteView, no_nav
from build_scripts.render.citation import date_text, plain_title
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.sources_used import sources_used
from build_scripts.render.templates import render

UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourcePage:
    """A source's page in two parts, around the "Cited on" row of its card: the only part
    that depends on other sources' analysis. The rest is made with the source's own analysis
    (in worker processes, kept in the cache) and the row put in when the topic pages are known."""

    before: str
    after: str
    article: str = ""
    """The article's HTML, which the markdown holds as ``ARTICLE_SLOT``: it goes into the page
    after Python-Markdown has run (see ``GeneratedPage.inserts``), whose handling of raw HTML
    grows faster than the page (a source of 300,000 sentences never finished)."""

    def with_citations(self, cited_on: list[tuple[str, str, int]]) -> str:
        """The page's markdown; ``cited_on`` lists (topic title, link, count)."""
        return self.before + _cited_row(cited_on) + self.after


def _cited_row(cited_on: list[tuple[str, str, int]]) -> str:
    return render("cited-on.md.j2", cited_on=cited_on).removesuffix("\n")


def _by_block(doc: Document) -> dict[int, list[Sentence]]:
    """Each block's sentences in article order, found in one pass (not one pass per block)."""
    by_block: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    return by_block


def _pieces(text: str, sentences: list[Sentence]) -> list[tuple[str, str | None]]:
    """A paragraph cut into the text before each sentence, the sentence (with its anchor), …,
    and the text after the last."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for s in sentences:
        pieces += [(text[cursor:s.start], None), (s.text, s.anchor)]
        cursor = s.start + len(s.text)
    pieces.append((text[cursor:], None))
    return pieces


def _article(doc: Document) -> Markup:
    """Headings and paragraphs, each sentence in a span its footnotes link to."""
    by_block = _by_block(doc)
    blocks = [{"heading": True, "text": b.text} if b.kind == "heading" else
              {"heading": False, "css": "article-text opinion" if b.opinion else "article-text",
               "pieces": _pieces(b.text, by_block.get(i, []))}
              for i, b in enumerate(doc.blocks) if b.kind in ("heading", "text")]
    return Markup(render("source-article.html.j2", blocks=blocks, lang=doc.source.meta.language))


ARTICLE_SLOT = "<!--article-->\n\n"
"""Where a source page's article goes: an HTML comment no escaped source text can hold."""
FURNITURE_SHOWN = 500
"""Lines of page furniture listed on a source page; the rest are counted."""
_SLOT = Markup("\0cited-on\0")
"""Where the "Cited on" row goes: no source text can hold it (control characters are stripped)."""


def source_page(doc: Document) -> SourcePage:
    """The page of ``sources/<id>.md``, closed with its list of sources used (this one)."""
    meta = doc.source.meta
    furniture = [b for b in doc.blocks if b.kind == "furniture"]
    page = render("source.md.j2", title=plain_title(doc), intro=[], meta=meta, date=date_text(doc),
                  file_name=doc.source.path.name, cited_on_slot=_SLOT, article_slot=Markup(ARTICLE_SLOT),
                  opinion=any(b.opinion for b in doc.blocks), furniture=furniture[:FURNITURE_SHOWN],
                  furniture_count=len(furniture))
    before, after = page.split(_SLOT)
    closed = sources_used(after[1:], source_src_uri(doc.source.id), {doc.source.id: doc}, [doc.source.id])
    return SourcePage(before, "\n" + closed, str(_article(doc)))


def render_source_page(doc: Document, cited_on: list[tuple[str, str, int]]) -> str:
    """Markdown of ``sources/<id>.md``, its article in place; ``cited_on`` lists (topic title, link, count)."""
    page = source_page(doc)
    return page.with_citations(cited_on).replace(ARTICLE_SLOT, page.article, 1)


def page_of(analysed: tuple[Document, DocumentFeatures]) -> SourcePage:
    """The per-source stage: a source's page but for its citations, made with its analysis."""
    return source_page(analysed[0])


def _is_page(value: object) -> bool:
    return isinstance(value, SourcePage)


STAGE = Stage("source page", page_of, ("build_scripts.pages.source",),
              ("templates/source.md.j2", "templates/source-article.html.j2", "templates/page-head.md.j2"),
              types=(SourcePage,), valid=_is_page)


def _render(view: SiteView) -> Rendered:
    """Each source's page, closed. A page depends only on its document and on the topic pages
    that cite it, so under ``mkdocs serve`` an edit re-writes the pages whose source changed
    (the cache hands back the very same document object for an unchanged source) or whose
    citations moved. The memo is left holding this build's pages only."""
    memo: dict[str, tuple[Document, list[tuple[str, str, int]], GeneratedPage]]
    memo = view.memo.setdefault("source pages", {})
    made: dict[str, SourcePage] = view.made.get(STAGE.name, {})
    pages, kept = [], {}
    for doc in view.analysis.documents:
        src = source_src_uri(doc.source.id)
        cited_on = [(view.topics[uri].title, relative(src, uri), n)
                    for uri, n in sorted(view.cited_on[doc.source.id].items())]
        before = memo.get(doc.source.id)
        if before is not None and before[0] is doc and before[1] == cited_on:
            page = before[2]
        else:
            part = made.get(doc.source.id) or source_page(doc)
            page = GeneratedPage(src, part.with_citations(cited_on), False, f"sources/{doc.source.path.name}",
                                 ((ARTICLE_SLOT, part.article),))
        kept[doc.source.id] = (doc, cited_on, page)
        pages.append(page)
    memo.clear()
    memo.update(kept)
    return Rendered(pages, closed=True)


KIND = PageKind("source", 61, no_nav, _render)
