"""Split a markdown body into lines of text, stripped of block markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.text.clean import strip_controls

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the body; ``marked_heading`` for a markdown ``#`` heading."""

    text: str
    number: int
    marked_heading: bool = False


def body_lines(body: str, first_line: int = 1) -> list[Line]:
    """One Line per non-blank line; scraped articles put a paragraph on each line."""
    lines: list[Line] = []
    for offset, raw in enumerate(strip_controls(body).split("\n")):
        if not raw.strip():
            continue
        number = first_line + offset
        heading = _HEADING.match(raw)
        if heading:
            if heading.group(2).strip("# "):  # a bare "#" line holds no heading
                lines.append(Line(heading.group(2).strip(), number, marked_heading=True))
            continue
        text = _BULLET.sub("", raw, count=1).strip()
        if text:
            lines.append(Line(" ".join(text.split()), number))
    return lines
