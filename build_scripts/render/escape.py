"""Make untrusted text safe in markdown and HTML.

Source text is copied from the web: it may hold raw HTML, script, or markdown
syntax (links, images, footnote markers, emphasis, attribute lists). Every
character that could start markup is escaped so the text renders as itself.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from build_scripts.text.clean import strip_controls

# Characters Python-Markdown (with the tables extension) accepts a backslash before.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
_LEADING_MARK = re.compile(r"^(\s*)([-=>:~])")


def _backslashed(m: re.Match[str]) -> str:
    return "\\" + m[1]


@lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """Inline markdown that renders exactly as ``text`` (whitespace folded).

    Remembered: pages cite the same sentences and name the same publishers many times.
    """
    return _md_escaped(text)


_DOUBLE_QUOTES = ("“", "”", '"', "„", "«", "»")


def quoted(text: str) -> str:
    """Markdown that shows ``text`` quoted: in double quotation marks, or, when it has double
    quotation marks of its own, in italics instead, so that no mark is doubled (““We…””) and none
    of its own is changed."""
    if any(mark in text for mark in _DOUBLE_QUOTES):
        return f"*{md_text(text)}*"
    return f"“{md_text(text)}”"


_FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Python-Markdown's footnote marker: found in any text of a page, it is replaced by the footnotes."""


def _md_escaped(text: str) -> str:
    text = " ".join(strip_controls(text).split())
    text = html.escape(text, quote=False)
    if _FOOTNOTES_HERE in text:  # its first slash as a character reference: the same text, no marker
        text = text.replace(_FOOTNOTES_HERE, "&#47;" + _FOOTNOTES_HERE[1:])
    text = _MD_SPECIAL.sub(_backslashed, text)  # a function: a template is parsed again on each call
    # Both patterns are anchored at the start: ``match`` tries there only, where ``sub`` tries every position.
    if m := _LINE_START.match(text):
        text = f"{m[1]}{m[2]}\\{m[3]}{text[m.end():]}"
    if m := _LEADING_MARK.match(text):
        text = f"{m[1]}&#{ord(m[2])};{text[m.end():]}"
    return text


def md_span(text: str) -> str:
    """Like ``md_text`` for a piece of a sentence: a space at either edge is kept.

    Not remembered: pieces seldom repeat, and would push whole sentences out of ``md_text``'s memory.
    """
    escaped = _md_escaped(text)
    lead = " " if text[:1].isspace() and escaped else ""
    trail = " " if text[-1:].isspace() and escaped else ""
    return f"{lead}{escaped}{trail}" if escaped else (" " if text else "")


def html_text(text: str) -> str:
    """Text for an HTML element's content or attribute value."""
    return html.escape(strip_controls(text), quote=True)


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar holding ``text``."""
    escaped = strip_controls(text).replace("\\", "\\\\").replace('"', '\\"')
    if not escaped.isprintable():  # the usual title needs no character written as a code
        escaped = "".join(c if c.isprintable() else (f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
                          for c in escaped)
    return f'"{escaped}"'


def code_span(text: str) -> str:
    """Inline code showing ``text`` as it is: fenced by more backticks than any run inside it."""
    text = " ".join(strip_controls(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
