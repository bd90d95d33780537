"""Tell article text from page furniture scraped along with it.

Each rule is a small function that looks at one line (with its neighbours) and
returns the reason it is furniture, or ``None``. The rules are general: they
know the shapes of share buttons, bylines, credits and bios, not any outlet.

Classifying runs on every line of every article, so the facts several rules
need (normalised text, word count, sentence ending) are worked out once per
line in ``_Context``, and the costlier patterns are guarded by prefilters:
cheap checks for something every match must contain. A prefilter only skips a
pattern that cannot match, so the result is exactly that of the bare pattern.

The parts: ``furniture_patterns`` (the patterns and their prefilters),
``furniture_context`` (what is known of each line, worked out once),
``furniture_rules`` (the rules for one line, in order) and this module, which
classifies the lines and then looks at the blocks together: the lines after the
last sentence, a summary without list marks, opinion.
"""

from __future__ import annotations

from build_scripts.model import Block, SourceMeta
from build_scripts.text.furniture_context import _capped_words, _context, _heading_shape
from build_scripts.text.furniture_patterns import _LABEL_LINE, _OPINION_HEADING, _OPINION_PARAGRAPH
from build_scripts.text.furniture_rules import _first_reason
from build_scripts.text.lines import Line
from build_scripts.text.sentences import split_sentences


def _unmarked_summary(lines: list[Line], blocks: list[Block], sentence_like: list[bool]) -> list[Block]:
    """A summary at the top without list marks: the article's first text lines, two to five of
    them, each one short sentence (20 words at most), the first a labelled headline ("Topic: what
    happened", a label of one to four words), directly followed by a heading."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "text"), None)
    if first is None:
        return blocks
    end = first
    while end < len(blocks) and blocks[end].kind == "text" and sentence_like[end] and (
            _capped_words(blocks[end].text) <= 20 and len(split_sentences(blocks[end].text)) == 1):
        end += 1
    if not 2 <= end - first <= 5 or end >= len(blocks) or blocks[end].kind != "heading":
        return blocks
    if not _LABEL_LINE.match(blocks[first].text):
        return blocks
    out = list(blocks)
    for i in range(first, end):
        b = blocks[i]
        out[i] = Block("furniture", b.text, b.line, "summary at the top of the article")
    return out


def _trailing(blocks: list[Block], sentence_like: list[bool]) -> list[Block]:
    """After the last real sentence, lines that are not sentences are furniture.

    Sites end a story with names, menus and product lines; a short real
    closing sentence ("The vote is on Tuesday.") still ends with punctuation.
    ``sentence_like[i]`` is ``looks_like_sentence(blocks[i].text)``.
    """
    last = -1
    for i, block in enumerate(blocks):
        if block.kind != "furniture" and sentence_like[i]:
            last = i
    out = list(blocks)
    for i in range(last + 1, len(blocks)):
        b = blocks[i]
        if b.kind != "furniture" and not sentence_like[i]:
            out[i] = Block("furniture", b.text, b.line, "page furniture after the article")
    return out


def classify_lines(lines: list[Line], meta: SourceMeta) -> list[Block]:
    """Classify each line as text, heading or furniture (with the reason)."""
    ctx = _context(lines, meta)
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        reason = _first_reason(i, ctx)
        if reason:
            blocks.append(Block("furniture", line.text, line.number, reason))
        elif line.marked_heading or _heading_shape(line.text, ctx.words[i], ctx.sentence_like[i]):
            blocks.append(Block("heading", line.text, line.number))
        elif not ctx.sentence_like[i] and not line.text.endswith((":", ",", ";")):
            # Article prose ends its paragraphs with a full stop (or a closing quotation mark);
            # what does not is a headline, a standfirst, a summary line or a caption.
            blocks.append(Block("furniture", line.text, line.number, "no full stop (headline, standfirst, "
                                "summary line or caption)"))
        else:
            blocks.append(Block("text", line.text, line.number))
    blocks = _unmarked_summary(lines, _trailing(blocks, ctx.sentence_like), ctx.sentence_like)
    return _mark_opinion(blocks)


def _mark_opinion(blocks: list[Block]) -> list[Block]:
    """Text after a "Commentary"/"Opinion" heading is opinion, to the end of the article."""
    out: list[Block] = []
    opinion = False
    for b in blocks:
        if b.kind == "heading" and _OPINION_HEADING.match(b.text):
            opinion = True
        own_view = b.kind == "text" and "view" in b.text and _OPINION_PARAGRAPH.search(b.text) is not None
        out.append(Block(b.kind, b.text, b.line, b.reason, True) if opinion or own_view else b)
    return out
