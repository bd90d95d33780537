"""Tell article text from page furniture scraped along with it.

Each rule is a small function that looks at one line (with its neighbours) and
returns the reason it is furniture, or ``None``. The rules are general: they
know the shapes of share buttons, bylines, credits and bios, not any outlet.

Classifying runs on every line of every article, so the facts several rules
need (normalised text, word count, sentence ending) are worked out once per
line in ``_Context``, and the costlier patterns are guarded by prefilters:
cheap checks for something every match must contain. A prefilter only skips a
pattern that cannot match, so the result is exactly that of the bare pattern.

Case-insensitive (``re.I``) patterns need care in a prefilter: there an ASCII
letter also matches its other case, and ``i``, ``s`` and ``k`` match four
non-ASCII letters too (``İ ı ſ K``). The Kelvin sign lowers to ``k``, but
``İ`` lowers to two characters and ``ı``, ``ſ`` stay as they are. A prefilter
therefore looks in ``text.lower()`` only for strings without ``i`` or ``s``:
every character such a pattern matches there lowers to the pattern's own
character (a unit test checks this over all of Unicode).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from build_scripts.model import Block, SourceMeta
from build_scripts.text.lines import Line
from build_scripts.text.sentences import split_sentences

# The definition of ``looks_like_sentence``, which checks the same from the end of
# the text instead of searching from every position (a unit test compares them).
_SENTENCE_END = re.compile(r"[.!?…。！？।][\"'”’」』)\]]*$|[\"”’」』]$")
_SHARE = re.compile(
    r"^(share( this( article| story| post)?)?|pin it( on pinterest)?|tweet( this)?|email|print|"
    r"(share|follow us) on \w+( and \w+)?|like us on facebook|copy link|comments|leave a comment)$",
    re.I,
)
_RELATED = re.compile(
    r"^((read|see) (also|more)|also read|related( (articles|stories|posts|news|coverage))?|recommended( for you)?|"
    r"more from [\w ]+|you may also like|recent( (articles|posts|stories))?|popular( posts)?|"
    r"trending( now)?|latest( news)?|view all posts|tags?|categories|filed under)\b\s*(?:[:|–—-].*)?$",
    re.I,
)
_PROMO = re.compile(
    r"^(our (books|shop|store|newsletter)|shop( now| books| our)?\b|buy (now|the book)|subscribe\b|"
    r"sign up\b|donate\b|support (us|our)\b|advertisement|sponsored( content)?|get the newsletter|"
    r"listen (to this (article|story)|live|again)\b)",
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
    r"^([A-Z][\w.'’-]+\s){1,3}is (a|an|the|our)?\s*([\w'’.&-]+\s){0,6}"
    r"(editor|writer|reporter|journalist|correspondent|columnist|contributor|author|analyst|fellow)\b"
)
_UPDATE_NOTE = re.compile(
    r"^((this|the) (story|article|report|page|post) (will be|has been|is being|was|is) "
    r"(updated|corrected|amended|originally published|first published)\b|"
    r"a version of this (story|article|report) (appeared|was (first |originally )?published)\b|"
    r"((additional )?reporting|writing|editing|edited) by (?-i:[A-Z])[\w'’-]+ (?-i:[A-Z])[\w'’-]+"
    r"([;,]? (and|in|from|with|editing by|edited by) [^.!?]*)?[.;)]?$|"
    r"(the )?(story|article) continues (below|after)\b)", re.I)
# The names on a row of share buttons ("Share: Facebook | X | LinkedIn | Email").
_PLATFORMS = frozenset(
    "share facebook x twitter linkedin email e-mail whatsapp telegram reddit print copy link bluesky threads "
    "mastodon on this article story".split())
# A dateline or byline row: a name or label, a bar, a date or a time ("Jane Roe | 8 May 2025, 18:42").
_BAR_DATE = re.compile(r"\|\s*[^|]*(?:\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.]\d\d\b)")
_HEX_ID = re.compile(r"^[0-9a-f]{4,}([ -][0-9a-f]{4,}){2,}$", re.I)
_OPINION_HEADING = re.compile(r"^(commentary|opinion|editorial|comment|op-ed|our view)$", re.I)
# A paragraph that gives the outlet's (or the writer's) own view: "Our view: …", "In our view, …".
_OPINION_PARAGRAPH = re.compile(r"(?:^|[.!?]\s)(?:our view\b|in (?:our|my) (?:view|opinion)\b)", re.I)
_NAME_LINE = re.compile(r"^([A-Z][\w.'’-]+)( [A-Z][\w.'’-]+){1,3}$")
# Asking the reader for money, a sign-up or a follow, at the start of a sentence of the line.
_SOLICIT = re.compile(
    r"(?:^|[.!?·|]\s+)(?:become an? (?:paying )?(?:member|subscriber|supporter)|join (?:us|today|now)\b|"
    r"donate\b|support (?:us|our|independent)\b|subscribe\b|sign up\b|click here\b|"
    r"download (?:our|the) [^.!?]{0,20}?app\b|"
    r"get (?:the|our) [^.!?]{0,40}?(?:newsletter|briefing|digest|alerts?)\b|follow (?:us|our|the) [^.!?]{0,40}? on \w)",
    re.I,
)
# What a line promoting its own outlet speaks of (with the outlet's name or "our …"/"you").
_PROMO_WORDS = re.compile(
    r"\b(?:subscri\w*|members?|membership|donat\w*|newsletters?|inbox|download|funded|reader-supported|"
    r"listeners|readers|sign up|join|alerts|unsubscribe|follow|briefing|digest)\b",
    re.I,
)
# The same, said to "you" or of "our newsroom": only the words of selling a subscription, a
# membership or a newsletter ("Members of the public who saw you…" is news).
_STRONG_PROMO_WORDS = re.compile(
    r"\b(?:subscri\w*|membership|donat\w*|newsletters?|inbox|unsubscribe|sign up|reader-supported|"
    r"funded by (?:readers|listeners|viewers))\b",
    re.I,
)
_READER_ADDRESS = re.compile(
    r"\b(?:our (?:newsroom|journalism|reporting|coverage|guide|explainers|app)|you|your)\b", re.I)
_QUOTED = re.compile("[“”\"«»]")
# A pull quote set apart as a blockquote: "> “…” — Name".
_PULL_QUOTE = re.compile(r"^>\s*[“\"«‘'].*[”\"»’']\s*[—–-]+\s*\w")
# A line that labels what follows and then says it: "Ottawa Convention: Ukraine takes a bold stance".
_LABEL_LINE = re.compile(r"^[A-Z][\w’'-]*(?:\s[\w’'-]+){0,3}:\s+\w")

# What ``_SENTENCE_END`` looks for, as character sets: a terminal mark followed
# by closing marks, or a closing quotation mark on its own.
_TERMINALS = ".!?…。！？।"
_CLOSING = "\"'”’」』)]"
_CLOSING_QUOTES = "\"”’」』"

# Every match of ``_CREDIT`` contains ":" or one of these strings (in lower
# case; none holds ``i`` or ``s``, see the module docstring), one for
# each alternative of the pattern: "cc by"/"cc-by", "cc0", "own work",
# "getty images", "ap photo"/"afp photo", "shutterstock", "wikimedia.org", "©",
# "(photo", "all rights reserved". The "photo:"/"credit:" line starts need ":".
_CREDIT_NEEDLES = (
    "cc by", "cc-by", "cc0", "own work", "getty ", "p photo", "hutter", "a.org", "©", "(photo", "all r",
)

# ``_BYLINE`` starts with "by", "posted", "published" or "updated" (``b``, ``p``
# and ``u`` match only their two ASCII cases), or holds a "|" before "min read".
_BYLINE_STARTS = ("b", "B", "p", "P", "u", "U")

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


Rule = Callable[[int, _Context], str | None]


def _has_word_character(text: str) -> bool:
    """Any letter or digit; the first character usually is one, which saves the scan."""
    return text[:1].isalnum() or any(c.isalnum() for c in text)


def _may_be_credit(text: str) -> bool:
    """False only when ``_CREDIT`` cannot match: no ":" and none of ``_CREDIT_NEEDLES``."""
    if ":" in text:
        return True
    lowered = text.lower()
    return any(needle in lowered for needle in _CREDIT_NEEDLES)


def _may_be_byline(text: str) -> bool:
    """False only when ``_BYLINE`` cannot match: wrong first letter and no "|"."""
    return text.startswith(_BYLINE_STARTS) or "|" in text


def _may_be_bio(text: str) -> bool:
    """False only when ``_BIO`` cannot match: it starts with an ASCII capital and holds "is "."""
    return "A" <= text[:1] <= "Z" and "is " in text


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
    text = ctx.lines[i].text
    if not text.startswith(">"):
        return None
    if _PULL_QUOTE.match(text):
        return "pull quote"
    inner = _norm(text)
    if inner.count(" ") >= 4 and any(inner in n for j, n in enumerate(ctx.normalised) if j != i):
        return "pull quote"
    return None


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


RULES: tuple[Rule, ...] = (_pattern_rules, _metadata_echo, _repeated, _top_of_page, _outlet_and_reader,
                           _pull_quote, _fragment, _pull_quote_name)


def _first_reason(i: int, ctx: _Context) -> str | None:
    """The reason given by the first rule that finds line ``i`` furniture."""
    for rule in RULES:
        reason = rule(i, ctx)
        if reason:
            return reason
    return None


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
