"""The blocks the hook puts in and excludes from search are handed to Material's parser removed
(``search_skip``); the whole-site check is tests/integration/test_search_index.py."""

from __future__ import annotations

from build_scripts.publish import search_skip

_NOTES = '<div class="footnote" data-search-exclude>\n<hr />\n<ol>\n<li id="fn:a">\n<p>Note</p>\n</li>\n</ol>\n</div>'
_BOX = '<details class="cite" data-search-exclude>\n<summary>Cite this page</summary>\n<p>APA</p>\n</details>'


def test_marked_blocks_give_way_to_an_empty_comment_and_the_mark_is_let_go():
    search_skip.start()
    page = f"<p>Text.</p>\n{_NOTES}\n<h2 id=\"end\">End</h2>\n{_BOX}"
    search_skip.mark(page, "footnotes", "cite")
    assert search_skip.searched(page) == '<p>Text.</p>\n<!---->\n<h2 id="end">End</h2>\n<!---->'
    assert search_skip.searched(page) is page  # the mark is gone: Material replaces the page's HTML
    other = f"<p>Unmarked.</p>\n{_NOTES}"
    assert search_skip.searched(other) is other


def test_a_block_holding_a_heading_is_parsed_as_it_is():
    search_skip.start()
    page = f"<p>Text.</p>\n{_BOX.replace('<p>APA</p>', '<h3 id=x>APA</h3>')}"
    search_skip.mark(page, "cite")
    assert search_skip.searched(page) == page
