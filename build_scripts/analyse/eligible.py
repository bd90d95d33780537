"""Which sentences the analysis reads: article prose, long enough to state something."""

from __future__ import annotations

from build_scripts.model import Sentence

MIN_WORDS = 6


def eligible(sentence: Sentence) -> bool:
    """Not furniture or a heading (those are no sentences), not opinion, at least ``MIN_WORDS`` words."""
    return not sentence.opinion and long_enough(sentence)


def long_enough(sentence: Sentence) -> bool:
    """At least ``MIN_WORDS`` words, opinion or not: what claims are grouped from. An opinion
    piece's sentence can corroborate a report (it is cited with the statement, as the source that
    also says so), but it is never the statement shown, nor placed on a topic page on its own."""
    # Splitting at most MIN_WORDS - 1 times gives MIN_WORDS pieces exactly when there are that many
    # words, without cutting up the rest of a long sentence (this runs for every sentence, often).
    return len(sentence.text.split(None, MIN_WORDS - 1)) >= MIN_WORDS
