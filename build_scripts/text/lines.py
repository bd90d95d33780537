"""Split a markdown body into lines of text, stripped of block and inline markup."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from build_scripts.text.clean import strip_controls
from build_scripts.text.inline import (
    Run,
    definitions,
    is_definition,
    may_hold_markup,
    plain_and_runs,
    plain_text,
    strip_quote,
)

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
"""An ATX heading: its marks and the rest of the line. The closing marks are cut in Python
(``_heading_text``): in the pattern, a lazy text before optional spaces, marks and spaces
tried every split of a long run of spaces, and "# a" + 8,000 spaces + "b" never finished."""


def _heading_text(rest: str) -> str:
    """The heading's words: surrounding spaces and a closing run of "#" cut."""
    return rest.rstrip().rstrip("#").strip()
_BULLET = re.compile(r"^\s{0,3}(?:[-*+•·▪]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the body; ``marked_heading`` for a markdown ``#`` heading, ``bullet`` for
    an item of a list, ``quote`` for a line of a block quote (their marks cut off)."""

    text: str
    number: int
    marked_heading: bool = False
    bullet: bool = False
    quote: bool = False


def body_lines(body: str, first_line: int = 1) -> list[Line]:
    """One Line per non-blank line; scraped articles put a paragraph on each line. A line's text is
    its plain words: block marks (heading, list item, block quote) cut off, inline markup read
    (``inline.plain_and_runs``); a reference link's definition is no line."""
    lines: list[Line] = []
    refs = definitions(body)
    for offset, raw in enumerate(body.split("\n")):
        parsed = _parse(raw, refs)
        if parsed is None:
            continue
        source, heading, bullet, quote = parsed
        text = squeeze(source) if not may_hold_markup(source) else plain_text(source, refs)
        if text and (not heading or text.strip("# ")):  # a bare "#" line holds no heading
            lines.append(Line(text, first_line + offset, marked_heading=heading, bullet=bullet, quote=quote))
    return lines


def _parse(raw: str, refs: Mapping[str, str]) -> tuple[str, bool, bool, bool] | None:
    """A line's markdown without its block marks: (text, heading, list item, block quote), or None
    for a blank line or the definition of a reference link."""
    # Controls are stripped line by line (none is a newline), and only from a line
    # with an unprintable character: every character they include is unprintable.
    if not raw.isprintable():
        raw = strip_controls(raw)
    if not raw or raw.isspace() or is_definition(raw, refs):
        return None
    raw, quote = strip_quote(raw)
    # A heading's "#" is among the first four characters (at most three spaces before it).
    heading = _HEADING.match(raw) if "#" in raw[:4] else None
    if heading:
        return _heading_text(heading.group(2)), True, False, quote
    # ``_BULLET`` is anchored, so its one possible match is a prefix to cut off.
    bullet = _BULLET.match(raw)
    return (raw[bullet.end():] if bullet else raw), False, bullet is not None, quote


@dataclass(frozen=True)
class MarkedLine:
    """A line's plain text (its ``Line.text``) and what the markup said of it."""

    text: str
    runs: tuple[Run, ...]
    quote: bool


def marked_line(raw: str, refs: Mapping[str, str] | None = None) -> MarkedLine | None:
    """The line ``raw`` of a body read again for its markup: the same text as ``body_lines`` gives
    it, with its emphasis, links and block quote; None for a line ``body_lines`` leaves out.
    ``refs`` are the reference links of the body (``inline.definitions``)."""
    parsed = _parse(raw, refs or {})
    if parsed is None:
        return None
    text, runs = plain_and_runs(parsed[0], refs)
    return MarkedLine(text, runs, parsed[3])


def squeeze(text: str) -> str:
    """``" ".join(text.split())``: words joined by single spaces, no space at either end.

    Most lines are already so; for ASCII text that is cheap to see, and the
    split is skipped. In printable ASCII the only whitespace is the space (tab,
    carriage return and the other ASCII whitespace are control characters).
    """
    if (
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())
