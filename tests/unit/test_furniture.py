"""Page furniture is found by general rules; article text and headings are kept."""

from __future__ import annotations

from build_scripts.model import SourceMeta
from build_scripts.text.furniture import classify_lines
from build_scripts.text.lines import body_lines


def _kinds(body: str, meta: SourceMeta | None = None) -> list[tuple[str, str, str]]:
    blocks = classify_lines(body_lines(body), meta or SourceMeta())
    return [(b.kind, b.reason, b.text) for b in blocks]


def test_scraped_page_furniture_is_found_with_reasons():
    body = "\n".join([
        "Storm Hits Coast",
        "by | Mar 3, 2024",
        "Storm Hits Coast",
        "storm",
        "Photo: Jane Roe / Getty Images",
        "A storm hit the coast on Sunday, cutting power to thousands of homes in the region.",
        "“We lost everything in one night,” said a fisherman who lives by the harbour.",
        "READ ALSO: Ten things to know about storms",
        "Officials said repairs would take at least two weeks to finish across the province.",
        "John Smith",
        "John Smith is a staff reporter at the Coast Herald covering weather and climate.",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Recent Posts",
        "Pin It on Pinterest",
    ])
    kinds = _kinds(body, SourceMeta(title="Storm Hits Coast", author="John Smith"))
    assert kinds == [
        ("furniture", "headline (shown as the page title)", "Storm Hits Coast"),
        ("furniture", "byline", "by | Mar 3, 2024"),
        ("furniture", "headline (shown as the page title)", "Storm Hits Coast"),
        ("furniture", "caption or image text", "storm"),
        ("furniture", "image credit", "Photo: Jane Roe / Getty Images"),
        ("text", "", "A storm hit the coast on Sunday, cutting power to thousands of homes in the region."),
        ("text", "", "“We lost everything in one night,” said a fisherman who lives by the harbour."),
        ("furniture", "link to other stories", "READ ALSO: Ten things to know about storms"),
        ("text", "", "Officials said repairs would take at least two weeks to finish across the province."),
        ("furniture", "byline", "John Smith"),
        ("furniture", "author bio", "John Smith is a staff reporter at the Coast Herald covering weather and climate."),
        ("furniture", "share button", "Share on Facebook"),
        ("furniture", "promotion", "Subscribe to our newsletter"),
        ("furniture", "link to other stories", "Recent Posts"),
        ("furniture", "share button", "Pin It on Pinterest"),
    ]


def test_pull_quote_name_line_is_furniture_but_a_heading_is_not():
    body = "\n".join([
        "Mayor Ana Lopez opened the new bridge across the river on Monday morning.",
        "“This bridge joins two halves of one city that were apart for too long.”",
        "Ana Lopez",
        "A Bridge Long Awaited",
        "Work on the bridge started in 2019 and cost more than the city had planned.",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""), ("text", ""), ("furniture", "name line of a pull quote"), ("heading", ""), ("text", ""),
    ]


def test_lines_without_metadata_still_lose_trailing_furniture():
    body = "\n".join([
        "The council approved the budget after a long debate that lasted into the night.",
        "Jane Doe",
        "Our Books",
        "Shop books published by the institute.",
        "cb0cb1ef 3fcb 417d 80d8 4eef7bbd8290",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""),
        ("furniture", "page furniture after the article"),
        ("furniture", "promotion"),
        ("furniture", "promotion"),
        ("furniture", "identifier"),
    ]


def test_commentary_section_is_marked_as_opinion():
    body = "\n".join([
        "The treaty bans anti-personnel mines in every state that joined it.",
        "Commentary",
        "This decision could have cascading effects on global disarmament treaties.",
    ])
    blocks = classify_lines(body_lines(body), SourceMeta())
    assert [b.opinion for b in blocks] == [False, True, True]


def test_markdown_headings_and_bullets_are_read_as_lines():
    lines = body_lines("## A heading\n\n- first point of the summary.\n* second point.\n", first_line=5)
    assert [(line.text, line.number, line.marked_heading) for line in lines] == [
        ("A heading", 5, True), ("first point of the summary.", 7, False), ("second point.", 8, False),
    ]
