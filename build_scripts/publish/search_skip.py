"""Material's search plugin parses the whole HTML of every page with Python's ``html.parser``, tag
by tag, the elements marked ``data-search-exclude`` too, only to leave their text out. The blocks
the hook puts into a page and marks so itself, the footnotes and the "Cite this page" box, were
about a third of that parsing at 1,000 sources (issue 20): a generated page has a footnote for
every sentence it cites, with three links each.

``mark`` names those blocks of a page's final HTML; the parser is then handed the HTML without
them. Nothing is left out that it would have kept: each block is a top-level element holding no
heading (a heading inside an excluded element would still open a section of the index), and an
empty comment takes its place, so the text around it reaches the parser in as many pieces as
before (each piece of white space between elements counts as a space). The index is the same;
``tests/integration/test_search_index.py`` indexes every page of the seed site both ways and
compares.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_BLOCKS = {
    "footnotes": ('<div class="footnote" data-search-exclude>', "\n</ol>\n</div>"),
    "cite": ('<details class="cite" data-search-exclude>', "</details>"),
}
_HEADING = re.compile(r"<h[1-6][\s>]")
_PLUGIN = "material.plugins.search.plugin"

_marked: dict[int, tuple[str, tuple[str, ...]]] = {}
"""Each marked page's HTML (by the identity of the string) and the names of its blocks."""


def start() -> None:
    """A new build."""
    _marked.clear()


def mark(html: str, *blocks: str) -> None:
    """``html`` (a page's final HTML) holds these blocks of ``_BLOCKS``, put in by the hook."""
    if blocks:
        _marked[id(html)] = (html, blocks)


def searched(html: str) -> str:
    """What the parser is handed of ``html`` (its mark is let go: Material replaces the page's
    HTML after indexing it, and the mark would keep the old string alive)."""
    found = _marked.pop(id(html), None)
    if found is None or found[0] is not html:
        return html
    for name in found[1]:
        start_tag, end_tag = _BLOCKS[name]
        start = html.find(start_tag)
        end = html.find(end_tag, start) if start != -1 else -1
        if end == -1 or _HEADING.search(html, start, end) or html.find(start_tag[:8], start + 1, end) != -1:
            continue  # not found whole, or holding a heading or another such element: parsed as it is
        html = html[:start] + "<!---->" + html[end + len(end_tag):]
    return html


def install() -> None:
    """Once per process, if Material's search plugin is loaded: its index reads ``searched`` of
    this module as ``sys.modules`` holds it (the hook imports the package afresh when its code
    changes under ``mkdocs serve``; the marks are then the new module's)."""
    module = sys.modules.get(_PLUGIN)
    index = getattr(module, "SearchIndex", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or getattr(original, "_skips", False):
        return

    def add_entry_from_context(self: Any, page: Any) -> None:
        content = page.content
        this = sys.modules.get(__name__)
        handed = this.searched(content) if this is not None and isinstance(content, str) else content
        if handed is content:
            original(self, page)
            return
        page.content = handed
        try:
            original(self, page)
        finally:
            page.content = content

    add_entry_from_context._skips = True  # type: ignore[attr-defined]
    add_entry_from_context._original = original  # type: ignore[attr-defined]
    setattr(index, "add_entry_from_context", add_entry_from_context)  # noqa: B010
