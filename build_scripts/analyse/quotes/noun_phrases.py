"""Noun phrases: the phrase that ends a run of words (a pronoun, a name with its title, a
spokesperson for a body, a common noun phrase) and the kind of speaker it names.

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
    TITLES,
)

_EDGE = "“”\"'‘’«»()[]{},.;:!?"
_WORDS_CACHE = 1 << 16
_PHRASES_CACHE = 1 << 14


@dataclass(frozen=True)
class Phrase:
    """A subject as written, before pronouns and short references are resolved."""

    text: str
    role: str | None = None
    kind: str | None = None
    """Set when the phrase itself says what it is: "a spokesperson for X" speaks for a body."""


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
