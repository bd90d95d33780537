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

import nupunkt

_CLOSERS = "”’\"')]»"
# Abbreviations that stand before a name or number, never at a sentence's end.
# Cyrillic ones (Ukrainian and Russian) cannot occur in Latin text, so one list serves all.
_NO_END_ABBREV = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Pres|St|Mt|Dept|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|approx|est|"
    r"т\.\s?зв|т\.\s?н|ім|вул|просп|пл|св|напр|див|проф|акад|ген|обл|м|с|смт|им|ул|г)\.$"
)


def _nupunkt_spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in nupunkt.sent_spans(text) if text[a:b].strip()]


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
        if out and (_NO_END_ABBREV.search(previous) or _continues(stripped, previous)):
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
    last_word = previous.split()[-1] if previous.split() else ""
    return head[0].isdigit() and len(last_word) <= 5 and last_word.endswith(".") and last_word[:-1].isalpha()


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
