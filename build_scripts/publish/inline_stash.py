"""Lines of a page's body written as HTML here, and only stand-ins handed to Python-Markdown
(issue 20).

The timeline, country and topic pages are thousands of list items, each a sentence with its date,
emphasis, links and footnote references. Python-Markdown's inline processing of them, and its
reading of the references' raw HTML, took about 0.9 s of the 1.4 s it spent on those pages of the
1,000-source benchmark. ``stash`` writes each such line's HTML itself (``inline_markdown``) and
leaves in its place a stand-in, a number between two characters of Unicode's private use area,
which Python-Markdown carries through as text; ``put`` puts the HTML back after conversion.

A line is written here only where Python-Markdown would convert exactly that line's text as one
run of inline markup, so that the block structure it builds (lists, nesting, loose items,
paragraphs, attribute lists) is the same with the stand-in:

- a bullet item (``- ``, at an indentation of four spaces a level) whose neighbours are blank
  lines or bullet items one level deeper at most (any other line would continue its text);
- every line of a paragraph, at the top level or indented four spaces in the continuation of a
  list, the last line possibly an attribute list (``{: .class }``);

and the line's text does not start as a block would (a heading, a quote, an ordered item, an
admonition...). A table at the top level, a block of its own with a pipe at both ends of every
row, is written here whole when the ``tables`` extension has its default settings: its stand-in
is a paragraph, which ``put`` replaces with the table as the extension writes it, each cell
written by ``inline`` (the table of all sources, a thousand rows, was nearly all the conversion
of its page: 0.15 s at 1,000 sources). A cell may instead be one HTML comment (a late insert's
place); a backtick, an escaped backslash or a cell ``inline`` does not read leaves the table to
Python-Markdown. A page with a tab, a fenced code block, a stand-in character or raw HTML other
than the generator's inline tags and comments on lines of their own is left alone: Python-Markdown
reads raw HTML with a parser that a tag taken out of the text could make read the rest otherwise.
``tests/unit/publish/test_inline_stash.py`` compares the result with Python-Markdown's on every
generated page of the seed case and on made-up pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from build_scripts.publish.inline_markdown import TAG, inline

OPEN, CLOSE = "\ue000", "\ue001"
_PLACE = re.compile(f"{OPEN}([0-9]+){CLOSE}")
KNOWN_EXTENSIONS = frozenset({"admonition", "attr_list", "fenced_code", "footnotes", "pymdownx.details",
                              "tables", "toc"})
"""Extensions whose block syntax is known here (MkDocs adds ``toc``, ``tables`` and ``fenced_code``)."""

_BULLET = re.compile(r"((?:    )*)[-*+] (?=\S)")
"""A bullet item at an indentation of four spaces a level; its text follows."""
_ANY_ITEM = re.compile(r" *(?:[-*+]|\d+[.)])(?: |$)")
_BLOCK_START = re.compile(r"[#>=+\-|!?:{<~`\[(*_]|\d+[.)](?:\s|$)")
"""How the text of a line may start for Python-Markdown to read a block there (or, for ``[``,
``(``, ``*`` and ``_``, where it is looked at more closely: ``_starts_block``)."""
_LINK_DEFINITION = re.compile(r"\[[^\]]*\]:")
_ATTRIBUTES = re.compile(r"\{:?[ ]*[^}\n ][^\n]*[ ]*\}[ ]*")
"""An attribute list on a line of its own, as the ``attr_list`` extension reads it after a paragraph."""
_COMMENT = re.compile(r" {0,3}<!--(?:(?!-->).)*-->")
_COMMENT_LINE = re.compile(r"^ {0,3}<!--(?:(?!-->).)*-->$", re.M)
"""An HTML comment on a line of its own, such as the places of inserts: the only raw HTML besides
``TAG`` that a page written here may hold."""
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.M)
_CELL_COMMENT = re.compile(r"<!--(?:(?!-->)[^<>])*-->")
"""A table cell that is one HTML comment: Python-Markdown passes it through as it is."""
_PIPE = re.compile(r"(?<!\\)\|")
"""A pipe that ends a cell, in a row with no backtick and no escaped backslash (``_cells``)."""
_SEPARATOR = re.compile(r":?-+:?")
_ALIGN = {(True, True): "center", (True, False): "left", (False, True): "right"}
_BLOCK_PLACE = re.compile(f"<p>{OPEN}([0-9]+){CLOSE}</p>")
"""A table's stand-in after conversion: a paragraph of its own."""


@dataclass(frozen=True)
class Stashed:
    markdown: str
    """The page's markdown with a stand-in for each line written here."""
    parts: tuple[str, ...]
    """The HTML of each stand-in, by its number; links to markdown files as written."""


def applies(extensions: Iterable[str]) -> bool:
    return set(extensions) <= KNOWN_EXTENSIONS


def _starts_block(text: str) -> bool:
    """Whether Python-Markdown could read the start of ``text`` as more than inline markup."""
    if not _BLOCK_START.match(text):
        return False
    if text[0] == "[":
        return text.startswith("[^") or _LINK_DEFINITION.match(text) is not None
    if text[0] == "(":
        return False
    if text[0] == "*":  # emphasis, or a rule or an item when a space or another star follows
        return text[1:2].isspace() or text.startswith(("* ", "***", "* *"))
    return True


def _bullet(line: str) -> tuple[int, int] | None:
    """The level of a bullet item and where its text starts."""
    m = _BULLET.match(line)
    return (len(m[1]) // 4, m.end()) if m else None


def line_html(text: str, tables: bool) -> str | None:
    """The HTML of the text of a paragraph's line or a list item, when it is written here: text
    Python-Markdown reads as inline markup only, and as ``inline`` does."""
    if _starts_block(text) or (tables and "|" in text):  # a pipe could make the block a table
        return None
    return inline(text, tables, tags=True)


def stash(markdown: str, tables: bool = True, table_blocks: bool = True) -> Stashed | None:
    """The page with the lines written here replaced by stand-ins, or None if none is. ``tables``:
    whether the ``tables`` extension is on; ``table_blocks``: whether with its default settings
    (then tables are written here)."""
    if OPEN in markdown or CLOSE in markdown or "\t" in markdown or "\r" in markdown or _FENCE.search(markdown):
        return None
    lines = markdown.split("\n")
    if lines[0] and not lines[0].strip(" "):
        return None  # spaces on the first line: Python-Markdown blanks only the lines after a newline
    parts: list[str] = []
    tabled: dict[int, range] = {}  # the blocks of tables written here, by first line
    if tables and table_blocks and "|" in markdown:
        for block in _blocks(lines):
            html = _table(lines, block)
            if html is not None:
                tabled[block.start] = block
                lines[block.start] = f"{OPEN}{len(parts)}{CLOSE}"
                parts.append(html)
    dropped = {i for block in tabled.values() for i in block[1:]}  # a table's stand-in takes its first line
    rest = "\n".join(line for i, line in enumerate(lines) if i not in dropped) if dropped else markdown
    if "<" in _COMMENT_LINE.sub("", TAG.sub("", rest)):
        return None  # raw HTML: how Python-Markdown reads a block of it depends on every tag before
    in_list = False  # the last top-level block was a bullet list: an indented block continues it

    def put(index: int, keep: int, html: str) -> None:
        """Line ``index`` a stand-in for ``html`` after its first ``keep`` characters."""
        lines[index] = f"{lines[index][:keep]}{OPEN}{len(parts)}{CLOSE}"
        parts.append(html)

    for block in _blocks(lines):
        at = block.start
        if at in tabled:
            in_list = False  # a block at the top level ends a list
            continue
        if any(_COMMENT.fullmatch(lines[i]) for i in block):
            in_list = False  # a block of raw HTML, after which an indented block is code
            continue
        first = lines[at]
        base = len(first) - len(first.lstrip(" "))
        if base == 0 or (base == 4 and in_list):
            first_item = _bullet(first)
            if first_item is not None and first_item[0] == base // 4:
                # A line that is no item may be a heading or a rule after which the list is over.
                in_list = _list_block(lines, block, base // 4, tables, put)
            elif not _ANY_ITEM.match(first):
                _paragraph(lines, block, base, tables, put)
                in_list = in_list and base == 4
            else:
                in_list = False
        else:
            in_list = in_list and base >= 4
    if not parts:
        return None
    return Stashed("\n".join(line for i, line in enumerate(lines) if i not in dropped), tuple(parts))


def _blocks(lines: list[str]) -> list[range]:
    """The blocks of the page: runs of lines not blank to Python-Markdown (spaces only, not any
    white space)."""
    blocks, at, end = [], 0, len(lines)
    while at < end:
        if not lines[at].strip(" "):
            at += 1
            continue
        stop = at
        while stop < end and lines[stop].strip(" "):
            stop += 1
        blocks.append(range(at, stop))
        at = stop
    return blocks


def _cells(row: str) -> list[str] | None:
    """The cells of a table's row as the ``tables`` extension splits them, for a row with a pipe at
    both ends and neither a backtick nor an escaped backslash (either weighs in its split)."""
    if not (row.startswith("|") and row.endswith("|")) or row.endswith("\\|") or "`" in row or "\\\\" in row:
        return None
    return [cell.strip(" ") for cell in _PIPE.split(row[1:-1])]


def _table(lines: list[str], block: range) -> str | None:
    """The HTML of a block that is a table as written here (see the module's docstring), else None."""
    if len(block) < 3 or lines[block.start].startswith(" "):
        return None  # no row (the extension writes an empty one), or not at the top level
    rows: list[list[str]] = []
    for i in block:
        row = _cells(lines[i])
        if row is None:
            return None
        rows.append(row)
    header, separator, *body = rows
    if len(header) < 2 or any(len(row) != len(header) for row in (separator, *body)):
        return None
    if not all(_SEPARATOR.fullmatch(cell) for cell in separator):
        return None
    styles = [f' style="text-align: {_ALIGN[cell.startswith(":"), cell.endswith(":")]};"'
              if cell.startswith(":") or cell.endswith(":") else "" for cell in separator]
    out = ["<table>\n<thead>\n"]
    for n, row in enumerate([header, *body]):
        tag = "th" if n == 0 else "td"
        out.append("<tr>\n")
        for cell, style in zip(row, styles, strict=True):
            html = cell if _CELL_COMMENT.fullmatch(cell) else inline(cell, True) if cell else ""
            if html is None:
                return None
            out.append(f"<{tag}{style}>{html}</{tag}>\n")
        out.append("</tr>\n</thead>\n<tbody>\n" if n == 0 else "</tr>\n")
    out.append("</tbody>\n</table>")
    return "".join(out)


_Put = Callable[[int, int, str], None]


def _list_block(lines: list[str], block: range, base: int, tables: bool, put: _Put) -> bool:
    """The bullet items of a list's block written here where their neighbours allow; whether the
    block is a list to its end (every line an item, no level skipped)."""
    items = [_bullet(lines[i]) for i in block]
    previous = base  # the line before the block is blank: its first line opens a list at ``base``
    for n, i in enumerate(block):
        item = items[n]
        if item is None:  # a line that is no item: a heading or a rule there would split the block,
            return False  # and the lines after it may be no list at all
        level, start = item
        if level > previous + 1 or (n == 0 and level != base) or level < base:
            return False  # a level skipped: the line continues the text of the item before, and so may the next
        previous = level
        after = items[n + 1] if n + 1 < len(items) else (level, 0)
        if after is None or after[0] > level + 1:
            continue  # the line after continues this item's text
        html = line_html(lines[i][start:], tables)
        if html is not None:
            put(i, start, html)
    return True


def _paragraph(lines: list[str], block: range, indent: int, tables: bool, put: _Put) -> None:
    """Every line of a paragraph written here, or none (its lines are one run of inline markup)."""
    written = []
    last = block[-1]
    attributes = len(block) > 1 and _ATTRIBUTES.fullmatch(lines[last][indent:]) is not None
    for i in block:
        if i == last and attributes:
            break
        line = lines[i]
        if len(line) - len(line.lstrip(" ")) != indent or _ATTRIBUTES.fullmatch(line[indent:]):
            return
        html = line_html(line[indent:], tables)
        if html is None:
            return
        written.append((i, html))
    for i, html in written:
        put(i, indent, html)


def put(html: str, parts: tuple[str, ...]) -> tuple[str, bool]:
    """The converted page with each part in place of its stand-in, and whether every stand-in was
    found once."""
    seen: list[int] = []

    def part(match: re.Match[str]) -> str:  # a line's, within its paragraph or item
        n = int(match[1])
        if n >= len(parts) or parts[n].startswith("<table>"):
            return match[0]
        seen.append(n)
        return parts[n]

    def table(match: re.Match[str]) -> str:  # a table's, the paragraph it was
        n = int(match[1])
        if n >= len(parts) or not parts[n].startswith("<table>"):
            return match[0]
        seen.append(n)
        return parts[n]

    out = _PLACE.sub(part, _BLOCK_PLACE.sub(table, html) if "<p>" + OPEN in html else html)
    return out, sorted(seen) == list(range(len(parts)))


class Pages:
    """The lines written here of each page of a build. Under ``mkdocs serve`` a page whose
    markdown is unchanged is not looked at again (and keeps the same parts object)."""

    def __init__(self) -> None:
        self._on = False
        self._tables = False
        self._table_blocks = False
        self._parts: dict[str, tuple[str, ...]] = {}
        self._kept: dict[str, tuple[str, Stashed | None]] = {}
        self._used: dict[str, tuple[str, Stashed | None]] = {}

    def configure(self, extensions: Iterable[str], configs: Mapping[str, object] | None = None) -> None:
        """The site's Markdown extensions and their settings; what was stashed under others is forgotten."""
        names = list(extensions)
        tables = "tables" in names
        settings = (applies(names), tables, tables and not (configs or {}).get("tables"))  # the extension's defaults
        if settings != (self._on, self._tables, self._table_blocks):
            self._kept, self._used = {}, {}
        self._on, self._tables, self._table_blocks = settings

    def start(self) -> None:
        """A new build: what the last one stashed is looked up (a build that made no page leaves
        the one before)."""
        if self._used:
            self._kept = self._used
        self._used, self._parts = {}, {}

    def apart(self, src_uri: str, markdown: str, unless: Callable[[str], object] | None = None) -> str:
        """The page's markdown to convert; its parts are kept for ``parts``. A page for which
        ``unless`` gives anything but None is left as it is (one written otherwise)."""
        if not self._on:
            return markdown
        last = self._used.get(src_uri) or self._kept.get(src_uri)
        if last is not None and last[0] == markdown:
            stashed = last[1]
        else:
            stashed = (None if unless is not None and unless(markdown) is not None
                       else stash(markdown, self._tables, self._table_blocks))
        self._used[src_uri] = (markdown, stashed)
        if stashed is None:
            return markdown
        self._parts[src_uri] = stashed.parts
        return stashed.markdown

    def parts(self, src_uri: str) -> tuple[str, ...] | None:
        """The page's parts, if lines of it were written here."""
        return self._parts.get(src_uri)
