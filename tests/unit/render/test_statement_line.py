"""A statement's corroboration line (source chips) names a bounded number of publishers, however many
sources report it."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Claim, Document, Sentence, Source, SourceMeta, Statement
from build_scripts.render.corroboration import MAX_COPY_GROUPS
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
    assert ("Reported by 3 of 3 sources, 2 of them independent: [Paper 2](../sources/s0002.md);"
            " [Paper 0](../sources/s0000.md) = [Paper 1](../sources/s0001.md) share the words") in text
    assert len(notes) == 3
    # Every member says the statement's words: no footnote quotes them again.
    assert not any("“Russia is not a party" in n for n in notes), notes


def test_a_claim_of_thousands_of_sources_stays_one_short_line():
    groups = [list(range(g * 100, g * 100 + 100)) for g in range(20)]
    st, docs = _statement(groups, 2000)
    lines, notes = render_statement(st, "topics/treaty.md", docs, 2000)
    text = "\n".join(lines)
    assert len(text) < 2500
    assert "Reported by 2000 of 2000 sources, 20 of them independent: [Paper 0](../sources/s0000.md) = " in text
    assert "[Paper 2](../sources/s0002.md) = 97 more share the words" in text
    assert text.count("share the words") == MAX_COPY_GROUPS
    assert "; 17 more groups share wording in the same way" in text
    assert f"; {2000 - MAX_FOOTNOTES} more reports are not footnoted here." in text
    assert len(notes) == MAX_FOOTNOTES


def _source_doc(*paragraphs: str) -> Document:
    from build_scripts.text.document import build_document
    meta = SourceMeta(title="Story", publisher="Paper")
    return build_document(Source("src", Path("src.md"), meta, "\n\n".join(paragraphs), 1))


def test_a_sentence_leaning_on_the_one_before_is_shown_with_it_as_linked_context():
    doc = _source_doc("The mayor signed the decree on Sunday. He called it a necessary step for the town.")
    first, second = doc.sentences
    lines, notes = render_statement(Statement(second, 1), "topics/treaty.md", {"src": doc}, 1)
    text = "\n".join(lines)
    assert text.startswith("- He called it a necessary step for the town.[^src-")
    link = f"[The mayor signed the decree on Sunday.](../sources/src.md#{first.anchor})"
    assert f"\n\n    *Before it in the source:* {link}\n    {{: .context }}\n" in text
    assert len(notes) == 1 and second.anchor in notes[0]  # context is linked, not footnoted


def test_a_sentence_that_stands_alone_is_one_paragraph():
    doc = _source_doc("The mayor signed the decree on Sunday. The council meets in June.")
    lines, _ = render_statement(Statement(doc.sentences[1], 1), "topics/treaty.md", {"src": doc}, 1)
    assert lines[0].startswith("- The council meets in June.[^src-") and ".context" not in "\n".join(lines)


def test_quoted_words_are_shown_after_their_speakers_name():
    doc = _source_doc("Mayor Ana Lopez spoke after the vote. She said:",
                      "“We did what we had to do for the town and its people.”")
    quoted = next(s for s in doc.sentences if s.quoted)
    lines, _ = render_statement(Statement(quoted, 1), "topics/treaty.md", {"src": doc}, 1)
    assert lines[0].startswith(
        "- **Ana Lopez:**{: .speaker } “We did what we had to do for the town and its people.”[^src-")
