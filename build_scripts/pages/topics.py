"""The evidence added below a hand-written topic page, and its continuation pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from build_scripts.model import (
    Disagreement,
    Document,
    GeneratedPage,
    PartialDate,
    Sentence,
    Statement,
    Topic,
    TopicEvidence,
)
from build_scripts.pages.continued import FOOTNOTE_OVERHEAD, PAGE_BUDGET, pack
from build_scripts.pages.disagreements import SRC_URI as DISAGREEMENTS_SRC_URI
from build_scripts.pages.kind import DataFile, NavItem, PageKind, Rendered, SiteView
from build_scripts.render.data_files import (
    statement_rows,
    statements_csv,
    statements_json,
)
from build_scripts.render.disagreement import render_disagreement
from build_scripts.render.links import relative
from build_scripts.render.statement import all_members, claim_sources, render_statement
from build_scripts.render.templates import render

SECTION_LIMIT = 15
"""Statements per section on the topic page itself, on average: a section with fewer lends its
unused room to longer ones (``section_limits``); the rest go to continuation pages."""
TOPIC_BUDGET = 2 * PAGE_BUDGET
"""Characters of markdown on a topic page or one of its continuation pages, counted as
``continued`` counts them (``_size``). A topic page's HTML is 1.3 to 1.5 times this measure (the
four topic pages of the 1,000-source benchmark: 96,000 to 262,000 characters, 144 to 339 KB), so
a page stays under 500 KB. A statement reported by many sources carries up to eight footnotes
that quote their sentences: on a corpus of syndicated copies, sixty of them and eighty
disagreement boxes made a topic page of 1.2 MB of HTML (issue 20)."""
STATEMENTS_SHARE = 2 / 3
"""Of ``TOPIC_BUDGET``, what the topic page's statements may take (``shown_limits``); the
disagreements about them fill the rest, and those that do not fit are left to "Where sources
differ"."""


@dataclass(frozen=True)
class TopicPages:
    addition: str
    """Markdown appended to the hand-written topic page."""
    continuations: list[tuple[str, str]]
    """(src_uri, markdown) of each continuation page."""


def section_limits(evidence: TopicEvidence) -> list[int]:
    """How many statements of each section the topic page shows.

    The page holds up to ``SECTION_LIMIT`` statements per section; room a short section leaves
    goes to the longer ones, shared out evenly in the sections' order, so a page is never longer
    than fifteen a section and a long section is not cut while the page has room.
    """
    sizes = [len(sts) for _, sts in evidence.sections]
    limits = [min(n, SECTION_LIMIT) for n in sizes]
    spare = SECTION_LIMIT * len(sizes) - sum(limits)
    while spare > 0:
        wanting = [i for i, n in enumerate(sizes) if limits[i] < n]
        if not wanting:
            break
        share = max(1, spare // len(wanting))
        for i in wanting:
            extra = min(share, sizes[i] - limits[i], spare)
            limits[i] += extra
            spare -= extra
    return limits


def summary_line(evidence: TopicEvidence, docs: dict[str, Document]) -> str:
    used = {st.sentence.source_id for st in evidence.statements}
    used.update(sid for st in evidence.statements if st.claim for sid in claim_sources(st.claim))
    dates = [d for sid in sorted(used) if (d := docs[sid].source.meta.date)]
    n_st = len(evidence.statements)
    parts = [
        f"**{len(used)} {'source' if len(used) == 1 else 'sources'}**",
        f"**{n_st} {'statement' if n_st == 1 else 'statements'}**",
    ]
    if dates:
        parts.append(f"latest dated source: {max(dates, key=PartialDate.sort_key).display()}")
    undated = len(used) - len(dates)
    if undated:
        parts.append(f"{undated} undated")
    return " · ".join(parts)


def continuation_uri(topic_src_uri: str, page: int) -> str:
    stem = posixpath.splitext(topic_src_uri)[0]
    return f"{stem}/page-{page}.md"


Block = tuple[Markup, str]
"""A statement's markdown and the researcher's note shown with it (escaped by the template)."""


def researcher_note(evidence: TopicEvidence, st: Statement) -> str:
    """The note the topic file attaches to a sentence of this statement, if any."""
    if not evidence.notes:
        return ""
    return next((n for m in st.members if (n := evidence.notes.get((m.source_id, m.anchor)))), "")


Rendering = tuple[list[str], list[str]]
"""A statement's lines and its footnotes (``render_statement``)."""


def _size(lines: list[str], notes: list[str]) -> int:
    """Characters of markdown, each footnote counted with what it adds in HTML (as ``continued`` counts)."""
    return sum(map(len, lines)) + len(lines) + sum(len(n) + FOOTNOTE_OVERHEAD for n in notes)


def _fitted(evidence: TopicEvidence, docs: dict[str, Document]) -> tuple[list[int], list[list[Rendering]]]:
    """``section_limits``, cut until the statements take at most ``STATEMENTS_SHARE`` of
    ``TOPIC_BUDGET``: a statement at a time from the section that shows most (the later one of
    equals), never a section's first; and the shown statements rendered for the topic page."""
    src = evidence.topic.src_uri
    limits = section_limits(evidence)
    rendered = [[render_statement(st, src, docs, len(docs)) for st in sts[:limit]]
                for (_, sts), limit in zip(evidence.sections, limits, strict=True)]
    sizes = [[_size(*r) for r in section] for section in rendered]
    total = sum(map(sum, sizes))
    while total > STATEMENTS_SHARE * TOPIC_BUDGET:
        longest = max(range(len(limits)), key=lambda i: (limits[i], i))
        if limits[longest] <= 1:
            break
        limits[longest] -= 1
        total -= sizes[longest][limits[longest]]
    return limits, [section[:limit] for section, limit in zip(rendered, limits, strict=True)]


def shown_limits(evidence: TopicEvidence, docs: dict[str, Document]) -> list[int]:
    """How many statements of each section the topic page shows (``section_limits``, within the
    page's budget)."""
    return _fitted(evidence, docs)[0]


def _continuations(evidence: TopicEvidence, docs: dict[str, Document], limits: list[int]) -> list[tuple[str, str]]:
    """The statements the topic page does not show, on pages of at most ``TOPIC_BUDGET``. They are
    rendered once: every continuation page is in the same folder, so their links are the same."""
    rest = [(sec.heading, st) for (sec, sts), limit in zip(evidence.sections, limits, strict=True)
            for st in sts[limit:]]
    if not rest:
        return []
    rendered = [render_statement(st, continuation_uri(evidence.topic.src_uri, 2), docs, len(docs)) for _, st in rest]
    pages = []
    for number, indexes in enumerate(pack([_size(*r) for r in rendered], TOPIC_BUDGET), start=2):
        src = continuation_uri(evidence.topic.src_uri, number)
        chunk = [(rest[i][0], rest[i][1], rendered[i]) for i in indexes]
        notes = [n for _, _, (_, st_notes) in chunk for n in st_notes]
        sections = [(heading, [(Markup("\n".join(lines)), researcher_note(evidence, st))
                               for h, st, (lines, _) in chunk if h == heading])
                    for heading in dict.fromkeys(h for h, _, _ in chunk)]
        title = f"{evidence.topic.title}: more statements ({number})"
        pages.append((src, render("topic-continuation.md.j2", title=title, intro=[], sections=sections,
                                  topic=evidence.topic.title, back=relative(src, evidence.topic.src_uri),
                                  notes=[Markup(n) for n in notes])))
    return pages


def _placed(evidence: TopicEvidence, disagreements: list[Disagreement], limits: list[int]
            ) -> dict[int, list[Disagreement]]:
    """Each disagreement goes after the first section on the page that cites one of its sentences."""
    shown = _last_sections(evidence, {s.sentence for d in disagreements for s in d.sides}, limits)
    placed: dict[int, list[Disagreement]] = {}
    for d in disagreements:
        sections = [shown[s.sentence] for s in d.sides if s.sentence in shown]
        if sections:
            placed.setdefault(min(sections), []).append(d)
    return placed


def _last_sections(evidence: TopicEvidence, wanted: set[Sentence], limits: list[int]) -> dict[Sentence, int]:
    """The last section on the page (which shows ``limits`` statements of each) whose statements
    report each of the ``wanted`` sentences.

    Members are first sifted by source and anchor (a tuple hashed in C), so that only the
    few that can be wanted go through ``Sentence.__hash__`` and a comparison of every field.
    """
    keys = {(s.source_id, s.anchor) for s in wanted}
    shown: dict[Sentence, int] = {}
    for i, (_, statements) in enumerate(evidence.sections):
        for st in statements[:limits[i]]:
            for m in all_members(st):
                if (m.source_id, m.anchor) in keys and m in wanted:
                    shown[m] = i
    return shown


def render_topic(evidence: TopicEvidence, docs: dict[str, Document],
                 disagreements: list[Disagreement] = ()) -> TopicPages:  # type: ignore[assignment]
    """Sections of statements, strongest first, each followed by the disagreements
    about what it states, then the footnotes."""
    src = evidence.topic.src_uri
    if not evidence.statements:
        return TopicPages("\n\n*No sentence in the sources matches this topic yet.*\n", [])
    notes: list[str] = []
    limits, rendered = _fitted(evidence, docs)
    placed = _placed(evidence, list(disagreements), limits)
    used = sum(_size(*r) for section in rendered for r in section)
    sections = []
    left_out = 0  # disagreements beyond the page's budget: under "Where sources differ" only
    for index, (section, statements) in enumerate(evidence.sections):
        blocks: list[Block] = []
        for st, (lines, st_notes) in zip(statements[:limits[index]], rendered[index], strict=True):
            blocks.append((Markup("\n".join(lines)), researcher_note(evidence, st)))
            notes += st_notes
        for d in placed.get(index, []):
            lines, d_notes = render_disagreement(d, src, docs)
            used += _size(lines, d_notes)
            if used > TOPIC_BUDGET:
                left_out += 1
                continue
            blocks.append((Markup("\n".join(lines)), ""))
            notes += d_notes
        sections.append((section.heading, blocks))
    continuations = _continuations(evidence, docs, limits)
    addition = render("topic.md.j2", summary=Markup(summary_line(evidence, docs)), sections=sections,
                      continuations=[relative(src, uri) for uri, _ in continuations],
                      hidden=sum(len(sts) - limit for (_, sts), limit in zip(evidence.sections, limits, strict=True)),
                      left_out=left_out, disagreements=relative(src, DISAGREEMENTS_SRC_URI),
                      notes=[Markup(n) for n in dict.fromkeys(notes)])
    return TopicPages(addition, continuations)


def _nav(docs_dir: Path, topics: list[Topic]) -> list[NavItem]:
    return [{"Topics": [{t.title: t.src_uri} for t in topics]}] if topics else []


def _render(view: SiteView) -> Rendered:
    pages, additions = [], {}
    disagreements = view.analysis.disagreements
    for ev in view.analysis.evidence:
        rendered = view.kept(f"topic {ev.topic.src_uri}", (ev, tuple(disagreements)),
                             partial(render_topic, ev, view.docs, disagreements))
        additions[ev.topic.src_uri] = rendered.addition
        pages += [GeneratedPage(uri, markdown, False) for uri, markdown in rendered.continuations]
    return Rendered(pages, additions)


def _rows(view: SiteView) -> list[dict[str, Any]]:
    return view.once("statement rows", lambda: statement_rows(view.analysis.evidence))


KIND = PageKind("topics", 10, _nav, _render, (
    DataFile("statements.json", lambda view: view.kept("statements.json", view.analysis.evidence,
                                                       lambda: statements_json(_rows(view))),
             "data/schemas/statements.schema.json"),
    DataFile("statements.csv", lambda view: view.kept("statements.csv", view.analysis.evidence,
                                                      lambda: statements_csv(_rows(view)))),
))
