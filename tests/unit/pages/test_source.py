"""Property-based tests: any text in gives a valid, escaped page out, with every sentence recoverable."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.errors import InputProblem
from build_scripts.load.sources import load_sources
from build_scripts.model import Source, SourceMeta
from build_scripts.pages.source import render_source_page
from build_scripts.render.citation import footnote
from build_scripts.render.escape import md_text
from build_scripts.text.clean import strip_controls
from build_scripts.text.document import build_document

EXTENSIONS = ["admonition", "attr_list", "footnotes", "pymdownx.details", "tables", "toc", "md_in_html"]
# Text that looks like markup is the interesting case: mix it into the alphabet.
MARKUP = st.sampled_from(["<script>", "</p>", "<img src=x onerror=alert(1)>", "[a](javascript:x)", "![i](data:x)",
                          "[^1]", "*", "_", "`", "#", "{: #x}", "!!! note", "|", "&amp;", "&", "\\", "-", "1.", "“", "”",
                          "<!--", "-->", "]]>", "\u2028", "\x0b"])
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), MARKUP), max_size=30).map("".join)
LINE = TEXT.map(lambda s: " ".join(s.split()))


def _html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@given(TEXT)
def test_inline_escape_round_trips_any_text(text):
    soup = _html(f"- {md_text(text)}")
    assert not soup.select("script, img, a, em, strong, code, h1, h2, sup, table")
    assert soup.get_text().strip() == " ".join(strip_controls(text).split())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=8), st.one_of(st.none(), LINE))
def test_source_page_of_any_text_shows_every_sentence(lines, title):
    body = "\n".join(lines)
    meta = SourceMeta(title=title or None, publisher=title or None)
    doc = build_document(Source("prop", Path("prop.md"), meta, body, 1))
    page = render_source_page(doc, [])
    frontmatter, body = re.match(r"^---\n(.*?\n)---\n(.*)$", page, re.S).groups()
    assert yaml.safe_load(frontmatter)["title"]
    assert "<" not in yaml.safe_load(frontmatter)["title"]  # themes print it as HTML
    soup = _html(body)
    assert not soup.select("script, img, a[href^=javascript], a[href^=data]")
    for sentence in doc.sentences:
        span = soup.find(id=sentence.anchor)
        assert span is not None
        assert span.get_text() == sentence.text
        note = _html(f"x[^a]\n\n{footnote('topics/t.md', doc, sentence).replace(f'[^{sentence.source_id}-{sentence.anchor}]', '[^a]', 1)}")
        assert f"“{' '.join(sentence.text.split())}”" in note.get_text()


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=300) | TEXT.map(lambda s: s.encode("utf-8")))
def test_loader_never_crashes_on_any_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("src")
    (folder / "any.md").write_bytes(data)
    sources, problems = load_sources(folder)
    assert len(sources) + len(problems) == 1
    assert all(isinstance(p, InputProblem) and p.message for p in problems)
