"""Material's search parser handed tags and text by ``search_tokens`` finds the same sections as when
its own ``html.parser`` tokenizer reads the page; the seed site's pages are compared in
tests/integration/test_search_index.py."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search

from build_scripts.publish import search_tokens

ORIGINAL = getattr(material_search.Parser, "_original", material_search.Parser)


class _Fast(ORIGINAL):  # type: ignore[misc, valid-type]
    """The parser as ``install`` makes it, with a count of the pages it read itself."""

    read = 0

    def feed(self, data: str) -> None:
        def fallback(html: str) -> None:
            _Fast.read -= 1
            ORIGINAL.feed(self, html)
        _Fast.read += 1
        search_tokens.feed(self, data, fallback)


def _sections(parser_class: Any, html: str) -> list[tuple[Any, ...]]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.id, s.title, s.text, s.depth, s.el.tag, sorted(getattr(s.el, "attrs", {}).items()), s.is_excluded())
            for s in parser.data]


def _same(html: str) -> bool:
    return _sections(_Fast, html) == _sections(ORIGINAL, html)


PAGE = """<h1 id="report-4">Report 4<a class="headerlink" href="#report-4" title="Permanent link">&para;</a></h1>
<table tabindex="0">
<tr><td><strong>Title</strong></td><td>Fish &amp; chips &#8220;quoted&#x201d; &notanentity</td></tr>
</table>
<!--cited-on-->
<p class="article-text" lang="en"><span class="sentence" id="s-9d7ae9cdf9">First.</span> <span class="sentence"
id="s-2">Second,
on two lines.</span></p>
<h2 id="more">More <code>code</code></h2>
<ul><li>One<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></li><li>Two<br/>three<br>four</li></ul>
<pre><code>  kept   as
 written</code></pre>
<div data-search-exclude><h3 id="hidden">Hidden</h3><p>Not indexed.</p></div>
<div class="linenodiv">12</div>
<details class="cite" data-search-exclude><summary>Cite</summary><p>APA &amp; MLA</p></details>
<img src="x.png" alt="A &quot;map&quot;" /><p title="">Empty title</p><P CLASS="Upper">Upper case</P>
"""


def test_a_generated_page_is_read_without_html_parser_and_gives_the_same_sections():
    _Fast.read = 0
    assert _same(PAGE)
    assert _Fast.read == 1  # read here, not handed back to html.parser


@pytest.mark.parametrize("html", [
    "<script>if (a < b) { x = '<p>' }</script><p>After</p>",
    "<style>p > a { color: red }</style><h2 id=x>Styled</h2>",
    "<title>A <b> title</title><p>Text</p>",
    "<!DOCTYPE html><p>Text</p>",
    "<p>a < b and 3<4</p>",
    "<p class='single'>Single quotes</p>",
    "<p class=bare id=x>Bare values</p><h2 id=bare>Heading</h2>",
    "<p class = \"spaced\">Spaced</p>",
    "<p\u00a0class=\"x\">Odd space</p>",
    "<p>Text</p\u00a0>",
    "<!-- a <b>tag</b> in a comment --><p>After</p>",
    "<!-- a -- b --><p>After</p>",
    "<p>Unclosed &amp",
    "<h2 id=\"a\" data-search-exclude>Excluded heading</h2><p>Text</p>",
    "<p title=\"a > b\">Greater than in a value</p>",
])
def test_html_it_does_not_read_is_parsed_as_before(html: str):
    assert _same(html)


PIECES = st.sampled_from([
    "<p>", "</p>", "<h1 id=\"t\">", "</h1>", "<h2 id=\"a\">", "</h2>", "<h3 id=\"b-c\">", "</h3>", "<h2>",
    "<H2 ID=\"U\">", "</H2>", "<span class=\"sentence\" id=\"s-1\">", "</span>", "<code>", "</code>", "<pre>",
    "</pre>", "<li>", "</li>",
    "<ul>", "</ul>", "<sup>", "</sup>", "<a class=\"headerlink\" href=\"#a\">", "</a>", "<div data-search-exclude>",
    "<div data-search-exclude=\"\">", "</div>", "<div class=\"linenodiv\">", "<br>", "<br />", "<hr/>",
    "<img src=\"a\"/>",
    "<!---->", "<!--note-1-->", "<!-- a -- b -->", "<script>", "</script>", "<style>", "<", ">", "&amp;", "&para;",
    "&#8220;", "&#x201d;", "&nbsp", "&", "text", "Two words", " ", "\n", "  \n ", "\t", "\u00a0", "<p class='q'>",
    "<p title=\"&quot;x&quot;\">", "<td>", "</td>", "<!DOCTYPE html>", "<?php ?>", "<![CDATA[x]]>", "</ p>",
])


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40))
def test_made_up_html_gives_the_same_sections(pieces: list[str]):
    assert _same("".join(pieces))
