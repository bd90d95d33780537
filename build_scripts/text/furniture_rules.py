"""The rules that find page furniture in one line, and their order.

Each rule is a small function that looks at one line (with its neighbours) and
returns the reason it is furniture, or ``None``. The rules are general: they
know the shapes of share buttons, bylines, credits and bios, not any outlet.
"""

from __future__ import annotations

from collections.abc import Callable

from build_scripts.text.furniture_context import _WORD_CAP, _Context, _norm
from build_scripts.text.furniture_patterns import (
    _BAR_DATE,
    _BIO,
    _BYLINE,
    _CREDIT,
    _HEX_ID,
    _NAME_LINE,
    _PLATFORMS,
    _PROMO,
    _PROMO_WORDS,
    _PULL_QUOTE,
    _QUOTED,
    _READER_ADDRESS,
    _RELATED,
    _SHARE,
    _SOLICIT,
    _STRONG_PROMO_WORDS,
    _UPDATE_NOTE,
    _may_be_bio,
    _may_be_byline,
    _may_be_credit,
)

Rule = Callable[[int, _Context], str | None]


def _has_word_character(text: str) -> bool:
    """Any letter or digit; the first character usually is one, which saves the scan."""
    return text[:1].isalnum() or any(c.isalnum() for c in text)


def _share_row(norm: str, words: int) -> bool:
    """A short line starting "Share" or made of platform names, nearly all of its words those names."""
    if words > 12 or not norm:
        return False
    tokens = norm.split()
    named = sum(t in _PLATFORMS for t in tokens)
    return named >= 3 and named * 4 >= len(tokens) * 3 and ("share" in tokens or named == len(tokens))


def _pattern_rules(i: int, ctx: _Context) -> str | None:
    text = ctx.lines[i].text
    short = ctx.words[i] <= 25
    if not _has_word_character(text):
        return "no words (a divider or stray mark)"
    if _SHARE.match(text) or _share_row(ctx.normalised[i], ctx.words[i]):
        return "share button"
    if short and _RELATED.match(text):
        return "link to other stories"
    if short and _PROMO.match(text):
        return "promotion"
    if short and _may_be_credit(text) and _CREDIT.search(text):
        return "image credit"
    if _may_be_byline(text) and _BYLINE.match(text) and not ctx.sentence_like[i]:
        return "byline"
    if ctx.words[i] <= 12 and "|" in text and not ctx.sentence_like[i] and _BAR_DATE.search(text):
        return "byline"
    if short and _may_be_bio(text) and _BIO.match(text):
        return "author bio"
    if short and text[:1] in "TtAaRrWwEeSs" and _UPDATE_NOTE.match(text):
        return "note to the reader (update, credit or continuation)"
    if _HEX_ID.match(text):
        return "identifier"
    return None


def _metadata_echo(i: int, ctx: _Context) -> str | None:
    norm = ctx.normalised[i]
    if ctx.title is not None and norm == ctx.title:
        return "headline (shown as the page title)"
    if ctx.author is not None and norm == ctx.author:
        return "byline"
    return None


def _repeated(i: int, ctx: _Context) -> str | None:
    """The same normalised text on an earlier line (found by first occurrence, not a scan)."""
    if ctx.normalised[i] and ctx.first_seen[ctx.normalised[i]] < i:
        return "repeated line (headline, byline or name)"
    return None


def _fragment(i: int, ctx: _Context) -> str | None:
    """A few lower-case words with no punctuation: alt text or a product name."""
    text = ctx.lines[i].text
    if ctx.words[i] <= 5 and text[:1].islower() and not ctx.sentence_like[i]:
        return "caption or image text"
    return None


def _pull_quote_name(i: int, ctx: _Context) -> str | None:
    """A bare name after a quotation: the attribution line of a pull quote.

    The cheap tests come before the pattern: a match of ``_NAME_LINE`` is two
    to four words joined by single spaces.
    """
    text = ctx.lines[i].text
    if i == 0 or not ctx.lines[i - 1].text.endswith(("”", '"')):
        return None
    if not 2 <= ctx.words[i] <= 4 or not _NAME_LINE.match(text):
        return None
    others = " ".join(line.text for j, line in enumerate(ctx.lines) if j != i)
    if text in others:
        return "name line of a pull quote"
    return None


def _top_of_page(i: int, ctx: _Context) -> str | None:
    """Before the body starts: a list is the summary, a line the page shows twice is the headline
    or standfirst, a line that is most of the title (or holds it) is the headline."""
    if i >= ctx.lead_end or ctx.lead_end >= len(ctx.lines):
        return None
    if ctx.lines[i].bullet:
        return "summary at the top of the article"
    norm = ctx.normalised[i]
    if norm in ctx.repeats and not ctx.sentence_like[i]:
        # A full sentence shown twice may be the first paragraph used as a summary: its first
        # copy stays article text (the later one is found by ``_repeated``).
        return "headline or standfirst (the page shows it twice)"
    if ctx.title is not None and _near_title(norm, ctx.title):
        return "headline (shown as the page title)"
    return None


def _near_title(norm: str, title: str) -> bool:
    """One holds the other, and the shorter is at least 60 % of the longer's words."""
    a, b = f" {norm} ", f" {title} "
    if not (a in b or b in a):
        return False
    na, nb = norm.count(" ") + 1, title.count(" ") + 1
    return min(na, nb) >= 4 and min(na, nb) * 5 >= max(na, nb) * 3


def _outlet_and_reader(i: int, ctx: _Context) -> str | None:
    """The outlet speaking of itself to its reader: a sign-up, a membership, a donation, a bio.

    Short lines only. A line asking the reader to join, subscribe, donate or follow, with no
    quotation in it; a line that names the publisher and speaks of subscribers, members,
    newsletters, donations; one that says "you" or "our newsroom" with the words of selling a
    subscription, membership or newsletter; a line that opens with the byline's name (the bio).
    """
    if ctx.words[i] > _WORD_CAP:
        return None
    text, norm = ctx.lines[i].text, ctx.normalised[i]
    if _SOLICIT.search(text) and not _QUOTED.search(text):  # "…. Donate blood," the mayor said: news
        return "promotion"
    if ctx.publisher is not None and f" {ctx.publisher} " in f" {norm} " and _PROMO_WORDS.search(text):
        return "promotion"
    if _READER_ADDRESS.search(text) and _STRONG_PROMO_WORDS.search(text) and not _QUOTED.search(text):
        return "promotion"
    author = ctx.author
    if author is not None and " " in author and norm.startswith(author + " ") and ctx.sentence_like[i]:
        return "author bio"
    return None


def _pull_quote(i: int, ctx: _Context) -> str | None:
    """A blockquote that repeats words of the text, or a quotation with a dash and its speaker."""
    line = ctx.lines[i]
    if not line.quote:
        return None
    text = line.text
    if _PULL_QUOTE.match("> " + text):  # the pattern reads the line as written, its ">" first
        return "pull quote"
    inner = _norm(text)
    if inner.count(" ") >= 4 and any(inner in n for j, n in enumerate(ctx.normalised) if j != i):
        return "pull quote"
    return None


RULES: tuple[Rule, ...] = (_pattern_rules, _metadata_echo, _repeated, _top_of_page, _outlet_and_reader,
                           _pull_quote, _fragment, _pull_quote_name)


def _first_reason(i: int, ctx: _Context) -> str | None:
    """The reason given by the first rule that finds line ``i`` furniture."""
    for rule in RULES:
        reason = rule(i, ctx)
        if reason:
            return reason
    return None
