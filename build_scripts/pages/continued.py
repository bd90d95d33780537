"""Long generated pages continued over further pages, so that no page grows without bound.

A page kind renders its items (a speaker's quotations, a disagreement, an event, a row) most
important first; ``pack`` fills the first page, then each continuation page, up to
``PAGE_BUDGET`` characters of markdown (footnotes included), so that no page's HTML comes near
500 KB however large the corpus. A continuation page of ``quotes.md`` is ``quotes/page-2.md``
and so on; the first page links to all of them and each links back (``pages_line``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from typing import TypeVar

from build_scripts.render.links import relative

T = TypeVar("T")
PAGE_BUDGET = 150_000
"""Characters of markdown on one page, footnotes included (each counted with
``FOOTNOTE_OVERHEAD``): MkDocs and Material make two to three times as much HTML of it. At
10,000 benchmark sources the largest such page was 435 KB of HTML (a timeline page)."""
FOOTNOTE_OVERHEAD = 250
"""What a footnote adds in HTML beyond its markdown (the reference, the list item, the link back)."""


def continuation_uri(src_uri: str, number: int) -> str:
    """Page ``number`` of a page kind whose first page is ``src_uri`` (``number`` from 1)."""
    return src_uri if number == 1 else f"{posixpath.splitext(src_uri)[0]}/page-{number}.md"


def pack(sizes: Sequence[int], budget: int | None = None) -> list[range]:
    """Consecutive items into pages of at most ``budget`` (``PAGE_BUDGET`` by default; an item
    larger than it has a page of its own); the items' indexes on each page. No item, one empty page."""
    budget = PAGE_BUDGET if budget is None else budget
    pages: list[range] = []
    start, used = 0, 0
    for i, size in enumerate(sizes):
        if i > start and used + size > budget:
            pages.append(range(start, i))
            start, used = i, 0
        used += size
    pages.append(range(start, len(sizes)))
    return pages


def paged(items: Sequence[T], src_uri: str, render: Callable[[T, str], tuple[str, list[str]]],
          budget: int | None = None, start: int = 1) -> list[tuple[str, list[tuple[T, str, list[str]]]]]:
    """Each page's uri and its items, each with its markdown and footnotes as rendered for
    that page (footnotes link relative to it). ``render(item, page_uri)`` gives an item's
    markdown and footnotes; an item is rendered for the first page to be measured, and again
    for the page it goes to if that is another. The pages are numbered from ``start``: from 2
    when the first page holds something else (a country's page, whose evidence continues)."""
    first_uri = continuation_uri(src_uri, start)
    first = [(item, *render(item, first_uri)) for item in items]
    sizes = [len(md) + sum(len(n) + FOOTNOTE_OVERHEAD for n in notes) for _, md, notes in first]
    pages = []
    for number, indexes in enumerate(pack(sizes, budget), start=start):
        uri = continuation_uri(src_uri, number)
        pages.append((uri, [first[i] if uri == first_uri else (items[i], *render(items[i], uri)) for i in indexes]))
    return pages


def pages_line(number: int, uris: Sequence[str], labels: Sequence[str] | None = None) -> str:
    """Links from page ``number`` to every page of the kind (``labels`` say what each holds)."""
    src = uris[number - 1]
    links = []
    for i, uri in enumerate(uris, start=1):
        label = f"page {i}" + (f" ({labels[i - 1]})" if labels else "")
        links.append(f"**{label}**" if i == number else f"[{label}]({relative(src, uri)})")
    return "This page continues over several pages: " + " · ".join(links) + "."
