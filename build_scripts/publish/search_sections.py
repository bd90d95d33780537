"""Material's search parser, its handlers keeping counts where they intersected sets.

Material's parser divides a page into sections with three handlers, for a start tag, an end tag
and text. For every tag and every piece of text they intersect the set of elements skipped with
the list of open elements (``Element`` compares by its tag, in Python), look for the section's
heading among the open elements, and build the list of heading names anew: on the 10,199 pages
of the 10,000-source benchmark about 4.5 s of CPU, most of it on the sentences' ``<span>``s of
the source pages (issue 20). The handlers here do the same with a count of the open elements of
each tag and the set of skipped tags, so that each question is a lookup.

They answer every question as Material's do, its quirks included: elements compare by tag, so
an element is "skipped" while any open element has the tag of one marked ``data-search-exclude``,
and the first end tag of that name takes the mark away; the title of a section collects text
while any open element has its heading's tag. The sections made (ids, titles, texts, depths,
headings) are Material's: ``tests/unit/publish/test_search_sections.py`` compares both on a
generated page, made-up HTML and every page of the seed site.
"""

from __future__ import annotations

import sys
from html import escape
from typing import Any

from build_scripts.publish.search_parser import PLUGIN, replace_parser

_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_KEPT_SKIPPED = ("script", "style", "object")
"""Tags whose skip Material never takes away."""


def start(parser: Any) -> None:
    """The counts a fresh parser starts with (after Material's own ``__init__``)."""
    parser.open_tags = {}
    """Each tag of the open elements (``context``), with how many are open; none at zero."""
    parser.skip_tags = {el if isinstance(el, str) else el.tag for el in parser.skip}
    parser.permalinks = 0
    """Open ``<a class="headerlink">`` elements."""


def _skipping(parser: Any) -> bool:
    return not parser.skip_tags.isdisjoint(parser.open_tags)


def _is_permalink(el: Any) -> bool:
    return bool(el.tag == "a" and el.attrs.get("class") == "headerlink")


def handle_starttag(parser: Any, tag: str, attrs: list[tuple[str, str | None]]) -> None:
    module = sys.modules[PLUGIN]
    found = dict(attrs)
    if tag in module.void:  # a self-closing tag: nothing is opened
        return
    el = module.Element(tag, found)
    parser.context.append(el)
    open_tags = parser.open_tags
    open_tags[tag] = open_tags.get(tag, 0) + 1
    if tag == "a" and found.get("class") == "headerlink":
        parser.permalinks += 1
    if tag in _HEADINGS and "id" in found:
        depth = len(parser.context)
        if tag != "h1" and not parser.data:  # a top-level section first
            parser.section = module.Section(module.Element("hx"), depth)
            parser.data.append(parser.section)
        parser.section = module.Section(el, depth)
        if parser.data:
            parser.section.id = found["id"]
        parser.data.append(parser.section)
    if not parser.section:  # the preface
        parser.section = module.Section(module.Element("hx"))
        parser.data.append(parser.section)
    for key, value in found.items():
        if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
            parser.skip.add(el)
            parser.skip_tags.add(tag)
            return
    if tag in parser.keep and not _skipping(parser):
        section = parser.section
        (section.title if section.el.tag in open_tags else section.text).append(f"<{tag}>")


def handle_endtag(parser: Any, tag: str) -> None:
    context = parser.context
    if not context or context[-1].tag != tag:
        return
    if parser.section.depth > len(context):  # leaving a heading's parent: back to an earlier section
        for section in reversed(parser.data):
            if section.depth <= len(context):
                parser.section.depth = float("inf")
                parser.section = section
                break
    el = context.pop()
    open_tags = parser.open_tags
    if open_tags[tag] == 1:
        del open_tags[tag]
    else:
        open_tags[tag] -= 1
    if _is_permalink(el):
        parser.permalinks -= 1
    if tag in parser.skip_tags:
        if tag not in _KEPT_SKIPPED:
            parser.skip.remove(el)
            parser.skip_tags.discard(tag)
        return
    if tag in parser.keep and not _skipping(parser):
        section = parser.section
        data = section.title if section.el.tag in open_tags else section.text
        index = data.index(f"<{tag}>")
        for i in range(index + 1, len(data)):
            if not data[i].isspace():
                index = len(data)
                break
        if len(data) > index:  # nothing but white space since the start tag: both go
            del data[index:]
        else:
            data.append(f"</{tag}>")


def handle_data(parser: Any, data: str) -> None:
    open_tags = parser.open_tags
    if not parser.skip_tags.isdisjoint(open_tags):  # _skipping, written out: the most called handler
        return
    in_pre = "pre" in open_tags
    if not in_pre:
        data = " " if data.isspace() else data.replace("\n", " ")
    if not parser.section:
        parser.section = sys.modules[PLUGIN].Section(sys.modules[PLUGIN].Element("hx"))
        parser.data.append(parser.section)
    section = parser.section
    if section.el.tag in open_tags:
        if not parser.permalinks:
            section.title.append(escape(data, quote=False))
    elif data.isspace():
        text = section.text
        if not text or not text[-1].isspace() or in_pre:
            text.append(data)
    else:
        section.text.append(escape(data, quote=False))


def _marked(written: str) -> bool:
    """Whether a start tag's attributes, as written and in lower case, may make its element more
    than its text to the handlers (skipped, a permalink); a character reference may hide a mark."""
    return "data-search" in written or "linenodiv" in written or "headerlink" in written or "&" in written


def handle_flat(parser: Any, tag: str, written: str, text: str) -> bool:
    """An element that holds nothing but ``text``, handed whole by ``search_tokens``: when opening
    and closing it would change nothing but what the text adds, only the text is handled; else
    False, and its tags are handed too.

    That holds when there is a section, the element's tag is none the handlers look at (a heading,
    a tag kept or skipped, the section's own) and its attributes mark nothing. A void tag opens
    nothing, and its end tag is ignored. The end tag leaves the section as it is: the section
    changes at an end tag that closes an element deeper than its heading, and the last end tag
    that brought the context down to the flat element's parent tried that change already.
    Each condition is needed: without it a case of ``tests/unit/publish/test_search_sections.py`` fails."""
    section = parser.section
    if (section is None or tag in _HEADINGS or tag in parser.keep or tag in parser.skip_tags or tag == section.el.tag
            or (written and _marked(written.lower()))):
        return False
    if text:
        handle_data(parser, text)
    return True


def install() -> None:
    """Once per process, if Material's search plugin is loaded: its parser's handlers are those of
    this module as ``sys.modules`` holds it when a page is parsed."""
    replace_parser("_sections", _handling)


def _handling(parser: type) -> type:
    class Parser(parser):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            this = sys.modules.get(__name__)
            if this is None:
                return
            this.start(self)
            self.handle_starttag = this.handle_starttag.__get__(self)
            self.handle_endtag = this.handle_endtag.__get__(self)
            self.handle_data = this.handle_data.__get__(self)
            self.handle_flat = this.handle_flat.__get__(self)

    return Parser
