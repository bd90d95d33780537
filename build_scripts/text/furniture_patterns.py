"""The patterns of page furniture, and the prefilters that skip the costlier ones.

Share buttons, links to other stories, promotions, image credits, bylines,
bios, notes to the reader, identifiers, pull quotes, opinion labels: each is a
regular expression in ``data/furniture.toml``, compiled here and used by
``furniture_rules`` and ``furniture``.

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
import tomllib
from pathlib import Path

PATTERNS_FILE = Path(__file__).parent / "data" / "furniture.toml"


def _load_patterns(path: Path) -> dict[str, re.Pattern[str]]:
    """The patterns of ``path``, compiled: a table a pattern, its pieces joined (see the file's header)."""
    with path.open("rb") as handle:
        tables = tomllib.load(handle)
    return {name: re.compile("".join(table["pattern"]), re.I if table["ignore_case"] else 0)
            for name, table in tables.items()}


_PATTERNS = _load_patterns(PATTERNS_FILE)
_SHARE = _PATTERNS["share"]
_RELATED = _PATTERNS["related"]
_PROMO = _PATTERNS["promo"]
_CREDIT = _PATTERNS["credit"]
_BYLINE = _PATTERNS["byline"]
_BIO = _PATTERNS["bio"]
_UPDATE_NOTE = _PATTERNS["update_note"]
_BAR_DATE = _PATTERNS["bar_date"]
_HEX_ID = _PATTERNS["hex_id"]
_OPINION_HEADING = _PATTERNS["opinion_heading"]
_OPINION_PARAGRAPH = _PATTERNS["opinion_paragraph"]
_NAME_LINE = _PATTERNS["name_line"]
_SOLICIT = _PATTERNS["solicit"]
_PROMO_WORDS = _PATTERNS["promo_words"]
_STRONG_PROMO_WORDS = _PATTERNS["strong_promo_words"]
_READER_ADDRESS = _PATTERNS["reader_address"]
_QUOTED = _PATTERNS["quoted"]
_PULL_QUOTE = _PATTERNS["pull_quote"]
_LABEL_LINE = _PATTERNS["label_line"]

# The names on a row of share buttons ("Share: Facebook | X | LinkedIn | Email").
_PLATFORMS = frozenset(
    "share facebook x twitter linkedin email e-mail whatsapp telegram reddit print copy link bluesky threads "
    "mastodon on this article story".split())

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
