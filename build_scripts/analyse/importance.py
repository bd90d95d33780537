"""The order of statements within a topic section: most important first.

A statement's importance adds up what an editor weighs, each part small and
explainable (``explain`` prints them):

- **sources**: each independent source beyond the first counts most
  (copies of one wire text count once); a copy counts a little;
- **centrality**: how much of its wording the other statements of its
  section share (the mean, over its content words, of how many other
  statements of the section hold that word, over the highest such mean in
  the section): a statement about what most reports of the section are
  about ranks above a detail or a sentence that only passes by (words
  that a fifth of all sentences hold, the story itself, do not count);
- **lead**: it comes from an article's opening sentences, where news
  writing puts what matters most;
- **specific**: it holds figures, dates or names (up to three count);
- **boost**: it holds a term the topic file lists under ``boost``;
- **rule**: how many of the section's terms it holds (up to four);
- **topic words**: how many of the words the topic file uses to say what
  the topic is about it holds (up to three; words that a fifth of all
  sentences hold do not count);
- **needs context**: it opens with a pronoun or a connective ("It said…",
  "However, …"), so read alone it says less: counted against it.

Ties go to the order of the sources (dated first, oldest first), then the
order of the sentences in their article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from build_scripts.analyse.similarity import terms as stems
from build_scripts.model import Document, Sentence, Statement

LEAD_SENTENCES = 3
"""An article's first sentences of text: its lead."""

WEIGHTS = {"sources": 2.0, "copies": 0.5, "centrality": 1.0, "lead": 1.0, "specific": 1.0, "boost": 0.75,
           "rule": 0.5, "topic words": 0.5,
           "needs context": -1.5}

_FIGURE = re.compile(r"\d")
_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_NAME = re.compile(r"(?<=[\w,;:)] )(?:[A-Z][\w'’.-]+)(?: (?:[A-Z][\w'’.-]+|of|de|van|von|al))*")
_NUMBER_WORD = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                          r"fifty|hundred|thousand|million|billion|dozens?|half|tenth|quarter)\b", re.I)
_DEPENDENT = frozenset(
    "he she it they this these those that such his her its their there him them but however also and yet "
    "meanwhile instead still nevertheless moreover furthermore besides then so thus therefore".split()
)
_FIRST = re.compile(r"[\W_]*([^\W_]+)")


def specifics(text: str, common: frozenset[str] = frozenset()) -> int:
    """Figures, dates and names a sentence holds (each run of digits, month or capitalised name once).

    A name all of whose words are ``common`` (the place or body the whole corpus is about) tells
    nothing particular and does not count."""
    figures = len(re.findall(r"\d[\d,.]*", text)) + len(_NUMBER_WORD.findall(text))
    names = [m for m in _NAME.findall(text) if not _MONTH.fullmatch(m) and not (stems(m) <= common)]
    return figures + len(_MONTH.findall(text)) + len(names)


def needs_context(text: str) -> bool:
    """The sentence opens with a pronoun or a connective that points to what came before (a
    quotation opening with one is the speaker's own words, not a reference to the article)."""
    if text[:1] in "\"“‘'«„":
        return False
    first = _FIRST.match(text)
    return bool(first) and first.group(1).casefold() in _DEPENDENT  # type: ignore[union-attr]


@dataclass(frozen=True)
class Importance:
    parts: dict[str, float]

    @property
    def total(self) -> float:
        return sum(WEIGHTS[k] * v for k, v in self.parts.items())

    def describe(self) -> str:
        shown = ", ".join(f"{k} {v:g}" for k, v in self.parts.items() if v)
        return f"importance {self.total:.2f} ({shown or 'nothing'})"


class Ranking:
    """Importance of the statements of one section; ``positions`` knows the sentences of each article's lead."""

    def __init__(self, positions: dict[Sentence, int], statements: Iterable[Statement],
                 boost: frozenset[str] = frozenset(), found: dict[Sentence, frozenset[str]] | None = None,
                 meaning: frozenset[str] = frozenset(), common: frozenset[str] = frozenset()) -> None:
        self.positions = positions
        self.common = common
        self.meaning = meaning
        self.boost = boost
        self.found = found or {}
        statements = list(statements)
        self.df: Counter[str] = Counter()
        for st in statements:
            self.df.update(stems(st.sentence.text) - common)
        self.n = len(statements)
        self.top = max((self._shared(st) for st in statements), default=0.0) or 1.0

    def _shared(self, st: Statement) -> float:
        """The mean, over the statement's words, of how many other statements hold each."""
        words = stems(st.sentence.text) - self.common
        return sum(self.df[w] - 1 for w in words) / len(words) if words else 0.0

    def of(self, st: Statement) -> Importance:
        claim = st.claim
        sources = len(claim.sources) if claim else 1
        independent = claim.independent if claim else 1
        central = self._shared(st) / self.top
        lead = any(self.positions.get(m, LEAD_SENTENCES) < LEAD_SENTENCES for m in st.members)
        boosted = len(self.found.get(st.sentence, frozenset()) & self.boost)
        return Importance({
            "sources": float(independent - 1),
            "copies": float(sources - independent),
            "centrality": round(central, 3),
            "lead": 1.0 if lead else 0.0,
            "specific": min(3, specifics(st.sentence.text, self.common)) / 3,
            "boost": float(min(2, boosted)),
            "rule": float(min(4, st.score)),
            "topic words": float(min(3, len(stems(st.sentence.text) & self.meaning))),
            "needs context": 1.0 if needs_context(st.sentence.text) else 0.0,
        })


def positions(documents: list[Document]) -> dict[Sentence, int]:
    """The place of each sentence of an article's lead among its sentences of text (0 for the first);
    a sentence not in it has none."""
    return {s: i for d in documents for i, s in enumerate(d.sentences[:LEAD_SENTENCES])}
