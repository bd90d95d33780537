"""Counted quantities in a sentence: "over 160 countries", "165 countries", "more than a dozen types".

Each quantity keeps the words as written and the range of values they allow,
so "over 160" and "165" can be told apart from "160" and "165": the first two
may both be true, the last two cannot. Years, days of the month, ages
("40-month-old") and measures glued to a hyphen are not counts.

Speed: every quantity has a number, digits or one of the number words ("a
dozen", "hundreds", ...), and most sentences have neither, so they are
answered without running ``_QUANTITY``. In a sentence whose
only numbers are digits, ``_matches`` starts each search of ``_QUANTITY`` a
little before the next digit instead of scanning every character; see there
why no match is missed. Both give exactly the matches of
``_QUANTITY.finditer``.
"""

from __future__ import annotations

import math
import re

from build_scripts.analyse.case_fold import folded
from build_scripts.model import MONTHS, Quantity

_QUALIFIERS = {
    "more than": (1.0, math.inf, False), "over": (1.0, math.inf, False), "at least": (1.0, math.inf, True),
    "nearly": (0.9, 1.0, False), "almost": (0.9, 1.0, False), "about": (0.9, 1.1, True),
    "around": (0.9, 1.1, True), "approximately": (0.9, 1.1, True), "some": (0.9, 1.1, True),
    "roughly": (0.9, 1.1, True), "fewer than": (0.0, 1.0, False), "less than": (0.0, 1.0, False),
    "under": (0.0, 1.0, False), "up to": (0.0, 1.0, True),
}
_WORD_NUMBERS = {
    "a dozen": (12, 12), "dozens": (24, 144), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
# Words that follow a number without being the thing counted: "district 33
# said", "in 2022 alone", "on 12 June". Without a part-of-speech tagger the
# unit is simply the next word, so this list keeps out the common words that
# are not nouns. Compared in lower case, after ``_fold``.
_NOT_UNITS = frozenset(m.lower() for m in MONTHS) | {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "per", "percent", "%", "am", "pm",
} | frozenset((
    # Reporting verbs, the usual end of "..., officials in district 33 said."
    # Present forms that are also plural nouns ("reports", "states", "claims",
    # "notes", "estimates") stay units: "165 states", "40 reports".
    "said say says told tell tells added add adds reported wrote write writes announced announces"
    " stated noted claimed confirmed confirms explained explains warned warns insisted argued"
    " declared estimated acknowledged admitted asserted replied responded suggested denied"
    " according"
    # Other verbs that often follow a count as its subject or object: "12 died",
    # "160 signed". Participles that name the people counted ("12 killed",
    # "40 wounded", "dead", "injured", "missing", "displaced") stay units: a
    # "number of wounded" makes sense.
    " died die dies fled flee arrived arrive returned remained survived escaped left came come comes"
    " went go goes gone got get gets made make makes took take takes taken gave give gives saw see"
    " seen became become becomes began begin begun joined signed voted agreed ratified did do does"
    " done include includes included including compared"
    # Auxiliaries and modals.
    " be been being is are was were has have had having will would could can may might must shall"
    " should"
    # Prepositions and conjunctions.
    " a an the and or nor but so yet if as than to of in on at by for from with into onto over"
    " under about around after before since until during through against among between within"
    " without across near off up down out via like amid upon toward towards while when whereas"
    " although though because unless whether then"
    # Pronouns, determiners and adverbs.
    " it its this that these those which who whom whose what he she they we you his her their our"
    " your them him us me my there here each every all any both either neither no not other others"
    " another such more most less fewer many much few several also only just now still again too"
    " even already ago later earlier alone respectively apiece"
).split())
_QUANTITY = re.compile(
    r"(?<![\w$£€-])(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")?\s*"
    r"(?P<num>" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) +
    r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?![\w-])(?:\s+of)?\s+(?P<unit>[a-z][a-z’'-]{1,})",
    re.IGNORECASE,
)


# --- Finding the matches faster ---------------------------------------------

# ``\d`` matches any Unicode decimal digit; in an ASCII sentence that is 0-9,
# found faster with substring tests or ``[0-9]``.
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")
_ASCII_DIGITS = tuple("0123456789")
# Every number word of ``_WORD_NUMBERS`` contains one of these; they are looked
# for in the sentence in lower case. Under ``re.IGNORECASE`` an ASCII letter
# matches its other case and, for four letters only, one more character: "İ"
# and "ı" match "i", "ſ" matches "s", the Kelvin sign "K" matches "k" (the unit
# tests check this against ``re``). ``str.lower`` maps "K" to "k" but not the
# other three, which are replaced first.
_NUMBER_WORD_PARTS = ("dozen", "hundreds", "thousands", "millions")
_ODD_CASES = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def _fold(text: str) -> str:
    """Text matched ignoring case, in lower case, each letter as ``re`` matched it.

    ``_QUALIFIERS`` and ``_WORD_NUMBERS`` are looked up, and units compared,
    with it: "mıllıons", "approxİmately" or "ſaid" are read as the words the
    pattern took them for (``str.casefold`` leaves "ı" and turns "İ" into two
    characters).
    """
    for odd, letter in _ODD_CASES:
        text = text.replace(odd, letter)
    return text.lower()
# The qualifiers (lower case) and the longest one's length in characters
# (``re.IGNORECASE`` matches one character per character).
_QUALIFIER_WORDS = tuple(_QUALIFIERS)
_MAX_QUALIFIER = max(len(qualifier) for qualifier in _QUALIFIERS)


def _matches(sentence: str) -> list[re.Match[str]]:
    """The matches of ``_QUANTITY.finditer(sentence)``, found with less scanning.

    * No digit and no number word: no match; the pattern is not run.
    * A number word: plain ``finditer``.
    * Only digits: each search starts just before the next digit ``d`` (at
      or after ``pos``, where ``finditer`` would go on). This misses nothing.
      Every match is then an optional qualifier, whitespace and digits; one
      starting at ``r >= pos`` has its number at ``n >= d``, and since the
      qualifier and the whitespace hold no digit, either ``r > d`` or
      ``n == d``. In the second case the whitespace is the end of the run
      ``w`` of whitespace just before ``d``, and as no qualifier ends with
      whitespace, a qualifier can only end where ``w`` starts: ``r`` is at
      least the start of ``w``, or that minus ``_MAX_QUALIFIER`` if a
      qualifier ends there (checked in an ASCII sentence, whose lower case
      keeps the offsets; assumed in any other). A search from there finds
      the same leftmost match as one from ``pos`` (lookbehinds still see the
      text before the start of a search).
    """
    ascii_text = sentence.isascii()
    if ascii_text:
        has_digit = False
        for char in _ASCII_DIGITS:
            if char in sentence:
                has_digit = True
                break
        lowered = sentence.lower()
        digits = _ASCII_DIGIT
    else:
        has_digit = _DIGIT.search(sentence) is not None
        lowered = _fold(sentence)
        digits = _DIGIT
    for part in _NUMBER_WORD_PARTS:
        if part in lowered:
            return list(_QUANTITY.finditer(sentence))
    found: list[re.Match[str]] = []
    if not has_digit:
        return found
    pos = 0
    while (digit := digits.search(sentence, pos)) is not None:
        start = digit.start()
        while start > pos and sentence[start - 1].isspace():  # str.isspace is re's \s
            start -= 1
        if not ascii_text or lowered.endswith(_QUALIFIER_WORDS, pos, start):
            start = max(pos, start - _MAX_QUALIFIER)
        match = _QUANTITY.search(sentence, start)
        if match is None:
            break
        found.append(match)
        pos = match.end()  # a match is never empty, so finditer goes on from its end
    return found


def _range(qual: str | None, num: str) -> tuple[float, float]:
    key = _fold(num)
    low: float
    high: float
    if key in _WORD_NUMBERS:
        low, high = _WORD_NUMBERS[key]
    else:
        low = high = float(num.replace(",", ""))
    return _scaled(qual, low, high)


_YEAR = re.compile(r"(19|20)\d\d")
_COUNTED_IN_YEARS = frozenset({"people", "troops", "mines", "civilians"})


def _is_year(num: str, folded_unit: str) -> bool:
    """A year rather than a count: "in 2022 alone", but not "2000 troops"."""
    return _YEAR.fullmatch(num) is not None and folded_unit not in _COUNTED_IN_YEARS


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED_UNIT = re.compile(r"\s+(?:of\s+)?([a-z][a-z’'-]+)", re.IGNORECASE)


def find_quantities(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _matches(sentence):
        num, unit, qual = m.group("num", "unit", "qual")
        folded_unit = _fold(unit)
        if folded_unit in _NOT_UNITS or _is_year(num, folded_unit):
            continue
        low, high = _range(qual, num)
        value = f"{qual} {num}" if qual else num
        end = m.end()
        scaled = _SCALED_UNIT.match(sentence, end) if folded_unit in _SCALE_WORDS else None
        if scaled is not None:  # "4.2 million tonnes": the tonnes are counted, in millions
            factor = _SCALE_WORDS[folded_unit]
            value, unit, end = f"{value} {unit}", scaled.group(1), scaled.end()
            low, high = low * factor, high * factor
        out.append(Quantity(m.start(), end, value, unit, low, high))
    extra = _other_forms(sentence)
    if not extra:
        return out
    kept = [q for q in out if not any(q.start < e.end and e.start < q.end for e in extra)]
    return sorted(kept + extra, key=lambda q: q.start)


# --- Other ways news English writes a quantity ---------------------------------
#
# Numbers in words ("Fourteen people", "Forty-three fire crews"), a measure glued
# to its number ("a 12,000-tonne cargo", "a 2-kilometre exclusion zone"), money
# ("€65 million"), shares ("35%", "about 10 percent", "roughly a tenth"),
# ordinals that count ("its 165th state party") and a person's age in apposition
# ("Adrian Kess, 53,"). They are found by one more pattern, run only when the
# sentence has a digit, a currency sign or one of the number words.

_UNITS_WORDS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                "seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i + 2 for i, w in enumerate(_UNITS_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_SCALE = {"million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "trillion": 1e12}
_CURRENCY = {"€": "euros", "$": "dollars", "£": "pounds"}
_QUAL = "(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+"
_WORD_NUMBER = ("(?:(?:" + "|".join(_TENS_WORDS) + ")(?:-(?:" + "|".join(_UNITS_WORDS[:8]) + "))?|"
                + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + ")")
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_OTHER = re.compile(
    r"(?<![\w$£€.,-])(?:" + _QUAL + ")?(?:"
    # €65 million, $1.2bn
    r"(?P<cur>[€$£])\s?(?P<money>" + _NUM + r")(?:\s?(?P<scale>million|billion|trillion|bn|m)\b)?"
    # 35%, 10 percent, 10 per cent
    r"|(?P<pct>" + _NUM + r")\s?(?:%|percent\b|per cent\b)"
    # a tenth, two thirds (of something; "a third worker" is an ordinal)
    r"|(?P<fnum>a|one|two|three)\s+(?P<frac>half|third|quarter|fifth|tenth)s?\b(?=\s+of\b|\s*[.,;:)]|\s*$)"
    # a 12,000-tonne cargo
    r"|(?P<hnum>" + _NUM + r")-(?P<hunit>(?:square-|cubic-)?[a-z]{2,})(?![\w-]*-old\b)"
    # the 165th state party
    r"|(?P<ord>\d+)(?:st|nd|rd|th)\s+(?P<ounit>[a-z][a-z'-]+)"
    # Fourteen people, forty-three crews
    r"|(?P<word>" + _WORD_NUMBER + r")\s+(?:of\s+)?(?P<wunit>[a-z][a-z'-]+)"
    r")",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s(?P<age>\d{1,3})(?=[,.;)]|\s*$)")
_NUMBER_WORDS = frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS) | frozenset(_FRACTIONS)
_LETTERS = re.compile(r"[a-z]+")


def _may_have_number_words(sentence: str) -> bool:
    """Whether the sentence's runs of ASCII letters, case ignored as ``_OTHER`` ignores it, include
    one of ``_NUMBER_WORDS``; if not, ``_OTHER`` finds no number in words (each begins where no
    letter comes before and ends at a space). A set lookup is about nine times quicker than a
    search of the sentence for the words."""
    return not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(folded(sentence)))


def _scaled(qual: str | None, low: float, high: float) -> tuple[float, float]:
    if not qual:
        return low, high
    lo_f, hi_f, inclusive = _QUALIFIERS[_fold(qual)]
    if hi_f == math.inf:
        return (low if inclusive else low + 1e-9), math.inf
    if lo_f == 0.0:
        return 0.0, (high if inclusive else high - 1e-9)
    return low * lo_f, high * hi_f


def _word_value(word: str) -> float:
    parts = _fold(word).split("-")
    return float(sum(_SMALL[p] for p in parts))


_DIGIT_FORM = re.compile(r"\d(?:-|st|nd|rd|th)|,\s\d|%|percent|per cent", re.IGNORECASE)
"""What each form of ``_OTHER`` and ``_AGE`` written with digits holds but money (a currency sign):
a share ("35%", "10 percent", "10 per cent"), a measure glued to its number ("12,000-tonne"), an
ordinal ("165th"), an age after a name ("Adrian Kess, 53,"). A sentence's digits are mostly its
dates: without one of these, a currency sign or a number word, neither pattern finds anything,
and they are not run (``_OTHER`` is tried at nearly every word: run on the 17,008 of the 39,725
sentences of the 1,000-source benchmark that have a digit or a number word, 0.40 s; issue 20)."""


def _other_forms(sentence: str) -> list[Quantity]:
    """Quantities in the forms ``_QUANTITY`` does not read (see above)."""
    if not ("€" in sentence or "£" in sentence or "$" in sentence
            or (_DIGIT.search(sentence) and _DIGIT_FORM.search(sentence))
            or _may_have_number_words(sentence)):
        return []
    return _other_forms_found(sentence)


def _other_forms_found(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _OTHER.finditer(sentence):
        qual = m.group("qual")
        if m.group("cur"):
            amount = float(m.group("money").replace(",", "")) * _SCALE.get(_fold(m.group("scale") or ""), 1.0)
            unit, low = _CURRENCY[m.group("cur")], amount
        elif m.group("pct"):
            unit, low = "percent", float(m.group("pct").replace(",", ""))
        elif m.group("frac"):
            share = _FRACTIONS[_fold(m.group("frac"))]
            count = {"a": 1, "one": 1, "two": 2, "three": 3}[_fold(m.group("fnum"))]
            unit, low = "percent", share * count
        elif m.group("hnum"):
            unit, low = m.group("hunit"), float(m.group("hnum").replace(",", ""))
        elif m.group("ord"):
            unit, low = m.group("ounit"), float(m.group("ord"))
            if _fold(unit) in _NOT_UNITS or _YEAR.fullmatch(m.group("ord")):
                continue
        else:
            unit, low = m.group("wunit"), _word_value(m.group("word"))
            if _fold(unit) in _NOT_UNITS:
                continue
        lo, hi = _scaled(qual, low, low)
        number = m.group(0)[len(qual):].strip() if qual else m.group(0)
        if m.group("ord") or m.group("word"):
            number = number[: len(number) - len(unit)].strip()
        if m.group("hnum"):
            number = m.group("hnum")
        value = f"{qual} {number}" if qual else number
        out.append(Quantity(m.start(), m.end(), value, unit, lo, hi))
    for m in _AGE.finditer(sentence):
        age = float(m.group("age"))
        if 0 < age < 120:
            out.append(Quantity(m.start("age"), m.end("age"), m.group("age"), "age of " + m.group("name"), age, age))
    return out


def consistent(quantities: list[Quantity]) -> bool:
    """Whether one number could satisfy every quantity at once."""
    return max(q.low for q in quantities) <= min(q.high for q in quantities)


def unit_key(q: Quantity) -> str:
    """The counted noun folded, its first six letters: "soldiers" and "soldier" are one unit.

    An age keeps the person's name ("age of adrian kess"): ages of two people are not one thing.
    """
    folded = _fold(q.unit)
    return folded if folded.startswith("age of ") else folded[:6]


def value_range(value: str) -> tuple[float, float] | None:
    """The range a value as written allows ("more than 20", "Fourteen", "€65 million"), or None."""
    found = find_quantities(f"{value} items")
    return (found[0].low, found[0].high) if found else None
