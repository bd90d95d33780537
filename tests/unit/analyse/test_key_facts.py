"""The home page's key facts: the best-matching sentence, the best corroborated among equals."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.key_facts import pick_key_facts
from build_scripts.model import Claim, Source, SourceMeta, TopicSection
from build_scripts.text.document import build_document


def _doc(source_id: str, body: str):
    return build_document(Source(source_id, Path(f"{source_id}.md"), SourceMeta(), body, 1))


def test_among_equally_matching_sentences_the_best_corroborated_is_the_key_fact():
    a = _doc("a", "The parliament voted to leave the treaty on a rainy Tuesday.")
    b = _doc("b", "Lawmakers in the parliament voted to leave the treaty this week.")
    c = _doc("c", "The parliament has voted to leave the treaty, officials said on Friday.")
    claims = [Claim("1", (a.sentences[0],)), Claim("2", (b.sentences[0], c.sentences[0]))]
    fact = TopicSection("", (("parliament",), ("voted",)))
    [chosen] = pick_key_facts([fact], [a, b, c], claims)
    assert chosen.sentence.source_id in {"b", "c"}
    # Without corroboration, the earliest source (by id among undated ones) is kept.
    [alone] = pick_key_facts([fact], [a, b, c], [Claim(str(i), (d.sentences[0],)) for i, d in enumerate((a, b, c))])
    assert alone.sentence.source_id == "a"
