"""Split a paragraph into sentences, keeping each as an exact span of the text.

nupunkt does the statistical work (abbreviations, decimals, initials); the
repairs below handle what it leaves: a closing quotation mark or bracket left
at the start of the next piece, splits after abbreviations that are known to
end no sentence (titles and month names), and a piece that starts with a
lower-case letter, in any script, which continues the sentence before it
(the Punkt model is English, so it does not know ``т. зв.`` or ``ст.``).
"""

from __future__ import annotations

import re
from functools import cache

import nupunkt

_CLOSERS = "”’\"')]»"
# Abbreviations that stand before a name or number, never at a sentence's end.
# Cyrillic ones (Ukrainian and Russian) cannot occur in Latin text, so one list serves all.
_NO_END_ABBREV = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Pres|St|Mt|Dept|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|approx|est|"
    r"т\.\s?зв|т\.\s?н|ім|вул|просп|пл|св|напр|див|проф|акад|ген|обл|м|с|смт|им|ул|г)\.$"
)
# The longest match of ``_NO_END_ABBREV`` ("\sapprox."), so a search need only
# look at this many characters at the end (a unit test checks the bound).
_NO_END_ABBREV_WIDTH = 8

# The marks at which nupunkt (0.8) may end a sentence (``_SENT_END_CHARS`` of its
# tokenizer, the first element of its candidate pattern).
_NUPUNKT_END_MARKS = ".?!…"


@cache
def _tokenizer() -> nupunkt.PunktSentenceTokenizer:
    """The default model: the instance ``nupunkt.sent_spans`` uses (``load`` caches it)."""
    return nupunkt.load("default")


def _nupunkt_spans(text: str) -> list[tuple[int, int]]:
    """``nupunkt.sent_spans(text)``, without the spans that hold only whitespace.

    ``sent_spans`` (nupunkt 0.8) makes the spans of ``span_tokenize``
    contiguous: each runs to the start of the next, the last to the end of the
    text, and text without any span is one span. This does the same from the
    start offsets, without building the sentence strings ``sent_spans`` drops.
    """
    if not text:
        return []
    starts = [start for start, _ in _tokenizer().span_tokenize(text)] if _may_split(text) else []
    if not starts:
        starts = [0]
    ends = starts[1:] + [len(text)]
    # ``text[a:b].strip()`` is empty exactly when the span is empty or all whitespace.
    return [(a, b) for a, b in zip(starts, ends, strict=True) if a < b and not text[a:b].isspace()]


def _may_split(text: str) -> bool:
    """False when nupunkt cannot split ``text``; it would return the whole text as one span.

    nupunkt only considers an end mark that has a character after it (its
    candidate pattern looks ahead at what follows the mark), so text with no
    end mark before its last character offers no candidate at all. That is a
    paragraph of one sentence without abbreviations or decimals, about a third
    of all paragraphs, and asking nupunkt costs microseconds even for those.
    A unit test checks the shortcut against ``nupunkt.sent_spans``.
    """
    last = len(text) - 1
    for mark in _NUPUNKT_END_MARKS:  # noqa: SIM110 (a loop: faster than ``any`` over a generator)
        if text.find(mark, 0, last) >= 0:
            return True
    return False


def _ends_with_no_end_abbrev(previous: str) -> bool:
    """``_NO_END_ABBREV.search(previous)``, looking only at the end of the text.

    A match ends at the end of the text (``$``, and ``previous`` has no final
    newline) with ".", so it is at most ``_NO_END_ABBREV_WIDTH`` characters
    long. Searching from that position finds the same matches: ``^`` still
    matches only at the real start of the string, never at the search position.
    """
    return previous.endswith(".") and (
        _NO_END_ABBREV.search(previous, max(0, len(previous) - _NO_END_ABBREV_WIDTH)) is not None
    )


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.lstrip()
        if out and stripped and stripped[0] in _CLOSERS and _is_lone_closer(stripped):
            # The closing marks belong to the sentence before; the rest stands alone.
            lead = len(piece) - len(stripped)
            marks = len(stripped) - len(stripped.lstrip(_CLOSERS))
            out[-1] = (out[-1][0], start + lead + marks)
            start = start + lead + marks
            piece = text[start:end]
            stripped = piece.lstrip()
            if not stripped.strip():
                continue
        previous = text[out[-1][0]:out[-1][1]].rstrip() if out else ""
        if out and (_ends_with_no_end_abbrev(previous) or _continues(stripped, previous)):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def _continues(piece: str, previous: str) -> bool:
    """A piece starting in lower case, or a number after an abbreviation, is no new sentence."""
    head = piece.lstrip("“‘\"'«([")
    if not head:
        return False
    if head[0].isalpha() and head[0].islower():
        return True
    if not head[0].isdigit():
        return False
    words = previous.rsplit(None, 1)  # only the last word is needed
    last_word = words[-1] if words else ""
    return len(last_word) <= 5 and last_word.endswith(".") and last_word[:-1].isalpha()


def _is_lone_closer(piece: str) -> bool:
    """True when the piece starts with a closer that belongs to the sentence before."""
    head = piece[0]
    if head in "”»)]":
        return True
    # A straight quote or apostrophe opening a piece may open a new quotation.
    return len(piece) == 1 or piece[1].isspace()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of each sentence in ``text``, trimmed of spaces."""
    spans = _nupunkt_spans(text)
    if len(spans) > 1:  # a lone span has nothing before it to repair against
        spans = _repair(text, spans)
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        sentence = piece.strip()  # str.strip drops exactly the characters str.isspace accepts
        if sentence:
            start += len(piece) - len(piece.lstrip())
            trimmed.append((start, start + len(sentence)))
    return trimmed


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
