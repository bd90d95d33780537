"""Whether a sentence can be read alone, and if not, the sentences of its source it needs.

A statement is one sentence of an article, quoted word for word. Some sentences only make
sense with their neighbours, and are then shown with them (each cited, none reworded):

* A sentence that opens on a word pointing back: a personal or possessive pronoun ("He
  deemed it…", "Its lower house voted…", "They often leave…"), a demonstrative ("This
  means…", "These devices…", "With this declaration signed, …", but not "This week…"), a
  connective ("As such, …", "However, …", "Nor is…", "Until then, …"), a leading clause
  whose subject is a pronoun ("Because it is at war, …"), or a main clause whose subject is
  one after a leading phrase ("On Monday, he said…", "Notably, this decision…"). It needs
  the sentence before it.
* A sentence that is all quotation, or that starts inside a quotation opened before it (the
  second sentence of “…. …,” she said), and does not name its speaker. It needs the
  sentences back to the one that names the speaker ("Kostenko, …, said on Facebook…" / "He
  wrote:" / “…,” said the mayor), or forward to the end of the quotation when the speaker
  is named there. A speaker named only by a pronoun ("he said") needs the sentence before.

A sentence that is nothing but quoted words (``Sentence.quoted``) whose speaker the quotation
finder names (``analyse.quotes``) is shown as a quotation with its speaker ("Nadia Osei:
“Whatever was in that warehouse is now in the estuary."), and needs no other sentence.

Quotations are found with the quotation spans of ``analyse.quotes`` (the same marks, the
same joining of a quotation over several paragraphs). Only the blocks around the sentence
are read, so this costs the same for any length of article; it runs only for the sentences
shown as statements.

Limits: English openers only; a definite description ("The decision…", "The two men…") is
taken to stand alone; "It" as a dummy subject ("It is expected that…") is taken to point
back, which only adds a sentence of context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.analyse.quotes import find_quotes
from build_scripts.analyse.quotes.spans import Span, block_spans, group_spans
from build_scripts.model import Document, Quote, Sentence

MAX_BEFORE = 3
"""Sentences of context shown before a statement at most: the farthest (which names whom the
others point to) and the nearest."""
MAX_STEPS = 4
"""Sentences to go back from a quotation's opening or a pointing-back sentence, at most."""
MAX_AFTER = 2
"""Sentences shown after a statement, to reach the end of its quotation, at most."""
_WINDOW = 6
"""Blocks read before and after the statement's own for quotations spanning paragraphs."""

_TIME_NOUNS = (r"year|week|month|morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter|"
               r"time|decade|century|season|quarter")
_LEANS_BACK = re.compile(
    r"^(?:"
    rf"(?:he|she|it|they|his|her|its|their|him|them|this|that|these|those|such)\b(?!\s+(?:{_TIME_NOUNS})\b)"
    r"|(?:as such|however|but|and|also|moreover|furthermore|therefore|thus|hence|still|yet|instead|"
    r"nonetheless|nevertheless|in addition|additionally|likewise|similarly|consequently|otherwise|besides|"
    r"nor|or|so|even so|that said|in turn|as a result|in contrast|by contrast|on the other hand|"
    r"for this reason|for that reason|despite this|despite that|because of this|because of that|"
    r"in that case|until then|since then|by then|even then|after that|before that|at that time|"
    r"at the same time|there)\b"
    r"|then\b(?=\s*,|\s+(?-i:[a-z]))"
    r"|(?:because|although|though|while|since|when|if|as|after|before|once|unless|until|whereas)\s+"
    r"(?:he|she|it|they|his|her|its|their|this|these|those)\b"
    rf"|(?:with|in|for|after|despite|given|under|by|on|at|from|of)\s+(?:this|these|those|such)\b(?!\s+(?:{_TIME_NOUNS})\b)"
    rf"|[^,;:“”\"]{{1,80}},\s+(?:he|she|it|they|this|these|those)\b(?!\s+(?:{_TIME_NOUNS})\b)(?!\s*,)"
    r")",
    re.I,
)
_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|wrote|writes|stated|states|argued|argues|warned|warns|"
    r"noted|notes|insisted|insists|stressed|stresses|explained|explains|asked|replied|continued|declared|"
    r"announced|posted|tweeted|commented|urged|urges|concluded|recalled|acknowledged|admitted|claimed|"
    r"claims|according to|put it|went on"
)
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.I)
# The speaker given by a pronoun next to the verb: "he said", "she later wrote", "said she".
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they|it)\s+(?:\w+\s+)?(?:{_SPEECH_VERBS})\b|\b(?:{_SPEECH_VERBS})\s+(?:he|she)\b", re.I)
_OPENING_MARKS = "“‘\"'«„([ "


@dataclass(frozen=True)
class Passage:
    """The sentences shown with a statement's own, in the order of the source."""

    before: tuple[Sentence, ...] = ()
    after: tuple[Sentence, ...] = ()
    skipped: bool = False
    """Sentences were left out after the first of ``before`` (``MAX_BEFORE``)."""


@dataclass(frozen=True)
class _Quoted:
    """How one sentence stands to the quotations around it."""

    group: int | None
    """The quotation the sentence starts in or is part of (index in the window's groups)."""
    inside: bool
    """Starts inside a quotation opened before it."""
    whole: bool
    """Nothing but quotation: no word outside the marks."""
    outside: str
    """The sentence's words outside quotation marks."""


def passage(document: Document, sentence: Sentence) -> Passage:
    """What ``sentence`` needs of its source to be read alone (nothing when it stands alone)."""
    sentences = document.sentences
    k = _index(sentences, sentence)
    if k is None:
        return Passage()
    lo = max(0, sentence.block - _WINDOW)
    hi = min(len(document.blocks), sentence.block + _WINDOW + 1)
    groups = _groups(document, lo, hi)
    first = k
    while first > 0 and sentences[first - 1].block >= lo:
        first -= 1
    last = k
    while last + 1 < len(sentences) and sentences[last + 1].block < hi:
        last += 1
    quoted = {i: _quoted(document, sentences[i], groups) for i in range(first, last + 1)}

    start = k
    after: tuple[Sentence, ...] = ()
    own = quoted[k]
    if own.group is not None and (own.inside or own.whole) and _attribution(own.outside) != "named":
        members = [i for i in range(first, last + 1) if quoted[i].group == own.group]
        opening, closing = members[0], members[-1]
        ahead = [i for i in range(k + 1, min(closing, k + MAX_AFTER) + 1)
                 if _attribution(quoted[i].outside) is not None]
        if opening < k and _attribution(quoted[opening].outside) is not None:
            start = opening
        elif ahead:
            after = tuple(sentences[k + 1:ahead[0] + 1])
            if _attribution(quoted[ahead[0]].outside) == "pronoun":
                start = opening
        else:
            start = opening
            if _needs_lead_in(quoted[opening]):
                start = max(0, opening - 1)
    steps = 0
    while start > first and steps < MAX_STEPS and _leans_back(sentences[start], quoted[start]):
        start, steps = _back(start - 1, quoted, first), steps + 1
    before = sentences[start:k]
    skipped = len(before) > MAX_BEFORE
    if skipped:
        before = (before[0], *before[len(before) - MAX_BEFORE + 1:])
    return Passage(tuple(before), after, skipped)


_QUOTES_KEPT = 256
"""Documents whose quotations ``speaker`` remembers (a page shows a few sentences of each)."""
_quotes_of: dict[str, tuple[Document, list[Quote]]] = {}


def speaker(document: Document, sentence: Sentence) -> str | None:
    """Who speaks a sentence that is nothing but quoted words, as the quotation finder names them;
    None for any other sentence, or when no speaker is found."""
    if not sentence.quoted:
        return None
    kept = _quotes_of.get(document.source.id)
    if kept is None or kept[0] is not document:
        if len(_quotes_of) >= _QUOTES_KEPT:
            _quotes_of.clear()
        kept = _quotes_of[document.source.id] = (document, find_quotes(document))
    return next((q.speaker for q in kept[1] if sentence.anchor in q.anchors and q.speaker), None)


def quoted_sentences(document: Document) -> set[int]:
    """Indexes (in ``document.sentences``) of the sentences that are nothing but quoted words."""
    if not any(mark in b.text for b in document.blocks if b.kind == "text" for mark in "“\"«‘'"):
        return set()
    groups = _groups(document, 0, len(document.blocks))
    by_block: dict[int, list[list[Span]]] = {}
    for spans in groups:
        for block in dict.fromkeys(span.block for span in spans):
            by_block.setdefault(block, []).append(spans)
    return {i for i, sentence in enumerate(document.sentences)
            if sentence.block in by_block and _quoted(document, sentence, by_block[sentence.block]).whole}


def _back(i: int, quoted: dict[int, _Quoted], first: int) -> int:
    """Where to go back to from sentence ``i``: the opening of its quotation when it is quoted
    words (a pronoun after a quotation points past it, to whom the quotation is given)."""
    group = quoted[i].group
    if group is None or not (quoted[i].inside or quoted[i].whole):
        return i
    while i > first and quoted[i - 1].group == group:
        i -= 1
    return i


def stands_alone(document: Document, sentence: Sentence) -> bool:
    """True when ``sentence`` is shown without any other sentence of its source."""
    found = passage(document, sentence)
    return not found.before and not found.after


def _index(sentences: tuple[Sentence, ...], sentence: Sentence) -> int | None:
    for i, s in enumerate(sentences):
        if s.anchor == sentence.anchor and s.block == sentence.block:
            return i
    return None


def _groups(document: Document, lo: int, hi: int) -> list[list[Span]]:
    spans = {i: block_spans(i, document.blocks[i].text) for i in range(lo, hi) if document.blocks[i].kind == "text"}
    return group_spans(document.blocks, {i: found for i, found in spans.items() if found})


def _quoted(document: Document, sentence: Sentence, groups: list[list[Span]]) -> _Quoted:
    a, b = sentence.start, sentence.start + len(sentence.text)
    text = document.blocks[sentence.block].text
    group: int | None = None
    inside = False
    covered: list[tuple[int, int]] = []
    for g, spans in enumerate(groups):
        for n, span in enumerate(spans):
            if span.block != sentence.block or span.open >= b or span.close < a:
                continue
            covered.append((span.open, span.close))
            if group is None:
                group = g
            if span.open < a or (n > 0 and span.open == a):
                inside, group = True, g
    outside = _outside(text, a, b, covered)
    whole = group is not None and not any(c.isalnum() for c in outside)
    return _Quoted(group, inside, whole, outside)


def _outside(text: str, a: int, b: int, covered: list[tuple[int, int]]) -> str:
    """The text of ``text[a:b]`` outside the quotation marks ``covered`` (inclusive ranges)."""
    pieces, pos = [], a
    for open_, close in sorted(covered):
        if open_ > pos:
            pieces.append(text[pos:min(open_, b)])
        pos = max(pos, close + 1)
    if pos < b:
        pieces.append(text[pos:b])
    return " ".join(pieces)


def _attribution(outside: str) -> str | None:
    """"named" when words outside the quotation name who speaks ("said the mayor", "Holt said:"),
    "pronoun" when only a pronoun does ("he said"), None without a verb of saying."""
    if not _SPEECH.search(outside):
        return None
    if _PRONOUN_SPEAKER.search(outside):
        return "pronoun"
    return "named"


def _needs_lead_in(quoted: _Quoted) -> bool:
    """A quotation opening a sentence with nothing outside it: its speaker is in the sentence before
    ("He wrote:"), the news convention for a quotation set in its own paragraph."""
    return quoted.whole or not quoted.outside.strip(_OPENING_MARKS + ",.:;—–-")


def _leans_back(sentence: Sentence, quoted: _Quoted) -> bool:
    """The sentence points back to the one before it (see the module docstring)."""
    if quoted.whole or quoted.inside:
        return _attribution(quoted.outside) != "named"
    if quoted.group is not None and _attribution(quoted.outside) == "pronoun":
        return True
    return _LEANS_BACK.match(sentence.text.lstrip(_OPENING_MARKS)) is not None and not sentence.text.startswith(
        ("“", "\"", "«", "‘"))
