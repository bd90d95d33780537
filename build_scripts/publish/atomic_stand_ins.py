"""A Python-Markdown extension: a text of nothing but ``inline_stash``'s stand-ins is passed over
by the inline processing.

The timeline, country, topic and quotation pages are thousands of list items whose text is one
stand-in each. Python-Markdown's inline processor still tries every one of its patterns on each
such text, in vain: it holds no markup, only characters of Unicode's private use area and digits
(the inline processing of those pages was about 1.9 s of a 10,000-source build, py-spy; issue 20).
Marked ``AtomicString``, as Python-Markdown marks text it must not touch, such a text is left as
it is, which is what the patterns left of it. Added to the site's extensions by the hook when the
lines of pages are stashed (``inline_stash.applies``).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from build_scripts.publish.inline_stash import CLOSE, OPEN

NAME = "build_scripts.publish.atomic_stand_ins"
"""The extension as ``markdown_extensions`` names it."""
_ONLY_STAND_INS = re.compile(f"{OPEN}[0-9]+{CLOSE}(?:\n{OPEN}[0-9]+{CLOSE})*\n?")
"""Stand-ins, one a line, and nothing else (not even a space: two before a line's end make a break)."""
PRIORITY = 25
"""Before the inline processing (20), after the footnotes' (50)."""


class _Mark(Treeprocessor):  # type: ignore[misc]  # Python-Markdown has no type hints
    def run(self, root: Any) -> None:
        only = _ONLY_STAND_INS.fullmatch
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and text[0] == OPEN and only(text):
                element.text = AtomicString(text)
            if tail and tail[0] == OPEN and only(tail):
                element.tail = AtomicString(tail)


class AtomicStandIns(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Mark(md), "atomic_stand_ins", PRIORITY)


def makeExtension(**kwargs: Any) -> AtomicStandIns:
    return AtomicStandIns(**kwargs)
