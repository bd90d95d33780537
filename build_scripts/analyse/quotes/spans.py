"""Quotation spans: where each quotation opens and closes, paragraph by paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.analyse.quotes.vocabulary import NAME_LINE
from build_scripts.model import Block

_OPEN_MARKS = ("“", "«", '"', "‘", "'")
_OPEN_MARK = re.compile("[“«\"‘']")
_CLOSERS = {
    "“": re.compile("[”“]"),
    "«": re.compile("[»«]"),
    '"': re.compile('"'),
    "‘": re.compile(r"(?<=\S)’(?!\w)|[“”]"),
    "'": re.compile(r"(?<=\S)'(?!\w)|[“”\"]"),
}
_MATCHING = {"“": "”", "«": "»", '"': '"', "‘": "’", "'": "'"}
_DOUBLE = frozenset('“«"')
_OPEN_AFTER = frozenset("([{—–-/“‘\"'")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Span:
    """One paragraph's share of a quotation: marks at ``open`` and ``close``."""

    block: int
    open: int
    close: int
    """Index of the closing mark, or where the quotation stops when unclosed."""
    start: int
    end: int
    mark: str
    closed: bool


def _can_open(text: str, i: int, mark: str, singles: bool) -> bool:
    if mark in "“«":
        return True
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    after_space = i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_AFTER
    if mark == '"':
        return after_space
    return singles and after_space and text[i + 1].isalpha()


def _find_close(text: str, i: int, mark: str) -> tuple[int, bool] | None:
    """(index of the closing mark, True) or (where it stops, False); None: an apostrophe."""
    m = _CLOSERS[mark].search(text, i + 1)
    if mark in "‘'":
        return (m.start(), True) if m and m.group() == _MATCHING[mark] else None
    if m is None:
        return len(text), False
    return m.start(), m.group() == _MATCHING[mark]


def _make_span(block: int, text: str, open_: int, close: int, mark: str, closed: bool) -> Span | None:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(block, open_, close, start, end, mark, closed) if end > start else None


def block_spans(block: int, text: str) -> list[Span]:
    """The outermost quotations of one paragraph, left to right, in one pass."""
    spans: list[Span] = []
    if not any(map(text.__contains__, _OPEN_MARKS)):
        return spans  # most paragraphs: looking for each mark is quicker than the pattern's search
    pos, singles = 0, True
    while m := _OPEN_MARK.search(text, pos):
        i, mark = m.start(), m.group()
        pos = i + 1
        if not _can_open(text, i, mark, singles):
            continue
        found = _find_close(text, i, mark)
        if found is None:
            singles = False  # an apostrophe; one failed search per paragraph at most
            continue
        close, closed = found
        span = _make_span(block, text, i, close, mark, closed)
        if span is not None:
            spans.append(span)
        pos = close + 1 if closed else close
    return spans


def _next_text_block(blocks: tuple[Block, ...], index: int) -> int | None:
    """The next text block, skipping page furniture other than a pull quote's name line."""
    for j in range(index + 1, len(blocks)):
        if blocks[j].kind == "text":
            return j
        if blocks[j].kind != "furniture" or blocks[j].reason == NAME_LINE:
            return None
    return None


def group_spans(blocks: tuple[Block, ...], spans: dict[int, list[Span]]) -> list[list[Span]]:
    """Join a quotation left open at a paragraph's end to the next paragraph's opening one."""
    groups: list[list[Span]] = []
    pending: list[Span] | None = None
    for index in sorted(spans):
        for k, span in enumerate(spans[index]):
            if pending and k == 0 and span.open == 0 and span.mark == pending[-1].mark and (
                _next_text_block(blocks, pending[-1].block) == index
            ):
                pending.append(span)
            else:
                pending = [span]
                groups.append(pending)
            if span.closed or span.mark not in _DOUBLE:
                pending = None
    return [g for g in groups if sum(len(_WORD.findall(span_text(blocks, s))) for s in g) >= 3]


def span_text(blocks: tuple[Block, ...], span: Span) -> str:
    return blocks[span.block].text[span.start : span.end]
