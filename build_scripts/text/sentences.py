"""Split a paragraph into sentences, keeping each as an exact span of the text.

nupunkt does the statistical work (abbreviations, decimals, initials); the
repairs below handle what it leaves: a closing quotation mark or bracket left
at the start of the next piece, and splits after abbreviations that are
known to end no sentence (titles and month names).
"""

from __future__ import annotations

import re

import nupunkt

_CLOSERS = "”’\"')]»"
_NO_END_ABBREV = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Pres|St|Mt|Dept|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|approx|est)\.$"
)


def _nupunkt_spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in nupunkt.sent_spans(text) if text[a:b].strip()]


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.lstrip()
        if out and stripped and stripped[0] in _CLOSERS and _is_lone_closer(stripped):
            out[-1] = (out[-1][0], end)
            continue
        if out and _NO_END_ABBREV.search(text[out[-1][0]:out[-1][1]].rstrip()):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


def _is_lone_closer(piece: str) -> bool:
    """True when the piece starts with a closer that belongs to the sentence before."""
    head = piece[0]
    if head in "”»)]":
        return True
    # A straight quote or apostrophe opening a piece may open a new quotation.
    return len(piece) == 1 or piece[1].isspace()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of each sentence in ``text``, trimmed of spaces."""
    spans = _repair(text, _nupunkt_spans(text))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
