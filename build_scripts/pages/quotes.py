"""The page "Who said what": every direct quotation, grouped by speaker.

Each quotation is shown in the words of each source that prints it, so two
translations stand side by side, each cited; sources that print the very same
words share one line, which names and cites the first ``MAX_CITED`` of them.
A quotation spanning paragraphs is shown with ¶ where the source starts a new
paragraph.
"""

from __future__ import annotations

from build_scripts.model import CitedQuote, Document, GeneratedPage, Speaker
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import cite, footnote, publisher_name
from build_scripts.render.data_files import quotes_json
from build_scripts.render.escape import md_text
from build_scripts.render.page_head import page_head

SRC_URI = "quotes.md"
MAX_CITED = 3
_KIND = {"person": "person", "body": "organisation or body"}


def quote_text(q: CitedQuote) -> str:
    return " ¶ ".join(md_text(p.text) for p in q.quote.parts)


def _speaker_block(speaker: Speaker, docs: dict[str, Document], notes: list[str]) -> list[str]:
    count = sum(len(g.quotes) for g in speaker.groups)
    out = [f"## {md_text(speaker.name)}", ""]
    facts = [f"{count} quotation{'s' if count != 1 else ''}"]
    if speaker.kind in _KIND:
        facts.append(_KIND[speaker.kind])
    out += [" · ".join(facts), ""]
    if speaker.roles:
        roles = "; ".join(f"{md_text(r.quote.role or '')}{cite(r.sentence)}" for r in speaker.roles)
        out += [f"Described by the sources as: {roles}", ""]
        notes += [footnote(SRC_URI, docs[r.sentence.source_id], r.sentence) for r in speaker.roles]
    for group in speaker.groups:
        if len(group.sources) > 1:
            out += [f"Quoted by {len(group.sources)} sources:", ""]
        for same in _by_wording(group.quotes):
            cited = same[:MAX_CITED]
            who = ", ".join(md_text(publisher_name(docs[q.quote.source_id])) for q in cited)
            if len(same) > len(cited):
                who += f" and {len(same) - len(cited)} more"
            refs = "".join(cite(q.sentence) for q in cited)
            out.append(f'- “<span class="quote-text">{quote_text(same[0])}</span>” ({who}){refs}')
            notes += [footnote(SRC_URI, docs[q.sentence.source_id], q.sentence) for q in cited]
        out.append("")
    return out


def _by_wording(quotes: list[CitedQuote]) -> list[list[CitedQuote]]:
    """Renderings in the same words shown once: a wire quotation printed by a thousand
    sources is one line naming a few of them, not a thousand lines."""
    same: dict[str, list[CitedQuote]] = {}
    for q in quotes:
        same.setdefault(quote_text(q), []).append(q)
    return list(same.values())


def render_quotes_page(speakers: list[Speaker], docs: dict[str, Document]) -> str:
    out = page_head("Who said what",
                    "Every direct quotation in the sources, grouped by who said it, with the speaker’s role as "
                    "each source gives it. When several sources print the same quotation, each version is "
                    "shown in that source’s words; translations often differ (see "
                    "[where sources differ](disagreements.md)).")
    if not speakers:
        return "\n".join(out + ["*No quotation was found in the sources.*", ""])
    notes: list[str] = []
    for speaker in speakers:
        out += _speaker_block(speaker, docs, notes)
    return "\n".join(out + list(dict.fromkeys(notes))) + "\n"


def _render(view: SiteView) -> Rendered:
    return Rendered([GeneratedPage(SRC_URI, render_quotes_page(view.analysis.speakers, view.docs), True)])


KIND = PageKind("quotations", 40, nav_entry("Who said what", SRC_URI), _render, (
    DataFile("quotes.json", lambda view: quotes_json(view.analysis.speakers), "data/schemas/quotes.schema.json"),
))
