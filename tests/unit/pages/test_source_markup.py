"""Markdown in a source on its page: emphasis, block quotes, and links as their text followed by their
address, all as text; hostile markup inert; the sentences and anchors those of the plain words."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from build_scripts.model import Source, SourceMeta
from build_scripts.pages.source import render_source_page, source_page
from build_scripts.text.anchors import anchor_for
from build_scripts.text.document import build_document

BODY = """The **East Shield** plan was announced on Monday, officials said.
> A weapon that cannot tell a soldier from a child has no place in a *defence* plan.
As [our earlier report](https://example.org/report "Report") showed, the plan is costly. It costs **a lot**.
The minister said it was **<img src=x onerror=alert(1)>** and [more](javascript:alert(1)) than planned.
The council met on Tuesday <script>alert(2)</script> to discuss the budget for the year.
"""


def _page(body: str = BODY) -> tuple[BeautifulSoup, object]:
    doc = build_document(Source("s", Path("s.md"), SourceMeta(), body, 1))
    page = source_page(doc)
    assert page.article in render_source_page(doc, [])
    return BeautifulSoup(page.article, "html.parser"), doc


def test_emphasis_quote_and_link_render_as_the_article_meant():
    soup, doc = _page()
    assert [s.get_text() for s in soup.select("p.article-text strong")] == [
        "East Shield", "a lot", "<img src=x onerror=alert(1)>"]
    assert [e.get_text() for e in soup.select("p.article-text em")] == ["defence"]
    quote = soup.select("blockquote.article-quote p.article-text")
    assert [q.get_text() for q in quote] == [
        "A weapon that cannot tell a soldier from a child has no place in a defence plan."]
    links = soup.select("span.article-link")
    assert [a.get_text() for a in links] == ["our earlier report", "more"]
    assert [a.get_text() for a in soup.select("span.link-address")] == [
        "(link: https://example.org/report)", "(link: javascript:alert(1))"]
    # The address follows the sentence holding the link, outside its span: the span is the sentence.
    for sentence in doc.sentences:
        assert soup.find(id=sentence.anchor).get_text() == sentence.text
    assert "**" not in soup.get_text() and "](" not in soup.get_text() and "> A weapon" not in soup.get_text()


def test_hostile_markup_is_inert_text():
    soup, _ = _page()
    assert not soup.select("a, script, img, [onerror]")
    assert "<script>alert(2)</script>" in soup.get_text()


def test_sentences_without_markup_keep_their_anchors():
    _, doc = _page()
    plain = "The council met on Tuesday <script>alert(2)</script> to discuss the budget for the year."
    assert [s.anchor for s in doc.sentences if s.text == plain] == [anchor_for(plain)]
    # …and those with markup are anchored by their words, as a copy without markup would be.
    bare, _ = _page(BODY.replace("**East Shield**", "East Shield"))
    soup, _ = _page()
    first = "The East Shield plan was announced on Monday, officials said."
    assert soup.find(id=anchor_for(first)) is not None and bare.find(id=anchor_for(first)) is not None


def test_a_page_without_markup_is_written_as_before():
    soup, doc = _page("One sentence here. Another one.\nA second paragraph.\n")
    assert str(soup).count("<span") == 3 and not soup.select("strong, em, blockquote, .article-link")


MARKED = (
    '<p class="article-text" lang="en"><span class="sentence" id="s-3793603c1d">The <strong>East '
    'Shield</strong> plan was announced on Monday, officials said.</span></p>\n'
    '\n'
    '<blockquote class="article-quote">\n'
    '<p class="article-text" lang="en"><span class="sentence" id="s-fae3d7f273">A weapon that cannot '
    'tell a soldier from a child has no place in a <em>defence</em> plan.</span></p>\n'
    '</blockquote>\n'
    '\n'
    '<p class="article-text" lang="en"><span class="sentence" id="s-0242b9dc48">As <span '
    'class="article-link">our earlier report</span> showed, the plan is costly.</span> <span '
    'class="link-address">(link: https://example.org/report)</span> <span class="sentence" '
    'id="s-7d2be84ab4">It costs <strong>a lot</strong>.</span></p>\n'
    '\n'
    '<p class="article-text" lang="en"><span class="sentence" id="s-f52a0aebb2">The minister said it was '
    '<strong>&lt;img src=x onerror=alert(1)&gt;</strong> and <span class="article-link">more</span> than '
    'planned.</span> <span class="link-address">(link: javascript:alert(1))</span></p>\n'
    '\n'
    '<p class="article-text" lang="en"><span class="sentence" id="s-334fa7b17e">The council met on '
    'Tuesday &lt;script&gt;alert(2)&lt;/script&gt; to discuss the budget for the year.</span></p>\n'
    '\n'
)
"""The article of ``BODY``, byte for byte, as the template that wrote it until December 2026 made it."""


def test_the_article_is_written_byte_for_byte():
    doc = build_document(Source("s", Path("s.md"), SourceMeta(), BODY, 1))
    assert source_page(doc).article == "".join(MARKED)
