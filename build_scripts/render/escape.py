"""Make untrusted text safe in markdown and HTML.

Source text is copied from the web: it may hold raw HTML, script, or markdown
syntax (links, images, footnote markers, emphasis, attribute lists). Every
character that could start markup is escaped so the text renders as itself.
"""

from __future__ import annotations

import html
import re

from build_scripts.text.clean import strip_controls

# Characters Python-Markdown (with the tables extension) accepts a backslash before.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
_LEADING_MARK = re.compile(r"^(\s*)([-=>:~])")


def md_text(text: str) -> str:
    """Inline markdown that renders exactly as ``text`` (whitespace folded)."""
    text = " ".join(strip_controls(text).split())
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return _LEADING_MARK.sub(lambda m: m.group(1) + "&#" + str(ord(m.group(2))) + ";", text)


def md_span(text: str) -> str:
    """Like ``md_text`` for a piece of a sentence: a space at either edge is kept."""
    escaped = md_text(text)
    lead = " " if text[:1].isspace() and escaped else ""
    trail = " " if text[-1:].isspace() and escaped else ""
    return f"{lead}{escaped}{trail}" if escaped else (" " if text else "")


def html_text(text: str) -> str:
    """Text for an HTML element's content or attribute value."""
    return html.escape(strip_controls(text), quote=True)


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar holding ``text``."""
    escaped = strip_controls(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else (f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
                      for c in escaped)
    return f'"{escaped}"'
