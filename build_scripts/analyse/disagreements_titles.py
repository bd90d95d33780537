"""Titles where sources differ: a person given different roles by different sources.

A conflict when one person cannot hold both titles (a post and its deputy, or
two posts at one organisation), else compatible.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from build_scripts.analyse.disagreements_shared import make_id
from build_scripts.analyse.features import Features
from build_scripts.analyse.roles import differ, normalise_role, person_key
from build_scripts.analyse.sentence_memo import SentenceMemo
from build_scripts.model import Disagreement, RoleMention, Sentence, Side

_RANKS = ("deputy", "vice", "acting", "assistant", "associate", "interim", "former", "junior", "senior")
_OFFICE = (r"(?:Officer|Minister|President|Director|Secretary|Chief|Mayor|Commissioner|Inspector|Governor|"
           r"Ambassador|General|Spokesperson|Spokesman|Spokeswoman|Chair|Chairman|Chairwoman|Head|Editor|"
           r"Adviser|Advisor|Prosecutor|Commander|Speaker|Leader)")
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+"
_TITLE_BEFORE = re.compile(
    r"(?<![\w’'])((?:(?:Deputy|Vice|Acting|Assistant|Associate|Interim|Former|Senior)\s+)?"
    r"(?:[A-Z][a-z]+\s+){0,3}" + _OFFICE + r")\s+(" + _NAME + r")")
_TITLE_AFTER = re.compile(r"(" + _NAME + r"),\s+((?:a|an|the)\s+[a-z][^,;.“”\"]{3,80}?"
                          r"(?:\s(?:of|to|at|for)\s[^,;.“”\"]+))[,;.]")
_PERSON_ROLE = re.compile(r"\b(?:" + _OFFICE[3:-1] + r"|member|official|analyst|researcher|professor|lawyer"
                          r"|campaigner|founder|executive|manager)s?\b", re.IGNORECASE)
"""An apposition that names a person's post ("a senior adviser to …"), not a thing ("a global treaty")."""
_ORG = re.compile(r"[A-Z][a-z]+(?:\s+(?:of\s+|and\s+)?[A-Z][a-z]+)+")
_OFFICE_WORD = re.compile(_OFFICE)
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s")
"""What every match of ``_TITLE_BEFORE`` and of ``_TITLE_AFTER`` holds: searched for first, each
quickly (a literal start, or one of a few letters), so that the two patterns, which ``re`` tries
at nearly every word, run only on the few sentences that may match (1,343 of the 39,685 sentences
of the 1,000-source benchmark: 0.21 -> 0.04 s; issue 20)."""


_ROLES: SentenceMemo[str, tuple[tuple[str, str], ...]] = SentenceMemo()
"""``_roles`` of each sentence text, by the text."""


def _roles(features: Features, text: str) -> tuple[tuple[str, str], ...]:
    """(name, role) pairs: the roles ``roles.find_roles`` reads, and two common forms it leaves:
    a title before the name ("Deputy Chief Fire Officer Maren Holt") and an apposition with an
    article ("Mary Wareham, a senior adviser to Human Rights Watch's arms division,")."""
    read = features.roles(text)
    return _ROLES.get(text, (read,), lambda: _all_roles(read, text))


def _all_roles(read: list[RoleMention], text: str) -> tuple[tuple[str, str], ...]:
    """``_roles`` of a sentence whose roles ``roles.find_roles`` reads as ``read``."""
    found = [(r.name, r.role) for r in read]
    known = {person_key(n) for n, _ in found}
    for m in _TITLE_BEFORE.finditer(text) if _OFFICE_WORD.search(text) else ():
        name = m.group(2)
        if person_key(name) not in known and len(name.split()) <= 3:
            found.append((name, m.group(1)))
            known.add(person_key(name))
    for m in _TITLE_AFTER.finditer(text) if _APPOSITION.search(text) else ():
        name = m.group(1)
        if (person_key(name) not in known and len(name.split()) <= 3
                and _PERSON_ROLE.search(m.group(2)) is not None):
            found.append((name, m.group(2)))
            known.add(person_key(name))
    return tuple(found)


def _rank_of(a: str, b: str) -> bool:
    """One title is the other with a rank before it: "deputy chief fire officer" and "chief fire
    officer" are two posts, and one person holds one of them."""
    for x, y in ((a, b), (b, a)):
        for rank in _RANKS:
            if x.startswith(rank + " ") and x[len(rank) + 1:] == y:
                return True
    return False


def _organisations(role: str) -> set[str]:
    return {m.group(0).casefold() for m in _ORG.finditer(role.replace("’s", "").replace("'s", ""))}


@lru_cache(maxsize=1 << 16)
def _cannot_both_hold(a: str, b: str) -> bool:
    """Titles one person cannot hold at once: a post and its deputy, or two different posts at
    one organisation that both name ("senior adviser to Human Rights Watch's arms division",
    "deputy … director at Human Rights Watch": one of them is out of date)."""
    na, nb = normalise_role(a), normalise_role(b)
    if _rank_of(na, nb):
        return True
    return na not in nb and nb not in na and bool(_organisations(a) & _organisations(b))


def title_disagreements(sentences: list[Sentence], features: Features | None = None) -> list[Disagreement]:
    """A person given different titles or roles by different sources: a conflict when one
    person cannot hold them all (``_cannot_both_hold``), else compatible (a person holds
    several posts, and sources describe one post in different words)."""
    features = features if features is not None else Features()
    by_person: dict[str, list[tuple[Sentence, str, str]]] = defaultdict(list)
    _ROLES.start()
    for s in sentences:
        for name, role in _roles(features, s.text):
            by_person[person_key(name)].append((s, name, role))
    _ROLES.finish()
    out = []
    for mentions in by_person.values():
        roles = [r for _, _, r in mentions]
        if len({s.source_id for s, _, _ in mentions}) < 2:
            continue
        # Two mentions of different sources give titles one cannot hold both: compared once per
        # two distinct titles, whose mentions' sources are not one and the same.
        sources_of: dict[str, set[str]] = {}
        for s, _, role in mentions:
            sources_of.setdefault(role, set()).add(s.source_id)
        distinct = list(sources_of)
        conflict = any(_cannot_both_hold(a, b) for i, a in enumerate(distinct) for b in distinct[:i]
                       if len(sources_of[a] | sources_of[b]) > 1)
        if not conflict and not differ(roles):
            continue
        seen: dict[tuple[str, str], Side] = {}
        for s, _, role in mentions:
            seen.setdefault((s.source_id, normalise_role(role)), Side(s, role))
        sides = list(seen.values())
        if len({normalise_role(side.value) for side in sides}) < 2:
            continue
        name = max((n for _, n, _ in mentions), key=len)
        out.append(Disagreement(make_id("title", sides), "title", f"{name}’s title or role", tuple(sides),
                                not conflict))
    return out
