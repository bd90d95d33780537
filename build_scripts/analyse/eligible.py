"""Which sentences the analysis reads: article prose, long enough to state something."""

from __future__ import annotations

from build_scripts.model import Sentence

MIN_WORDS = 6


def eligible(sentence: Sentence) -> bool:
    """Not furniture or a heading (those are no sentences), not opinion, at least ``MIN_WORDS`` words."""
    return not sentence.opinion and len(sentence.text.split()) >= MIN_WORDS
