"""The page of one source: metadata card, anchored article text, folded furniture."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from build_scripts.infra.stage import Stage
from build_scripts.model import Document, DocumentFeatures, GeneratedPage, Sentence
from build_scripts.pages.kind import PageKind, Rendered, SiteView, no_nav
from build_scripts.render.citation import NO_PUBLISHER, date_text, plain_title
from build_scripts.render.escape import html_text, md_text
from build_scripts.render.links import relative, safe_url, source_src_uri
from build_scripts.render.page_head import page_head
from build_scripts.render.sources_used import sources_used

UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourcePage:
    """A source's page in two parts, around the "Cited on" row of its card: the only part
    that depends on other sources' analysis. The rest is made with the source's own analysis
    (in worker processes, kept in the cache) and the row put in when the topic pages are known."""

    before: str
    after: str

    def with_citations(self, cited_on: list[tuple[str, str, int]]) -> str:
        """The page's markdown; ``cited_on`` lists (topic title, link, count)."""
        return self.before + _cited_row(cited_on) + self.after


def _cited_row(cited_on: list[tuple[str, str, int]]) -> str:
    if not cited_on:
        return "| **Cited on** | no topic page yet |"
    return "| **Cited on** | " + ", ".join(f"[{md_text(title)}]({link}) ({n})" for title, link, n in cited_on) + " |"


def _card(doc: Document) -> list[str]:
    """The card's rows before "Cited on"."""
    meta = doc.source.meta
    rows = [
        ("Title", md_text(meta.title) if meta.title else f"{UNKNOWN} (no title recorded)"),
        ("Author", md_text(meta.author) if meta.author else UNKNOWN),
        ("Publisher", md_text(meta.publisher) if meta.publisher else NO_PUBLISHER),
        ("Date", date_text(doc)),
        ("Original", f"[{md_text(meta.url)}](<{safe_url(meta.url)}>)" if meta.url else "no address recorded"),
        ("Retrieved", meta.retrieved.display() if meta.retrieved else UNKNOWN),
        ("Language", md_text(meta.language)),
        ("Source file", f"`sources/{doc.source.path.name}`"),
    ]
    if meta.notes:
        rows.append(("Notes", md_text(meta.notes)))
    return ["| About this source | Details |", "|---|---|", *(f"| **{k}** | {v} |" for k, v in rows)]


def _by_block(doc: Document) -> dict[int, list[Sentence]]:
    """Each block's sentences in article order, found in one pass (not one pass per block)."""
    by_block: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    return by_block


def _pieces(text: str, sentences: list[Sentence]) -> list[str]:
    """A paragraph cut into the text before each sentence, the sentence, …, and the text after the last."""
    pieces, cursor = [], 0
    for s in sentences:
        pieces += [text[cursor:s.start], s.text]
        cursor = s.start + len(s.text)
    pieces.append(text[cursor:])
    return pieces


def _spans(sentences: list[Sentence], escaped: Iterator[str]) -> str:
    """A paragraph's HTML from its escaped pieces, each sentence in its own anchored span."""
    html = [next(escaped)]
    for s in sentences:
        html += [f'<span class="sentence" id="{s.anchor}">{next(escaped)}</span>', next(escaped)]
    return "".join(html)


def _escape_all(pieces: list[str]) -> list[str]:
    """``html_text`` of each piece, in one call when no piece holds a newline.

    ``html_text`` escapes character by character and never adds or removes a newline,
    so the pieces joined by newlines come back escaped, still split at them.
    """
    joined = "\n".join(pieces)
    if joined.count("\n") != len(pieces) - 1:  # a piece holds a newline of its own
        return [html_text(p) for p in pieces]
    return html_text(joined).split("\n")


def _article_html(doc: Document) -> list[str]:
    """Headings and paragraphs, all the article's text escaped at once (not piece by piece)."""
    lang = html_text(doc.source.meta.language)
    by_block = _by_block(doc)
    shown = [(b, by_block.get(i, [])) for i, b in enumerate(doc.blocks) if b.kind in ("heading", "text")]
    pieces: list[str] = []
    for block, sentences in shown:
        pieces += [block.text] if block.kind == "heading" else _pieces(block.text, sentences)
    escaped = iter(_escape_all(pieces))
    out: list[str] = []
    for block, sentences in shown:
        if block.kind == "heading":
            out += [f'<h3 class="article-heading" lang="{lang}">{next(escaped)}</h3>', ""]
        else:
            css = "article-text opinion" if block.opinion else "article-text"
            out += [f'<p class="{css}" lang="{lang}">{_spans(sentences, escaped)}</p>', ""]
    return out


def _furniture(doc: Document) -> list[str]:
    lines = [b for b in doc.blocks if b.kind == "furniture"]
    if not lines:
        return []
    noun = "line" if len(lines) == 1 else "lines"
    out = [f'??? furniture "Not part of the article: {len(lines)} {noun} of page furniture"', ""]
    out.append("    These lines came with the scraped page. They are never cited.")
    out.append("")
    for b in lines:
        out.append(f"    - *{b.reason}* (line {b.line}): {md_text(b.text)}")
    return [*out, ""]


def source_page(doc: Document) -> SourcePage:
    """The page of ``sources/<id>.md``, closed with its list of sources used (this one)."""
    before = page_head(plain_title(doc)) + _card(doc)
    after = [""]
    if doc.source.meta.url:
        after += [f"[Read the original ↗](<{safe_url(doc.source.meta.url)}>){{ .md-button }}", ""]
    after += ["## Article text", ""]
    if any(b.opinion for b in doc.blocks):
        after += ["*Paragraphs under a commentary or opinion heading are marked as opinion and not cited.*", ""]
    after += _article_html(doc)
    after += _furniture(doc)
    src = source_src_uri(doc.source.id)
    closed = sources_used("\n".join(after), src, {doc.source.id: doc}, [doc.source.id])
    return SourcePage("\n".join(before) + "\n", "\n" + closed)


def render_source_page(doc: Document, cited_on: list[tuple[str, str, int]]) -> str:
    """Markdown of ``sources/<id>.md``; ``cited_on`` lists (topic title, link, count)."""
    return source_page(doc).with_citations(cited_on)


def page_of(analysed: tuple[Document, DocumentFeatures]) -> SourcePage:
    """The per-source stage: a source's page but for its citations, made with its analysis."""
    return source_page(analysed[0])


STAGE = Stage("source page", page_of, ("build_scripts.pages.source",))


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
            page = GeneratedPage(src, part.with_citations(cited_on), False, f"sources/{doc.source.path.name}")
        kept[doc.source.id] = (doc, cited_on, page)
        pages.append(page)
    memo.clear()
    memo.update(kept)
    return Rendered(pages, closed=True)


KIND = PageKind("source", 61, no_nav, _render)
