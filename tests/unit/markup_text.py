"""Hypothesis strategies of text that looks like markup, and the markdown the site renders it with:
shared by the property tests of the escapes, the loader and the source pages."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import strategies as st

EXTENSIONS = ["admonition", "attr_list", "footnotes", "pymdownx.details", "tables", "toc", "md_in_html"]
# Text that looks like markup is the interesting case: mix it into the alphabet.
MARKUP = st.sampled_from(["<script>", "</p>", "<img src=x onerror=alert(1)>", "[a](javascript:x)", "![i](data:x)",
                          "[^1]", "*", "_", "`", "#", "{: #x}", "!!! note", "|", "&amp;", "&", "\\", "-", "1.",
                          "“", "”", "<!--", "-->", "]]>", "\u2028", "\x0b"])
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), MARKUP), max_size=30).map("".join)
LINE = TEXT.map(lambda s: " ".join(s.split()))


def html_of(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")
