"""Stable anchors for sentences, derived from their text alone.

The anchor of a sentence depends only on its own words, so editing another
sentence of the article never moves a link. Typographic variants (curly or
straight quotes, spacing) do not change it either.
"""

from __future__ import annotations

import hashlib
import unicodedata

_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return " ".join(text.split())


def anchor_for(text: str) -> str:
    """``s-`` and ten hex digits of a hash of the normalised sentence."""
    digest = hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()
    return f"s-{digest[:10]}"


def unique_anchors(texts: list[str]) -> list[str]:
    """Anchors for the sentences of one article; a repeated sentence gets ``-2``, ``-3``."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        base = anchor_for(text)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out
