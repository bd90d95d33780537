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
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from build_scripts.model import CitedQuote, Document, GeneratedPage, Speaker
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.data_files import quotes_json
from build_scripts.render.templates import render

SRC_URI = "quotes.md"
MAX_CITED = 3
_KIND = {"person": "person", "body": "organisation or body"}


def quote_text(q: CitedQuote) -> str:
    """The quotation's words, white space folded: renderings with the same words share a line."""
    return " ¶ ".join(" ".join(p.text.split()) for p in q.quote.parts)


def _speaker(speaker: Speaker, docs: dict[str, Document], notes: list[Markup]) -> dict[str, Any]:
    """What the template shows of one speaker; the footnotes it needs are added to ``notes``."""
    count = sum(len(g.quotes) for g in speaker.groups)
    facts = [f"{count} quotation{'s' if count != 1 else ''}"]
    if speaker.kind in _KIND:
        facts.append(_KIND[speaker.kind])
    notes += [Markup(footnote(SRC_URI, docs[r.sentence.source_id], r.sentence)) for r in speaker.roles]
    groups, singles = [], []
    for group in speaker.groups:
        lines = []
        for same in _by_wording(group.quotes):
            cited = same[:MAX_CITED]
            lines.append({"parts": [p.text for p in same[0].quote.parts], "cited": cited,
                          "who": [publisher_name(docs[q.quote.source_id]) for q in cited],
                          "more": len(same) - len(cited), "setting": _setting(same)})
            notes += [Markup(footnote(SRC_URI, docs[q.sentence.source_id], q.sentence)) for q in cited]
        if len(group.sources) > 1:
            groups.append({"sources": len(group.sources), "lines": lines})
        else:
            singles += lines
    return {"name": speaker.name, "facts": facts, "roles": speaker.roles, "groups": groups, "singles": singles}


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


def render_quotes_page(speakers: list[Speaker], docs: dict[str, Document]) -> str:
    notes: list[Markup] = []
    shown = [_speaker(sp, docs, notes) for sp in speakers]
    return render("quotes.md.j2", title="Who said what", intro=[], speakers=shown,
                  notes=list(dict.fromkeys(notes)))



def _render(view: SiteView) -> Rendered:
    return Rendered([GeneratedPage(SRC_URI, render_quotes_page(view.analysis.speakers, view.docs), True)])


KIND = PageKind("quotations", 40, nav_entry("Who said what", SRC_URI), _render, (
    DataFile("quotes.json", lambda view: quotes_json(view.analysis.speakers), "data/schemas/quotes.schema.json"),
))
