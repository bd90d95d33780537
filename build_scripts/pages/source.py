"""The page of one source: metadata card, anchored article text, folded furniture."""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from build_scripts.infra.stage import Stage
from build_scripts.model import Document, DocumentFeatures, GeneratedPage, Sentence
from build_scripts.pages.kind import PageKind, Rendered, SiteView, no_nav
from build_scripts.render.citation import date_text, plain_title
from build_scripts.render.escape import html_text
from build_scripts.render.links import relative, safe_url, source_src_uri
from build_scripts.render.sources_used import sources_used
from build_scripts.render.templates import render
from build_scripts.text.clean import strip_controls
from build_scripts.text.inline import Run, definitions, may_hold_markup
from build_scripts.text.lines import MarkedLine, marked_line

UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourcePage:
    """A source's page: its markdown, and the HTML of its card and of its article, which go into
    the page after Python-Markdown has run (see ``GeneratedPage.inserts``). The card's "Cited on"
    row is the only part that depends on other sources' analysis: the rest is made with the
    source's own analysis (in worker processes, kept in the cache) and the row put in when the
    topic pages are known, into the final page (``GeneratedPage.late``: ``cited_on_row``)."""

    markdown: str
    """The page's markdown, holding ``CARD_SLOT`` and ``ARTICLE_SLOT``."""
    card: str
    """The card's HTML, holding ``_SLOT`` where the "Cited on" row goes. Written as HTML: a
    markdown table of ten rows cost about 1 ms a page to convert, a tenth of a build (issue 20)."""
    article: str = ""
    """The article's HTML: Python-Markdown's handling of raw HTML grows faster than the page (a
    source of 300,000 sentences never finished)."""

    def inserts(self) -> tuple[tuple[str, str], ...]:
        """The card, holding ``CITED_ON_SLOT`` for its "Cited on" row, and the article."""
        return (CARD_SLOT, self.card.replace(_SLOT, CITED_ON_SLOT, 1)), (ARTICLE_SLOT, self.article)


def cited_on_row(cited_on: list[tuple[str, str, int]]) -> tuple[tuple[str, str], ...]:
    """The card's "Cited on" row, as ``GeneratedPage.late``; ``cited_on`` lists (topic title, link,
    count). An edit that moves a citation changes this row on many source pages and nothing else
    of them: put in after the theme, it leaves their search entries and theme output as they were."""
    links = ", ".join(f'<a href="{html_text(safe_url(link))}">{html_text(title)}</a> ({n:d})'
                      for title, link, n in cited_on) or "no topic page yet"
    # Links are to the topic pages' markdown files, which the MkDocs hook turns into their
    # addresses (``publish/events.py``). Written here, not by a template: one row per source page.
    return ((CITED_ON_SLOT, f"<tr>\n<td><strong>Cited on</strong></td>\n<td>{links}</td>\n</tr>\n"),)


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


_Segment = tuple[str, bool, bool, bool]
"""A stretch of a sentence: its text, strong, emphasised, a link's text."""
_Piece = tuple[str, "str | None", "tuple[_Segment, ...] | None", tuple[str, ...]]
"""A piece of a paragraph: its text, its sentence's anchor (None between sentences), its segments
(None when nothing in it is marked) and the addresses of the links that end in it."""


def _marked_pieces(text: str, sentences: list[Sentence], runs: tuple[Run, ...]) -> list[_Piece]:
    """``_pieces`` with the markup of the paragraph: each piece cut where its emphasis and links
    start and end, and after it the address of each link whose text ends in it."""
    out: list[_Piece] = []
    start = 0
    last_of_link = {run.link: run for run in runs if run.link}
    first = 0  # runs are in order and apart: those before ``first`` end before this piece
    for piece, anchor in _pieces(text, sentences):
        end = start + len(piece)
        while first < len(runs) and runs[first].end <= start:
            first += 1
        inside = []
        following = first
        while following < len(runs) and runs[following].start < end:
            inside.append(runs[following])
            following += 1
        if not inside:
            out.append((piece, anchor, None, ()))
        else:
            segments: list[_Segment] = []
            cursor = start
            for run in inside:
                a, b = max(run.start, start), min(run.end, end)
                if a > cursor:
                    segments.append((text[cursor:a], False, False, False))
                segments.append((text[a:b], run.strong, run.em, run.href is not None))
                cursor = b
            if cursor < end:
                segments.append((text[cursor:end], False, False, False))
            addresses = tuple(r.href for r in inside if r.href is not None and last_of_link[r.link] is r
                              and start < r.end <= end)
            out.append((piece, anchor, tuple(segments), addresses))
        start = end
    return out


def _markup(doc: Document) -> dict[int, MarkedLine]:
    """The markup of each text block whose line holds some, read again from the source's body
    (``Document`` keeps the plain text only): the emphasis, links and block quotes to show."""
    body = doc.source.body
    if not may_hold_markup(body) and ">" not in body:
        return {}
    raw = body.split("\n")
    refs = definitions(body)
    marked: dict[int, MarkedLine] = {}
    for i, block in enumerate(doc.blocks):
        offset = block.line - doc.source.body_first_line
        if block.kind != "text" or not 0 <= offset < len(raw):
            continue
        line = marked_line(raw[offset], refs)
        # A line read again gives the block's text; a document made otherwise (a test's) shows as text.
        if line is not None and line.text == block.text and (line.runs or line.quote):
            marked[i] = line
    return marked


def _article(doc: Document) -> str:
    """Headings and paragraphs, each sentence in a span its footnotes link to; emphasis, links
    (their text, then their address as text) and block quotes as the source marks them.

    Written here rather than by a template: a template wrote each of the article's many short
    pieces through Jinja's loop, test and ``finalize`` machinery, about 0.17 s more CPU over the
    1,000 sources of the benchmark (issue 20). Every text of the source goes through
    ``html_text``, as the templates' ``finalize`` would put it."""
    by_block = _by_block(doc)
    markup = _markup(doc)
    lang = html_text(doc.source.meta.language)
    out: list[str] = []
    for i, b in enumerate(doc.blocks):
        if b.kind == "heading":
            out.append(f'<h3 class="article-heading" lang="{lang}">{html_text(b.text)}</h3>\n\n')
        elif b.kind == "text":
            line = markup.get(i)
            sentences = by_block.get(i, [])
            pieces = (_marked_html(_marked_pieces(b.text, sentences, line.runs)) if line is not None and line.runs
                      else _plain_html(_pieces(b.text, sentences)))
            quote = line is not None and line.quote
            css = "article-text opinion" if b.opinion else "article-text"
            out.append(f'{_QUOTE_OPEN if quote else ""}<p class="{css}" lang="{lang}">{pieces}</p>\n'
                       f'{_QUOTE_CLOSE if quote else ""}\n')
    return "".join(out)


_QUOTE_OPEN = '<blockquote class="article-quote">\n'
_QUOTE_CLOSE = "</blockquote>\n"


def _plain_html(pieces: list[tuple[str, str | None]]) -> str:
    """A paragraph of ``_pieces``: each sentence in its span."""
    return "".join(f'<span class="sentence" id="{html_text(anchor)}">{html_text(text)}</span>' if anchor
                   else html_text(text) for text, anchor in pieces)


def _marked_html(pieces: list[_Piece]) -> str:
    """A paragraph of ``_marked_pieces``: each sentence in its span, its stretches of emphasis and
    link text marked, and after each link's text its address."""
    out: list[str] = []
    for text, anchor, segments, addresses in pieces:
        if anchor:
            out.append(f'<span class="sentence" id="{html_text(anchor)}">')
        if segments:
            for part, strong, em, link in segments:
                out += ('<span class="article-link">' if link else "", "<strong>" if strong else "",
                        "<em>" if em else "", html_text(part), "</em>" if em else "", "</strong>" if strong else "",
                        "</span>" if link else "")
        else:
            out.append(html_text(text))
        if anchor:
            out.append("</span>")
        out += [f' <span class="link-address">(link: {html_text(address)})</span>' for address in addresses]
    return "".join(out)


ARTICLE_SLOT = "<!--article-->\n\n"
"""Where a source page's article goes: an HTML comment no escaped source text can hold."""
CARD_SLOT = "<!--card-->\n\n"
"""Where a source page's card goes."""
FURNITURE_SHOWN = 500
"""Lines of page furniture listed on a source page; the rest are counted."""
_SLOT = "\0cited-on\0"
"""Where the "Cited on" row goes in ``SourcePage.card``: no source text can hold it (control
characters are stripped)."""
CITED_ON_SLOT = "<!--cited-on-->"
"""Where the "Cited on" row goes in the page's final HTML: a comment, which search leaves out,
and which nothing before the card on a source page can hold (its text is escaped)."""


def _folded(text: str) -> str:
    """A value shown in one table cell: control characters dropped and whitespace folded, as a
    markdown table cell had it (values put in as ``Markup`` are not cleaned by the template)."""
    return " ".join(strip_controls(text).split())


def _card(doc: Document) -> str:
    """The card's HTML, "About this source", with ``_SLOT`` for its "Cited on" row."""
    meta = doc.source.meta
    original: str | Markup = "no address recorded"
    if meta.url:
        original = Markup('<a href="{}">{}</a>').format(safe_url(meta.url), _folded(meta.url))
    rows: list[tuple[str, str | Markup, bool]] = [
        ("Title", _folded(meta.title) if meta.title else "unknown (no title recorded)", True),
        ("Author", _folded(meta.author or "unknown"), True),
        ("Publisher", _folded(meta.publisher or "publisher unknown"), True),
        ("Date", date_text(doc), True),
        ("Original", original, True),
        ("Retrieved", meta.retrieved.display() if meta.retrieved else "unknown", True),
        ("Language", _folded(meta.language), True),
        ("Source file", Markup("<code>{}</code>").format(_folded(f"sources/{doc.source.path.name}")), True),
    ]
    if meta.notes:
        rows.append(("Notes", _folded(meta.notes), True))
    rows += [(f"{_folded(name)} (not read by the generator)", _folded(value), False) for name, value in meta.extra]
    return render("source-card.html.j2", rows=rows, cited_on_slot=Markup(_SLOT)) + "\n"  # a blank line ends it


def source_page(doc: Document) -> SourcePage:
    """The page of ``sources/<id>.md``, closed with its list of sources used (this one)."""
    meta = doc.source.meta
    furniture = [b for b in doc.blocks if b.kind == "furniture"]
    page = render("source.md.j2", title=plain_title(doc), intro=[], meta=meta, card_slot=Markup(CARD_SLOT),
                  article_slot=Markup(ARTICLE_SLOT), opinion=any(b.opinion for b in doc.blocks),
                  furniture=furniture[:FURNITURE_SHOWN], furniture_count=len(furniture))
    closed = sources_used(page, source_src_uri(doc.source.id), {doc.source.id: doc}, [doc.source.id])
    return SourcePage(closed, _card(doc), _article(doc))


def render_source_page(doc: Document, cited_on: list[tuple[str, str, int]]) -> str:
    """Markdown of ``sources/<id>.md``, its card and article in place; ``cited_on`` lists (topic title, link, count)."""
    page = source_page(doc)
    markdown = page.markdown
    for slot, html in (*page.inserts(), *cited_on_row(cited_on)):
        markdown = markdown.replace(slot, html, 1)
    return markdown


def page_of(analysed: tuple[Document, DocumentFeatures]) -> SourcePage:
    """The per-source stage: a source's page but for its citations, made with its analysis."""
    return source_page(analysed[0])


def _is_page(value: object) -> bool:
    return isinstance(value, SourcePage)


STAGE = Stage("source page", page_of, ("build_scripts.pages.source",),
              ("templates/source.md.j2", "templates/page-head.md.j2",
               "templates/source-card.html.j2"),
              types=(SourcePage,), valid=_is_page)


def _render(view: SiteView) -> Rendered:
    """Each source's page, closed. A page depends only on its document and on the topic pages
    that cite it, so under ``mkdocs serve`` an edit re-writes the pages whose source changed
    (the cache hands back the very same document object for an unchanged source) or whose
    citations moved (then with the same inserts, only the "Cited on" row new). The memo is left
    holding this build's pages only."""
    memo: dict[str, tuple[Document, list[tuple[str, str, int]], GeneratedPage]]
    memo = view.memo.setdefault("source pages", {})
    made: dict[str, SourcePage] = view.made.get(STAGE.name, {})
    pages, kept = [], {}
    for doc in view.analysis.documents:
        src = source_src_uri(doc.source.id)
        cited_on = [(view.topics[uri].title, relative(src, uri), n)
                    for uri, n in sorted(view.cited_on[doc.source.id].items())]
        before = memo.get(doc.source.id)
        if before is not None and before[0] is doc:
            page = before[2] if before[1] == cited_on else replace(before[2], late=cited_on_row(cited_on))
        else:
            part = made.get(doc.source.id) or source_page(doc)
            page = GeneratedPage(src, part.markdown, False, f"sources/{doc.source.path.name}", part.inserts(),
                                 cited_on_row(cited_on))
        kept[doc.source.id] = (doc, cited_on, page)
        pages.append(page)
    memo.clear()
    memo.update(kept)
    return Rendered(pages, closed=True)


KIND = PageKind("source", 61, no_nav, _render)
