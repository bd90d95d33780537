"""Long generated pages continue on further pages: each item once, footnotes on its page."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

import pytest

from build_scripts.pages import continued
from build_scripts.pages.continued import continuation_uri, pack
from build_scripts.pipeline import generate

_REF = re.compile(r"\[\^([\w-]+)\](?!:)")
_DEF = re.compile(r"^\[\^([\w-]+)\]:", re.MULTILINE)
_TARGET = re.compile(r"\]\([^)]*\)")
_LINK = re.compile(r"\]\(([^)#]+\.md)\)")


def test_pack_fills_each_page_up_to_the_budget_in_order():
    assert pack([3, 3, 3, 5, 1], 6) == [range(0, 2), range(2, 3), range(3, 5)]
    assert pack([10, 2], 6) == [range(0, 1), range(1, 2)]  # an item over the budget: a page of its own
    assert pack([], 6) == [range(0, 0)]


def test_continuation_pages_sit_under_the_first_one():
    assert continuation_uri("quotes.md", 1) == "quotes.md"
    assert continuation_uri("quotes.md", 3) == "quotes/page-3.md"
    assert continuation_uri("sources/index.md", 2) == "sources/index/page-2.md"


@pytest.mark.parametrize(("first", "marker", "budget"), [
    ("quotes.md", re.compile(r"^- “", re.MULTILINE), 3000),
    ("disagreements.md", re.compile(r'^!!! \w+ "', re.MULTILINE), 3000),
    ("timeline.md", re.compile(r"^- \*\*", re.MULTILINE), 3000),
    ("sources/index.md", re.compile(r"^\| \[", re.MULTILINE), 300),
])
def test_a_small_budget_continues_each_kind_with_every_item_once(seed_project, monkeypatch, first, marker, budget):
    whole = {p.src_uri: p for p in generate(seed_project).pages}
    monkeypatch.setattr(continued, "PAGE_BUDGET", budget)
    pages = {p.src_uri: p for p in generate(seed_project).pages}
    stem = first.removesuffix(".md")
    mine = [first, *sorted((u for u in pages if u.startswith(f"{stem}/page-")),
                           key=lambda u: int(u.rsplit("-", 1)[1].removesuffix(".md")))]
    assert len(mine) > 2
    assert mine[1:] == [continuation_uri(first, n) for n in range(2, len(mine) + 1)]
    assert pages[first].in_nav and not any(pages[u].in_nav for u in mine[1:])
    items = Counter(line for u in mine for line in _items(pages[u].markdown_with_inserts(), marker))
    assert items == Counter(_items(whole[first].markdown_with_inserts(), marker))  # every item once, as on one page
    for uri in mine:
        md = pages[uri].markdown
        assert set(_REF.findall(md)) == set(_DEF.findall(md)), uri  # each page's footnotes on that page
        assert len(_DEF.findall(md)) == len(set(_DEF.findall(md))), uri
        for other in mine:  # every page links to every other
            if other != uri:
                assert any(_resolves(uri, link) == other for link in _LINK.findall(md)), (uri, other)


def _items(markdown: str, marker: re.Pattern[str]) -> list[str]:
    """The first line of each item, its links' targets left out (they depend on the page's folder)."""
    return [_TARGET.sub("]()", markdown[m.start():].split("\n", 1)[0]) for m in marker.finditer(markdown)]


def _resolves(page: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
