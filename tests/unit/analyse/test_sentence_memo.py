"""What a stage keeps of each sentence from one build to the next (``SentenceMemo``), and the
stages that keep it: a sentence whose findings are other objects is worked out again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.disagreements import number_disagreements, title_disagreements
from build_scripts.analyse.features import Features
from build_scripts.analyse.quantities import find_quantities
from build_scripts.analyse.roles import find_roles
from build_scripts.analyse.sentence_memo import SentenceMemo, keep_between_builds
from build_scripts.analyse.terms import TermIndex
from build_scripts.analyse.topics import assign_topics, eligible, topic_terms
from build_scripts.load.topics import load_topics
from build_scripts.model import DocumentFeatures, Quantity, Sentence, Source, SourceMeta
from build_scripts.text.document import build_document


@pytest.fixture(autouse=True)
def _another_build_follows():
    """As under ``mkdocs serve``; ``generate`` in an earlier test may have said no build follows."""
    keep_between_builds(True)
    yield
    keep_between_builds(True)


class _Work:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"value {self.calls}"


def test_when_no_build_follows_nothing_is_kept_after_the_stage():
    memo: SentenceMemo[str, str] = SentenceMemo()
    work, found = _Work(), [1, 2]
    keep_between_builds(False)
    memo.start()
    assert memo.get("text", (found,), work) == memo.get("text", (found,), work) == "value 1"  # within a build
    memo.finish()
    memo.start()
    assert memo.get("text", (found,), work) == "value 2"
    memo.finish()


def test_a_value_is_kept_while_its_findings_are_the_same_objects():
    memo: SentenceMemo[str, str] = SentenceMemo()
    work, found = _Work(), [1, 2]
    memo.start()
    assert memo.get("text", (found,), work) == "value 1"
    memo.finish()
    memo.start()
    assert memo.get("text", (found,), work) == "value 1"
    assert memo.get("text", (list(found),), work) == "value 2"  # equal, but another object
    memo.finish()
    assert work.calls == 2


def test_what_a_build_did_not_ask_for_is_forgotten():
    memo: SentenceMemo[str, str] = SentenceMemo()
    work, found = _Work(), [1]
    for asked in (True, False, True):
        memo.start()
        if asked:
            memo.get("text", (found,), work)
        memo.finish()
    assert work.calls == 2


def test_other_rules_start_afresh():
    memo: SentenceMemo[str, str] = SentenceMemo()
    work, found = _Work(), [1]
    for rules in (["a"], ["a"], ["b"], ["b"]):
        memo.start(rules)
        memo.get("text", (found,), work)
        memo.finish()
    assert work.calls == 2  # ["a"] once, then ["b"]: equal rules are the same rules


INJURED = ["Fourteen people were injured in the warehouse fire, the fire service said.",
           "Police said 17 people had been injured in the warehouse fire."]


def _features(texts: list[str], quantities: dict[str, list[Quantity]] | None = None) -> Features:
    found = DocumentFeatures("s", [])
    for text in texts:
        found.quantities[text] = (quantities or {}).get(text) or find_quantities(text)
        found.roles[text] = find_roles(text)
    return Features([found])


def test_a_figure_read_otherwise_on_the_next_build_is_compared_as_read():
    sentences = [Sentence(f"s{i}", "a0", text, 0, 0) for i, text in enumerate(INJURED)]
    before = _features(INJURED)
    assert [d.kind for d in number_disagreements(sentences, [], before)] == ["number"]
    assert [d.kind for d in number_disagreements(sentences, [], before)] == ["number"]
    [seventeen] = find_quantities(INJURED[1])
    read_otherwise = {INJURED[1]: [replace(seventeen, value="fourteen")]}  # the same span, another value
    assert number_disagreements(sentences, [], _features(INJURED, read_otherwise)) == []
    assert [d.kind for d in number_disagreements(sentences, [], _features(INJURED))] == ["number"]


def test_titles_are_read_from_the_findings_of_this_build():
    texts = ["Deputy Chief Fire Officer Maren Holt said the fire was out.",
             "\"We expect to be here for days,\" said Chief Fire Officer Maren Holt."]
    sentences = [Sentence(f"s{i}", "a0", text, 0, 0) for i, text in enumerate(texts)]
    first = title_disagreements(sentences, _features(texts))
    again = title_disagreements(sentences, _features(texts))
    assert first == again and [d.subject for d in first] == ["Maren Holt’s title or role"]


TOPIC = """---
title: Withdrawals
description: Who is leaving.
topic:
  require: [withdraw*, leave]
  sections:
{sections}
---

# Withdrawals
"""
DECREE = "    - heading: The decree\n      match:\n        - [decree]\n        - [sign*]\n"
NEIGHBOURS = "    - heading: Neighbours\n      match:\n        - [Poland, Finland, Baltic]\n      exclude: [decree]\n"


def test_a_topic_whose_sections_change_places_the_same_claims_afresh(tmp_path, write):
    docs = [build_document(Source(source_id, Path(f"{source_id}.md"), SourceMeta(), body, 1)) for source_id, body in (
        ("a", "The president signed a decree to withdraw from the treaty on Sunday.\n"
              "Poland and Finland said in March they would leave the treaty too."),
        ("b", "Poland will withdraw, and the Baltic states will leave as well this year.\n"
              "A decree signed by the president in Warsaw says Poland will withdraw."))]
    claims = group_claims([s for d in docs for s in d.sentences if eligible(s)])
    hits: dict[str, frozenset[str]] = {}  # the terms found, kept from one call to the next as under serve

    def placed(sections: str) -> dict[str, list[str]]:
        write("withdrawals.md", TOPIC.format(sections=sections), folder="docs/topics")
        topics, _ = load_topics(tmp_path / "docs")
        index = TermIndex(set().union(*map(topic_terms, topics)), hits)
        [evidence] = assign_topics(topics, docs, claims, index)
        return {sec.heading: [st.sentence.text for st in sts] for sec, sts in evidence.sections}

    first = placed(DECREE + NEIGHBOURS)
    assert placed(DECREE + NEIGHBOURS) == first
    swapped = placed(NEIGHBOURS + DECREE)  # the same terms: each claim's section index changes
    assert swapped == first
    assert list(swapped) == ["Neighbours", "The decree"]
