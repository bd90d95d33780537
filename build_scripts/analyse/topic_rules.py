"""One topic's rules applied to one sentence: its section, "Other reports", or off the topic, and why.

A sentence is weighed by the terms it holds (``terms.TermIndex``), an inflection standing for
the word it inflects (``inflections``): a topic's ``exclude`` terms keep it off, one of its
``require`` terms (or one in the sentence before it, in the same paragraph) lets it on, and the
section whose rule it matches best takes it. One that meets no section's rule goes to "Other
reports" when it is about the topic (``MEANING_WORDS``). The ``Verdict`` says where and why:
``explain`` repeats its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from build_scripts.analyse.similarity import terms as stems
from build_scripts.analyse.terms import group_terms, score_found, section_score_found
from build_scripts.model import Sentence, Topic

MEANING_WORDS = 3
"""Distinct words of the topic's own description (title, description, headings, examples) a
sentence must hold, with a term of the topic, to count as about the topic."""

_GENERIC = frozenset(
    "what who whom where when why how which page sources source report reports reported say says said "
    "gathers collects known given gave make made take taken many much well others other just only "
    "still even like them their these those this that very been being does done".split()
)
"""Words of a topic description that say nothing of its subject."""


def _own_terms(topic: Topic) -> set[str]:
    terms = set(topic.require) | set(topic.exclude) | set(topic.boost)
    for section in topic.sections:
        terms |= group_terms(section.match) | set(section.exclude)
    return terms


def topic_terms(topic: Topic) -> set[str]:
    """The topic's terms and the regular inflections of its plain words (see ``inflections``)."""
    terms = _own_terms(topic)
    return terms | {form for term in terms for form in inflections(term)}


_VOWELS = frozenset("aeiou")


def inflections(term: str) -> set[str]:
    """The regular inflections of a term that is one plain lower-case word without ``*``: plural or
    third person (-s, -es, -ies), past (-ed, -d, -ied) and -ing, with a final e dropped and a final
    consonant doubled as English spells them ("ban": bans, banned, banning; "leave": leaves,
    leaving; "party": parties). A term in capitals, with a digit, a space or a ``*`` is left as
    written; so is a word of fewer than three letters."""
    if not term.isalpha() or not term.islower() or len(term) < 3:
        return set()
    w = term
    if w.endswith("e"):
        forms = {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in _VOWELS:
        forms = {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms = {w + "es", w + "ed", w + "ing"}
    else:
        forms = {w + "s", w + "ed", w + "ing"}
        if (len(w) <= 4 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
                and w[-3] not in _VOWELS):
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms - {w}

def meaning_words(topic: Topic) -> frozenset[str]:
    """The stems of the words the topic file uses to say what the topic is about."""
    texts = [topic.title, topic.description, *(s.heading for s in topic.sections), *topic.examples]
    words: set[str] = set()
    for text in texts:
        words |= stems(text)
    return frozenset(w for w in words if w not in _GENERIC and not w.isdigit())


@dataclass(frozen=True)
class Verdict:
    """Where one sentence goes on one topic, and why: ``section`` indexes the topic's sections,
    ``len(sections)`` is "Other reports", -1 is off the topic."""

    section: int
    score: int
    reason: str


_NO_NEAR_MISS = Verdict(-1, 0, "matches no section's rule, nor any but for one group of terms")


class TopicRules:
    """One topic's rules applied to sentences, from the terms each holds."""

    def __init__(self, topic: Topic, common: frozenset[str] = frozenset()) -> None:
        self.topic = topic
        self.canonical = {form: term for term in sorted(_own_terms(topic)) for form in sorted(inflections(term))}
        self.meaning = meaning_words(topic) - common
        self.other = len(topic.sections)
        self._memo: dict[tuple[frozenset[str], bool], Verdict] = {}
        self._near: dict[frozenset[str], str] = {}
        self._own: dict[frozenset[str], frozenset[str]] = {}
        self._settled: dict[frozenset[str], Verdict] = {}
        """Verdicts that depend on the terms found only (not on the sentence or its neighbour)."""
        self._exclude = frozenset(topic.exclude)
        self._require = frozenset(topic.require)

    def verdict(self, sentence: Sentence, found: frozenset[str],
                context: Callable[[Sentence], frozenset[str]]) -> Verdict:
        """``found``: the terms the sentence holds; ``context`` gives those of the sentence before it
        in its paragraph (asked only when the sentence holds no require term)."""
        settled = self._settled.get(found)
        if settled is not None:
            return settled
        raw = found
        if self.canonical:
            found = self.own(found)
        if not self._exclude.isdisjoint(found):
            hit = sorted(self._exclude & found)[0]
            verdict = self._settled[raw] = Verdict(-1, 0, f"holds the topic's exclude term '{hit}'")
            return verdict
        via = ""
        if self._require and self._require.isdisjoint(found):
            before = context(sentence)
            if self._require.isdisjoint(self.own(before) if self.canonical else before):
                return Verdict(-1, 0, "holds none of the topic's require terms (nor does the sentence before it "
                                      "in its paragraph)")
            via = " (its require term is in the sentence before it, in the same paragraph)"
        key = (found, bool(via))
        placed = self._memo.get(key)
        if placed is None:
            placed = self._memo[key] = self._section(found, via)
            if not via and placed.section != -2:
                self._settled[raw] = placed
        if placed.section == -2:  # no section: about the topic by its meaning?
            placed = self._other(sentence, found, via, placed.reason)
            if not via and placed.section == -1 and placed is _NO_NEAR_MISS:
                self._settled[raw] = placed
        return placed

    def own(self, found: frozenset[str]) -> frozenset[str]:
        """The topic's own terms among those found, an inflection standing for the word it inflects
        (remembered: sentences hold the same few sets of terms)."""
        known = self._own.get(found)
        if known is None:
            known = self._own[found] = (frozenset(self.canonical.get(t, t) for t in found)
                                        if not found.isdisjoint(self.canonical) else found)
        return known

    def _section(self, found: frozenset[str], via: str) -> Verdict:
        best, best_score = -1, 0
        for i, section in enumerate(self.topic.sections):
            s = section_score_found(section, found)
            if s > best_score:
                best, best_score = i, s
        if best >= 0:
            return Verdict(best, best_score, f"matches the rule of section '{self.topic.sections[best].heading}' "
                                             f"({best_score} term hits){via}")
        return Verdict(-2, 0, via)

    def near_miss(self, found: frozenset[str]) -> str:
        """A section whose rule the sentence meets but for one group of terms (of two or more)."""
        for section in self.topic.sections:
            if len(section.match) < 2 or section_score_found(section, found) or (
                    section.exclude and score_found((section.exclude,), found)):
                continue
            hit = sum(1 for group in section.match if score_found((group,), found))
            if hit == len(section.match) - 1:
                return section.heading
        return ""

    def _other(self, sentence: Sentence, found: frozenset[str], via: str, _: str) -> Verdict:
        near = self._near.get(found)
        if near is None:
            near = self._near[found] = self.near_miss(found)
        if not near:  # most sentences: no need to look further
            return _NO_NEAR_MISS
        words = sorted(stems(sentence.text) & self.meaning)
        said = f", and shares the words {', '.join(words)} with the topic file" if words else ""
        if self.topic.require and not via:
            return Verdict(self.other, 0, f"about the topic: holds a require term and meets the rule of '{near}' "
                                          f"but for one group of terms{said}")
        if len(words) >= MEANING_WORDS:
            return Verdict(self.other, 0, f"about the topic: meets the rule of '{near}' but for one group of "
                                          f"terms{said}{via}")
        return Verdict(-1, 0, f"matches no section's rule (meets '{near}' but for one group of terms), and is not "
                              f"about the topic by its words ({len(words)} of the topic file's own words, "
                              f"{MEANING_WORDS} needed: {', '.join(words) or 'none'})")
