"""The page "Who said what": every direct quotation, grouped by speaker.

Each quotation is shown in the words of each source that prints it, so two
translations stand side by side, each cited; sources that print the very same
words share one line, which names and cites the first ``MAX_CITED`` of them.
A quotation printed by several sources is a list of its own under "Quoted by N
sources:"; the speaker's quotations printed by one source each come after, in
one list under "Quoted by one source each:" (or with no line when there is
nothing before them), so that no list mixes one statement's versions with
other statements.
A quotation spanning paragraphs is shown with ¶ where the source starts a new
paragraph. After the sources comes the setting when the attribution gives one
("in a statement", "told lawmakers before the vote"), in the source's words.
A speaker with more than ``LINES_PER_PART`` wordings is shown in parts, the later ones headed
"(continued)"; what does not fit on the page continues on further pages (``continued``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from markupsafe import Markup

from build_scripts.model import CitedQuote, Document, GeneratedPage, Speaker
from build_scripts.pages.continued import paged, pages_line
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.data_files import quotes_json
from build_scripts.render.templates import render

SRC_URI = "quotes.md"
MAX_CITED = 3
LINES_PER_PART = 40
"""Wordings of one speaker shown together; a speaker with more continues in further parts."""
_KIND = {"person": "person", "body": "organisation or body"}


def quote_text(q: CitedQuote) -> str:
    """The quotation's words, white space folded: renderings with the same words share a line."""
    return " ¶ ".join(" ".join(p.text.split()) for p in q.quote.parts)


def _setting(same: list[CitedQuote]) -> str | None:
    """When, where or how it was said, as the sources word it, when they all word it alike."""
    settings = {q.quote.setting for q in same}
    return settings.pop() if len(settings) == 1 else None


def _by_wording(quotes: list[CitedQuote]) -> list[list[CitedQuote]]:
    """Renderings in the same words shown once: a wire quotation printed by a thousand
    sources is one line naming a few of them, not a thousand lines."""
    same: dict[str, list[CitedQuote]] = {}
    for q in quotes:
        same.setdefault(quote_text(q), []).append(q)
    return list(same.values())


def _line(same: list[CitedQuote], docs: dict[str, Document], src: str) -> tuple[dict[str, Any], list[str]]:
    """What the template shows of one wording, and the footnotes it needs on page ``src``."""
    cited = same[:MAX_CITED]
    line = {"parts": [p.text for p in same[0].quote.parts], "cited": cited,
            "who": [publisher_name(docs[q.quote.source_id]) for q in cited],
            "more": len(same) - len(cited), "setting": _setting(same)}
    return line, [footnote(src, docs[q.sentence.source_id], q.sentence) for q in cited]


Part = tuple[Speaker, list[tuple[int, list[CitedQuote]]], int]
"""A speaker, some of their wordings (each with the index of its group: -1 when quoted by one
source), and which part of the speaker's quotations this is (1 for the first)."""


def _parts(speaker: Speaker) -> list[Part]:
    """The speaker's wordings, cut into parts of ``LINES_PER_PART`` (a page holds whole parts)."""
    wordings: list[tuple[int, list[CitedQuote]]] = []
    singles = []
    for i, group in enumerate(speaker.groups):
        if len(group.sources) > 1:
            wordings += [(i, same) for same in _by_wording(group.quotes)]
        else:
            singles += [(-1, same) for same in _by_wording(group.quotes)]
    wordings += singles
    return [(speaker, wordings[at:at + LINES_PER_PART], at // LINES_PER_PART + 1)
            for at in range(0, max(1, len(wordings)), LINES_PER_PART)]


def _render_part(part: Part, docs: dict[str, Document], src: str) -> tuple[str, list[str]]:
    """One part of a speaker's quotations as markdown, and the footnotes it needs on ``src``."""
    speaker, wordings, number = part
    notes: list[str] = []
    count = sum(len(g.quotes) for g in speaker.groups)
    facts = [f"{count} quotation{'s' if count != 1 else ''}"]
    if speaker.kind in _KIND:
        facts.append(_KIND[speaker.kind])
    roles = speaker.roles if number == 1 else []
    notes += [footnote(src, docs[r.sentence.source_id], r.sentence) for r in roles]
    groups: dict[int, list[dict[str, Any]]] = {}
    singles = []
    for index, same in wordings:
        line, line_notes = _line(same, docs, src)
        notes += line_notes
        if index < 0:
            singles.append(line)
        else:
            groups.setdefault(index, []).append(line)
    shown = {"name": speaker.name, "continued": number > 1, "facts": facts, "roles": roles,
             "groups": [{"sources": len(speaker.groups[i].sources), "lines": lines} for i, lines in groups.items()],
             "singles": singles}
    return render("quotes-speaker.md.j2", sp=shown), notes


def render_quotes_pages(speakers: list[Speaker], docs: dict[str, Document]) -> list[tuple[str, str]]:
    """(src_uri, markdown) of the page and its continuation pages: speakers in the analysis'
    order, a speaker with very many quotations over several parts."""
    pages = paged([part for sp in speakers for part in _parts(sp)], SRC_URI,
                  lambda part, uri: _render_part(part, docs, uri))
    uris = [uri for uri, _ in pages]
    out = []
    for number, (uri, parts) in enumerate(pages, start=1):
        title = "Who said what" if number == 1 else f"Who said what ({number})"
        out.append((uri, render("quotes.md.j2", title=title, intro=[], first=number == 1,
                                speakers=[Markup(md) for _, md, _ in parts],
                                pages_line=Markup(pages_line(number, uris)) if len(uris) > 1 else "",
                                notes=[Markup(n) for n in dict.fromkeys(n for _, _, ns in parts for n in ns)])))
    return out


def render_quotes_page(speakers: list[Speaker], docs: dict[str, Document]) -> str:
    """The first page (the only one unless there are very many quotations)."""
    return render_quotes_pages(speakers, docs)[0][1]


def _render(view: SiteView) -> Rendered:
    speakers = view.analysis.speakers
    pages = view.kept("quotes pages", speakers, partial(render_quotes_pages, speakers, view.docs))
    return Rendered([GeneratedPage(uri, markdown, uri == SRC_URI) for uri, markdown in pages])


KIND = PageKind("quotations", 40, nav_entry("Who said what", SRC_URI), _render, (
    DataFile("quotes.json", lambda view: view.kept("quotes.json", view.analysis.speakers,
                                                   partial(quotes_json, view.analysis.speakers)),
             "data/schemas/quotes.schema.json"),
))
