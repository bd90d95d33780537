"""A source's page: any text in gives a valid, escaped page out, with every sentence recoverable; each
paragraph's sentences in their anchored spans; the pages made by the per-source chain are the pages made
when writing."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.model import Block, Document, Sentence, Source, SourceMeta
from build_scripts.pages import source as source_module
from build_scripts.pages.registry import render_site
from build_scripts.pages.source import STAGE as SOURCE_PAGE
from build_scripts.pages.source import _article, _pieces, render_source_page
from build_scripts.pipeline import load_inputs
from build_scripts.pipeline.across import analyse_across
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
        label = f"[^{sentence.source_id}-{sentence.anchor}]"
        note = _html(f"x[^a]\n\n{footnote('topics/t.md', doc, sentence).replace(label, '[^a]', 1)}")
        shown = " ".join(sentence.text.split())
        # In quotation marks, or in italics when the sentence has quotation marks of its own.
        assert f"“{shown}”" in note.get_text() or any(" ".join(em.get_text().split()) == shown
                                                       for em in note.find_all("em")), note


def _paragraph(text: str, sentences: list[Sentence], lang: str = "en") -> str:
    """The article HTML of a source whose only block is the paragraph ``text``."""
    doc = Document(Source("s", Path("s.md"), SourceMeta(language=lang), text, 1), (Block("text", text, 1),),
                   tuple(sentences))
    return str(_article(doc))


def _plain_paragraph(text: str, sentences: list[Sentence], lang: str = "en") -> str:
    """The paragraph as first written: each piece escaped alone, each sentence in its anchored span."""
    inner = "".join(html_text(piece) if anchor is None
                    else f'<span class="sentence" id="{anchor}">{html_text(piece)}</span>'
                    for piece, anchor in _pieces(text, sentences))
    return f'<p class="article-text" lang="{html_text(lang)}">{inner}</p>'


def test_paragraph_spans_each_sentence():
    text = "One <b>. Two & three.  Four."
    ones = [Sentence("s", "s-1", "One <b>.", 0, 0), Sentence("s", "s-2", "Two & three.", 0, 9),
            Sentence("s", "s-3", "Four.", 0, 23)]
    assert _paragraph(text, ones).strip() == (
        '<p class="article-text" lang="en">'
        '<span class="sentence" id="s-1">One &lt;b&gt;.</span> '
        '<span class="sentence" id="s-2">Two &amp; three.</span>  '
        '<span class="sentence" id="s-3">Four.</span></p>')
    assert _paragraph("Just text.", []).strip() == '<p class="article-text" lang="en">Just text.</p>'


@given(st.lists(st.sampled_from(["a & b", "", "<i>\n</i>", "\x00\"'", "One.", "Two <b>.", " ", "\n", "é字"]),
                min_size=1, max_size=9), st.sampled_from(["en", "uk", 'x"><script>']))
def test_paragraph_pieces_are_escaped_each_alone_even_with_newlines(pieces, lang):
    """What is written is the plain escape of each piece: text between sentences, newlines and
    all, stays apart from the sentences around it."""
    text, sentences = "", []
    for i, piece in enumerate(pieces):
        if i % 2 and piece.strip():
            sentences.append(Sentence("s", f"s-{i}", piece, 0, len(text)))
        text += piece
    assert _paragraph(text, sentences, lang).strip() == _plain_paragraph(text, sentences, lang)


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


def test_source_pages_made_with_the_analysis_are_the_pages_made_when_writing(seed_project, monkeypatch):
    """A source's page comes from the per-source chain (worker processes, the cache) but for its
    citations; without it the page is made on the spot, the same."""
    inputs, problems = load_inputs(seed_project)
    assert problems == []
    made_pages = inputs.made[SOURCE_PAGE.name]
    assert sorted(made_pages) == [d.source.id for d in inputs.documents] and len(made_pages) == 5
    analysis = analyse_across(inputs, None)
    on_the_spot = {p.src_uri: p.markdown_with_inserts() for p in render_site(analysis, seed_project.docs_dir).pages}

    def not_again(doc):
        raise AssertionError(f"the page of {doc.source.id} was made again")

    monkeypatch.setattr(source_module, "source_page", not_again)
    made = {p.src_uri: p.markdown_with_inserts()
            for p in render_site(analysis, seed_project.docs_dir, made=inputs.made).pages}
    assert made == on_the_spot
    row = "<td><strong>Cited on</strong></td>\n<td><a href="
    cited = [md for uri, md in made.items() if uri.startswith("sources/0") and row in md]
    assert cited and all(md.endswith("\n") and "## Sources used on this page" in md for md in cited)


def test_cited_on_row_escapes_titles_and_addresses():
    from build_scripts.pages.source import cited_on_row

    hostile = 'Fire <img src=x onerror="a()"> & co'
    [(_, row)] = cited_on_row([(hostile, 'topics/x"><b>&.md', 12), ("Plain", "topics/p.md", 1)])
    assert 'href="topics/x%22%3E%3Cb%3E&amp;.md"' in row  # the address escaped as an attribute
    soup = _html(row)
    assert not soup.select("img, b")
    assert [(a["href"], a.get_text()) for a in soup.select("a")] == [
        ("topics/x%22%3E%3Cb%3E&.md", hostile), ("topics/p.md", "Plain")]
    assert soup.get_text().strip().endswith("(12), Plain (1)")
    assert "no topic page yet" in cited_on_row([])[0][1]
