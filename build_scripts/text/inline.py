"""Inline markdown in a line of article text: the plain words, and where the markup was.

A source's article is markdown, as a reader's clipping tool writes it: ``**East Shield**``,
``*in italics*``, ``[our earlier report](https://…)``, ``![a photo](…)``, ``\\*``. The sentences
are the plain words (``East Shield``, ``our earlier report``), so a statement, a quotation or a
footnote never shows the marks; the source page shows the emphasis and each link's text with its
address after it, as text (``runs``). A reference link (``[text][1]``, with ``[1]: https://…`` on
a line of its own) is read as a link and its definition line left out. Images are left out
(their text describes a picture, it is not the article's). Nothing else is markup here: HTML
stays text, and stars, underscores or brackets that do not make an emphasis or a link
(``5 * 3``, ``file_name``, ``Ukraine*``, ``[Reuters]``) stay as they are.

The patterns cannot take long on any line: what an emphasis or a link may hold stops at the next
mark of its own kind, so no match looks further than that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_URL = r"(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)"
"""A link's address: in angle brackets, or without spaces, holding balanced parentheses only."""
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
_LABEL = r"(?:[^\[\]\\\n]|\\.)+"

_INLINE = re.compile(
    r"(?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))"
    rf"|(?P<image>!\[(?:{_LABEL})?\]\(\s*{_URL}{_TITLE}\s*\))"
    rf"|(?P<link>\[(?P<label>{_LABEL})\]\(\s*(?P<href>{_URL}){_TITLE}\s*\))"
    rf"|(?P<ref>\[(?P<ref_label>{_LABEL})\](?:\[(?P<ref_id>{_LABEL})?\])?)"
    r"|(?P<autolink><(?P<auto>https?://[^\s<>]+)>)"
    r"|(?P<both>\*\*\*(?=[^\s*])(?P<both_in>[^*]+?)(?<=[^\s*])\*\*\*)"
    r"|(?P<strong>\*\*(?=[^\s*])(?P<strong_in>(?:[^*]|\*(?!\*))+?)(?<=[^\s*])\*\*(?!\*))"
    r"|(?P<ustrong>(?<![\w\\])__(?=[^\s_])(?P<ustrong_in>(?:[^_]|_(?!_))+?)(?<=[^\s_])__(?!\w))"
    r"|(?P<em>(?<![\w*\\])\*(?=[^\s*])(?P<em_in>[^*]+?)(?<=[^\s*])\*(?![\w*]))"
    r"|(?P<uem>(?<![\w\\])_(?=[^\s_])(?P<uem_in>[^_]+?)(?<=[^\s_])_(?!\w))"
)
_MAY_HOLD = ("*", "_", "[", "\\", "<")
"""A line holding none of these has no inline markup (every pattern starts with one of them)."""
_SPACES = re.compile(r"\s+")
"""A run of whitespace: ``\\s`` is what ``str.isspace`` accepts, as ``str.split`` splits at."""
_DEFINITION = re.compile(
    rf"^[ ]{{0,3}}\[(?P<label>{_LABEL})\]:[ \t]*(?P<href><[^<>\n]*>|\S+){_TITLE}[ \t]*$")
"""A reference link's definition, a line of its own: ``[1]: https://example.org/ "Title"``."""
_QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
"""A block quote's marks at the start of a line, nested ones included."""


@dataclass(frozen=True)
class Run:
    """A stretch ``[start, end)`` of the plain text that was emphasised or a link's text."""

    start: int
    end: int
    strong: bool = False
    em: bool = False
    href: str | None = None
    """The address of the link whose text this is, as written (never followed)."""
    link: int = 0
    """Which link of the line (1, 2, …) the text belongs to; 0 for none. A link's text may be
    several runs (``[a **b**](u)``): its address is shown once, after the last."""


def may_hold_markup(text: str) -> bool:
    return any(mark in text for mark in _MAY_HOLD)


def strip_quote(text: str) -> tuple[str, bool]:
    """A line without its block quote's ``>`` marks; True when it had them."""
    if ">" not in text[:4]:
        return text, False
    match = _QUOTE.match(text)
    if match is None:
        return text, False
    return text[match.end():], True


def _ref_key(label: str) -> str:
    """A reference's label as markdown matches it: case and spacing aside."""
    return " ".join(label.casefold().split())


def _address(written: str) -> str:
    return (written[1:-1] if written.startswith("<") and written.endswith(">") else written).strip()


def definitions(body: str) -> dict[str, str]:
    """The reference links a body defines, by label (the first definition of a label counts)."""
    found: dict[str, str] = {}
    if "]:" not in body:
        return found
    for line in body.split("\n"):
        match = _DEFINITION.match(line) if "]:" in line else None
        if match is not None:
            found.setdefault(_ref_key(match.group("label")), _address(match.group("href")))
    return found


def is_definition(text: str, refs: Mapping[str, str]) -> bool:
    """True for a line that defines a reference link of ``refs`` (markup: no words of the article)."""
    if not refs or "]:" not in text:
        return False
    match = _DEFINITION.match(text)
    return match is not None and _ref_key(match.group("label")) in refs


_Piece = tuple[str, bool, bool, "str | None", int]


@dataclass
class _State:
    refs: Mapping[str, str]
    links: int = 0
    """The links seen so far."""


def _pieces(text: str, strong: bool, em: bool, href: str | None, link: int, out: list[_Piece],
            state: _State) -> None:
    """``out`` gets each stretch of ``text`` with its marks."""
    cursor = 0
    for match in _INLINE.finditer(text):
        if match.start() > cursor:
            out.append((text[cursor:match.start()], strong, em, href, link))
        cursor = match.end()
        kind = match.lastgroup  # the outer group of the alternative that matched
        if kind == "escape":
            out.append((match.group("escaped"), strong, em, href, link))
        elif kind == "image":
            continue
        elif kind == "link":
            state.links += 1
            address = _address(match.group("href"))
            _pieces(match.group("label"), strong, em, address or href, state.links, out, state)
        elif kind == "ref":
            label, ref = match.group("ref_label"), match.group("ref_id")
            target = state.refs.get(_ref_key(ref or label))
            if target is not None:
                state.links += 1
                _pieces(label, strong, em, target or href, state.links, out, state)
            else:  # not a reference this body defines: brackets and all, as written
                out.append(("[", strong, em, href, link))
                _pieces(label, strong, em, href, link, out, state)
                out.append((match.group(0)[len(label) + 1:], strong, em, href, link))
        elif kind == "autolink":
            state.links += 1
            out.append((match.group("auto"), strong, em, match.group("auto"), state.links))
        else:
            bold = kind in ("both", "strong", "ustrong")
            italic = kind in ("both", "em", "uem")
            _pieces(match.group(f"{kind}_in"), strong or bold, em or italic, href, link, out, state)
    if cursor < len(text):
        out.append((text[cursor:], strong, em, href, link))


def plain_and_runs(text: str, refs: Mapping[str, str] | None = None) -> tuple[str, tuple[Run, ...]]:
    """The line's plain words, spaces squeezed as ``lines.squeeze`` does, and its marked runs;
    ``refs`` are the reference links its body defines (``definitions``)."""
    if not may_hold_markup(text):
        return " ".join(text.split()), ()
    pieces: list[_Piece] = []
    _pieces(text, False, False, None, 0, pieces, _State(refs or {}))
    plain: list[str] = []
    length = 0
    runs: list[Run] = []
    space = True  # after a space, or at the start: a space is dropped
    for piece, strong, em, href, link in pieces:
        piece = _SPACES.sub(" ", piece)
        if space and piece.startswith(" "):
            piece = piece[1:]
        if not piece:
            continue
        plain.append(piece)
        if strong or em or href:
            runs.append(Run(length, length + len(piece), strong, em, href, link))
        length += len(piece)
        space = piece.endswith(" ")
    joined = "".join(plain)
    if joined.endswith(" "):
        joined = joined[:-1]
    kept = (_trimmed(run, joined) for run in runs)
    return joined, tuple(r for r in kept if r.end > r.start)


def _trimmed(run: Run, plain: str) -> Run:
    """A run without the spaces at its ends (a space kept from its markup belongs to no word)."""
    start, end = run.start, min(run.end, len(plain))
    while start < end and plain[start] == " ":
        start += 1
    while end > start and plain[end - 1] == " ":
        end -= 1
    return Run(start, end, run.strong, run.em, run.href, run.link)


def plain_text(text: str, refs: Mapping[str, str] | None = None) -> str:
    """The line's plain words: ``plain_and_runs(text, refs)[0]``."""
    return plain_and_runs(text, refs)[0]
