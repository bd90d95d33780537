"""One statement as a list item: the sentence, a footnote per report, and who reports it (a line of
source chips, ``corroboration``).

A sentence that cannot be read alone (``analyse.standalone``: it points back with a pronoun or a
connective, or it is quoted words whose speaker is named in another sentence) is shown with the
sentences of its source it needs, in a paragraph of the item under it ("Before it in the
source: …", marked ``.context``): each of those sentences is a link to itself on its source
page, highlighted there, none reworded, so each can be checked. They are context, not
statements: the statement stays the item's first paragraph, and the footnotes stay those of
its own reports. A sentence
that is nothing but quoted words is shown instead after its speaker's name, as the quotation
finder gives it ("Nadia Osei: “…"), when one is found.

Also the statement's reports as every page and data file needs them, without walking all of
a claim's members each time (see ``all_members``).
"""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.analyse.standalone import Passage, passage, speaker
from build_scripts.model import Document, Sentence, Statement
from build_scripts.render.citation import footnote
from build_scripts.render.corroboration import claim_counts, claim_sources, corroboration_line
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.templates import render

__all__ = ["all_members", "claim_counts", "claim_sources", "first_members", "render_statement"]

MAX_FOOTNOTES = 8
"""Reports cited under one statement; past this the line says how many more there are."""


def all_members(st: Statement) -> tuple[Sentence, ...]:
    """``st.members``, comparing whole sentences only when the source is the statement's.

    Sentences of different sources always differ; comparing every field of each
    member is what makes ``members`` slow for a claim of thousands of reports.
    """
    if st.claim is None:
        return (st.sentence,)
    shown, source = st.sentence, st.sentence.source_id
    return (shown, *[m for m in st.claim.members if m.source_id != source or m != shown])


def first_members(st: Statement, limit: int) -> tuple[list[Sentence], int]:
    """``st.members[:limit]`` and ``len(st.members)``, without building the whole tuple."""
    if st.claim is None:
        return [st.sentence][:limit], 1
    shown, source = st.sentence, st.sentence.source_id
    others = st.claim.members
    head = [shown]
    for m in others:
        if len(head) >= limit:
            break
        if m.source_id != source or m != shown:
            head.append(m)
    same = [m for m in others if m.source_id == source].count(shown)
    return head[:limit], 1 + len(others) - same


def render_statement(st: Statement, page_src_uri: str, docs: dict[str, Document],
                     total_sources: int) -> tuple[list[str], list[str]]:
    """The list item's lines and the footnote definitions it needs (``total_sources``: the site's)."""
    members, total = first_members(st, MAX_FOOTNOTES)
    extra = total - len(members)
    note = corroboration_line(st, docs, total_sources, page_src_uri)
    if extra:
        note += f"; {extra} more {'report is' if extra == 1 else 'reports are'} not footnoted here."
    doc = docs.get(st.sentence.source_id)
    said_by = speaker(doc, st.sentence) if doc is not None else None
    context = _context(st.sentence, docs) if said_by is None else Passage()
    # The speaker's name is no word of the sentence: it stands apart (bold, ``.speaker``).
    label = Markup(f"**{md_text(said_by)}:**{{: .speaker }} ") if said_by else ""
    text = render("statement.md.j2", st=st, members=members, label=label,
                  before=_linked(context.before, page_src_uri, context.skipped),
                  after=_linked(context.after, page_src_uri, False), note=Markup(note.strip()))
    # The statement shows its sentence's words: its own footnote need not quote them again.
    notes = [footnote(page_src_uri, docs[m.source_id], m, st.sentence.text) for m in members]
    return [*text.removesuffix("\n").split("\n"), ""], notes


def _linked(sentences: tuple[Sentence, ...], page_src_uri: str,
            skipped: bool) -> list[tuple[Sentence, str, bool]]:
    """Each sentence, its link on its source page, and whether sentences were left out before it
    (``skipped``: after the first)."""
    return [(s, relative(page_src_uri, source_src_uri(s.source_id), s.anchor), skipped and i == 1)
            for i, s in enumerate(sentences)]


def _context(sentence: Sentence, docs: dict[str, Document]) -> Passage:
    """The sentences of its source the statement's sentence needs, if any (see ``analyse.standalone``)."""
    doc = docs.get(sentence.source_id)
    return passage(doc, sentence) if doc is not None else Passage()
