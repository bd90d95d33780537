"""The closing section of every generated page: the sources it cites."""

from __future__ import annotations

import re

from markupsafe import Markup

from build_scripts.model import Document
from build_scripts.render.citation import date_text, plain_title
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.templates import render

HEADING = "## Sources used on this page { data-search-exclude }"
FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Python-Markdown's marker: the footnotes go above this section, so the page ends with it."""
_LABEL = re.compile(r"\n\[\^(?P<id>[A-Za-z0-9][A-Za-z0-9._-]*?)-s-[0-9a-f]{10}(?:-\d+)?\]:")
r"""A footnote definition at the start of a line. The line's newline is part of the pattern
(not ``^`` in multiline mode) so the search can jump from one literal ``\n[^`` to the next:
a ``^`` is tried at every character of the page."""


_FOOTNOTE_DEFINITION = re.compile(r"\n\[\^[^\]\s]+\]:")
_DEFINITION_LINE = re.compile(r"\n\[\^(?P<label>[^\]\s]+)\]:[^\n]*")


def one_definition_each(markdown: str) -> str:
    """``markdown`` with each footnote defined once, by its fullest definition.

    A footnote under the statement that shows its sentence does not quote it; the same sentence
    cited elsewhere on the page (a member of another statement, a side of a disagreement) is quoted.
    Python-Markdown keeps the last definition of a label: the one kept here is the longest, in the
    place of the first, so the quotation is never lost where it is needed.
    """
    found: dict[str, list[re.Match[str]]] = {}
    text = "\n" + markdown
    for m in _DEFINITION_LINE.finditer(text):
        found.setdefault(m["label"], []).append(m)
    twice = {label: ms for label, ms in found.items() if len(ms) > 1}
    if not twice:
        return markdown
    replace: dict[int, str] = {}
    for ms in twice.values():
        if any(text.startswith(("\n    ", "\n\t"), m.end()) for m in ms):
            continue  # a definition of several lines: left as it is
        fullest = max(ms, key=lambda m: len(m[0]))[0]
        replace[ms[0].start()] = fullest
        for m in ms[1:]:
            replace[m.start()] = ""
    out, at = [], 0
    for m in _DEFINITION_LINE.finditer(text):
        if m.start() in replace:
            out += [text[at:m.start()], replace[m.start()]]
            at = m.end()
    out.append(text[at:])
    return "".join(out)[1:]


def cited_sources(markdown: str) -> list[str]:
    """The sources of the page's footnotes, in order of first footnote."""
    return list(dict.fromkeys(m.group("id") for m in _LABEL.finditer("\n" + markdown)))


def sources_used(markdown: str, page_src_uri: str, docs: dict[str, Document],
                 ids: list[str] | None = None, empty: str = "This page cites no source directly.") -> str:
    """``markdown`` with the section appended; ``ids`` overrides the sources found in its footnotes."""
    markdown = one_definition_each(markdown)
    ids = cited_sources(markdown) if ids is None else ids
    sources = [{"title": plain_title(docs[sid]), "link": relative(page_src_uri, source_src_uri(sid)),
                "publisher": docs[sid].source.meta.publisher, "date": date_text(docs[sid])} for sid in ids]
    # Python-Markdown replaces its marker by the footnotes, and leaves it as text on a page with none.
    footnotes = _FOOTNOTE_DEFINITION.search("\n" + markdown) is not None
    return render("sources-used.md.j2", markdown=Markup(markdown.rstrip("\n")), sources=sources, empty=Markup(empty),
                  footnotes=footnotes)
