"""The sources table written as HTML is the table Python-Markdown makes of its markdown."""

from __future__ import annotations

from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.model import Document, Source, SourceMeta
from build_scripts.pages import sources_index
from build_scripts.pages.sources_index import TABLE_SLOT, _cells, _table

ODD = st.sampled_from(["|", "\\|", "\\", "*", "**", "_", "`", "[", "]", "(", ")", "<b>", "&", "&amp;", "&#47;",
                       "#", "!", "{: .x }", "1.", "- ", "“", "é", " ", "<!--x-->", "https://a.b/c"])
TEXT = st.lists(ODD | st.text(alphabet="abc XYZ.,'-", max_size=6), min_size=1, max_size=8).map("".join)


def _doc(sid: str, title: str | None, publisher: str | None) -> Document:
    return Document(Source(sid, Path(f"{sid}.md"), SourceMeta(title=title, publisher=publisher), "Body.", 1), (), ())


def _python_markdown(table: str) -> str:
    return markdown.markdown(table, extensions=["tables", "toc", "attr_list"])


@settings(max_examples=300)
@given(st.lists(st.tuples(st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT)), min_size=1, max_size=5))
def test_the_html_is_python_markdowns_table(rows):
    docs = [_doc(f"s{i}", title, publisher) for i, (title, publisher) in enumerate(rows)]
    cells = [_cells(doc, "sources/index.md") for doc in docs]
    markdown_table = sources_index._HEAD + "".join(f"| {t} | {p} | {d} | <!--statements-{i}--> |\n"
                                                   for i, (t, p, d) in enumerate(cells))
    placed, inserts = _table(cells)
    if inserts:
        assert placed == TABLE_SLOT + "\n"
        [(slot, html)] = inserts
        assert slot == TABLE_SLOT and html == _python_markdown(markdown_table)
    else:  # left to Python-Markdown
        assert placed == markdown_table


def test_a_table_of_plain_text_and_escapes_is_written_as_html():
    docs = [_doc("a", "A | b [c] *d* & e", None), _doc("b", None, " "), _doc("c", "1. Title", "#1 Post")]
    placed, inserts = _table([_cells(doc, "sources/index.md") for doc in docs])
    assert placed == TABLE_SLOT + "\n" and len(inserts) == 1


def test_a_backtick_leaves_the_table_to_python_markdown():
    cells = [_cells(_doc("a", "Plain title", "Post"), "sources/index.md"),
             _cells(_doc("b", "A `code` title", "Post"), "sources/index.md")]
    placed, inserts = _table(cells)
    assert inserts == () and placed.startswith("| Title |") and "\\`code\\`" in placed


def test_hostile_titles_are_text():
    [(_, html)] = _table([_cells(_doc("a", '<script>alert(1)</script> & "q"', "<img src=x>"), "sources/index.md")])[1]
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
