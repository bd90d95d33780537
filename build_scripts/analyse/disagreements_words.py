"""The words of a sentence as the disagreement finders read them.

Tokens (``_words``), the tokens that end a phrase (``_PAUSE``), the words that
say nothing of what is counted or what happened (``_SKIP``), and a word's
singular, folded and cut short (``_singular``).
"""

from __future__ import annotations

import re

from build_scripts.analyse.similarity import STOP_WORDS

_TOKEN = re.compile(r"[€$£%]|[^\W_]+(?:['’][^\W_]+)*|[.,;:!?()–—]")
_PAUSE = frozenset(".,;:!?()–—") | {"and", "or", "but", "while", "when", "which", "who", "after", "before"}
_SKIP = STOP_WORDS | frozenset(
    "been being were was is are has have had now still also just only including among"
    " up down out off away back across around".split())


def _singular(word: str) -> str:
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:7]


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)
