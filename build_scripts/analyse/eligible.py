"""Which sentences the analysis reads: article prose, long enough to state something."""

from __future__ import annotations

import re

from build_scripts.model import Sentence

MIN_WORDS = 6

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_OWN_VOICE = re.compile(r"\b(?:I|we|our|us|my|me|you|your|should|must|ought)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"(?:According to|(?:The\s+)?(?:[A-Z][\w’'-]*\s+){1,5}(?:has\s+|have\s+|had\s+)?"
                         r"(?:recorded|reported|found|documented|estimated|counted|published|registered))\b")
"""A sentence that opens with its source: "According to …", "The Landmine Monitor recorded …"."""
_FIGURE = re.compile(r"\d")


def reported(sentence: Sentence) -> bool:
    """An opinion piece's sentence that opens with a named source and what it counted, found or
    published ("The Landmine Monitor recorded at least 5,757 people killed …", "According to …"),
    with a figure, in no voice of its own (no I, we, you, should, must outside quotation marks): a fact
    the piece passes on, not the writer's view."""
    outside = _QUOTED.sub(" ", sentence.text)
    return bool(_ATTRIBUTED.match(outside) and _FIGURE.search(outside) and not _OWN_VOICE.search(outside))


def eligible(sentence: Sentence) -> bool:
    """Not furniture or a heading (those are no sentences), at least ``MIN_WORDS`` words, and not
    opinion unless it reports a named source's figures (``reported``)."""
    return long_enough(sentence) and (not sentence.opinion or reported(sentence))


def long_enough(sentence: Sentence) -> bool:
    """At least ``MIN_WORDS`` words, opinion or not: what claims are grouped from. An opinion
    piece's sentence can corroborate a report (it is cited with the statement, as the source that
    also says so), but it is never the statement shown, nor placed on a topic page on its own,
    unless it passes on a named source's figures (``reported``)."""
    # Splitting at most MIN_WORDS - 1 times gives MIN_WORDS pieces exactly when there are that many
    # words, without cutting up the rest of a long sentence (this runs for every sentence, often).
    return len(sentence.text.split(None, MIN_WORDS - 1)) >= MIN_WORDS
