"""The patterns of page furniture, and the prefilters that skip the costlier ones.

Share buttons, links to other stories, promotions, image credits, bylines,
bios, notes to the reader, identifiers, pull quotes, opinion labels: each is a
regular expression here, used by ``furniture_rules`` and ``furniture``.

The costlier patterns are guarded by prefilters: cheap checks for something
every match must contain. A prefilter only skips a pattern that cannot match,
so the result is exactly that of the bare pattern.

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
