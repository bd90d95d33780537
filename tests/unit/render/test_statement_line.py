"""A statement's corroboration line names a bounded number of publishers, however many sources report it."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Claim, Document, Sentence, Source, SourceMeta, Statement
from build_scripts.render.statement import MAX_FOOTNOTES, render_statement


def _doc(i: int) -> Document:
    meta = SourceMeta(title=f"Story {i}", publisher=f"Paper {i}")
    return Document(Source(f"s{i:04d}", Path(f"s{i:04d}.md"), meta, "x", 1), (), ())


def _statement(copy_groups: list[list[int]], sources: int) -> tuple[Statement, dict[str, Document]]:
    docs = {d.source.id: d for d in map(_doc, range(sources))}
    members = tuple(Sentence(sid, "s-1", "Russia is not a party to the convention.", 0, 0) for sid in docs)
    groups = tuple(tuple(f"s{i:04d}" for i in g) for g in copy_groups)
    claim = Claim("c-1", members, groups, tuple("is not a party to the" for _ in groups))
    return Statement(members[0], 1, claim), docs


def test_a_small_claim_names_every_publisher_of_a_copy_group():
    st, docs = _statement([[0, 1]], 3)
    lines, notes = render_statement(st, "topics/treaty.md", docs, 3)
    text = "\n".join(lines)
    assert "Reported by 3 of 3 sources, 2 of them independent; Paper 0 and Paper 1 share the words" in text
    assert len(notes) == 3


def test_a_claim_of_thousands_of_sources_stays_one_short_line():
    groups = [list(range(g * 100, g * 100 + 100)) for g in range(20)]
    st, docs = _statement(groups, 2000)
    lines, notes = render_statement(st, "topics/treaty.md", docs, 2000)
    text = "\n".join(lines)
    assert len(text) < 2500
    assert "Paper 0, Paper 1, Paper 2 and 97 more share the words" in text
    assert "; 17 more groups share wording in the same way." in text
    assert f"{2000 - MAX_FOOTNOTES} more reports are not footnoted here." in text
    assert len(notes) == MAX_FOOTNOTES
