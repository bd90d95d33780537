"""``case_fold.folded`` skips the table where it would change nothing; it gives what the table gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse.case_fold import AS_ASCII, folded

ODD = "\u0130\u0131\u017f\u212a"


@given(st.text(alphabet=st.characters() | st.sampled_from(ODD + "’“ aSkI")))
def test_folded_is_the_table_then_lower_case(text: str):
    assert folded(text) == text.translate(AS_ASCII).lower()


def test_each_odd_letter_is_folded_in_any_text():
    for letter in ODD:
        for around in ("", "plain ascii ", "curly ’ quote "):
            assert folded(around + letter) == (around + letter).translate(AS_ASCII).lower()
            assert folded(around + letter).isascii() == around.isascii()
