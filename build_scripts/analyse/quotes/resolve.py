"""Resolving pronouns, short references and surnames into speakers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from build_scripts.analyse.quotes.attributions import SENTENCE_END, Attribution, abbreviation
from build_scripts.analyse.quotes.phrases import (
    Phrase,
    Speaker,
    bare,
    is_cap,
    is_title,
    kind_of,
    role_phrase,
)
from build_scripts.analyse.quotes.vocabulary import (
    BODY_HEADS,
    CONNECTORS,
    CORPORATE,
    DETERMINERS,
    DOC_NOUNS,
    GENERIC_ORG,
    HONORIFICS,
    PLACES,
    PRONOUN_KIND,
    QUANTIFIERS,
    ROLE_NOUNS,
    STOP_CAPS,
    WINDOW_BLOCKS,
)
from build_scripts.model import Block

_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:,? [A-Z][\w’'-]*)+")
_RUN_SEPARATOR = re.compile(r"(,? )")


@dataclass(frozen=True)
class _Mention:
    """A person named with a title before the name, anywhere in the article."""

    block: int
    pos: int
    name: str
    role: str


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


_GENDERED = {"spokeswoman": "she", "chairwoman": "she", "mrs": "she", "ms": "she", "businesswoman": "she",
             "spokesman": "he", "chairman": "he", "mr": "he", "businessman": "he"}


def _role_gender(role: str | None) -> str | None:
    for word in (role or "").split():
        found = _GENDERED.get(bare(word).rstrip("."))
        if found:
            return found
    return None


def _possessive_word(word: str) -> bool:
    return word.endswith(("’s", "'s"))


@lru_cache(maxsize=1 << 14)
def _has_title(run: str) -> bool:
    """Whether a word of the run is a title: the words as ``_RUN_SEPARATOR`` splits them."""
    return any(map(is_title, run.replace(",", "").split(" ")))


def _title_mentions(blocks: tuple[Block, ...], indices: list[int]) -> list[_Mention]:
    """The titled names of the text blocks ``indices``, in order.

    One search over the article, its paragraphs joined by line breaks: a run of
    capitalised words never spans one, so each paragraph gets the runs it would alone.
    """
    texts = [blocks[i].text for i in indices]
    offsets = list(accumulate((len(t) + 1 for t in texts), initial=0))
    found: list[_Mention] = []
    for m in _CAP_RUN.finditer("\n".join(texts)):
        if _has_title(m.group()):  # rare: most runs are "The Court", "Human Rights Watch"
            k = bisect_right(offsets, m.start()) - 1
            mention = _mention(indices[k], m.start() - offsets[k], m.group())
            if mention:
                found.append(mention)
    return found


def _mention(block: int, pos: int, run: str) -> _Mention | None:
    """"Ukrainian President Volodymyr Zelensky", "Ukrainian President, Volodymyr Zelenskyy"."""
    parts = _RUN_SEPARATOR.split(run)
    words = parts[0::2]
    titles = [i for i, w in enumerate(words) if is_title(w)]
    if not titles or titles[-1] == len(words) - 1:
        return None
    commas = [sep.startswith(",") for sep in parts[1::2]]
    t = titles[-1]
    name: list[str] = []
    for j in range(t + 1, min(t + 4, len(words))):
        if (j > t + 1 and commas[j - 1]) or bare(words[j]) in BODY_HEADS:
            break
        name.append(words[j].removesuffix("’s").removesuffix("'s"))
    first = t
    while first > 0 and not commas[first - 1] and words[first - 1].lower() not in STOP_CAPS:
        first -= 1
    return _Mention(block, pos, " ".join(name), " ".join(words[first : t + 1])) if name else None


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
