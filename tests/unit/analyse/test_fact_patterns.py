"""``fact_patterns.Worded``: a pattern run only on a text whose folded form (``case_fold``) holds
one of its words finds exactly what the pattern finds on every text, in any case, with the letters
outside ASCII that ``re`` reads as ASCII ones under ``IGNORECASE``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.analyse import fact_patterns
from build_scripts.analyse.case_fold import folded

WORDED = {name: getattr(fact_patterns, name) for name in dir(fact_patterns) if name.startswith("WORDED_")}

_PIECES = ["will", "would", "shall", "plans", "planned", "intends", "intending", "prepares", "expected", "going",
           "to", "not", "also", "be", "quickly", "investigate", "from", "2", "three", "kilometres", "500", "metres",
           "follows", "followed", "in", "response", "reply", "reaction", "the", "wake", "of", "comes", "came",
           "after", "prompted", "triggers", "spurred", "sparking", "causes", "led", "leads", "leading", "inspired",
           "underscores", "underlines", "highlighted", "emphasizes", "emphasises", "stress", "illustrates",
           "demonstrated", "signals", "reflects", "that", "WILL", "Follows", "ſhall", "wıll", "İntends", "\u212aeeps",
           "ſpurred", "ſignals", "FROM", ",", ".", ";", "(", "’", "-", "é"]


@pytest.mark.parametrize("name", sorted(WORDED))
def test_every_worded_pattern_is_tested(name: str) -> None:
    assert WORDED[name].words and all(w == w.lower() and w.isascii() for w in WORDED[name].words)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", "  ", "\n", "", "\u00a0"]))
def test_worded_patterns_find_what_the_patterns_find(words: list[str], glue: str) -> None:
    text = glue.join(words)
    lower = folded(text)
    for worded in WORDED.values():
        expected = worded.pattern.search(text)
        found = worded.search(text, lower)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.group(0) for m in worded.finditer(text, lower)] == [m.group(0) for m in worded.pattern.finditer(text)]


@pytest.mark.parametrize("text", ["They ſhall leave", "It wıll investigate", "It came AFTER the vote",
                                  "The move ſpurred others", "It LEADS TO more", "reduced FROM 2 km to 500 m"])
def test_odd_letters_and_capitals_still_match(text: str) -> None:
    assert any(w.search(text, folded(text)) for w in WORDED.values())
