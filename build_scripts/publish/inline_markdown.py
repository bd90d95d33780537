"""A line of Markdown's inline syntax, the part this generator writes, converted to HTML as
Python-Markdown converts it (issue 20).

Python-Markdown's inline processing (a tree walk, every pattern tried at every text node) was
most of its time on the footnote-heavy generated pages. What the generator writes in a line is
plain text with backslash escapes and character references, ``*emphasis*``, ``**strong**``, links
to an address or to a page's markdown file (with a title or without), and, in a page's body, the
raw HTML of a footnote reference, ``<mark>`` and a quotation's ``<span>``. ``inline`` writes such
a line's HTML and refuses (returns None) anything else, or any arrangement where Python-Markdown's
order of patterns could read the text otherwise: no emphasis holds a link or a tag, no link text
holds markup, a ``*`` that could open or close two ways is refused. Refused text is left to
Python-Markdown.

``footnotes`` writes the definitions of footnotes with it, ``inline_stash`` whole lines of a
page's body; their tests compare both with Python-Markdown, on generated pages and made-up text.
"""

from __future__ import annotations

import re

AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)
"""An ``&`` that starts no character reference: escaped by Python-Markdown's serializer."""
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!")
"""Python-Markdown's ``ESCAPED_CHARS``; the ``tables`` extension adds ``|``."""
_PLAIN_STOP = re.compile(r"[\\&<>`*_\[\]{}!\x00-\x1f]")
"""Characters a run of plain text is cut at, to be looked at one by one."""
_MD_TARGET = re.compile(r"(?!/)[^\s\"'()<>\\#?:]+\.md(?:#[^\s\"'()<>\\#?]*)?")
"""A relative link to a page's markdown file (MkDocs reads an absolute one by its own settings)."""
_ADDRESS = re.compile(r"https?://[^\s\"'<>\\()]+")
_TITLE = re.compile(r' "([^"\'\\()\x00-\x1f]*)"\)')
"""A link's title as the generator writes it: no quote, backslash or bracket that Python-Markdown's
reading of a link's parts would look at."""
_SPACE = re.compile(r"\s")
TAG = re.compile(
    r'<(?:(?P<mark>mark)>|(?P<span>span) class="quote-text">)|</(?P<close>mark|span)>'
    r'|<sup id="fnref\d*:[A-Za-z0-9._-]+"><a class="footnote-ref" href="#fn:[A-Za-z0-9._-]+">\d+</a></sup>'
)
"""The raw HTML the generator writes in a line (``footnotes`` makes the references): Python-Markdown
passes each tag through as it is. Its reading of raw HTML blocks looks at every tag of the page,
so a line written here holds each ``mark`` and ``span`` it opens closed."""


def attr(text: str) -> str:
    """An attribute value as Python-Markdown's serializer writes it."""
    text = AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("\n", "&#10;")


def cdata(text: str) -> str:
    """Text as Python-Markdown's serializer writes it, once its escapes are read: an ``&`` that
    starts no character reference, ``<`` and ``>`` as references."""
    if "&" in text:
        text = AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def inline(text: str, tables: bool, tags: bool = False) -> str | None:
    """The HTML Python-Markdown makes of ``text`` (one line), or None if it holds anything but
    what the module's docstring lists; raw HTML only when ``tags``. ``tables``: whether the
    ``tables`` extension is on (it makes ``\\|`` an escape)."""
    if not text or text != text.strip():
        return None
    out: list[str] = []
    opened: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "[":
            end = _link(text, at, tables, out)
        elif char == "*":
            marker, tag_name = ("**", "strong") if text.startswith("**", at) else ("*", "em")
            end = _emphasis(text, at, tables, out, marker, tag_name)
        elif char == "<" and tags and (tag := TAG.match(text, at)) is not None:
            if tag["mark"] or tag["span"]:
                opened.append(tag["mark"] or tag["span"])
            elif tag["close"] and (not opened or opened.pop() != tag["close"]):
                return None
            out.append(tag[0])
            end = tag.end()
        else:
            run: list[str] = []
            end = _plain(text, at, "[*<" if tags else "[*", tables, run)
            if end == at:  # a "<" that starts no known tag
                return None
            out.append(cdata("".join(run)))
        if end is None:
            return None
        at = end
    return None if opened else "".join(out)


def _plain(text: str, at: int, stops: str, tables: bool, out: list[str]) -> int | None:
    """The characters of plain text from ``at`` up to a character of ``stops`` (or the end),
    escapes read; None at markup."""
    while at < len(text):
        m = _PLAIN_STOP.search(text, at)
        end = len(text) if m is None else m.start()
        out.append(text[at:end])
        at = end
        if at == len(text):
            break
        char = text[at]
        if char in stops:
            return at
        if char == "\\":
            following = text[at + 1:at + 2]
            if not following or not (following in _ESCAPABLE or (tables and following == "|")):
                return None
            out.append(following)
            at += 2
        elif char in "&>" or (char == "!" and not text.startswith("[", at + 1)):
            out.append(char)
            at += 1
        else:
            return None  # a tag, code, emphasis, a bracket, an attribute list, an image: markup
    return at


def _link(text: str, at: int, tables: bool, out: list[str]) -> int | None:
    """``[text](target)``, ``[text](target "title")`` or ``[text](<target>)`` from ``at``: its
    text plain, its target an address or a markdown file (which MkDocs makes an address)."""
    label: list[str] = []
    end = _plain(text, at + 1, "[]*<", tables, label)
    if end is None or not text.startswith("](", end):
        return None
    start = end + 2
    title = None
    if text.startswith("<", start):
        close = text.find(">)", start)
        target = text[start + 1:close] if close != -1 else ""
        after = close + 2
    else:
        close = text.find(")", start)
        if close == -1:
            return None
        after = close + 1
        space = text.find(" ", start, close)
        if space != -1:  # a title, or no link as read here
            found = _TITLE.match(text, space)
            if found is None or found.end() != after:
                return None
            title = _SPACE.sub(" ", found[1].strip())  # as Python-Markdown cleans a title
            close = space
        target = text[start:close]
    if not target or not (_MD_TARGET.fullmatch(target) or _ADDRESS.fullmatch(target)):
        return None
    titled = f' title="{attr(title)}"' if title is not None else ""
    out.append(f'<a href="{attr(target)}"{titled}>{cdata("".join(label))}</a>')
    return after


def _emphasis(text: str, at: int, tables: bool, out: list[str], marker: str, tag: str) -> int | None:
    """``*text*`` as ``em`` or ``**text**`` as ``strong`` (``marker`` and ``tag``) from ``at``, its
    text plain, not starting or ending with a space, no star after it."""
    n = len(marker)
    inner: list[str] = []
    end = _plain(text, at + n, "*[<", tables, inner)
    if (end is None or not text.startswith(marker, end) or end == at + n or text[at + n].isspace()
            or text[end - 1].isspace() or text.startswith("*", end + n)):
        return None
    out.append(f"<{tag}>{cdata(''.join(inner))}</{tag}>")
    return end + n
