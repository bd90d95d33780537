"""The searches that let ``disagreements_titles`` skip its two title patterns skip only sentences
where neither could match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.analyse import disagreements_titles as titles

PIECES = st.sampled_from([
    "Chief", "Fire", "Officer", "Deputy", "Minister", "minister", "Mary", "Wareham", "Kess", "Adrian", ",", ", ",
    "a", "an", "the", "senior", "adviser", "to", "of", "Human", "Rights", "Watch", ".", ";", " ", "  ", "\n",
    "said", "Former", "Director", "General", "Spokesperson", "official", "at", "the treaty", "O’Brien", "-",
])


@settings(max_examples=500)
@given(st.lists(PIECES, max_size=25).map(" ".join) | st.lists(PIECES, max_size=25).map("".join))
def test_a_sentence_skipped_holds_no_match_of_either_pattern(text: str):
    if titles._OFFICE_WORD.search(text) is None:
        assert titles._TITLE_BEFORE.search(text) is None
    if titles._APPOSITION.search(text) is None:
        assert titles._TITLE_AFTER.search(text) is None


def test_the_patterns_still_find_titles():
    text = "Chief Fire Officer Adrian Kess said so, according to Mary Wareham, a senior adviser to Human Rights Watch."
    assert titles._all_roles([], text) == (("Adrian Kess", "Chief Fire Officer"),
                                           ("Mary Wareham", "a senior adviser to Human Rights Watch"))
