"""What the furniture rules know of each line of an article, worked out once.

Classifying runs on every line of every article, so the facts several rules
need (normalised text, word count, sentence ending) are worked out once per
line in ``_Context``, with where the page's top ends and the body starts
(``_lead_end``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.model import SourceMeta
from build_scripts.text.lines import Line

# The definition of ``looks_like_sentence``, which checks the same from the end of
# the text instead of searching from every position (a unit test compares them).
_SENTENCE_END = re.compile(r"[.!?…。！？।][\"'”’」』)\]]*$|[\"”’」』]$")

# What ``_SENTENCE_END`` looks for, as character sets: a terminal mark followed
# by closing marks, or a closing quotation mark on its own.
_TERMINALS = ".!?…。！？।"
_CLOSING = "\"'”’」』)]"
_CLOSING_QUOTES = "\"”’」』"

# The largest word count the rules compare with; counting stops just past it.
_WORD_CAP = 25


def _capped_words(text: str) -> int:
    """``min(len(text.split()), _WORD_CAP + 1)``, without splitting a long paragraph in full."""
    return len(text.split(None, _WORD_CAP))


def looks_like_sentence(text: str) -> bool:
    """True when ``_SENTENCE_END`` finds a match (the text ends like a sentence).

    Checked from the end instead of by a regex search from every position.
    The pattern's ``$`` matches at the end and before a final newline, so both
    ends are tried. Terminal marks and closing marks are disjoint sets, so
    stripping the closing marks leaves the terminal mark, if there is one.
    """
    if text.endswith("\n") and _ends_like_sentence(text[:-1]):
        return True
    return _ends_like_sentence(text)


def _ends_like_sentence(text: str) -> bool:
    if not text:
        return False
    if text[-1] in _CLOSING_QUOTES:
        return True
    body = text.rstrip(_CLOSING)
    return body != "" and body[-1] in _TERMINALS


def _heading_shape(text: str, words: int, sentence_like: bool) -> bool:
    """Short, no closing punctuation, starts with a capital or digit."""
    return (
        words <= 12
        and not sentence_like
        and not text.endswith((":", ",", ";"))
        and (text[:1].isupper() or text[:1].isdigit())
    )


_WORD = re.compile(r"\w+")
# Marks common in scraped English text. Each is a non-word character that
# casefolds to itself, so putting a space in its place keeps ``_norm`` the same:
# it only joins the run of non-word characters it stands in.
_PUNCTUATION = "’‘“”–—…«»"
# For ASCII text: lower-case letters, keep digits and "_", every other byte becomes a space.
_ASCII_NORM = bytes(
    ord(c.lower()) if c.isalnum() or c == "_" else ord(" ") for c in map(chr, range(128))
) + bytes(range(128, 256))


def _norm(text: str) -> str:
    """Casefolded words joined by single spaces: ``re.sub(r"\\W+", " ", text.casefold()).strip()``.

    Computed as the words (``\\w+``) of the casefolded text joined by spaces,
    which is the same string: no word character is whitespace, so ``strip``
    removes exactly the spaces that stood for non-word runs at either end.
    ASCII text, most lines, takes a faster path through bytes: there
    ``casefold`` is ``lower`` and ``\\w`` is ``[A-Za-z0-9_]``, so one byte table
    lower-cases words and blanks everything else (``str.isascii`` costs nothing).
    Text that is ASCII but for typographic quotes and dashes (``_PUNCTUATION``)
    takes that path too once they are made spaces.
    """
    if not text.isascii():
        for mark in _PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return " ".join(_WORD.findall(text.casefold()))
    return b" ".join(text.encode("ascii").translate(_ASCII_NORM).split()).decode("ascii")


@dataclass(frozen=True)
class _Context:
    """The lines of one article with what the rules need to know of each, worked out once."""

    lines: list[Line]
    meta: SourceMeta
    normalised: list[str]
    words: list[int]
    """Word count (``len(text.split())``) of each line, capped at ``_WORD_CAP + 1``."""
    sentence_like: list[bool]
    """``looks_like_sentence`` of each line."""
    first_seen: dict[str, int]
    """Index of the first line with each normalised text."""
    title: str | None
    """The normalised title, or ``None`` without a title."""
    author: str | None
    publisher: str | None
    repeats: frozenset[str]
    """Normalised texts that occur on more than one line."""
    lead_end: int
    """Index of the line where the body starts (see ``_lead_end``); the lines before it are the
    page's top: headline, standfirst, byline, summary."""


def _context(lines: list[Line], meta: SourceMeta) -> _Context:
    normalised = [_norm(line.text) for line in lines]
    first_seen: dict[str, int] = {}
    repeats: set[str] = set()
    for i, norm in enumerate(normalised):
        if first_seen.setdefault(norm, i) != i:
            repeats.add(norm)
    words = [_capped_words(line.text) for line in lines]
    sentence_like = [looks_like_sentence(line.text) for line in lines]
    return _Context(
        lines=lines,
        meta=meta,
        normalised=normalised,
        words=words,
        sentence_like=sentence_like,
        first_seen=first_seen,
        title=_norm(meta.title) if meta.title else None,
        author=_norm(meta.author) if meta.author else None,
        publisher=_norm(meta.publisher) if meta.publisher else None,
        repeats=frozenset(repeats),
        lead_end=_lead_end(lines, normalised, words, sentence_like, repeats),
    )


BODY_WORDS = 10
"""Words from which a line ending like a sentence, not a list item and not repeated, starts the body."""


def _lead_end(lines: list[Line], normalised: list[str], words: list[int], sentence_like: list[bool],
              repeats: set[str]) -> int:
    """The first line of the body: a sentence-like paragraph of ``BODY_WORDS`` words or more that is
    no list item and occurs once. ``len(lines)`` when there is none (then there is no top to tell
    apart: a page of short lines or of list items only)."""
    for i, line in enumerate(lines):
        if (sentence_like[i] and words[i] >= BODY_WORDS and not line.bullet and not line.marked_heading
                and normalised[i] not in repeats):
            return i
    return len(lines)
