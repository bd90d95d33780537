"""The generator's footnotes written as HTML, as Python-Markdown's ``footnotes`` extension writes
them, so Python-Markdown does not convert them (issue 20).

A generated page cites hundreds or thousands of sentences; each footnote holds three links.
Converting the definitions was about 60% of Python-Markdown's time on the footnote-heavy pages
(timeline, countries, topics: about 1 ms a KB of markdown, most of it inline processing of the
definitions), and MkDocs then looked at every link again.

``apart`` takes the definitions out of a page's markdown and makes their HTML here: each
reference becomes the raw HTML the extension would write (``<sup id="fnref:…">``), and the block
of footnotes an insert put in after conversion where the extension would have put it (its
marker, ``///Footnotes Go Here///``, or the end of the page). The numbering, the ids of repeated
references (``fnref2:…``) and the back-links follow the extension: definition order, the first
definition of a label keeping its place and the last its text.

Only what this generator writes is converted here: every definition must carry a generated label
(a source id and a sentence anchor) and hold what ``inline_markdown.inline`` writes (plain text,
escapes, character references, emphasis, links to an address or to a page's markdown file); anything
else (a footnote a researcher wrote on a topic page, say) leaves the whole page to Python-Markdown. So does a site
whose footnote settings or Markdown extensions this does not know. That the HTML is the
extension's, byte for byte, is what ``tests/unit/publish/test_footnotes.py`` checks on every
page kind of the seed case and on made-up text full of markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_scripts.publish.inline_markdown import attr, inline

SLOT = "<!--footnotes-->"
"""Where the footnotes go in the page's markdown: an HTML comment, which no escaped text can hold."""
MARKER = "///Footnotes Go Here///"
"""The extension's marker: its paragraph is replaced by the footnotes."""

KNOWN_EXTENSIONS = frozenset({"admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
                              "pymdownx.details", "sane_lists", "tables", "toc"})
"""Extensions that leave a generated footnote's text as it is (``abbr`` or ``smarty``, say, would
not). MkDocs adds ``toc``, ``tables`` and ``fenced_code`` to every site's list."""

_DEFINITION = re.compile(r"^\[\^([A-Za-z0-9][A-Za-z0-9._-]*?-s-[0-9a-f]{10}(?:-\d+)?)\]: (.*)$")
"""A definition this generator writes (``citation.footnote``), on a line of its own."""
_ANY_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:", re.M)
_REFERENCE = re.compile(r"\\.|(`+).+?(?<!`)\1(?!`)|\[\^((?:\\.|[^\]\\])*)\]")
"""A reference, where Python-Markdown finds one: not in code, not at an escaped bracket (its
escapes are read first, so an escaped character is never a bracket that ends a label)."""
_LINK_DEFINITION = re.compile(r"\[[^\[\]]*\]:")
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)", re.M)
"""A fenced code block, in which a reference stays text."""
BACKLINK_TITLE = "Jump back to footnote {} in the text"


@dataclass(frozen=True)
class Apart:
    markdown: str
    """The page's markdown: no definitions, each reference raw HTML, ``SLOT`` where the block goes."""
    html: str
    """The block of footnotes, its links to markdown files as written (MkDocs' addresses are made
    when it is put in, as for every insert)."""


def applies(extensions: Iterable[str], settings: Mapping[str, object]) -> bool:
    """Whether the site's Markdown is one whose footnotes this writes as the extension does."""
    names = set(extensions)
    return "footnotes" in names and names <= KNOWN_EXTENSIONS and not settings.get("footnotes")


def apart(markdown: str, tables: bool = True) -> Apart | None:
    """The page with its footnotes apart, or None when they are left to Python-Markdown (the page
    has none, or one this does not write)."""
    if "[^" not in markdown:
        return None
    lines = markdown.split("\n")
    texts: dict[str, str] = {}
    body: list[str] = []
    for at, line in enumerate(lines):
        m = _DEFINITION.match(line) if line.startswith("[^") else None
        if m is None:
            body.append(line)
            continue
        before = lines[at - 1] if at else ""
        after = lines[at + 1] if at + 1 < len(lines) else ""
        # The extension reads on into the lines below a definition (and into an indented block
        # after a blank line): only a definition on a line of its own, among blank lines or
        # other definitions, is the one line it is.
        if not _alone(before) or not _alone(after) or (not after.strip() and _indented_next(lines, at + 1)):
            return None
        texts[m[1]] = m[2]  # the first place, the last text: as the extension's ordered dict
    if not texts:
        return None
    rest = "\n".join(body)
    if _ANY_DEFINITION.search(rest) or _FENCE.search(rest):
        return None  # a definition this does not write, or code that could hold a reference
    if any(_LINK_DEFINITION.match(text) for text in texts.values()):
        return None  # Python-Markdown would read the note as a link's definition (a "]:" in a name)
    contents = {label: inline(text, tables) for label, text in texts.items()}
    if any(html is None for html in contents.values()):
        return None
    number = {label: n for n, label in enumerate(texts, start=1)}
    used: dict[str, int] = {}

    in_heading: list[str] = []

    def reference(m: re.Match[str]) -> str:
        label = m[2]
        if label not in number:
            return m[0]  # an escape, code, or a label with no definition: text
        if _in_heading(rest, m.start()):
            in_heading.append(label)
        used[label] = used.get(label, 0) + 1
        ref = "fnref" if used[label] == 1 else f"fnref{used[label]}"
        escaped = attr(label)
        return f'<sup id="{ref}:{escaped}"><a class="footnote-ref" href="#fn:{escaped}">{number[label]}</a></sup>'

    rest = _REFERENCE.sub(reference, rest)
    if in_heading:
        return None  # the table of contents names a heading by its text, the number of a raw reference too
    block = _block(contents, number, used)
    markers = rest.count(MARKER)
    if markers == 1 and _paragraph_alone(rest):
        rest = f"\n{rest}\n".replace(f"\n{MARKER}\n", f"\n{SLOT}\n", 1)[1:-1]
    elif markers:
        return None  # the marker inside a paragraph, or twice: left to the extension
    else:
        rest = f"{rest.rstrip()}\n\n{SLOT}\n"
    return Apart(rest, block)


def put(html: str, block: str) -> str:
    """The converted page with the block of footnotes in its place. Python-Markdown writes a
    blank line after a raw HTML block, and none after the extension's block."""
    if SLOT + "\n\n" in html:
        return html.replace(SLOT + "\n\n", block + "\n", 1)
    return html.replace(SLOT, block, 1)


_HEADING_START = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)*#")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*(?:\n|$)")


def _in_heading(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a heading (``# …``, or a line underlined by ``===`` or ``---``)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return bool(_HEADING_START.match(text, start)) or (end != -1 and _UNDERLINE.match(text, end + 1) is not None)


def _alone(line: str) -> bool:
    return not line.strip() or _DEFINITION.match(line) is not None


def _indented_next(lines: list[str], at: int) -> bool:
    """Whether the first line with text after ``at`` is indented (the extension's continuation)."""
    for line in lines[at:]:
        if line.strip():
            return line.startswith(("    ", "\t"))
    return False


def _paragraph_alone(markdown: str) -> bool:
    """Whether the marker is a paragraph of its own (blank lines around it)."""
    lines = markdown.split("\n")
    for at, line in enumerate(lines):
        if line == MARKER:
            before = lines[at - 1] if at else ""
            after = lines[at + 1] if at + 1 < len(lines) else ""
            return not before.strip() and not after.strip()
    return False


def _block(contents: dict[str, str | None], number: dict[str, int], used: dict[str, int]) -> str:
    items = []
    for label, html in contents.items():
        title = BACKLINK_TITLE.format(number[label])
        back = "".join(f'<a class="footnote-backref" href="#{"fnref" if n == 1 else f"fnref{n}"}:{attr(label)}" '
                       f'title="{title}">&#8617;</a>' for n in range(1, max(1, used.get(label, 0)) + 1))
        items.append(f'<li id="fn:{attr(label)}">\n<p>{html}&#160;{back}</p>\n</li>')
    return '<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>"


class Pages:
    """The footnotes of each page of a build, taken apart when the site's Markdown allows it.
    Under ``mkdocs serve`` a page whose markdown is unchanged is not taken apart again."""

    def __init__(self) -> None:
        self._on = False
        self._tables = False
        self._blocks: dict[str, str] = {}
        self._kept: dict[str, tuple[str, Apart | None]] = {}
        self._used: dict[str, tuple[str, Apart | None]] = {}

    def configure(self, extensions: Iterable[str], settings: Mapping[str, object]) -> None:
        names = list(extensions)
        self._on = applies(names, settings)
        self._tables = "tables" in names

    def start(self) -> None:
        """A new build: what the last one took apart is looked up (a build that made no page
        leaves the one before)."""
        if self._used:
            self._kept = self._used
        self._used, self._blocks = {}, {}

    def apart(self, src_uri: str, markdown: str) -> str:
        """The page's markdown to convert; its block of footnotes is kept for ``block``."""
        if not self._on:
            return markdown
        last = self._used.get(src_uri) or self._kept.get(src_uri)
        split = last[1] if last is not None and last[0] == markdown else apart(markdown, self._tables)
        self._used[src_uri] = (markdown, split)
        if split is None:
            return markdown
        self._blocks[src_uri] = split.html
        return split.markdown

    def block(self, src_uri: str) -> str | None:
        """The page's block of footnotes, if they were taken apart."""
        return self._blocks.get(src_uri)
