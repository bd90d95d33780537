"""Match topic terms against sentences.

A term is a word or phrase. Matching is on whole words and ignores case,
except for terms written wholly in capitals (``UN``, ``US``), which match only
in capitals so that "us" is not the United States. A ``*`` at the end of a
term matches any ending: ``ratif*`` matches "ratified" and "ratification".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_scripts.model import TopicSection

_QUOTES = str.maketrans({"’": "'", "‘": "'"})


def _term_pattern(term: str) -> str:
    stem = term.rstrip("*")
    words = [re.escape(w) for w in stem.translate(_QUOTES).split()]
    body = r"\s+".join(words) + (r"\w*" if term.endswith("*") else "")
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True)
class TermGroup:
    """Any one of several terms; counts how many distinct terms hit.

    Each pattern comes with a ``needle``, a lower-case piece of text it cannot
    match without, tested first as a plain substring: most sentences hold
    none of a topic's words, and that test is far cheaper than the pattern.
    """

    patterns: tuple[re.Pattern[str], ...]
    needles: tuple[str, ...] = ()

    def hits(self, text: str, lower: str | None = None) -> int:
        lower = text.casefold() if lower is None else lower
        return sum(1 for p, n in zip(self.patterns, self.needles, strict=True) if n in lower and p.search(text))


@lru_cache(maxsize=4096)
def compile_group(terms: tuple[str, ...]) -> TermGroup:
    patterns, needles = [], []
    for term in terms:
        flags = 0 if term.rstrip("*").isupper() else re.IGNORECASE
        patterns.append(re.compile(_term_pattern(term), flags))
        needles.append(term.rstrip("*").translate(_QUOTES).split()[0].casefold())
    return TermGroup(tuple(patterns), tuple(needles))


def prepare(text: str) -> str:
    """The form of a sentence that terms are matched against."""
    # ``replace`` rather than ``translate``, which looks each character up in a table of Python objects
    return text.replace("’", "'").replace("‘", "'") if "’" in text or "‘" in text else text


def score(groups: tuple[tuple[str, ...], ...], text: str) -> int:
    """Number of distinct term hits when every group has one; otherwise 0."""
    total = 0
    lower = text.casefold()
    for terms in groups:
        hits = compile_group(terms).hits(text, lower)
        if not hits:
            return 0
        total += hits
    return total


def group_terms(groups: tuple[tuple[str, ...], ...]) -> set[str]:
    return {term for group in groups for term in group}


def score_found(groups: tuple[tuple[str, ...], ...], found: frozenset[str]) -> int:
    """``score`` from the set of terms a sentence holds (see ``TermIndex``)."""
    total = 0
    for group in groups:
        hits = sum(1 for term in group if term in found)
        if not hits:
            return 0
        total += hits
    return total


def section_score_found(section: TopicSection, found: frozenset[str]) -> int:
    """Score of a sentence for a section, from the terms it holds: 0 when an excluded term appears."""
    if section.exclude and score_found((section.exclude,), found):
        return 0
    return score_found(section.match, found)


_TOKEN = re.compile(r"\w+")
_START = 3


class TermIndex:
    """Which of many terms a sentence holds, with one pass over its words.

    Testing each term's pattern against each sentence costs terms × sentences
    pattern calls. Instead a sentence's words are looked up in an index of the
    terms' first words (for a ``*`` term, the first word's beginning), and only
    the terms found there have their pattern run, which decides. A term whose
    first word does not start with a letter or digit is always tested.

    What each sentence holds is remembered in ``memo``, by the sentence's own
    text; a caller that passes the same dict to the index of the same terms on
    the next build (as ``mkdocs serve`` does through the cache) finds only the
    sentences of edited sources again.
    """

    def __init__(self, terms: set[str] | frozenset[str], memo: dict[str, frozenset[str]] | None = None) -> None:
        self.whole: dict[str, list[str]] = {}
        self.prefix: dict[str, list[str]] = {}
        self.always: list[str] = []
        self.terms = frozenset(terms)
        self.patterns = {term: compile_group((term,)).patterns[0] for term in sorted(terms)}
        for term in sorted(terms):
            first = term.rstrip("*").translate(_QUOTES).split()[0].casefold()
            word = _TOKEN.match(first)
            if word is None:
                self.always.append(term)
            elif word.group() == first and term.endswith("*") and len(term.split()) == 1:
                self.prefix.setdefault(first, []).append(term)
            else:
                self.whole.setdefault(word.group(), []).append(term)
        # Prefix keys by their first letters, so each word of a sentence costs one lookup.
        self._by_start: dict[str, list[str]] = {}
        self._short: list[str] = []
        for key in self.prefix:
            if len(key) >= _START:
                self._by_start.setdefault(key[:_START], []).append(key)
            else:
                self._short.append(key)
        self._whole_keys = frozenset(self.whole)
        self._memo: dict[str, frozenset[str]] = {} if memo is None else memo
        self._seen: set[str] = set()
        self._of_token: dict[str, tuple[str, ...]] = {}
        """The terms each word seen so far can start, for the words that start any."""

    def find(self, text: str) -> frozenset[str]:
        """The terms that occur in ``text``, a sentence's text as written; remembered per text."""
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = self._find(prepare(text))
        return found

    def unseen(self, texts: Iterable[str]) -> list[str]:
        """The texts whose terms are not remembered yet."""
        return [text for text in texts if text not in self._memo]

    def remember(self, texts: list[str], found: list[frozenset[str]]) -> None:
        """Keep what ``find`` gave for each text elsewhere (in another process)."""
        self._memo.update(zip(texts, found, strict=True))

    def _find(self, text: str) -> frozenset[str]:
        tokens = set(_TOKEN.findall(text.casefold()))
        for token in tokens - self._seen:  # set operations: the words' loop runs in C
            self._seen.add(token)
            if terms := self._token_terms(token):
                self._of_token[token] = terms
        candidates = set(self.always)
        for token in tokens & self._of_token.keys():
            candidates.update(self._of_token[token])
        return frozenset(t for t in candidates if self.patterns[t].search(text))

    def _token_terms(self, token: str) -> tuple[str, ...]:
        """The terms a word can start: a corpus repeats its words, so each is worked out once."""
        terms = list(self.whole.get(token, ()))
        for key in self._by_start.get(token[:_START], ()):
            if token.startswith(key):
                terms += self.prefix[key]
        for key in self._short:
            if token.startswith(key):
                terms += self.prefix[key]
        return tuple(terms)


def find_all(terms: frozenset[str], texts: list[str]) -> list[frozenset[str]]:
    """``TermIndex(terms).find`` of each text (for a child process: see ``pipeline``)."""
    index = TermIndex(terms)
    return [index.find(text) for text in texts]
