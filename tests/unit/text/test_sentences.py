"""Sentence splitting and the anchors that link to sentences."""

from __future__ import annotations

from build_scripts.model import Source, SourceMeta
from build_scripts.text.anchors import anchor_for, unique_anchors
from build_scripts.text.document import build_document
from build_scripts.text.sentences import sentence_spans, split_sentences


def test_curly_quotes_stay_with_their_sentence():
    text = "“Why would we stay?” he asked. “We cannot remain bound,” she said. Then they left."
    assert split_sentences(text) == [
        "“Why would we stay?” he asked.", "“We cannot remain bound,” she said.", "Then they left.",
    ]


def test_multi_sentence_quotation_is_split_at_its_sentences():
    text = "“This is a step that war demanded. Russia is not a party. We cannot stay bound.” He wrote it."
    assert split_sentences(text) == [
        "“This is a step that war demanded.", "Russia is not a party.", "We cannot stay bound.”", "He wrote it.",
    ]


def test_abbreviations_do_not_end_sentences():
    text = "The U.S. Army left on Jun. 5 with Mr. Smith and Dr. Jones. The talks resumed."
    assert split_sentences(text) == [
        "The U.S. Army left on Jun. 5 with Mr. Smith and Dr. Jones.", "The talks resumed.",
    ]


def test_spans_are_exact_offsets_into_the_text():
    text = "  First one here.   Second one there!  "
    for start, end in sentence_spans(text):
        assert text[start:end].strip() == text[start:end]
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one here.", "Second one there!"]


def test_anchor_depends_only_on_the_sentence_text():
    assert anchor_for("Russia is not a party.") == anchor_for("Russia  is not a party.")
    assert anchor_for("He said “no”.") == anchor_for('He said "no".')
    assert anchor_for("Russia is not a party.") != anchor_for("Russia is a party.")
    assert anchor_for("x").startswith("s-") and len(anchor_for("x")) == 12


def test_repeated_sentence_gets_a_distinct_anchor():
    a, b = unique_anchors(["Same words.", "Same words."])
    assert b == f"{a}-2"


def _doc(body: str):
    from pathlib import Path

    return build_document(Source("x", Path("x.md"), SourceMeta(), body, 1))


def test_editing_one_sentence_keeps_the_other_anchors():
    before = _doc("The decree was signed. Parliament must ratify it.\nThe UN must be told.")
    after = _doc("A new opening line was added here.\nThe decree was signed on Sunday. Parliament must ratify it.\n"
                 "The UN must be told.")
    old = {s.text: s.anchor for s in before.sentences}
    new = {s.text: s.anchor for s in after.sentences}
    assert new["Parliament must ratify it."] == old["Parliament must ratify it."]
    assert new["The UN must be told."] == old["The UN must be told."]


def test_headings_are_not_split_into_sentences():
    doc = _doc("A Difficult Decision\nThe ministry called it difficult but necessary.")
    assert [s.text for s in doc.sentences] == ["The ministry called it difficult but necessary."]
    assert doc.blocks[0].kind == "heading"


# The speed-ups in sentences.py and anchors.py must give exactly what the plain code gives.

_TRICKY = [
    "", " ", ".", "A.", "Hi", "Hello world.", "Hello world", "Wait…", "Is it?", "Yes!", "Done.”", "(Done.)",
    "U.S. officials met.", "He met Mr. Smith.", "It grew 3.5 percent.", "One. Two.", "1. First point",
    "Go . . . now", "“Why?” he asked.", "A sentence.  ", "Київ, м. Київ.", "Так. т. зв. ні.",
]


def test_nupunkt_shortcuts_agree_with_sent_spans():
    import nupunkt

    from build_scripts.text.sentences import _may_split, _nupunkt_spans

    for text in _TRICKY:
        expected = [(a, b) for a, b in nupunkt.sent_spans(text) if text[a:b].strip()]
        assert _nupunkt_spans(text) == expected, repr(text)
        if not _may_split(text) and text.strip():
            assert expected == [(0, len(text))], repr(text)


def test_abbreviation_search_window_covers_the_longest_match():
    import re._parser

    from build_scripts.text.sentences import (
        _NO_END_ABBREV,
        _NO_END_ABBREV_WIDTH,
        _ends_with_no_end_abbrev,
    )

    assert re._parser.parse(_NO_END_ABBREV.pattern).getwidth()[1] <= _NO_END_ABBREV_WIDTH
    for text in ["Mr.", "see Mr.", "approx.", "about approx.", "xapprox.", "т. зв.", "це т.зв.", "Jun", "Mr.5"]:
        assert _ends_with_no_end_abbrev(text) == (_NO_END_ABBREV.search(text) is not None), text


def test_normalise_agrees_with_its_definition():
    import unicodedata

    from build_scripts.text.anchors import normalise

    fold = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
    for text in _TRICKY + ["„Так“ — ні", "a\u00a0 b", "ﬁne ½", "x ¨ y", "tab\tand\nline"]:
        expected = " ".join(unicodedata.normalize("NFKC", text).translate(fold).split())
        assert normalise(text) == expected, repr(text)
