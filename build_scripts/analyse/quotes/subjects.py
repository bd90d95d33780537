"""Persons and organisations that open a sentence, found without a speech verb.

A person whom the sentence marks as one ("NAME, who …", "NAME, a ROLE, …",
"ROLE, NAME, …", a name followed by a verb in a sentence with he/she, or a
person named before opening a sentence again), and an organisation named at the
start of a sentence and followed by a verb. ``resolve`` turns pronouns and
"the company" into them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from build_scripts.analyse.quotes.attributions import SENTENCE_END, abbreviation
from build_scripts.analyse.quotes.phrases import bare, is_cap, is_title, kind_of, role_phrase
from build_scripts.analyse.quotes.vocabulary import BODY_HEADS, CONNECTORS, PLACES, QUANTIFIERS, ROLE_NOUNS, STOP_CAPS


@dataclass(frozen=True)
class Subject:
    """A person who opens a clause and whom the sentence marks as a person.

    "Jody Williams, who shared the prize, was blunter still." / "Mary Wareham, a
    senior adviser to …, went further." / "Lithuania's foreign minister, Kęstutis
    Budrys, marked …". A relative "who" or an apposition headed by a role noun says
    the name is a person's; what the clause goes on to do needs no speech verb.
    """

    block: int
    pos: int
    name: str
    role: str | None


_ROLE_PREPOSITIONS = frozenset("of for at to in with".split())
_INTRO_WORDS = frozenset("in on at after before during speaking asked writing when while as".split())


def _person_name(piece: str) -> bool:
    words = piece.split()
    if not 0 < len(words) <= 4 or bare(words[0]) in STOP_CAPS or bare(words[0]) in QUANTIFIERS:
        return False
    if not all(is_cap(w) or w in CONNECTORS for w in words) or not is_cap(words[-1]):
        return False
    return not any(bare(w) in BODY_HEADS or bare(w) in PLACES or w.endswith(("’s", "'s")) for w in words)


def _person_role(piece: str) -> bool:
    words = piece.split()
    if not 0 < len(words) <= 20:
        return False
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _ROLE_PREPOSITIONS), len(words))
    return bare(words[cut - 1]) in ROLE_NOUNS or is_title(words[cut - 1])


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in SENTENCE_END.finditer(text) if not abbreviation(text, m.start())]


def _clause_subjects(block: int, text: str, starts: list[int]) -> list[Subject]:
    """The persons that open a sentence (or follow its introductory phrase) of one paragraph."""
    if "," not in text:
        return []
    found: list[Subject] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        sentence = text[start:end]
        if "," not in sentence:
            continue
        pieces = sentence.split(", ")
        offsets = list(accumulate((len(p) + 2 for p in pieces), initial=start))
        first = 1 if len(pieces) > 3 and bare(pieces[0].split()[0] if pieces[0].split() else "") in _INTRO_WORDS else 0
        if len(pieces) < first + 3:
            continue
        name, nxt, after = pieces[first], pieces[first + 1], pieces[first + 2]
        if nxt.isdigit() and len(nxt) <= 3 and _person_name(name):  # an age: only people have one
            role = after if len(pieces) > first + 3 and _person_role(after) else None
            found.append(Subject(block, offsets[first], name, role))
        elif _person_name(name) and (nxt.startswith("who ") or _person_role(nxt)):
            role = None if nxt.startswith("who ") else nxt
            found.append(Subject(block, offsets[first], name, role))
        elif _person_role(name) and _person_name(nxt) and after[:1].islower():
            found.append(Subject(block, offsets[first + 1], nxt, role_phrase(name)))
    return found


_PERSONAL = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)


def _pronoun_subjects(block: int, text: str, starts: list[int]) -> list[Subject]:
    """A name that opens a sentence (or follows its introductory clause) and is followed by a verb,
    in a sentence with a personal pronoun: "When the water came, Aisha Rahman grabbed her children."."""
    found: list[Subject] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        sentence = text[start:end]
        if not _PERSONAL.search(sentence):
            continue
        head, comma, tail = sentence.partition(", ")
        for offset, clause in ((0, sentence), (len(head) + 2, tail) if comma else (0, "")):
            words = clause.split(maxsplit=4)
            for n in (3, 2):
                if len(words) > n and words[n][:1].islower() and bare(words[n]) not in CONNECTORS \
                        and _person_name(" ".join(words[:n])) and not words[n - 1].endswith((",", ".")):
                    found.append(Subject(block, start + offset, " ".join(words[:n]), None))
                    break
            else:
                continue
            break
    return found


def _known_subjects(
    block: int, text: str, starts: list[int], full_names: dict[str, str], known: set[str]
) -> list[Subject]:
    """A person named before, opening a sentence again: "Carter disagreed.", "Anna Berg went on."."""
    found: list[Subject] = []
    for start in starts:
        if text[start : start + 1].islower():
            continue
        words = text[start : start + 80].split(maxsplit=3)[:3]
        for n in (2, 1):
            if len(words) <= n or not words[n][:1].islower():
                continue
            name = " ".join(words[:n])
            if (n == 1 and name in full_names) or (n == 2 and name in known):
                found.append(Subject(block, start, full_names.get(name, name), None))
                break
    return found


def _sentence_bodies(block: int, text: str) -> list[Subject]:
    """Organisations named at the start of a sentence and followed by a verb: "Harlow Marine Logistics denied …"."""
    starts = _sentence_starts(text)
    found: list[Subject] = []
    for start in starts:
        words = text[start : start + 120].split()
        first = 1 if words and words[0] == "The" else 0
        end = first
        while end < len(words) and end - first < 6 and (
            is_cap(words[end]) or (end > first and words[end] in CONNECTORS)
        ):
            if words[end][-1:] in ",.;:":
                end += 1
                break
            end += 1
        name = [w.rstrip(",.;:") for w in words[first:end]]
        if not name or end >= len(words) or not words[end][:1].islower() or name[-1] in CONNECTORS:
            continue
        if bare(name[0]) in STOP_CAPS or words[end - 1][-1:] in ",.;:" or _possessive_word(name[-1]):
            continue
        if bare(name[-1]) in BODY_HEADS and kind_of(" ".join(name)) == "body":
            found.append(Subject(block, start, " ".join(name), None))
    return found


def _possessive_word(word: str) -> bool:
    return word.endswith(("’s", "'s"))
