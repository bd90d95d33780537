"""What the generator puts into a page after Python-Markdown (a source's card and article, the
"Cite this page" box): its links to markdown files become addresses as MkDocs makes them."""

from __future__ import annotations

import logging
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.publish import events


def _config(directory_urls: bool) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": ".", "use_directory_urls": directory_urls})
    return config


def _site(directory_urls: bool) -> tuple[Page, Files]:
    config = _config(directory_urls)
    files = Files([File(uri, src_dir=None, dest_dir="site", use_directory_urls=directory_urls)
                   for uri in ("sources/a.md", "topics/the treaty.md", "index.md")])
    page = Page("A", files.get_file_from_path("sources/a.md"), config)
    return page, files


def test_links_to_markdown_files_become_the_pages_addresses():
    insert = ('<a href="../topics/the%20treaty.md">The treaty</a> <a href="../index.md#top">Home</a> '
              '<a href="https://example.org/x.md">elsewhere</a>')
    page, files = _site(True)
    links: dict[str, dict[str, str]] = {}
    assert events._resolve_links(insert, page, files, links) == (
        '<a href="../../topics/the%20treaty/">The treaty</a> <a href="../../#top">Home</a> '
        '<a href="https://example.org/x.md">elsewhere</a>', True)
    assert links == {"index.md": {"top": "../index.md#top"}}  # for MkDocs to check the anchor is there
    page, files = _site(False)
    assert events._resolve_links(insert, page, files, {})[0].startswith('<a href="../topics/the%20treaty.html">')


def test_a_link_to_no_page_is_a_warning_naming_the_page(caplog):
    page, files = _site(True)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        out = events._resolve_links('<a href="../topics/gone.md#x">Gone</a>', page, files, {})
    assert out == ('<a href="../topics/gone.md#x">Gone</a>', False)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["sources/a.md: a generated link to '../topics/gone.md' finds no page"]


def test_mkdocs_checks_the_anchors_the_footnotes_link_to(caplog, monkeypatch):
    """The footnotes are put in after conversion (``publish.footnotes``): their links to a
    sentence are handed to MkDocs' own check of anchors, which warns (and stops a strict build)."""
    page, files = _site(True)
    page.links_to_anchors = {}
    target = files.get_file_from_path("index.md")
    target.page = Page("Home", target, _config(True))
    target.page.present_anchor_ids = {"s-1"}
    block = ('<div class="footnote">\n<hr />\n<ol>\n<li id="fn:a-s-1">\n<p><a href="../index.md#s-1">here</a> '
             '<a href="../index.md#s-2">gone</a>&#160;</p>\n</li>\n</ol>\n</div>')
    monkeypatch.setattr(events._notes, "_blocks", {"sources/a.md": block})
    html = events.on_page_content("<p>Text</p>\n<!--footnotes-->\n\n<h2>End</h2>", page, _config(True), files)
    assert '<a href="../../#s-2">gone</a>' in html and "<!--footnotes-->" not in html
    assert page.links_to_anchors == {target: {"s-1": "../index.md#s-1", "s-2": "../index.md#s-2"}}
    with caplog.at_level(logging.WARNING):
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    assert [r.getMessage() for r in caplog.records] == [
        "Doc file 'sources/a.md' contains a link '../index.md#s-2', but the doc 'index.md' does not contain an "
        "anchor '#s-2'."]


def test_footnotes_whose_place_is_lost_are_a_warning(caplog, monkeypatch):
    page, files = _site(True)
    monkeypatch.setattr(events._notes, "_blocks", {"sources/a.md": '<div class="footnote"></div>'})
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        events.on_page_content("<p>Text</p>", page, _config(True), files)
    assert [r.getMessage() for r in caplog.records] == [
        "sources/a.md: the place of the footnotes was not found after conversion; they are missing from the page"]


def test_late_inserts_go_into_the_final_page_with_their_links_made_addresses(caplog, monkeypatch):
    """``GeneratedPage.late`` (a source's "Cited on" row) is put in after the theme, in place of
    its comment; a lost place is a warning naming the page."""
    page, files = _site(True)
    monkeypatch.setattr(events, "_files", files)
    row = '<a href="../topics/the%20treaty.md">T</a> (2)'
    monkeypatch.setattr(events, "_late", {"sources/a.md": (("<!--row-->", row),)})
    out = events.on_post_page("<table><!--row--></table><p><!--row--></p>", page, _config(True))
    assert out == '<table><a href="../../topics/the%20treaty/">T</a> (2)</table><p><!--row--></p>'
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        assert events.on_post_page("<p>No place</p>", page, _config(True)) == "<p>No place</p>"
    assert [r.getMessage() for r in caplog.records] == [
        "sources/a.md: the place of a generated part (<!--row-->) was not found; it is missing from the page"]


def test_many_late_inserts_each_take_the_first_of_their_places_and_other_comments_stay(caplog, monkeypatch):
    """A table's counts are late inserts, one a row: each goes in place of its own comment, other
    comments of the page are left, and only the places not found are named."""
    page, files = _site(True)
    monkeypatch.setattr(events, "_files", files)
    late = tuple((f"<!--n-{i}-->", str(i * 10)) for i in range(300))
    monkeypatch.setattr(events, "_late", {"sources/a.md": late})
    cells = "".join(f"<td><!--n-{i}--></td>" for i in range(299, -1, -1) if i != 7)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        out = events.on_post_page(f"<!-- theme -->{cells}<!--n-1-->", page, _config(True))
    assert out == "<!-- theme -->" + "".join(f"<td>{i * 10}</td>" for i in range(299, -1, -1) if i != 7) + "<!--n-1-->"
    assert [r.getMessage() for r in caplog.records] == [
        "sources/a.md: the place of a generated part (<!--n-7-->) was not found; it is missing from the page"]


def test_lines_written_before_conversion_go_back_with_links_made_addresses(caplog, monkeypatch):
    """``inline_stash``: each stand-in gets its line's HTML back; a link to a page becomes its
    address, a link to an anchor is handed to MkDocs' check, the footnote references' ids are
    anchors of the page, and a link to no page or a lost stand-in is a warning naming the page."""
    page, files = _site(True)
    page.links_to_anchors, page.present_anchor_ids = {}, set()
    parts = ('<a href="../index.md#s-1">Home</a> said it.<sup id="fnref:a-s-0123456789"><a class="footnote-ref" '
             'href="#fn:a-s-0123456789">1</a></sup>', '<a href="../topics/gone.md">Gone</a>')
    monkeypatch.setattr(events._stashed, "_parts", {"sources/a.md": parts})
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        html = events.on_page_content("<ul>\n<li>\ue0000\ue001</li>\n<li>\ue0001\ue001</li>\n</ul>", page,
                                      _config(True), files)
    assert html.startswith('<ul>\n<li><a href="../../#s-1">Home</a> said it.<sup data-search-exclude id="fnref:')
    assert '<li><a href="../topics/gone.md">Gone</a></li>' in html
    assert page.links_to_anchors == {files.get_file_from_path("index.md"): {"s-1": "../index.md#s-1"}}
    assert page.present_anchor_ids == {"fnref:a-s-0123456789"}
    assert [r.getMessage() for r in caplog.records] == ["sources/a.md: a link to '../topics/gone.md' finds no page"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        events.on_page_content("<p>\ue0000\ue001</p>", page, _config(True), files)
    assert [r.getMessage() for r in caplog.records][-1] == (
        "sources/a.md: a line written before conversion was not found after it; please report it with this "
        "page's markdown")


_ID_PIECES = ['id="a"', ' id="b-1"', 'xid="no"', '_id="no"', 'é', 'id=', '"', ' ', '<p ', '>', 'data-id="c"', 'id="',
              'íd="x"', 'id="é"']


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ID_PIECES), max_size=20))
def test_ids_found_as_a_leading_word_boundary_finds_them(pieces):
    html = "".join(pieces)
    assert events._ID.findall(html) == re.findall(r'\bid="([^"]+)"', html)


def test_blocks_left_out_of_search_are_marked_as_the_expression_marked_them():
    html = ('<div class="footnote"><sup id="fnref:1"><details class="cite"><details class="furniture">'
            '<div class="footnotes"><sup id="fnref2:1"><details class="other">')
    expected = re.sub(r'<(div class="footnote"|details class="furniture"|details class="cite")',
                      r"<\1 data-search-exclude", html).replace('<sup id="fnref', '<sup data-search-exclude id="fnref')
    assert events._search_excluded(html) == expected


_COMMENT_PIECES = st.sampled_from(["<!--", "-->", "<!-->", "--", "-", "<", "!", ">", "a", "\n", "<!--x-->", "é"])


@settings(max_examples=500)
@given(st.lists(_COMMENT_PIECES, max_size=14))
def test_comments_are_found_as_the_regular_expression_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    matched = [m[0] for m in re.finditer(r"<!--.*?-->", text, flags=re.S)]
    numbered = iter(range(len(matched)))
    expected = re.sub(r"<!--.*?-->", lambda m: f"[{next(numbered)}]", text, flags=re.S)
    seen: list[str] = []

    def replace(comment: str) -> str:
        seen.append(comment)
        return f"[{len(seen) - 1}]"

    assert events.comments_replaced(text, replace) == expected
    assert seen == matched
