"""Attributions: the speech verbs outside quotation marks and their subjects as written."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from build_scripts.analyse.quotes.phrases import (
    Phrase,
    bare,
    subject_after,
    subject_before,
)
from build_scripts.analyse.quotes.spans import Span
from build_scripts.analyse.quotes.vocabulary import (
    ABBREVIATIONS,
    DOC_NOUNS,
    WINDOW_CHARS,
)
from build_scripts.model import Block

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)|[;:()\[\]]|\s[–—]\s")
_BOUNDARY_MARK = re.compile(r"[.!?;:()\[\]–—]")
"""A character that every boundary holds: where ``_BOUNDARY`` can match (at it, or before a dash)."""
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_LAST_WORD = re.compile(r"(\w+)$")
_AGENTS = (
    "According to", "according to",
    "articulated by", "stated by", "expressed by", "voiced by", "written by", "described by",
)
_VERBS = (
    "said", "says", "say", "stated", "wrote", "writes", "added", "adds", "told", "tells", "asked", "asks",
    "warned", "warns", "argued", "argues", "noted", "insisted", "insists", "stressed", "stresses",
    "explained", "explains", "declared", "declares", "announced", "announces", "confirmed", "confirms",
    "described", "describes", "called", "echoed", "replied", "responded", "concluded", "emphasised",
    "emphasized", "acknowledged", "admitted", "urged", "posted", "tweeted", "commented", "remarked",
    "agreed", "countered", "recalled", "vowed", "pledged", "cautioned", "alleged", "reiterated", "read",
)
_PARTICIPLES = (
    "saying", "adding", "writing", "noting", "warning", "stressing", "asserting", "insisting", "arguing",
    "explaining", "declaring",
)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


_SPEECH = re.compile(
    rf"(?<![\w-])(?:(?P<agent>{_words(_AGENTS)})|(?P<verb>{_words(_VERBS)})|(?P<part>{_words(_PARTICIPLES)}))"
    r"(?![\w-])"
)
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SPACE_OUT = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))
"""Keeps ASCII letters, digits, "_" and "-"; turns every other byte into a space."""
_FIRST_WORDS = frozenset(w.split()[0].encode() for w in _AGENTS + _VERBS + _PARTICIPLES)
"""The first word of each speech verb or phrase: what ``_speech_verbs`` looks for."""
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s*$")


@dataclass(slots=True)  # not frozen: one per speech verb, and a frozen __init__ is slow
class Attribution:
    """A speech verb outside quotation marks and its subject as written."""

    block: int
    floor: int
    """Where the attribution's clause starts (the subject, or the verb put first)."""
    verb: int
    end: int
    """Where it ends: the verb, or the subject when that follows the verb."""
    phrase: Phrase | None
    participle: bool = False
    verb_end: int = -1
    """Where the verb ends when the subject comes before it (the words after it may say when and where)."""


def abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _LAST_WORD.search(text, max(0, dot - 8), dot)
    return m is not None and (m.group(1).lower() in ABBREVIATIONS or (len(m.group(1)) == 1 and m.group(1).isupper()))


def sentence_ends(text: str, start: int, end: int) -> bool:
    return any(not abbreviation(text, m.start()) for m in SENTENCE_END.finditer(text, start, end))


def _boundaries(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Clause and sentence boundaries between start and end: ``_BOUNDARY.finditer(text, start, end)``.

    A boundary opens with one of .!?;:()[] or with the space before a dash, so the
    pattern is tried only at those few marks instead of at every space.
    """
    found: list[re.Match[str]] = []
    pos = start
    while mark := _BOUNDARY_MARK.search(text, pos, end):
        at = mark.start() - (text[mark.start()] in "–—")
        m = _BOUNDARY.match(text, at, end) if at >= pos else None
        if m:
            found.append(m)
            pos = m.end()
        else:
            pos = mark.start() + 1
    return found


def _floor(text: str, pos: int, spans: list[Span]) -> int:
    floor = max(0, pos - WINDOW_CHARS)
    for s in spans:
        if s.close < pos and s.close + 1 > floor:
            floor = s.close + 1
    for m in reversed(_boundaries(text, floor, pos)):
        if not abbreviation(text, m.start()):
            return m.end()
    return floor


def _ceiling(text: str, pos: int, spans: list[Span]) -> int:
    limit = min([pos + WINDOW_CHARS, len(text)] + [s.open for s in spans if s.open >= pos])
    m = next((m for m in _boundaries(text, pos, limit) if not abbreviation(text, m.start())), None)
    return m.start() if m else limit


def _inside(spans: list[Span], pos: int) -> bool:
    return any(s.open < pos < s.close for s in spans)


def _passive(before: str) -> bool:
    """``_PASSIVE.search(before)``, looking only at the last word ("being" has five letters)."""
    end = len(before.rstrip())
    return _PASSIVE.search(before, max(0, end - 5)) is not None


def _attribution(block: int, text: str, m: re.Match[str], spans: list[Span]) -> Attribution | None:
    group, verb, end = m.lastgroup, m.start(), m.end()  # group: "agent", "verb" or "part"
    if group == "part":
        return Attribution(block, verb, verb, end, None, participle=True)
    floor = _floor(text, verb, spans)
    before = text[floor:verb]
    if group == "agent" or not before.strip(" ,—–-"):
        ceiling = _ceiling(text, end, spans)
        phrase = subject_after(text[end:ceiling])
        return Attribution(block, verb, verb, ceiling, phrase) if phrase else None
    if _passive(before):
        return None
    phrase = subject_before(before)
    if phrase is None or (m.group() == "read" and bare(phrase.text.split()[-1]) not in DOC_NOUNS):
        return None
    return Attribution(block, floor, verb, end, phrase, verb_end=end)


_SETTING_START = frozenset("in on at during before after via through to from over".split())
_SETTING_STOP = re.compile(r",|;|:|[“”\"«»]|\s(?:that|which|who|when|and|but|as|because|if|whether)\s")
_TOLD = frozenset("told tells".split())


def setting(att: Attribution, text: str, spans: list[Span]) -> str | None:
    """The phrase right after a speech verb that says when, where or how: "said in a statement
    released by her ministry", "said in June", "told lawmakers before the vote"."""
    if att.verb_end < 0:
        return None
    verb, end = text[att.verb : att.verb_end], att.verb_end
    ceiling = _ceiling(text, end, spans)
    rest = text[end:ceiling]
    stop = _SETTING_STOP.search(rest)
    rest = (rest[: stop.start()] if stop else rest).strip().rstrip(".!?")
    words = rest.split()
    if not words or len(words) > 10:
        return None
    if verb in _TOLD:
        return f"{verb} {rest}" if len(words) > 1 else None
    return rest if words[0] in _SETTING_START and len(words) > 1 else None


def _speech_starts(text: str) -> list[int]:
    r"""Where ``_SPEECH`` may match in ``text``, in order: every place where it does, and a few more.

    ``_SPEECH.finditer`` tries the pattern at the start of every word, which is slow. The
    pattern can only match where its first word stands alone in a copy of the text whose
    characters outside [\w-] are spaces (the ASCII copy keeps offsets: another character
    becomes "?", then a space), so only those places are tried.
    """
    copy = b" " + text.encode("ascii", "replace").translate(_SPACE_OUT) + b" "
    starts: list[int] = []
    for word in _FIRST_WORDS.intersection(copy.split()):
        needle = b" " + word + b" "
        at = copy.find(needle)
        while at >= 0:
            starts.append(at)  # the word is at ``at + 1`` in the copy: at ``at`` in the text
            at = copy.find(needle, at + 1)
    starts.sort()
    return starts


def _speech_verbs(text: str, starts: list[int]) -> list[re.Match[str]]:
    """The matches of ``_SPEECH`` in ``text``, left to right, as ``_SPEECH.finditer`` gives them."""
    found: list[re.Match[str]] = []
    pos = 0
    for start in starts:
        if start >= pos and (m := _SPEECH.match(text, start)):
            found.append(m)
            pos = m.end()
    return found


def _block_attributions(block: int, text: str, spans: list[Span], starts: list[int]) -> list[Attribution]:
    found: list[Attribution] = []
    for m in _speech_verbs(text, starts):
        if not _inside(spans, m.start()) and (att := _attribution(block, text, m, spans)):
            found.append(att)
    return found


def article_attributions(blocks: tuple[Block, ...], spans: dict[int, list[Span]]) -> dict[int, list[Attribution]]:
    """The attributions of each text block (the keys of ``spans``), in order.

    The speech verbs are looked for once in the whole article, its paragraphs joined by
    line breaks: a speech verb never spans one, and one stands for the edge of the text
    as well (neither is part of a word), so each paragraph gets the places it would alone.
    """
    texts = [blocks[i].text for i in spans]
    offsets = list(accumulate((len(t) + 1 for t in texts), initial=0))
    starts: list[list[int]] = [[] for _ in texts]
    for start in _speech_starts("\n".join(texts)):
        k = bisect_right(offsets, start) - 1
        starts[k].append(start - offsets[k])
    return {i: _block_attributions(i, texts[k], spans[i], starts[k]) for k, i in enumerate(spans)}
