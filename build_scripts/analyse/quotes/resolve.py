"""Resolving pronouns, short references and surnames into speakers."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from build_scripts.analyse.quotes.attributions import Attribution
from build_scripts.analyse.quotes.phrases import Phrase, Speaker, bare, is_cap, kind_of
from build_scripts.analyse.quotes.subjects import (
    Subject,
    _clause_subjects,
    _known_subjects,
    _pronoun_subjects,
    _sentence_bodies,
    _sentence_starts,
)
from build_scripts.analyse.quotes.titled_names import _Mention, _title_mentions
from build_scripts.analyse.quotes.vocabulary import (
    BODY_HEADS,
    CORPORATE,
    DETERMINERS,
    DOC_NOUNS,
    GENERIC_ORG,
    HONORIFICS,
    PRONOUN_KIND,
    ROLE_NOUNS,
    WINDOW_BLOCKS,
)
from build_scripts.model import Block

_GENDERED = {"spokeswoman": "she", "chairwoman": "she", "mrs": "she", "ms": "she", "businesswoman": "she",
             "spokesman": "he", "chairman": "he", "mr": "he", "businessman": "he"}


def _role_gender(role: str | None) -> str | None:
    for word in (role or "").split():
        found = _GENDERED.get(bare(word).rstrip("."))
        if found:
            return found
    return None


@lru_cache(maxsize=256)
def _fuller_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The head word alone (a quick test for a paragraph) and a longer mention that ends in it."""
    return re.compile(re.escape(head), re.I), re.compile(
        rf"\b(?:[Tt]he|[A-Z][\w-]*[’']s)\s(?:[\w’'-]+\s){{0,3}}?{re.escape(head)}\b", re.I
    )


@dataclass
class Resolver:
    """Turns subjects as written into speakers, in document order."""

    blocks: tuple[Block, ...]
    mentions: list[_Mention]
    first_role: dict[str, tuple[str, tuple[int, int]]]
    full_names: dict[str, str]
    subjects: list[Subject] = field(default_factory=list)
    bodies: dict[int, list[Subject]] = field(default_factory=dict)
    """Per block, organisations opening its sentences: found only when "the company" needs them."""
    history: list[tuple[int, int, Speaker]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    """"he" or "she" when a role or an honorific says it ("spokeswoman", "Mr"); never guessed from a name,
    nor from an earlier pronoun (which may itself have been resolved wrongly)."""
    keys: list[tuple[int, int]] = field(default_factory=list)
    subject_keys: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keys = [(m.block, m.pos) for m in self.mentions]
        self.subject_keys = [(m.block, m.pos) for m in self.subjects]

    @classmethod
    def build(cls, blocks: tuple[Block, ...], atts: dict[int, list[Attribution]]) -> Resolver:
        mentions = _title_mentions(blocks, sorted(atts))
        starts = {i: _sentence_starts(blocks[i].text) for i in atts if "," in blocks[i].text}
        # Names known only from a pronoun in their sentence matter only where he/she must be resolved.
        pronouns = {a.block for i in atts for a in atts[i] if a.phrase and a.phrase.text in ("he", "she")}
        near = sorted({b for p in pronouns for b in range(p - WINDOW_BLOCKS, p + 1) if b in atts})
        for b in near:
            if b not in starts:
                starts[b] = _sentence_starts(blocks[b].text)
        subjects = sorted(
            [m for i in sorted(starts) for m in _clause_subjects(i, blocks[i].text, starts[i])]
            + [m for i in near for m in _pronoun_subjects(i, blocks[i].text, starts[i])],
            key=lambda m: (m.block, m.pos),
        )
        named = [(m.block, m.pos, m.name, m.role) for m in mentions] + [
            (a.block, a.floor, a.phrase.text, a.phrase.role)
            for i in sorted(atts) for a in atts[i] if a.phrase and is_cap(a.phrase.text)
        ] + [(m.block, m.pos, m.name, m.role) for m in subjects]
        first_role: dict[str, tuple[str, tuple[int, int]]] = {}
        full_names: dict[str, str] = {}
        for block, pos, name, role in sorted(named, key=lambda n: (n[0], n[1])):
            if role:
                first_role.setdefault(name, (role, (block, pos)))
            if " " in name and all(is_cap(w) for w in name.split()) and kind_of(name) == "person":
                full_names.setdefault(name.split()[-1], name)
        if full_names:
            names = set(full_names.values())
            known = [m for i in near for m in _known_subjects(i, blocks[i].text, starts[i], full_names, names)]
            subjects = sorted(subjects + known, key=lambda m: (m.block, m.pos))
        return cls(blocks, mentions, first_role, full_names, subjects)

    def named(self, phrase: Phrase, at: tuple[int, int] | None = None) -> Speaker:
        """The speaker a name gives; ``at``: where the phrase (and its role, if it has one) is written."""
        name = self.full_names.get(phrase.text, phrase.text) if " " not in phrase.text else phrase.text
        kind = phrase.kind or kind_of(name)
        if phrase.role and bare(phrase.role).rstrip(".") in HONORIFICS:
            if found := _role_gender(phrase.role):
                self.gender.setdefault(name, found)  # "Mr Lee": no role, but a gender
        elif phrase.role:
            return Speaker(name, phrase.role, kind, at)
        role, role_at = self.first_role.get(name, (None, None))
        return Speaker(name, role, kind, role_at)

    def resolve(self, att: Attribution) -> Speaker | None:
        if att.participle:
            speaker = next((s for b, p, s in reversed(self.history) if b == att.block and p < att.verb), None)
        elif att.phrase is None:
            speaker = None
        else:
            speaker = self._phrase(att.phrase, att.block, att.floor)
        if speaker is not None:
            self.history.append((att.block, att.verb, speaker))
            if speaker.kind == "person" and (found := _role_gender(speaker.role)):
                self.gender.setdefault(speaker.text, found)
        return speaker

    def _phrase(self, phrase: Phrase, block: int, pos: int) -> Speaker | None:
        words = phrase.text.split()
        if phrase.text in PRONOUN_KIND:
            return self._recent(block, pos, PRONOUN_KIND[phrase.text], phrase.text == "they", phrase.text)
        if words[0].lower() in ("the", "this") and len(words) <= 4:
            found = self._reference(phrase, block, pos)
            if found:
                return found
            return Speaker(phrase.text, phrase.role, kind_of(phrase.text), (block, pos) if phrase.role else None)
        return self.named(phrase, (block, pos))

    def _recent(
        self, block: int, pos: int, kind: str | None, anyone: bool = False, pronoun: str = ""
    ) -> Speaker | None:
        """The latest speaker of the kind; for he/she, a later person opening a clause wins.

        A person already known as "she" is never "he", and the other way round.
        """
        found: tuple[int, int, Speaker] | None = None
        for b, p, speaker in reversed(self.history):
            if b < block - WINDOW_BLOCKS:
                break
            if (anyone or speaker.kind == kind) and self._agrees(speaker.text, pronoun):
                found = (b, p, speaker)
                break
        if kind == "person":
            last = bisect_left(self.subject_keys, (block, pos)) - 1
            while last >= 0 and self.subjects[last].block >= block - WINDOW_BLOCKS:
                m = self.subjects[last]
                if found is not None and (m.block, m.pos) <= found[:2]:
                    break
                speaker = self.named(Phrase(m.name, m.role), (m.block, m.pos))
                if self._agrees(speaker.text, pronoun):
                    return speaker
                last -= 1
        if found is not None:
            return found[2]
        if kind == "person":
            last = bisect_left(self.keys, (block + 1, 0)) - 1
            if last >= 0 and self.mentions[last].block >= block - WINDOW_BLOCKS:
                return self.named(Phrase(self.mentions[last].name))
        return None

    def _reference(self, phrase: Phrase, block: int, pos: int) -> Speaker | None:
        """"the statement", "the ministry", "the Ukrainian president" → who was meant."""
        words = {bare(w) for w in phrase.text.split()} - DETERMINERS
        head = bare(phrase.text.split()[-1])
        if head in DOC_NOUNS:
            return self._recent(block, pos, None, anyone=True)
        if head in ROLE_NOUNS:
            return self._titled(words, block, pos) or self._by_role(words, block)
        if head in BODY_HEADS:
            return self._body(words, block) or self._fuller(head, words, block, pos) or (
                self._business(block, pos) if head in GENERIC_ORG else None
            )
        return None

    def _business(self, block: int, pos: int) -> Speaker | None:
        """"the company" → the latest business named as a speaker or at a sentence's start."""
        candidates = [(b, p, s.text) for b, p, s in self.history if s.kind == "body"]
        for b in range(max(0, block - WINDOW_BLOCKS), block + 1):
            if b not in self.bodies:
                text = self.blocks[b].text
                self.bodies[b] = _sentence_bodies(b, text) if self.blocks[b].kind == "text" else []
            candidates += [(m.block, m.pos, m.name) for m in self.bodies[b]]
        before = [c for c in candidates if (c[0], c[1]) < (block, pos) and c[0] >= block - WINDOW_BLOCKS
                  and bare(c[2].split()[-1]) in CORPORATE and c[2][:1].isupper()]
        return Speaker(max(before)[2], None, "body") if before else None

    def _titled(self, words: set[str], block: int, pos: int) -> Speaker | None:
        for i in range(bisect_left(self.keys, (block, pos)) - 1, -1, -1):
            m = self.mentions[i]
            if words <= {bare(w) for w in m.role.split()}:
                role, role_at = self.first_role.get(m.name, (m.role, (m.block, m.pos)))
                return Speaker(m.name, role, "person", role_at)
        return None

    def _agrees(self, name: str, pronoun: str) -> bool:
        known = self.gender.get(name)
        return not (known and pronoun in ("he", "she") and known != pronoun)

    def subject_before(self, block: int, pos: int) -> Subject | None:
        """The latest person opening a clause in ``block`` before ``pos``."""
        last = bisect_left(self.subject_keys, (block, pos)) - 1
        return self.subjects[last] if last >= 0 and self.subjects[last].block == block else None

    def _by_role(self, words: set[str], block: int) -> Speaker | None:
        """"the spokesperson" → the body whose spokesperson spoke just before."""
        for b, _, speaker in reversed(self.history):
            if b < block - WINDOW_BLOCKS:
                break
            if speaker.role and words <= {bare(w) for w in speaker.role.split()}:
                return speaker
        return None

    def _body(self, words: set[str], block: int) -> Speaker | None:
        for b, _, speaker in reversed(self.history):
            if b < block - WINDOW_BLOCKS:
                break
            if speaker.kind == "body" and words <= {bare(w) for w in speaker.text.split()}:
                return speaker
        return None

    def _fuller(self, head: str, words: set[str], block: int, pos: int) -> Speaker | None:
        """A longer earlier mention: "the ministry" → "the Ukrainian foreign ministry"."""
        quick, pattern = _fuller_patterns(head)
        for b in range(block, max(-1, block - WINDOW_BLOCKS - 1), -1):
            if self.blocks[b].kind != "text":
                continue
            text = self.blocks[b].text[: pos if b == block else None]
            if not quick.search(text):
                continue
            for m in reversed(list(pattern.finditer(text))):
                found = m.group()
                if len(found.split()) > len(words) + 1 and words <= {bare(w) for w in found.split()}:
                    return Speaker(found, None, "body")
        return None
