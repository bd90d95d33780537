"""The wordings ``same_fact`` looks for: an intention, a change of a figure, what something shows,
an event put after another or before it as its cause."""

from __future__ import annotations

import re
from collections.abc import Iterator


class Worded:
    """A pattern that ignores case, and words (lower-case ASCII) one of which every match holds:
    it is run only on a text whose ``case_fold.folded`` form holds one. Most sentences hold none,
    and looking for the words is about three times quicker than the pattern, which ``re`` tries at
    every character."""

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        return self.pattern.search(text) if any(w in folded for w in self.words) else None

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if any(w in folded for w in self.words) else iter(())


INTENT = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|planning|intends?|intended|intending|prepares?|"
                    r"preparing|expected|going)\s+to)\s+(?:not\s+|also\s+|still\s+|soon\s+|be\s+|[^\W\d_]+ly\s+)?"
                    r"([^\W\d_]+)", re.IGNORECASE)
WORDS = re.compile(r"[^\W\d_]+")
"""An intention, a plan or a forecast rather than something done, and the verb it governs."""
WORDED_INTENT = Worded(INTENT, ("will", "would", "shall", "plan", "intend", "prepar", "expected", "going"))
NUMBER = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
CHANGE = re.compile(r"\bfrom\s+[^.;,]{0,30}?" + NUMBER + r"[^.;,]{0,30}?\bto\s+[^.;,]{0,15}?" + NUMBER
                    + r"|\bto\s+[^.;,]{0,15}?" + NUMBER + r"[^.;]{0,20}?\bfrom\s+[^.;,]{0,30}?" + NUMBER,
                    re.IGNORECASE)
"""A figure changed: "reduced from 2 kilometres to 500 metres", "raised … to €65 million, from …"."""
WORDED_CHANGE = Worded(CHANGE, ("from",))

SHOWS = re.compile(r"\b(?:underscor|underlin|highlight|emphasi[sz]|stress|illustrat|demonstrat|signal|reflect)"
                   r"(?:e|es|ed|ing|s)?\b\s+(?:that\s+)?", re.IGNORECASE)
"""A sentence whose fact is what something shows ("The decree underscores the need to …"): its
fact is the words after the verb, and two such sentences that show different things are two
claims, whatever their subjects share."""
WORDED_SHOWS = Worded(SHOWS, ("underscor", "underlin", "highlight", "emphasi", "stress", "illustrat", "demonstrat",
                              "signal", "reflect"))
FOLLOWS = re.compile(r"\b(?:follow(?:s|ed|ing)?|in (?:response|reply|reaction) to|in the wake of|c[ao]mes? after)\b",
                     re.IGNORECASE)
PROMPTS = re.compile(r"\b(?:prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|spur(?:s|red|ring)?|spark(?:s|ed|ing)?|"
                     r"caus(?:es|ed|ing)|le(?:d|ads?|ading) to|inspir(?:es|ed|ing))\b", re.IGNORECASE)
"""A sentence that puts its event after another ("The move follows similar steps by its
neighbours") and one that puts it before, as the cause ("The move has prompted its neighbours to
…") relate the same events in opposite orders, or different events: not one fact."""
WORDED_FOLLOWS = Worded(FOLLOWS, ("follow", "in re", "wake", "after"))
WORDED_PROMPTS = Worded(PROMPTS, ("prompt", "trigger", "spur", "spark", "caus", "led to", "lead", "inspir"))
