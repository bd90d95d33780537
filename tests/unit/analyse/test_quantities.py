"""Counted quantities: odd letters never crash, and the unit is a counted thing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.analyse import quantities as quantities_module
from build_scripts.analyse.case_fold import folded
from build_scripts.analyse.quantities import find_quantities, unit_key

# --- Letters that match ASCII ones ignoring case never crash -------------------------

# Under re.IGNORECASE "ſ" matches "s", "ı" and "İ" match "i", the Kelvin sign
# matches "k" (test_disagreements checks these are all); untrusted text with
# them must be read as the ASCII words, not crash the build.
ODD_LETTERS = {"s": ("ſ",), "i": ("ı", "İ"), "k": ("\u212a",)}


def _odd_spellings(word: str) -> list[str]:
    """The word with each of its s, i, k in turn, then all of them, written with an odd letter."""
    spellings = []
    for index, letter in enumerate(word):
        for odd in ODD_LETTERS.get(letter.lower(), ()):
            spellings.append(word[:index] + odd + word[index + 1:])
    for letter, odds in ODD_LETTERS.items():
        for odd in odds:
            if letter in word:
                spellings.append(word.replace(letter, odd))
    return list(dict.fromkeys(spellings))


# Every keyword position: each qualifier, each number word, and units, some of
# which are or look like non-units ("said", "this").
QUALIFIERS = list(quantities_module._QUALIFIERS)
NUMBER_WORDS = list(quantities_module._WORD_NUMBERS)
UNITS = ["people", "soldiers", "kilometres", "km", "mines", "missiles", "said", "this", "is", "pieces"]
ODD_QUANTITIES = (
    [(f"{q} 40 people", f"{odd} 40 people") for q in QUALIFIERS for odd in _odd_spellings(q)]
    + [(f"{n} of people", f"{odd} of people") for n in NUMBER_WORDS for odd in _odd_spellings(n)]
    + [(f"approximately {n} of people", f"{odd} {n} of people")
       for n in NUMBER_WORDS for odd in _odd_spellings("approximately")[-1:]]
    + [(f"{n} {u}", f"{n} {odd}") for n in ("40", "some 40", "millions of") for u in UNITS
       for odd in _odd_spellings(u)]
)


def test_every_keyword_with_an_odd_letter_is_tried() -> None:
    tried = {ascii_text for ascii_text, _ in ODD_QUANTITIES}
    for word in QUALIFIERS:
        assert f"{word} 40 people" in tried or not set(word) & set("sik")
    for word in NUMBER_WORDS:
        assert f"{word} of people" in tried or not set(word) & set("sik")
    assert ("millions of people", "mıllıons of people") in ODD_QUANTITIES
    assert ("approximately 40 people", "approxİmately 40 people") in ODD_QUANTITIES


def _read(sentence: str) -> list[tuple]:
    return [(q.start, q.end, q.low, q.high, unit_key(q)) for q in find_quantities(sentence)]


@pytest.mark.parametrize(("ascii_text", "odd_text"), ODD_QUANTITIES)
def test_odd_letters_are_read_like_the_ascii_ones(ascii_text: str, odd_text: str) -> None:
    assert _read(f"Officials said {odd_text}.") == _read(f"Officials said {ascii_text}.")


@pytest.mark.parametrize(("text", "expected"), [
    ("mıllıons of people", [("mıllıons", "people", 2_000_000, 9_999_999)]),
    ("MİLLİONS of people", [("MİLLİONS", "people", 2_000_000, 9_999_999)]),
    ("approxİmately 40 people", [("approxİmately 40", "people", 36, 44)]),
    ("at leaſt 40 people", [("at leaſt 40", "people", 40, math.inf)]),
    ("leſs than 40 people", [("leſs than 40", "people", 0, 40)]),
    ("thouſands of ſoldiers", [("thouſands", "ſoldiers", 2000, 9999)]),
    ("in district 33 ſaıd", []),
])
def test_odd_letters_in_quantities(text: str, expected: list) -> None:
    found = [(q.value, q.unit, q.low, q.high) for q in find_quantities(text)]
    assert [(v, u) for v, u, _, _ in found] == [(v, u) for v, u, _, _ in expected]
    for (_, _, lo, hi), (_, _, elo, ehi) in zip(found, expected, strict=True):
        assert lo == pytest.approx(elo) and hi == pytest.approx(ehi)


def test_the_unit_key_reads_odd_letters() -> None:
    [plain] = find_quantities("40 soldiers")
    [odd] = find_quantities("40 ſoldıers")
    assert unit_key(odd) == unit_key(plain) == "soldie"


ODD_WORDS = st.sampled_from(
    [odd for _, odd in ODD_QUANTITIES] + QUALIFIERS + NUMBER_WORDS + UNITS + [
        "40", "2022", "110,000", "1.5", "of", "the", "-", "$", "(", "ſ", "ı", "İ", "\u212a", "i̇",
    ]
)


@given(st.lists(ODD_WORDS, max_size=10), st.sampled_from([" ", "", "  ", "\u00a0"]))
def test_odd_letters_never_raise(words: list[str], glue: str) -> None:
    sentence = glue.join(words)
    for quantity in find_quantities(sentence):
        assert quantity.low <= quantity.high
        assert unit_key(quantity).isascii()


# --- The unit is a counted thing, not a verb or a small word -------------------------

@pytest.mark.parametrize("text", [
    "The Court repaired its archives, officials in district 33 said.",
    "Officials in district 33 told reporters.",
    "The tally for district 33 was revised.",
    "Residents of block 12 were evacuated.",
    "Route 66 is closed.",
    "12 died in the attack.",
    "Of the 40, 12 fled and 3 returned.",
    "In 1999 it was ratified, and 160 signed.",
    "The mine in sector 7 has been cleared.",
    "Article 19 of the convention applies.",
    "He was number 3 at the ministry.",
    "Section 4 by law.",
    "In 2014 which changed everything.",
    "Of the 40 that were found, 12 who lived.",
    "It rose 5 after the vote.",
    "He said 3 could leave.",
    "Between 10 and 20 are expected.",
    "The vote, 98 to 2, passed.",
])
def test_words_that_are_not_units(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("ratified by 160 countries", "160", "countries"),
    ("ratified by 165 states", "165", "states"),
    ("a dozen types of mines", "a dozen", "types"),
    ("over 160 states parties", "over 160", "states"),
    ("about 40 people said", "about 40", "people"),
    ("3,000 mines were cleared", "3,000", "mines"),
    ("12 killed and", "12", "killed"),
    ("40 wounded in", "40", "wounded"),
    ("40 reports said", "40", "reports"),
    ("officials in 33 districts said", "33", "districts"),
])
def test_real_units_stay(text: str, value: str, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_the_stop_list_keeps_the_seed_units() -> None:
    units = {"countries", "states", "parties", "types", "variants", "people", "troops", "mines", "km",
             "civilian", "civilians", "artillery", "rounds", "soldiers", "killed", "wounded", "dead",
             "injured", "missing", "displaced", "reports", "claims", "estimates", "districts"}
    assert not units & quantities_module._NOT_UNITS


# --- Other ways news English writes a quantity ---------------------------------------

@pytest.mark.parametrize(("text", "value", "unit", "low", "high"), [
    ("Fourteen people were injured.", "Fourteen", "people", 14, 14),
    ("Forty-three fire crews were sent.", "Forty-three", "fire", 43, 43),
    ("It held a 12,000-tonne cargo of pellets.", "12,000", "tonne", 12_000, 12_000),
    ("Losses are estimated at €65 million.", "€65 million", "euros", 65e6, 65e6),
    ("It took out about 10 percent of the storage.", "about 10 percent", "percent", 9, 11),
    ("It held roughly a tenth of the storage.", "roughly a tenth", "percent", 9, 11),
    ("Imports rose 35% last year.", "35%", "percent", 35, 35),
    ("It became the 165th state party.", "165th", "state", 165, 165),
    ("The port handled 4.2 million tonnes of cargo.", "4.2 million", "tonnes", 4.2e6, 4.2e6),
    ("The men were named as Adrian Kess, 53, and another.", "53", "age of Adrian Kess", 53, 53),
])
def test_other_forms_of_quantities(text: str, value: str, unit: str, low: float, high: float) -> None:
    found = [(q.value, q.unit, q.low, q.high) for q in find_quantities(text)]
    assert found == [(value, unit, pytest.approx(low), pytest.approx(high))]


@pytest.mark.parametrize("text", [
    "One of the workers was named.",
    "In their 40-month-old war.",
    "The vote was held in 2025 alone.",
])
def test_no_quantity_in_these(text: str) -> None:
    assert find_quantities(text) == []


# The pattern of other forms runs only on a sentence with a digit, a currency sign or a number
# word among its runs of letters; the quick check must pass every sentence the pattern reads.
GATE_WORDS = st.sampled_from(
    NUMBER_WORDS + UNITS + ["a", "one", "half", "third", "thirds", "quarter", "fifth", "tenth", "often",
                            "forty-three", "Twenty-One", "fİve", "ſix", "ſeventy", "nıne", "\u212aeep", "İ",
                            "people", "of", "crews", "'", "’", "é", "_", "x", "ten_", "éten", "(", "-"]
)


@given(st.lists(GATE_WORDS, max_size=8), st.sampled_from([" ", "", "-", "\u00a0", ", "]))
def test_the_quick_check_passes_every_number_in_words(words: list[str], glue: str) -> None:
    sentence = glue.join(words)
    if not quantities_module._may_have_number_words(sentence):
        assert quantities_module._other_forms_found(sentence) == []


DIGIT_PIECES = st.sampled_from(["12", "2,000", "3.5", "165", "1", "-", "-tonne", "-year-old", "st", "ST", "ſt", "nd",
                                 "rd", "th", "TH", "%", "percent", "PerCent", "per cent", "per", "cent", "€", "$",
                                 "£", "million", "bn", "m", "people", "crews", "in", "December", "2025", "about",
                                 "more than", "nearly", "٣", "(", ")", ",", ".", "165th", "21st", "2nd", "Adrian Kess",
                                 ", 53,", ", 53", "state", "party"])


@settings(max_examples=500)
@given(st.lists(DIGIT_PIECES | GATE_WORDS, max_size=10), st.sampled_from([" ", "", "\u00a0"]))
def test_the_quick_checks_pass_every_sentence_the_pattern_reads(words: list[str], glue: str) -> None:
    sentence = glue.join(words)
    assert quantities_module._other_forms(sentence) == quantities_module._other_forms_found(sentence)


@pytest.mark.parametrize("text", ["its 165th state party", "the 21ſt crews", "a 12,000-tonne cargo", "35%",
                                  "10 per cent", "10 PERCENT", "Adrian Kess, 53, said", "$1.2bn", "€65 million"])
def test_the_quick_checks_pass_every_form_written_with_digits(text: str) -> None:
    assert quantities_module._other_forms(text) == quantities_module._other_forms_found(text) != []


@pytest.mark.parametrize("text", ["Fourteen people", "FORTY-three crews", "a third of them", "ſix people",
                                  "fİve people", "nıne people", "(twelve people)"])
def test_the_quick_check_sees_numbers_in_words(text: str) -> None:
    assert quantities_module._may_have_number_words(text)
    assert quantities_module._other_forms(text) == quantities_module._other_forms_found(text) != []


def test_the_quick_check_knows_every_odd_letter() -> None:
    """Every letter outside ASCII that a pattern ignoring case reads as an ASCII letter (a scan of
    Unicode) is one the quick check reads as that letter."""
    import re
    import sys
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {c for c in map(chr, range(128, sys.maxunicode + 1)) if ascii_letter.fullmatch(c)}
    assert {c for c in odd if folded(c).isascii()} == odd


def test_value_range_reads_a_value_as_written() -> None:
    assert quantities_module.value_range("more than 20")[0] > 20
    assert quantities_module.value_range("Fourteen") == (14, 14)
    assert quantities_module.value_range("about €40 million") == (pytest.approx(36e6), pytest.approx(44e6))
    assert quantities_module.value_range("29 June") is None
