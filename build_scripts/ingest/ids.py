"""Readable source ids: date, publisher and title words, such as
``2025-06-30-libertarian-institute-ukraine-eastern-european-nato``."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from build_scripts.load.dates import parse_date

MAX_LENGTH = 80
_CYRILLIC = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё",
    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o",
     "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "y", "e", "e"],
    strict=True,
))


def _ascii(text: str) -> str:
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slug_words(text: str, limit: int) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text))[:limit]


def readable_id(meta: dict[str, Any], body: str, taken: set[str]) -> str:
    """An id not in ``taken`` (compared without case); ``-2``, ``-3``… when needed."""
    parts: list[str] = []
    date = meta.get("date")
    parts.append(parse_date(date).iso() if date else "undated")
    parts += slug_words(meta.get("publisher") or "", 3)
    parts += slug_words(meta.get("title") or "", 6) or slug_words(body, 6)
    base = "-".join(parts)[:MAX_LENGTH].rstrip("-") or "source"
    lowered = {t.lower() for t in taken}
    candidate, n = base, 1
    while candidate.lower() in lowered:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
