"""A sentence's terms and figures: numbers one term however written, and the expressions that find them
written to be scanned quickly without finding anything else."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.analyse import similarity
from build_scripts.analyse.similarity import terms


def test_a_number_is_one_term_however_written():
    assert terms("12,000 people fled") == terms("12000 people fled")
    assert "43" in terms("Forty-three fire crews") and "14" in terms("Fourteen people")
    assert "1,2" not in terms("in 1,2 and 3") and {"1", "2"} <= terms("in 1,2 and 3")


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["1", "23", "456", ",", "000", ", ", "a", "x1", "_", "٣", " ", "7,", ",999"]),
                max_size=15))
def test_grouped_digits_are_those_the_look_behind_first_expression_finds(pieces):
    text = "".join(pieces)
    assert similarity._GROUPED_DIGITS.sub("", text) == re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["1", "23", "456", ",", "000", ".", ".5", " ", "a", "x", "_", "٣", "-", "%"]),
                max_size=15))
def test_figures_are_those_the_look_behind_first_expression_finds(pieces):
    from build_scripts.analyse import same_fact

    text = "".join(pieces)
    old = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
    assert [m.span() for m in same_fact._FIGURE.finditer(text)] == [m.span() for m in old.finditer(text)]
