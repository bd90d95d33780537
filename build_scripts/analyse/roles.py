"""The titles and roles a source gives a person: "Roman Kostenko, a member of Ukraine’s parliament".

Three forms are read: an appositive after the name and before a speech or
action verb ("NAME, ROLE, said"), "said NAME, ROLE." and a title before the
name ("Ukrainian President Volodymyr Zelensky", "Then Defense Secretary, Lloyd
Austin"). The same person is recognised across spellings by first initial and
the first six letters of the surname (Zelensky, Zelenskyy).

Most sentences hold none of these forms, so ``find_roles`` first checks for
the words each pattern cannot match without, and runs a pattern only when
they are there, from the first place where it can match (see ``_searches``).
The checks only skip patterns, or text, where nothing would have been found,
so the result is the same as running every pattern on all of every sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from build_scripts.model import RoleMention

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){1,2})"
_VERB_WORDS = ("said", "says", "echoed", "told", "wrote", "added", "stated", "announced", "warned", "argued",
               "noted", "confirmed", "asserted")
_VERBS = "(?:" + "|".join(_VERB_WORDS) + ")"
_APPOSITIVE = re.compile(_NAME + r",\s(?P<role>[^“\"]{3,120}?),\s" + _VERBS + r"\b")
_SAID_NAME = re.compile(r"\b" + _VERBS + r"\s" + _NAME + r",\s(?P<role>[^.“\"]{3,100})[.]")
_TITLE_WORDS = (r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Defen[cs]e Secretary|"
                r"Secretary of State|Chancellor|Ambassador|Spokesperson|Spokesman|Spokeswoman)")
# Every title above contains one of these (case-sensitive, as the pattern is).
_TITLE_PARTS = ("President", "Minister", "Secretary", "Chancellor", "Ambassador", "Spokes")
_PREFIX = re.compile(
    r"(?P<role>(?:(?:Then|Former|Acting)\s)?(?:[A-Z][a-z]+\s)?" + _TITLE_WORDS + r"),?\s" + _NAME
)
# _APPOSITIVE ends with ",\s" VERB "\b", so a sentence without that cannot match it.
# The regex starts with a literal comma, which ``re`` looks for with a fast scan.
_COMMA_VERB = re.compile(r",\s" + _VERBS + r"\b")


def person_key(name: str) -> str:
    parts = name.replace("’", "'").split()
    return f"{parts[0][0].casefold()}-{parts[-1].casefold()[:6]}"


@lru_cache(maxsize=1 << 16)
def normalise_role(role: str) -> str:
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip().casefold().replace("’", "'"))
    return " ".join(role.split())


def _contains_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``needles`` (a loop: faster than ``any`` over a generator)."""
    for needle in needles:  # noqa: SIM110 (see the docstring)
        if needle in text:
            return True
    return False


def _first_verb(sentence: str) -> int:
    """Where the first of ``_VERB_WORDS`` (as a substring) starts in ``sentence``; -1 if none."""
    first = -1
    for verb in _VERB_WORDS:
        if verb in sentence:  # cheaper than find() for the verbs that are absent
            at = sentence.find(verb)
            if first < 0 or at < first:
                first = at
    return first


def _searches(sentence: str) -> list[tuple[re.Pattern[str], int]]:
    """(pattern, where its search starts) for the patterns that can match ``sentence``.

    In the order ``find_roles`` applies them. A pattern is left out only when
    the sentence lacks text that every match of it contains, so leaving it
    out changes nothing:

    * ``_APPOSITIVE`` contains a comma, whitespace and a whole verb (``_COMMA_VERB``);
    * ``_SAID_NAME`` contains a comma (after the name) and starts with a
      verb, so no match starts before the first verb, where its search
      starts (its ``\\b`` still sees the character before);
    * ``_PREFIX`` contains a title, hence one of ``_TITLE_PARTS``.
    """
    searches: list[tuple[re.Pattern[str], int]] = []
    if "," in sentence:
        verb = _first_verb(sentence)
        if verb >= 0:
            if _COMMA_VERB.search(sentence):
                searches.append((_APPOSITIVE, 0))
            searches.append((_SAID_NAME, verb))
    if _contains_any(sentence, _TITLE_PARTS):
        searches.append((_PREFIX, 0))
    return searches


def find_roles(sentence: str) -> list[RoleMention]:
    searches = _searches(sentence)
    if not searches:
        return []
    found: dict[int, RoleMention] = {}
    for pattern, pos in searches:
        for m in pattern.finditer(sentence, pos):
            name = m.group("name")
            if name.split()[0] in {"The", "A", "An", "In", "On", "Then"}:
                continue
            found.setdefault(m.start("name"), RoleMention(name, m.group("role").strip(), m.start()))
    return [found[k] for k in sorted(found)]


def differ(roles: list[str]) -> bool:
    """True when some two roles say different things (neither contains the other)."""
    norm = sorted({normalise_role(r) for r in roles})
    return any(a not in b and b not in a for i, a in enumerate(norm) for b in norm[i + 1:])
