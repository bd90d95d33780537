"""Subjects of speech verbs: the noun phrase before or after the verb, with the role that
an apposition gives it ("Steve Goose, Arms Division director at …"), and the speaker it names.

The noun phrase itself is read by ``noun_phrases``; the names others use are imported from
here. The functions of plain strings are memoised: the same words come back sentence after
sentence, and every result is immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from build_scripts.analyse.quotes.noun_phrases import (
    _PHRASES_CACHE,
    _name_phrase,
    _noun_phrase,
    _possessive,
    _role_like,
    _spokes_phrase,
)

# Part of this module's surface (re-exported):
from build_scripts.analyse.quotes.noun_phrases import Phrase as Phrase
from build_scripts.analyse.quotes.noun_phrases import bare as bare
from build_scripts.analyse.quotes.noun_phrases import is_cap as is_cap
from build_scripts.analyse.quotes.noun_phrases import is_title as is_title
from build_scripts.analyse.quotes.noun_phrases import kind_of as kind_of
from build_scripts.analyse.quotes.vocabulary import (
    DETERMINERS,
    ROLE_NOUNS,
    STOP_LOWER,
    TAIL_WORDS,
    WEEKDAYS,
)

_STOP_LOWER_BUT_BY = STOP_LOWER - {"by"}


@dataclass(slots=True)  # not frozen: one per speech verb, and a frozen __init__ is slow
class Speaker:
    text: str
    role: str | None
    kind: str | None
    role_at: tuple[int, int] | None = None
    """(block, offset) in the sentence that states the role."""


def _strip_tail(words: list[str]) -> list[str]:
    """Drop adverbs and auxiliaries between a subject and its verb: "he also has said"."""
    while words:
        low = words[-1].lower()
        if low in TAIL_WORDS or (low.endswith("ly") and len(low) > 4 and not is_cap(words[-1])):
            words = words[:-1]
        elif low in WEEKDAYS and len(words) > 1 and words[-2].lower() == "on":
            words = words[:-2]
        else:
            break
    return words


def role_phrase(piece: str) -> str:
    """The noun phrase of a role that ends a clause: "The vote came after the president of X" → "the president of X"."""
    words = piece.split()
    head = next((i for i, w in enumerate(words) if bare(w) in ROLE_NOUNS or is_title(w)), None)
    if head is None:
        return piece.strip()
    start = head
    while start > 0:
        prev = words[start - 1]
        if prev.lower() in STOP_LOWER or prev.endswith((",", ";", ":")):
            break
        start -= 1
        if prev.lower() in DETERMINERS:
            break
        if _possessive(prev):
            start -= start > 0 and words[start - 1].lower() in DETERMINERS  # "The city's mayor"
            break
    return " ".join(words[start:])


def _determined(piece: str) -> bool:
    """A noun phrase in apposition: "a Conservative", "the lead insurer of the warehouse"."""
    words = piece.split()
    return 1 < len(words) <= 20 and words[0].lower() in ("a", "an", "the") and words[1].lower() not in STOP_LOWER


def _appositive(text: str) -> Phrase | None:
    """"NAME, ROLE" (the role may hold commas) or "TITLE, NAME" before a verb."""
    pieces = [p.strip() for p in text.split(",")]
    for k in range(len(pieces) - 2, -1, -1):
        words = pieces[k].split()
        rest = pieces[k + 1 :]
        if len(rest) > 1 and rest[0].isdigit():
            rest = rest[1:]  # an age: "Paul Grant, 52, a professor at …"
        role = ", ".join(rest)
        if words and is_cap(words[-1]) and (_role_like(role) or _determined(pieces[k + 1])):
            spokes = _spokes_phrase(words[-8:])
            if spokes:
                return spokes
            named = _name_phrase(words)
            return Phrase(named.text, role)
    if len(pieces) >= 2 and _role_like(pieces[-2]):
        words = pieces[-1].split()
        if words and all(is_cap(w) for w in words) and len(words) <= 4:
            return Phrase(" ".join(words), role_phrase(pieces[-2]))
    return None


@lru_cache(maxsize=_PHRASES_CACHE)
def subject_before(segment: str) -> Phrase | None:
    """The subject that ends the clause before a speech verb."""
    words = _strip_tail(segment.split())
    if not words:
        return None
    if len(words) > 1 and words[-1].lower() == "who" and words[-2].endswith(","):
        return subject_before(" ".join(words[:-1]))  # "Roman Kostenko, …, who said": the antecedent
    text = " ".join(words)
    if not text.endswith(","):
        return _clause_subject(text.rsplit(",", 1)[-1])
    found = _appositive(text[:-1])
    if found:
        return found
    pieces = [p.split() for p in text[:-1].split(",") if p.strip()]
    while len(pieces) > 1 and _parenthetical(pieces[-1]):
        pieces.pop()  # "Kuleba, who visited Kyiv, said": the subject is before the clause
    return _noun_phrase(pieces[-1]) if pieces else None


@lru_cache(maxsize=_PHRASES_CACHE)
def _clause_subject(clause: str) -> Phrase | None:
    """The noun phrase that ends the last clause before a verb ("he", "The ministry"): few and often repeated."""
    return _noun_phrase(clause.split())


_ASIDES = frozenset(
    "however meanwhile though too instead nevertheless nonetheless therefore moreover furthermore "
    "still yet again indeed meanwhile separately likewise similarly".split()
)


def _parenthetical(words: list[str]) -> bool:
    """A clause set off by commas: "who visited Kyiv", "asked about the decision", "however"."""
    first = words[0].lower()
    if len(words) <= 3 and (first in _ASIDES or first in TAIL_WORDS or (first.endswith("ly") and len(first) > 4)):
        return True
    return first not in DETERMINERS and (first in STOP_LOWER or first.endswith(("ing", "ed")))


def _leading_role(pieces: list[str]) -> str | None:
    """The apposition after a name: role-like, plus the pieces that go on in capitals."""
    if not pieces or not _role_like(pieces[0]):
        return None
    taken = [pieces[0]]
    for piece in pieces[1:]:
        if not piece[:1].isupper():
            break
        taken.append(piece)
    return ", ".join(taken)


@lru_cache(maxsize=_PHRASES_CACHE)
def subject_after(text: str) -> Phrase | None:
    """The subject after the verb: "said Steve Goose, Arms Division director at …"."""
    pieces = [p.strip() for p in text.split(",")]
    words = pieces[0].split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _STOP_LOWER_BUT_BY), len(words))
    words = words[:cut]
    if not words or (words[0].lower() in STOP_LOWER and words[0].lower() not in DETERMINERS):
        return None
    phrase = _noun_phrase(words)
    if phrase is None:
        return None
    return Phrase(phrase.text, _leading_role(pieces[1:]) or phrase.role, phrase.kind)
