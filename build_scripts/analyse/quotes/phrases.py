"""Noun phrases: the speaker, role and kind that a subject as written gives.

The functions of plain strings are memoised: the same words ("he", "The
ministry", "officials") come back sentence after sentence, and every result
is immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from build_scripts.analyse.places import find_places
from build_scripts.analyse.quotes.vocabulary import (
    ABBREVIATIONS,
    BODY_HEADS,
    CONNECTORS,
    DETERMINERS,
    DOC_NOUNS,
    NOT_SPEAKERS,
    PLACES,
    PLURAL_PEOPLE,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUN_KIND,
    QUANTIFIERS,
    ROLE_NOUNS,
    ROLE_OR_BODY,
    STOP_CAPS,
    STOP_LOWER,
    TAIL_WORDS,
    TITLES,
    WEEKDAYS,
)

_EDGE = "“”\"'‘’«»()[]{},.;:!?"
_STOP_LOWER_BUT_BY = STOP_LOWER - {"by"}
_WORDS_CACHE = 1 << 16
_PHRASES_CACHE = 1 << 14


@dataclass(frozen=True)
class Phrase:
    """A subject as written, before pronouns and short references are resolved."""

    text: str
    role: str | None = None
    kind: str | None = None
    """Set when the phrase itself says what it is: "a spokesperson for X" speaks for a body."""


@dataclass(slots=True)  # not frozen: one per speech verb, and a frozen __init__ is slow
class Speaker:
    text: str
    role: str | None
    kind: str | None
    role_at: tuple[int, int] | None = None
    """(block, offset) in the sentence that states the role."""


def _clean(word: str) -> str:
    return word.strip(_EDGE)


@lru_cache(maxsize=_WORDS_CACHE)
def bare(word: str) -> str:
    """Lower case, without edge punctuation or a possessive 's."""
    return _clean(word).lower().removesuffix("’s").removesuffix("'s")


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s"))


@lru_cache(maxsize=_WORDS_CACHE)
def is_title(word: str) -> bool:
    return any(part in TITLES for part in bare(word).rstrip(".").split("-"))


def _head_noun(words: list[str]) -> str:
    """The last word before the first preposition: "a member of parliament" → "member"."""
    cut = next((i for i, w in enumerate(words) if i and w.lower() in PREPOSITIONS), len(words))
    return bare(words[cut - 1]) if cut else ""


@lru_cache(maxsize=_PHRASES_CACHE)
def _role_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 20 and _head_noun(words) in ROLE_OR_BODY


def _places_only(text: str) -> bool:
    """Whether the phrase names only countries or their capitals ("Latvia and Estonia", "Riga")."""
    found = [m for m in find_places(text) if not m.demonym]
    if not found:
        return False
    rest = text
    for m in reversed(found):
        rest = rest[: m.start] + " " + rest[m.end :]
    return all(w.lower() in _COORDINATION for w in rest.replace(",", " ").split())


_COORDINATION = frozenset("and the both".split())


@lru_cache(maxsize=_PHRASES_CACHE)
def kind_of(text: str) -> str | None:
    """"person", "body" (an organisation, or a state standing for its government) or None.

    None also for a group of people: a plural ("officials", "the ministers") or names
    joined by "and" that are not all states or organisations.
    """
    words = [_clean(w) for w in text.split() if _clean(w)]
    if not words:
        return None
    if words[-1].lower() in PRONOUN_KIND:
        return PRONOUN_KIND[words[-1].lower()]
    head = _head_noun(words)
    if head in BODY_HEADS or head in PLACES:
        return "body"
    if head in PLURAL_PEOPLE:
        return None
    if head in ROLE_NOUNS:
        return "person"
    if is_cap(words[-1]) and all(is_cap(w) or w.lower() in CONNECTORS for w in words):
        if _places_only(text):
            return "body"
        if "and" in words or "," in text:
            return None  # several names: a group, not one person
        return "body" if any(bare(w) in BODY_HEADS for w in words) else "person"
    return None


def _cap_run_start(words: list[str]) -> int:
    """Start of the capitalised run (a name, maybe with a title) that ends ``words``."""
    i = len(words) - 1
    while i > 0 and (is_cap(words[i - 1]) or (words[i - 1] in CONNECTORS and i > 1 and is_cap(words[i - 2]))):
        i -= 1
    while i < len(words) - 1 and (words[i].lower() in STOP_CAPS or words[i] in CONNECTORS):
        i += 1
    return i


def _split_title(run: list[str]) -> tuple[list[str], list[str]]:
    """("Ukrainian President", "Volodymyr Zelensky") from the run of both; ([], run) without a title."""
    titles = [i for i, w in enumerate(run) if is_title(w)]
    if not titles or titles[-1] == len(run) - 1:
        return [], run
    name = run[titles[-1] + 1 :]
    if len(name) > 4 or name[0] in CONNECTORS:
        return [], run
    return run[: titles[-1] + 1], name


def _descriptor(words: list[str]) -> str | None:
    """"the international non-governmental organisation" before a body's name."""
    for j in range(len(words) - 1, max(len(words) - 6, -1), -1):
        low = words[j].lower()
        if low in DETERMINERS:
            return " ".join(words[j:])
        if is_cap(words[j]) or low in STOP_LOWER:
            return None
    return None


def _name_phrase(words: list[str]) -> Phrase:
    start = _cap_run_start(words)
    run = [_strip_word(w) for w in words[start:]]
    title, name = _split_title(run)
    name = [w.removesuffix("’s").removesuffix("'s") for w in name]
    if title:
        return Phrase(" ".join(name), " ".join(title).rstrip(","))
    return Phrase(" ".join(name), _descriptor(words[:start]) or _lower_title(words[:start]))


def _lower_title(words: list[str]) -> str | None:
    """A role written in lower case right before the name: "chief executive Petra Lindqvist"."""
    if not words or bare(words[-1]) not in ROLE_NOUNS or words[-1].endswith(","):
        return None
    start = len(words) - 1
    while start > 0 and len(words) - start < 4:
        prev = words[start - 1]
        if is_cap(prev) or prev.lower() in STOP_LOWER or prev.lower() in DETERMINERS or prev.endswith((",", ";")):
            break
        start -= 1
    return " ".join(words[start:])


def _document_owner(words: list[str]) -> Phrase | None:
    """"Human Rights Watch’s June report" → "Human Rights Watch"; "his statement" → "he"."""
    if bare(words[-1]) not in DOC_NOUNS:
        return None
    if words[0].lower() in POSSESSIVE_PRONOUNS:
        return Phrase(POSSESSIVE_PRONOUNS[words[0].lower()])
    owner = next((i for i, w in enumerate(words) if _possessive(w)), None)
    if owner is None:
        return None
    return Phrase(" ".join(words[: owner + 1]).removesuffix("’s").removesuffix("'s"))


def _common_phrase(words: list[str]) -> Phrase | None:
    """A noun phrase ending in a common noun: from its determiner or possessive."""
    last = len(words) - 1
    start: int | None = None
    j = last
    while j >= max(0, last - 6):
        low = words[j].lower()
        if low in STOP_LOWER and low not in DETERMINERS:
            break
        if low in DETERMINERS or _possessive(words[j]) or (j < last and is_cap(words[j])):
            start = j
        j -= 1
    if start is None:
        start = j + 1 if last - j <= 3 else last
    phrase = words[start:]
    if bare(phrase[-1]) in NOT_SPEAKERS:
        return None
    return _document_owner(phrase) or Phrase(" ".join(phrase))


@lru_cache(maxsize=_WORDS_CACHE)
def _strip_word(word: str) -> str:
    """Edge punctuation off, but the period of an abbreviation stays: "Dr."."""
    word = word.strip("“”\"«»()[]{};:!?,")
    return word if word.rstrip(".").lower() in ABBREVIATIONS else word.rstrip(".")


_SPOKES_OF = frozenset("for of at from".split())


def _spokes_phrase(words: list[str]) -> Phrase | None:
    """An unnamed spokesperson speaks for a body: "a spokesperson for Meridian Mutual" → that body.

    Also "a Meridian Mutual spokesman". A named one ("Anna Kay, a spokeswoman for …") is
    the person, and is read elsewhere.
    """
    at = next((i for i, w in enumerate(words) if bare(w).startswith("spokes")), None)
    if at is None:
        return None
    role = bare(words[at])
    after = words[at + 1 :]
    if after and after[0].lower() in _SPOKES_OF:
        body = after[1:]
        if body and body[0].lower() == "the":
            body = body[1:]
        if body and is_cap(body[0]) and all(is_cap(w) or w in CONNECTORS for w in body):
            return Phrase(" ".join(w.removesuffix("’s").removesuffix("'s") for w in body), role, "body")
        return None
    if after:
        return None
    run = _cap_run_start(words[:at]) if at else at
    body = words[run:at]
    if body and is_cap(body[0]) and bare(body[0]) not in STOP_CAPS and all(is_cap(w) or w in CONNECTORS for w in body) \
            and not any(is_title(w) for w in body):
        return Phrase(" ".join(w.removesuffix("’s").removesuffix("'s") for w in body), role, "body")
    return None


def _noun_phrase(words: list[str]) -> Phrase | None:
    """The noun phrase that ends ``words``: a pronoun, a name (with title) or a common noun phrase."""
    words = [w for w in map(_strip_word, words) if w]
    spokes = _spokes_phrase(words[-8:]) if words else None
    if spokes:
        return spokes
    if "by" in words:
        words = words[len(words) - words[::-1].index("by") :]
    if not words or (words[-1].lower() in STOP_LOWER and words[-1].lower() not in PRONOUN_KIND):
        return None
    if words[-1].lower() in PRONOUN_KIND:
        return Phrase(words[-1].lower())
    if len(words) == 1 and words[0].lower() in QUANTIFIERS:
        return None
    if is_cap(words[-1]) and not _possessive(words[-1]):
        start = _cap_run_start(words)
        if start >= 2 and words[start - 1].lower() in _SPOKES_OF and bare(words[start - 2]) in PLURAL_PEOPLE:
            return Phrase(" ".join(words[start - 2 :]))  # "Analysts at Barclays": a group of people
        return _name_phrase(words)
    return _common_phrase(words)


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
