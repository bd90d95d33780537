"""Names for a footnote's back-links that a screen reader can tell apart.

Python-Markdown writes each back-link as "↩" with the title "Jump back to footnote 24 in the
text", the same for every place that cites the note; the page shows them as a, b, c (CSS).
Each gets a name that says which: "Back to citation b of note 24".
"""

from __future__ import annotations

import re
from collections import Counter

_BACKLINK = re.compile(r'<a class="footnote-backref" href="#fnref(\d*):([^"]+)" title="[^"]*?(\d+)[^"]*"')


def _letter(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as a spreadsheet names its columns)."""
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def name_backlinks(html: str) -> str:
    """``html`` with an ``aria-label`` on each footnote back-link."""
    counts = Counter(m.group(2) for m in _BACKLINK.finditer(html))
    if not counts:
        return html

    def named(m: re.Match[str]) -> str:
        nth, note, number = int(m.group(1) or 1), m.group(2), m.group(3)
        label = (f"Back to citation {_letter(nth)} of note {number}" if counts[note] > 1
                 else f"Back to the citation of note {number}")
        return f'{m.group(0)} aria-label="{label}"'

    return _BACKLINK.sub(named, html)
