"""Tell article text from page furniture scraped along with it.

Each rule is a small function that looks at one line (with its neighbours) and
returns the reason it is furniture, or ``None``. The rules are general: they
know the shapes of share buttons, bylines, credits and bios, not any outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from build_scripts.model import Block, SourceMeta
from build_scripts.text.lines import Line

_SENTENCE_END = re.compile(r"[.!?…。！？।][\"'”’」』)\]]*$|[\"”’」』]$")
_SHARE = re.compile(
    r"^(share( this( article| story| post)?)?|pin it( on pinterest)?|tweet( this)?|email|print|"
    r"(share|follow us) on \w+( and \w+)?|like us on facebook|copy link|comments?)$",
    re.I,
)
_RELATED = re.compile(
    r"^((read|see) (also|more)|related( (articles|stories|posts|news))?|recommended( for you)?|"
    r"more from [\w ]+|you may also like|recent( (articles|posts|stories))?|popular( posts)?|"
    r"trending( now)?|latest( news)?|view all posts|tags?|categories|filed under)\b\s*(?:[:|–—-].*)?$",
    re.I,
)
_PROMO = re.compile(
    r"^(our (books|shop|store|newsletter)|shop( now| books| our)?\b|buy (now|the book)|subscribe\b|"
    r"sign up\b|donate\b|support (us|our)\b|advertisement|sponsored( content)?|get the newsletter)",
    re.I,
)
_CREDIT = re.compile(
    r"(\bcc[ -]by\b|\bcc0\b|\bown work\b|getty images|\bap photo\b|\bafp photo\b|shutterstock|"
    r"wikimedia\.org|^(photo|image|picture|credit|source)( credit)?\s*:|©|\(photo\b|all rights reserved)",
    re.I,
)
_BYLINE = re.compile(
    r"^(by\b[^.]{0,80}$|(posted|published|updated) (on|by)\b.{0,60}$|"
    r".{0,40}\|\s*\d+\s*min(ute)?s? read$)",
    re.I,
)
_BIO = re.compile(
    r"^([A-Z][\w.'’-]+\s){1,3}is (a|an|the|our)?\s*([\w-]+\s){0,3}"
    r"(editor|writer|reporter|journalist|correspondent|columnist|contributor|author|analyst|fellow)\b"
)
_HEX_ID = re.compile(r"^[0-9a-f]{4,}([ -][0-9a-f]{4,}){2,}$", re.I)
_OPINION_HEADING = re.compile(r"^(commentary|opinion|analysis|editorial|comment|op-ed|our view)$", re.I)
_NAME_LINE = re.compile(r"^([A-Z][\w.'’-]+)( [A-Z][\w.'’-]+){1,3}$")


def _words(text: str) -> int:
    return len(text.split())


def looks_like_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def looks_like_heading(text: str) -> bool:
    """Short, no closing punctuation, starts with a capital or digit."""
    return (
        _words(text) <= 12
        and not looks_like_sentence(text)
        and not text.endswith((":", ",", ";"))
        and (text[:1].isupper() or text[:1].isdigit())
    )


@dataclass(frozen=True)
class _Context:
    lines: list[Line]
    meta: SourceMeta
    normalised: list[str]


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


Rule = Callable[[int, _Context], str | None]


def _pattern_rules(i: int, ctx: _Context) -> str | None:
    text = ctx.lines[i].text
    short = _words(text) <= 25
    if not any(c.isalnum() for c in text):
        return "no words (a divider or stray mark)"
    if _SHARE.match(text):
        return "share button"
    if short and _RELATED.match(text):
        return "link to other stories"
    if short and _PROMO.match(text):
        return "promotion"
    if short and _CREDIT.search(text):
        return "image credit"
    if _BYLINE.match(text) and not looks_like_sentence(text):
        return "byline"
    if short and _BIO.match(text):
        return "author bio"
    if _HEX_ID.match(text):
        return "identifier"
    return None


def _metadata_echo(i: int, ctx: _Context) -> str | None:
    norm = ctx.normalised[i]
    if ctx.meta.title and norm == _norm(ctx.meta.title):
        return "headline (shown as the page title)"
    if ctx.meta.author and norm == _norm(ctx.meta.author):
        return "byline"
    return None


def _repeated(i: int, ctx: _Context) -> str | None:
    if ctx.normalised[i] and ctx.normalised[i] in ctx.normalised[:i]:
        return "repeated line (headline, byline or name)"
    return None


def _fragment(i: int, ctx: _Context) -> str | None:
    """A few lower-case words with no punctuation: alt text or a product name."""
    text = ctx.lines[i].text
    if _words(text) <= 5 and text[:1].islower() and not looks_like_sentence(text):
        return "caption or image text"
    return None


def _pull_quote_name(i: int, ctx: _Context) -> str | None:
    """A bare name after a quotation: the attribution line of a pull quote."""
    text = ctx.lines[i].text
    if i == 0 or not _NAME_LINE.match(text) or not ctx.lines[i - 1].text.endswith(("”", '"')):
        return None
    others = " ".join(line.text for j, line in enumerate(ctx.lines) if j != i)
    if text in others:
        return "name line of a pull quote"
    return None


RULES: tuple[Rule, ...] = (_pattern_rules, _metadata_echo, _repeated, _fragment, _pull_quote_name)


def _trailing(blocks: list[Block]) -> list[Block]:
    """After the last real sentence, lines that are not sentences are furniture.

    Sites end a story with names, menus and product lines; a short real
    closing sentence ("The vote is on Tuesday.") still ends with punctuation.
    """
    last = -1
    for i, block in enumerate(blocks):
        if block.kind != "furniture" and looks_like_sentence(block.text):
            last = i
    out = list(blocks)
    for i in range(last + 1, len(blocks)):
        b = blocks[i]
        if b.kind != "furniture" and not looks_like_sentence(b.text):
            out[i] = Block("furniture", b.text, b.line, "page furniture after the article")
    return out


def classify_lines(lines: list[Line], meta: SourceMeta) -> list[Block]:
    """Classify each line as text, heading or furniture (with the reason)."""
    ctx = _Context(lines, meta, [_norm(line.text) for line in lines])
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        reason = next((r for rule in RULES if (r := rule(i, ctx))), None)
        if reason:
            blocks.append(Block("furniture", line.text, line.number, reason))
        elif line.marked_heading or looks_like_heading(line.text):
            blocks.append(Block("heading", line.text, line.number))
        else:
            blocks.append(Block("text", line.text, line.number))
    return _mark_opinion(_trailing(blocks))


def _mark_opinion(blocks: list[Block]) -> list[Block]:
    """Text after a "Commentary"/"Opinion" heading is opinion, to the end of the article."""
    out: list[Block] = []
    opinion = False
    for b in blocks:
        if b.kind == "heading" and _OPINION_HEADING.match(b.text):
            opinion = True
        out.append(Block(b.kind, b.text, b.line, b.reason, opinion) if opinion else b)
    return out
