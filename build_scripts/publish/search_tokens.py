"""Material's search parser, handed a page's tags and text by one regular expression.

Material indexes every page by feeding its HTML to a subclass of Python's ``html.parser``, whose
tokenizer works tag by tag in Python: on the 1,047 pages of the 1,000-source benchmark about 1.5 s
of CPU, four times what plain pages of the same words cost, because a source page wraps each of
its sentences in a ``<span>`` (issue 20). The HTML the generator and Python-Markdown write is
simple: tags with double-quoted or bare attributes, text, comments. ``tokens`` splits such HTML
with one expression and hands the parser's own ``handle_starttag``, ``handle_endtag`` and
``handle_data`` what ``html.parser`` would hand them, in the same order: tag and attribute names
lower-cased, attribute values and text with their character references replaced, text cut at
every tag and comment. Anything else (a ``<script>`` or ``<style>``, whose content is not HTML; a
doctype, an attribute quoted with ``'`` or holding ``<`` or ``>``, a stray ``<``) makes it give
up, and the page is parsed by ``html.parser`` as before. The sections, and so the index, are
the same; ``tests/unit/publish/test_search_tokens.py`` compares both on every page of the seed
site and on made-up HTML.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from html import unescape
from operator import itemgetter
from typing import Any

from build_scripts.publish.search_parser import replace_parser

_SPACE = "[ \t\n\r\f]"
"""White space as ``html.parser`` ends a tag's name with it (not every character ``\\s`` matches)."""
_TAG = (rf"</([a-zA-Z][a-zA-Z0-9]*){_SPACE}*>"  # an end tag
        rf"|<([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>]*\")?)*){_SPACE}*(/?)>"
        r"|<!--(?:[^-<]|-(?!-))*-->")  # a comment holding no "--" and no "<"
_FLAT = (rf"<([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>]*\")?)*+){_SPACE}*>"
         r"([^<]*+)</\2>")
"""An element holding nothing but text, its end tag written as its start tag: the sentences of a
source page, most cells of its table."""
_TOKENS = re.compile(r"([^<]+)|" + _FLAT + "|" + _TAG)
_ATTRIBUTE = re.compile(rf"{_SPACE}+([^\s=]+)(=\"[^\"]*\")?")
_RAW_TEXT = re.compile(r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)"
                       r"(?![a-zA-Z0-9])", re.IGNORECASE)
"""Elements whose content ``html.parser`` (in some Python version) does not read as HTML."""


def _attributes(written: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for name, value in _ATTRIBUTE.findall(written):
        if not value:
            out.append((name.lower(), None))
        else:
            value = value[2:-1]
            out.append((name.lower(), unescape(value) if "&" in value else value))
    return out


def _readable(html: str, found: list[tuple[str, ...]]) -> bool:
    """Whether ``found``, the matches of ``_TOKENS`` in ``html``, are all of it: every ``<`` opens a
    tag or a comment written as above (a ``<`` that does not is skipped by ``findall``; each tag
    or comment holds one ``<``, an element read whole two, so as many of them as ``<`` means none
    was), and no element holds raw text."""
    tags = list(map(itemgetter(0), found)).count("") + len(found) - list(map(itemgetter(1), found)).count("")
    return tags == html.count("<") and _RAW_TEXT.search(html) is None


def feed(parser: Any, html: str, fallback: Callable[[str], None]) -> None:
    """Hand ``parser`` (a fresh ``html.parser.HTMLParser``) the tags and text of ``html`` as its
    tokenizer would, or ``fallback(html)`` when this does not read ``html``.

    An element holding nothing but text (``_FLAT``) is offered whole to the parser's
    ``handle_flat(tag, attributes as written, text)``, if it has one; when that returns False, or
    there is none, its start tag, text and end tag are handed one by one."""
    found = _TOKENS.findall(html)
    if not _readable(html, found):
        fallback(html)
        return
    data, start, end, start_end = (parser.handle_data, parser.handle_starttag, parser.handle_endtag,
                                   parser.handle_startendtag)
    flat = getattr(parser, "handle_flat", None)
    for text, flat_tag, flat_written, flat_text, closed, opened, written, slash in found:
        if text:
            data(unescape(text) if "&" in text else text)
        elif flat_tag:
            tag = flat_tag.lower()
            inner = unescape(flat_text) if "&" in flat_text else flat_text
            if flat is None or not flat(tag, flat_written, inner):
                start(tag, _attributes(flat_written) if flat_written else [])
                if inner:
                    data(inner)
                end(tag)
        elif closed:
            end(closed.lower())
        elif opened:
            (start_end if slash else start)(opened.lower(), _attributes(written) if written else [])
        # else a comment: html.parser's ``handle_comment`` is the parser's, and Material's does nothing


def install() -> None:
    """Once per process, if Material's search plugin is loaded: its parser reads pages with
    ``feed`` of this module as ``sys.modules`` holds it."""
    replace_parser("_tokens", _reading)


def _reading(parser: type) -> type:
    class Parser(parser):  # type: ignore[misc]
        def feed(self, data: str) -> None:
            this = sys.modules.get(__name__)
            if this is None or self.rawdata or not isinstance(data, str):
                super().feed(data)
                return
            this.feed(self, data, super().feed)

    return Parser
