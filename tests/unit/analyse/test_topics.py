"""Topic files define pages; sentences are assigned to their best section."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.terms import TermIndex, prepare, score, score_found
from build_scripts.analyse.topics import assign_topics as _assign
from build_scripts.analyse.topics import eligible
from build_scripts.load.topics import load_topics
from build_scripts.model import Source, SourceMeta
from build_scripts.text.document import build_document

TOPIC = """---
title: Withdrawals
description: Who is leaving.
topic:
  require: [withdraw*, leave]
  sections:
    - heading: The decree
      match:
        - [decree]
        - [sign*]
    - heading: Neighbours
      match:
        - [Poland, Finland, Baltic]
      exclude: [decree]
---

# Withdrawals
"""


def assign_topics(topics, docs):
    return _assign(topics, docs, group_claims([s for d in docs for s in d.sentences if eligible(s)]))


def _doc(source_id: str, body: str):
    return build_document(Source(source_id, Path(f"{source_id}.md"), SourceMeta(), body, 1))


def test_terms_match_whole_words_with_prefix_wildcards_and_capitals():
    assert score((("ratif*",),), "The parliament ratified it in 2005.") == 1
    assert score((("ratif*",),), "Gratification is not ratification.") == 1
    assert score((("mine",),), "Landmines were found.") == 0
    assert score((("US",),), "Let us go now.") == 0
    assert score((("US",),), "The US approved it.") == 1
    assert score((("Russia’s war",),), "Russia's war goes on.") == 1
    assert score((("decree",), ("sign*",)), "The decree was published.") == 0


CASES = [("ratif*", "The parliament ratified it in 2005."), ("ratif*", "Gratification is not ratification."),
         ("mine", "Landmines were found."), ("US", "Let us go now."), ("US", "The US approved it."),
         ("Russia’s war", "Russia's war goes on."), ("anti-personnel mine*", "Anti-personnel mines kill."),
         ("U.S.", "The U.S. did not sign."), ("“quoted", "He said “quoted words”."), ("160", "Over 160 states."),
         ("Zelensk*", "President Zelenskyy signed."), ("mine ban", "The mine  ban treaty.")]


def test_term_index_finds_what_the_patterns_find():
    index = TermIndex({term for term, _ in CASES})
    for term, text in CASES:
        text = prepare(text)
        assert score_found(((term,),), index.find(text)) == score(((term,),), text), (term, text)
    assert index.find(prepare("The U.S. and the US signed.")) == {"U.S.", "US"}


WORDS = ["mine", "mines", "Mine", "US", "us", "ratify", "ratif", "anti-personnel", "U.S.", "war", "Russia’s",
         "Russia's", "ban", "160", "1600", "Ottawa", "-", ",", "“", "ß", "SS"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), st.lists(st.sampled_from(WORDS), max_size=12))
def test_term_index_agrees_with_the_patterns_on_any_words(term_words, text_words):
    term = " ".join(term_words)
    for candidate in (term, term + "*"):
        if not candidate.rstrip("*").strip():
            continue
        text = prepare(" ".join(text_words))
        index = TermIndex({candidate})
        assert score_found(((candidate,),), index.find(text)) == score(((candidate,),), text)


def test_sentences_go_to_the_best_section_once(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    docs = [
        _doc("a", "The president signed a decree to withdraw from the treaty on Sunday.\n"
                  "Poland and Finland said in March they would leave the treaty too.\n"
                  "The weather in Kyiv was warm and sunny all week long."),
        _doc("b", "Poland will withdraw, and the Baltic states will leave as well this year.\n"
                  "A decree signed by the president in Warsaw says Poland will withdraw."),
    ]
    [evidence] = assign_topics(topics, docs)
    by_section = {sec.heading: [[m.text for m in st.members] for st in sts] for sec, sts in evidence.sections}
    assert by_section == {
        # Two sources report a signed decree: one statement, both sentences cited.
        "The decree": [[
            "The president signed a decree to withdraw from the treaty on Sunday.",
            "A decree signed by the president in Warsaw says Poland will withdraw.",
        ]],
        # Equal corroboration and scores: the order of the sources (dated first, then by id) decides.
        "Neighbours": [
            ["Poland and Finland said in March they would leave the treaty too."],
            ["Poland will withdraw, and the Baltic states will leave as well this year."],
        ],
    }


def test_opinion_and_short_sentences_are_not_statements(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    doc = _doc("c", "Poland will leave.\nThe decree was signed and Poland will withdraw from it soon.\n"
                    "Commentary\nPoland may regret its decision to leave the treaty one day.")
    [evidence] = assign_topics(topics, [doc])
    texts = [st.sentence.text for st in evidence.statements]
    # "Poland will leave." is too short; the commentary sentence is opinion.
    assert texts == ["The decree was signed and Poland will withdraw from it soon."]


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\t", "\n", "\u00a0", "\u2003", "’", "‘", "'"]), max_size=40),
       st.booleans())
def test_eligibility_and_prepared_text_match_their_plain_definitions(text, opinion):
    from build_scripts.analyse.eligible import MIN_WORDS, eligible
    from build_scripts.model import Sentence

    assert eligible(Sentence("s", "a", text, 0, 0, opinion)) == (not opinion and len(text.split()) >= MIN_WORDS)
    assert prepare(text) == text.replace("’", "'").replace("‘", "'")
