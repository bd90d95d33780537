"""Counted quantities in a sentence: "over 160 countries", "165 countries", "more than a dozen types".

Each quantity keeps the words as written and the range of values they allow,
so "over 160" and "165" can be told apart from "160" and "165": the first two
may both be true, the last two cannot. Years, days of the month, ages
("40-month-old") and measures glued to a hyphen are not counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from build_scripts.load.dates import MONTHS

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
_NOT_UNITS = frozenset(m.lower() for m in MONTHS) | {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "and", "or", "to", "the", "a", "of", "in", "on", "per", "percent", "%",
}
_QUANTITY = re.compile(
    r"(?<![\w$£€-])(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")?\s*"
    r"(?P<num>" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) +
    r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?![\w-])(?:\s+of)?\s+(?P<unit>[a-z][a-z’'-]{1,})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: str
    """The number as written with its qualifier: "over 160"."""
    unit: str
    """The counted noun as written: "countries"."""
    low: float
    high: float

    @property
    def unit_key(self) -> str:
        return self.unit.casefold()[:6]


def _range(qual: str | None, num: str) -> tuple[float, float]:
    key = num.casefold()
    if key in _WORD_NUMBERS:
        low, high = _WORD_NUMBERS[key]
    else:
        low = high = float(num.replace(",", ""))
    if not qual:
        return low, high
    lo_f, hi_f, inclusive = _QUALIFIERS[qual.casefold()]
    if hi_f == math.inf:
        return (low if inclusive else low + 1e-9), math.inf
    if lo_f == 0.0:
        return 0.0, (high if inclusive else high - 1e-9)
    return low * lo_f, high * hi_f


def _is_year(num: str, unit: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", num)) and unit.casefold() not in {"people", "troops", "mines", "civilians"}


def find_quantities(sentence: str) -> list[Quantity]:
    out = []
    for m in _QUANTITY.finditer(sentence):
        num, unit, qual = m.group("num"), m.group("unit"), m.group("qual")
        if unit.casefold() in _NOT_UNITS or _is_year(num, unit):
            continue
        low, high = _range(qual, num)
        value = f"{qual} {num}" if qual else num
        out.append(Quantity(m.start(), m.end(), value, unit, low, high))
    return out


def consistent(quantities: list[Quantity]) -> bool:
    """Whether one number could satisfy every quantity at once."""
    return max(q.low for q in quantities) <= min(q.high for q in quantities)
