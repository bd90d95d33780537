"""Choosing each quotation's speaker: the rules, tried in order until one gives a speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_scripts.analyse.quotes.attributions import (
    SENTENCE_END,
    Attribution,
    abbreviation,
    sentence_ends,
)
from build_scripts.analyse.quotes.phrases import Phrase, Speaker, bare, is_cap
from build_scripts.analyse.quotes.resolve import Resolver
from build_scripts.analyse.quotes.spans import Span
from build_scripts.analyse.quotes.vocabulary import CONNECTORS, NAME_LINE, STOP_CAPS
from build_scripts.model import Block

_POST_GAP = re.compile(r"[\s,—–-]*")


@dataclass
class Context:
    blocks: tuple[Block, ...]
    atts: dict[int, list[tuple[Attribution, Speaker | None]]]
    resolver: Resolver
    last_in_block: dict[int, tuple[Speaker, int]] = field(default_factory=dict)
    """Per block, the speaker of its last quotation and where that quotation closed."""
    used: Attribution | None = None
    """The attribution the last rule that gave a speaker read (None for a name line, a dash, …)."""


_DASH_NAME = re.compile(
    r"\s*[—–]\s*(?P<name>[^\W\d_][\w’'.-]*(?: [^\W\d_][\w’'.-]*){0,4})(?:, (?P<role>[^.;:!?“”\"]{2,120}))?\s*$"
)


def _dash_name(group: list[Span], ctx: Context) -> Speaker | None:
    """A pull quote or epigraph signed after a dash: “…” — Nadia Osei, Clean Estuary Trust."""
    last = group[-1]
    m = _DASH_NAME.match(ctx.blocks[last.block].text, last.close + 1)
    if m is None:
        return None
    words = m.group("name").split()
    if not all(is_cap(w) or w in CONNECTORS for w in words) or not is_cap(words[-1]):
        return None
    return ctx.resolver.named(Phrase(m.group("name"), m.group("role")), (last.block, last.close))


def _after_quote(group: list[Span], ctx: Context) -> Speaker | None:
    last = group[-1]
    if not last.closed:
        return None
    dashed = _dash_name(group, ctx)
    if dashed:
        return dashed
    text = ctx.blocks[last.block].text
    for att, speaker in ctx.atts[last.block]:
        if att.floor > last.close:
            if not _POST_GAP.fullmatch(text, last.close + 1, att.floor):
                return None
            ctx.used = att
            return speaker
    return None


def _before_quote(group: list[Span], ctx: Context) -> Speaker | None:
    first = group[0]
    text = ctx.blocks[first.block].text
    before = [(a, s) for a, s in ctx.atts[first.block] if a.end <= first.open]
    if not before:
        return None
    att, speaker = before[-1]
    if sentence_ends(text, att.end, first.open):
        return None
    ctx.used = att
    return speaker


def _previous_text_block(blocks: tuple[Block, ...], index: int) -> int | None:
    """The text block before ``index``, skipping page furniture (a caption, a share bar)."""
    for j in range(index - 1, -1, -1):
        if blocks[j].kind == "text":
            return j
        if blocks[j].kind != "furniture":
            return None
    return None


def _colon_before(group: list[Span], ctx: Context) -> Speaker | None:
    """A paragraph that ends "He said:" introduces the quotation that opens the next one."""
    first = group[0]
    if ctx.blocks[first.block].text[: first.open].strip():
        return None
    j = _previous_text_block(ctx.blocks, first.block)
    if j is None:
        return None
    text = ctx.blocks[j].text.rstrip()
    if not text.endswith(":") or not ctx.atts.get(j):
        return None
    att, speaker = ctx.atts[j][-1]
    between = text[att.end : len(text) - 1]
    if any(c in between for c in ".!?“”\"") or len(between) > 60:
        return None
    ctx.used = att
    return speaker


def _colon_in_sentence(group: list[Span], ctx: Context) -> Speaker | None:
    """“NAME, ROLE, did something: “…”: the person who opens the sentence speaks."""
    first = group[0]
    text = ctx.blocks[first.block].text
    before = text[: first.open].rstrip()
    if not before.endswith(":"):
        return None
    subject = ctx.resolver.subject_before(first.block, first.open)
    if subject is None or sentence_ends(text, subject.pos, first.open):
        return None
    if any(att.floor > subject.pos and att.end <= first.open for att, _ in ctx.atts[first.block]):
        return None
    return ctx.resolver.named(Phrase(subject.name, subject.role), (subject.block, subject.pos))


def _name_line(group: list[Span], ctx: Context) -> Speaker | None:
    j = group[-1].block + 1
    if j < len(ctx.blocks) and ctx.blocks[j].kind == "furniture" and ctx.blocks[j].reason == NAME_LINE:
        return ctx.resolver.named(Phrase(ctx.blocks[j].text))
    return None


def _same_paragraph(group: list[Span], ctx: Context) -> Speaker | None:
    """The speaker of the quotation before, unless a sentence between opens with someone else."""
    first = group[0]
    previous = ctx.last_in_block.get(first.block)
    if previous is None:
        return None
    speaker, close = previous
    own = {bare(w) for w in f"{speaker.text} {speaker.role or ''}".split()}
    return None if _new_subject(ctx.blocks[first.block].text, close + 1, first.open, own) else speaker


def _new_subject(text: str, start: int, end: int, own: set[str]) -> bool:
    """True when a sentence between start and end opens with a name ("Zelensky, however, …")."""
    known = STOP_CAPS | own
    for m in SENTENCE_END.finditer(text, start, end):
        words = text[m.end() : end].split(maxsplit=1)
        if words and is_cap(words[0]) and bare(words[0]) not in known and not abbreviation(text, m.start()):
            return True
    return False


def _sentence_before(group: list[Span], ctx: Context) -> Speaker | None:
    """A quotation that makes a sentence of its own, right after a sentence of reported speech:
    "Paul Grant, a professor, said the report was fair. “The numbers are right.”"."""
    first, last = group[0], group[-1]
    text = ctx.blocks[first.block].text
    if not first.open or any(a.floor > last.close for a, _ in ctx.atts[last.block]):
        return None
    before = [(a, s) for a, s in ctx.atts[first.block] if a.end <= first.open]
    if not before or before[-1][1] is None:
        return None
    att, speaker = before[-1]
    ends = [m for m in SENTENCE_END.finditer(text, att.end, first.open) if not abbreviation(text, m.start())]
    if len(ends) != 1 or ends[0].end() != first.open:
        return None
    if any(c in text[att.end : first.open] for c in "“”\"«»"):
        return None
    ctx.used = att
    return speaker


def _previous_paragraph(group: list[Span], ctx: Context) -> Speaker | None:
    """A paragraph that opens with a quotation and has no speech verb of its own.

    It goes on from the paragraph before: the speaker of that paragraph's last
    quotation, or else of a speech verb in its last sentence ("Nadia Osei, …, said
    volunteers had seen a grey film." then “Whatever was in that warehouse …”).
    """
    first = group[0]
    if first.open != 0 or any(ctx.atts[s.block] for s in group):
        return None
    j = _previous_text_block(ctx.blocks, first.block)
    if j is None:
        return None
    previous = ctx.last_in_block.get(j)
    if previous:
        return previous[0]
    if not ctx.atts.get(j):
        return None
    att, speaker = ctx.atts[j][-1]
    text = ctx.blocks[j].text
    if sentence_ends(text, att.end, len(text)) or '"' in text or "“" in text:
        return None
    ctx.used = att
    return speaker


_RULES = (_after_quote, _before_quote, _colon_before, _colon_in_sentence, _name_line, _same_paragraph,
          _sentence_before, _previous_paragraph)


def choose_speaker(group: list[Span], ctx: Context) -> Speaker | None:
    """The speaker the first rule that gives one gives, remembered for the quotations after."""
    ctx.used = None
    speaker = next((s for rule in _RULES if (s := rule(group, ctx))), None)
    if speaker:
        ctx.last_in_block[group[-1].block] = (speaker, group[-1].close)
    return speaker
