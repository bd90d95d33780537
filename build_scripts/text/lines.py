"""Split a markdown body into lines of text, stripped of block markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.text.clean import strip_controls

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
    an item of a list (its marker cut off)."""

    text: str
    number: int
    marked_heading: bool = False
    bullet: bool = False


def body_lines(body: str, first_line: int = 1) -> list[Line]:
    """One Line per non-blank line; scraped articles put a paragraph on each line."""
    lines: list[Line] = []
    # Controls are stripped line by line (none is a newline), and only from a line
    # with an unprintable character: every character they include is unprintable.
    for offset, raw in enumerate(body.split("\n")):
        if not raw.isprintable():
            raw = strip_controls(raw)
        if not raw or raw.isspace():
            continue
        number = first_line + offset
        # A heading's "#" is among the first four characters (at most three spaces before it).
        heading = _HEADING.match(raw) if "#" in raw[:4] else None
        if heading:
            text = _heading_text(heading.group(2))
            if text.strip("# "):  # a bare "#" line holds no heading
                lines.append(Line(text, number, marked_heading=True))
            continue
        # ``_BULLET`` is anchored, so its one possible match is a prefix to cut off.
        bullet = _BULLET.match(raw)
        text = squeeze(raw[bullet.end():] if bullet else raw)
        if text:
            lines.append(Line(text, number, bullet=bullet is not None))
    return lines


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
