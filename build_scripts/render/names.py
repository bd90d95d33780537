"""Authors as reference managers want them: a list, each split into family and given names
where the name is a person's written in the usual order, kept whole otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "bin", "al", "ter"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_NOT_A_PERSON = re.compile(r"\b(staff|desk|team|bureau|reporters?|editors?|editorial|newsroom|agency|service|"
                           r"news|press|media|wire|correspondents?|board)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    family: str | None = None
    given: str | None = None
    literal: str | None = None
    """A name kept whole: an organisation, a byline such as "Reuters staff", one word."""


def split_authors(author: str) -> list[str]:
    """The authors of a byline: "A and B", "A, B and C", "A; B" (a "Family, Given" pair stays one)."""
    parts = [p.strip() for p in re.split(r";|\band\b|&", author) if p.strip()]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) == 2 and len(pieces[0].split()) == 1 and len(pieces[1].split()) <= 2 and len(parts) == 1:
            out.append(part)  # "Smith, John": one person, family name first
        else:
            out += pieces
    return out


def parse_name(name: str) -> Name:
    """"Kyle Anzalone" → family "Anzalone", given "Kyle"; "Smith, John" → family "Smith";
    "Ursula von der Leyen" → family "von der Leyen"; "Reuters staff" or "Mononym" stay whole."""
    name = " ".join(name.split())
    if "," in name:
        family, _, given = name.partition(",")
        if family.strip() and given.strip() and not _NOT_A_PERSON.search(name):
            return Name(family.strip(), given.strip())
        return Name(literal=name)
    words = name.split()
    if len(words) < 2 or len(words) > 5 or _NOT_A_PERSON.search(name) or not all(w[:1].isupper() or
                                                                                  w.lower() in _PARTICLES
                                                                                  for w in words):
        return Name(literal=name)
    suffix = [words.pop()] if words[-1].lower() in _SUFFIXES and len(words) > 2 else []
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    family = " ".join(words[start:] + suffix)
    return Name(family, " ".join(words[:start]))
