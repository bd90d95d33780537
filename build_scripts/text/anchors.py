"""Stable anchors for sentences, derived from their text alone.

The anchor of a sentence depends only on its own words, so editing another
sentence of the article never moves a link. Typographic variants (curly or
straight quotes, spacing) do not change it either.
"""

from __future__ import annotations

import hashlib
import unicodedata

from build_scripts.text.lines import squeeze

# Typographic marks and the plain ones they count as.
_FOLD = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}


def normalise(text: str) -> str:
    """NFKC, typographic quotes and dashes made plain, whitespace runs made one space.

    The marks are replaced one by one, and only those present, rather than with
    ``str.translate`` (slow on non-ASCII text): the same result, since every
    mark maps to one ASCII character that is not itself replaced. ASCII text
    holds none of the marks and is left as it is.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        for mark, plain in _FOLD.items():
            if mark in text:
                text = text.replace(mark, plain)
    return squeeze(text)


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
        count = seen.get(base, 0) + 1
        seen[base] = count
        out.append(base if count == 1 else f"{base}-{count}")
    return out
