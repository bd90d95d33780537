"""Grouping one speaker's quotations: renderings join, a group never holds two quotations of one source."""

from __future__ import annotations

from build_scripts.analyse.quote_groups import _groups
from build_scripts.model import CitedQuote, Quote, QuotePart, Sentence

FULL = "This is a step that the reality of war has long demanded. We cannot stay bound by these rules."
EXCERPT = "This is a step that the reality of war has long demanded."
OTHER = "Farmers will be paid for the fields they cannot plough this spring."


def _quote(source: str, text: str, n: int = 0) -> CitedQuote:
    quote = Quote(source, (QuotePart(0, 0, len(text), text),), "Roman Kostenko", None, "person", (f"s-{n}",))
    return CitedQuote(quote, Sentence(source, f"s-{n}", text, 0, 0))


def _shape(groups) -> list[list[tuple[str, str]]]:
    return [[(q.quote.source_id, q.quote.text[:12]) for q in g.quotes] for g in groups]


def test_many_sources_quoting_the_same_words_are_one_group():
    quotes = [_quote(f"src{i:04d}", FULL if i % 2 else EXCERPT) for i in range(2000)]
    [group] = _groups(quotes)
    assert len(group.quotes) == 2000
    assert len(group.sources) == 2000


def test_a_source_quoting_the_words_twice_leaves_one_rendering_apart():
    quotes = [_quote("a", FULL, 1), _quote("a", EXCERPT, 2), _quote("b", EXCERPT), _quote("c", EXCERPT)]
    groups = _groups(quotes)
    assert _shape(groups) == [[("a", FULL[:12]), ("b", EXCERPT[:12]), ("c", EXCERPT[:12])], [("a", EXCERPT[:12])]]
    for g in groups:
        assert len(g.sources) == len(g.quotes)


def test_different_words_stay_apart():
    groups = _groups([_quote("a", FULL), _quote("b", OTHER), _quote("c", OTHER)])
    assert _shape(groups) == [[("a", FULL[:12])], [("b", OTHER[:12]), ("c", OTHER[:12])]]
