"""A source's page: any text in gives a valid, escaped page out, with every sentence recoverable;
each paragraph's sentences in their anchored spans."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.model import Block, Document, Sentence, Source, SourceMeta
from build_scripts.pages.source import _escape_all, _pieces, _spans, render_source_page
from build_scripts.render.citation import footnote
from build_scripts.render.escape import html_text
from build_scripts.text.document import build_document
from tests.unit.markup_text import LINE
from tests.unit.markup_text import html_of as _html


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


def test_escape_all_keeps_pieces_apart_even_with_newlines():
    pieces = ["a & b", "", "<i>\n</i>", "\x00\"'"]
    assert _escape_all(pieces) == [html_text(p) for p in pieces]
    assert _escape_all(pieces[:2]) == [html_text(p) for p in pieces[:2]]


def _paragraph(text: str, sentences: list[Sentence]) -> str:
    return _spans(sentences, iter(_escape_all(_pieces(text, sentences))))


def test_paragraph_spans_each_sentence():
    text = "One <b>. Two & three.  Four."
    ones = [Sentence("s", "s-1", "One <b>.", 0, 0), Sentence("s", "s-2", "Two & three.", 0, 9),
            Sentence("s", "s-3", "Four.", 0, 23)]
    assert _paragraph(text, ones) == (
        '<span class="sentence" id="s-1">One &lt;b&gt;.</span> '
        '<span class="sentence" id="s-2">Two &amp; three.</span>  '
        '<span class="sentence" id="s-3">Four.</span>')
    assert _paragraph("Just text.", []) == "Just text."


def test_source_page_escapes_each_paragraph():
    text = "A <x>. B\nC."
    blocks = (Block("heading", "H & h", 1), Block("furniture", "Menu", 2), Block("text", text, 3),
              Block("text", "No sentence & more.", 4, opinion=True))
    doc = Document(Source("s", Path("s.md"), SourceMeta(title="T"), text, 1), blocks,
                   (Sentence("s", "s-1", "A <x>.", 2, 0), Sentence("s", "s-2", "B\nC.", 2, 7)))
    page = render_source_page(doc, [])
    assert ('<h3 class="article-heading" lang="en">H &amp; h</h3>\n\n'
            '<p class="article-text" lang="en"><span class="sentence" id="s-1">A &lt;x&gt;.</span> '
            '<span class="sentence" id="s-2">B\nC.</span></p>\n\n'
            '<p class="article-text opinion" lang="en">No sentence &amp; more.</p>') in page
