"""Untrusted text renders as the text it is, in markdown and in HTML."""

from __future__ import annotations

from html import unescape

import markdown
import pytest
from hypothesis import given

from build_scripts.render.escape import html_text, md_text
from build_scripts.render.links import original_link, text_fragment
from build_scripts.text.clean import strip_controls
from tests.unit.markup_text import TEXT
from tests.unit.markup_text import html_of as _html

HOSTILE = [
    "<script>alert(1)</script> and <img src=x onerror=alert(2)>",
    "A [link](javascript:alert(1)) and ![img](data:text/html,x) here.",
    "A footnote marker[^1] and *emphasis* and __strong__ and `code`.",
    "# Not a heading {: #id .cls } and {#other}",
    "1. not a list item",
    "- not a bullet",
    "!!! note \"not an admonition\"",
    "Tom & Jerry &amp; friends | a | table |",
    "<!-- a comment --> text",
    "Back\\slash \\* and \\[",
]


def _render(md: str) -> str:
    return markdown.markdown(md, extensions=["footnotes", "attr_list", "admonition", "tables", "md_in_html"])


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_renders_the_exact_text(text):
    html = _render(f"- {md_text(text)}")
    inner = html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    assert "<" not in inner  # no element, comment or tag came through
    assert unescape(inner) == " ".join(text.split())


def test_html_escape_neutralises_markup():
    assert html_text('<b onclick="x">') == "&lt;b onclick=&quot;x&quot;&gt;"


def test_text_fragment_encodes_reserved_characters():
    assert text_fragment("Well-known, & short.") == ":~:text=Well%2Dknown%2C%20%26%20short."
    long = "one two three four five six seven eight nine ten eleven twelve"
    assert text_fragment(long) == ":~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve"


def test_original_link_replaces_an_existing_fragment_and_encodes_brackets():
    link = original_link("https://example.org/a b(c)#old", "Short sentence.")
    assert link == "https://example.org/a%20b%28c%29#:~:text=Short%20sentence."


@given(TEXT)
def test_inline_escape_round_trips_any_text(text):
    soup = _html(f"- {md_text(text)}")
    assert not soup.select("script, img, a, em, strong, code, h1, h2, sup, table")
    assert soup.get_text().strip() == " ".join(strip_controls(text).split())


def test_python_markdown_s_footnote_marker_in_a_source_renders_as_text():
    """Issue 18, case 11: the marker in a sentence replaced the statement with the footnote block."""
    import markdown

    from build_scripts.render.escape import md_text

    text = "Readers wrote ///Footnotes Go Here/// in the comments."
    page = f"- {md_text(text)}[^a]\n\n[^a]: A note.\n"
    html = markdown.markdown(page, extensions=["footnotes"])
    assert "Readers wrote ///Footnotes Go Here/// in the comments." in html.replace("&#47;", "/")
    assert html.count('class="footnote"') == 1
