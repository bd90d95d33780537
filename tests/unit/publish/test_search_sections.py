"""Material's search parser with the handlers of ``search_sections`` finds the sections Material's
own handlers find, its quirks included; the seed site's pages are compared in
tests/integration/test_search_index.py."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search

from build_scripts.publish import search_sections, search_tokens
from tests.unit.publish.test_search_tokens import PAGE, PIECES

ORIGINAL = getattr(material_search.Parser, "_original", material_search.Parser)


class _Counted(ORIGINAL):  # type: ignore[misc, valid-type]
    """Material's parser with this module's handlers, as ``install`` makes it."""

    def __init__(self) -> None:
        super().__init__()
        search_sections.start(self)
        self.handle_starttag = search_sections.handle_starttag.__get__(self)
        self.handle_endtag = search_sections.handle_endtag.__get__(self)
        self.handle_data = search_sections.handle_data.__get__(self)
        self.handle_flat = search_sections.handle_flat.__get__(self)


class _CountedTokens(_Counted):
    """The same, read by ``search_tokens`` as on a build."""

    def feed(self, data: str) -> None:
        search_tokens.feed(self, data, super().feed)


def _sections(parser_class: Any, html: str) -> list[tuple[Any, ...]] | str:
    parser = parser_class()
    try:
        parser.feed(html)
        parser.close()
    except ValueError as exc:  # Material's handlers fail on some HTML: so must these, alike
        return f"failed: {exc}"
    return [(s.id, s.title, s.text, s.depth, s.el.tag, sorted(getattr(s.el, "attrs", {}).items()), s.is_excluded())
            for s in parser.data]


def _same(html: str) -> bool:
    expected = _sections(ORIGINAL, html)
    return _sections(_Counted, html) == expected and _sections(_CountedTokens, html) == expected


def test_a_generated_page_gives_the_same_sections():
    assert _same(PAGE)
    assert len(_sections(_Counted, PAGE)) == 3


@pytest.mark.parametrize("html", [
    # Elements compare by tag: a skipped <div> skips the text of every other <div> while it is open ...
    "<div data-search-exclude><p>Hidden</p></div><div><p>Shown</p></div>",
    "<div><div data-search-exclude>Hidden</div><p>After the inner div</p></div><p>Top</p>",
    # ... and the first </div> takes the mark away, whichever <div> it closes
    "<div data-search-exclude><div>Inner</div><p>Still inside</p></div><p>Out</p>",
    "<section data-search-exclude><script>x</script><p>In</p></section><script>y</script><p>Out</p>",
    # a section's title collects text while any element of its heading's tag is open
    "<h2 id=\"a\">Title <code>x</code></h2><p>Text<h2>inner</h2> more</p>"
    "<h3 id=\"b\">B<a class=\"headerlink\">¶</a></h3>",
    "<div><h2 id=\"nested\">Nested</h2><p>In the div</p></div><p>After the div</p>",
    "<ul><li>  </li><li><code> </code>x</li></ul><pre>  a\n  b  </pre><p>\n</p>",
    "<p>Text</p><h4 id=\"first\">Not h1 first</h4><p>More</p>",
    "<div class=\"linenodiv\"><pre>1\n2</pre></div><pre><code>kept</code></pre>",
    "<sup>1</sup><sub></sub><p><br>Line<br/>break</p>",
    "<h2 id=\"a\"><p>para in heading</p></h2>",
    "</p>text before any tag<p>x</p>",
    "<hx>odd tag</hx><p>p</p>",
    "<object>a</object><object>b</object><p>c</p>",  # an <object>'s skip is never taken away
    # elements holding nothing but text, handed whole by search_tokens
    "<p>p</p><hx>odd tag</hx><p>q</p>",
    "<p>p</p><br>a void tag's text</br><p>q</p>",
    "<p>p</p><div class=\"&#108;inenodiv\">hidden by a reference</div><p>q</p>",
    "<h2 id=\"a\">A<a class=\"headerlink\" href=\"#a\">¶</a></h2><td>cell</td><span class=\"s\">x &amp; y</span>",
])
def test_quirks_are_kept(html: str):
    assert _same(html)


@settings(max_examples=600)
@given(st.lists(PIECES | st.sampled_from(["<div>", "<section data-search-exclude>", "</section>", "<object>",
                                           "</object>", "<h1 id=\"top\">", "<hx>", "</hx>", "<li>  </li>",
                                           "<em>", "</em>", "<span>", "<SPAN class=\"x\">", "</SPAN>",
                                           "<div class=\"&#108;inenodiv\">", "<td>text</td>", "<span></span>",
                                           "<a href=\"#x\">link &amp; more</a>"]),
                max_size=50))
def test_made_up_html_gives_the_same_sections(pieces: list[str]):
    assert _same("".join(pieces))


def test_install_is_done_once_and_keeps_the_original():
    search_tokens.install()
    search_sections.install()
    installed = material_search.Parser
    search_sections.install()
    assert material_search.Parser is installed and installed._original is ORIGINAL
    assert _sections(installed, PAGE) == _sections(ORIGINAL, PAGE)
