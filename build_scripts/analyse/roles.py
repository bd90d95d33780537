"""The titles and roles a source gives a person: "Roman Kostenko, a member of Ukraine’s parliament".

Three forms are read: an appositive after the name and before a speech or
action verb ("NAME, ROLE, said"), "said NAME, ROLE." and a title before the
name ("Ukrainian President Volodymyr Zelensky", "Then Defense Secretary, Lloyd
Austin"). The same person is recognised across spellings by first initial and
the first six letters of the surname (Zelensky, Zelenskyy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){1,2})"
_VERBS = r"(?:said|says|echoed|told|wrote|added|stated|announced|warned|argued|noted|confirmed|asserted)"
_APPOSITIVE = re.compile(_NAME + r",\s(?P<role>[^“\"]{3,120}?),\s" + _VERBS + r"\b")
_SAID_NAME = re.compile(r"\b" + _VERBS + r"\s" + _NAME + r",\s(?P<role>[^.“\"]{3,100})[.]")
_TITLE_WORDS = (r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Defen[cs]e Secretary|"
                r"Secretary of State|Chancellor|Ambassador|Spokesperson|Spokesman|Spokeswoman)")
_PREFIX = re.compile(
    r"(?P<role>(?:(?:Then|Former|Acting)\s)?(?:[A-Z][a-z]+\s)?" + _TITLE_WORDS + r"),?\s" + _NAME
)


@dataclass(frozen=True)
class RoleMention:
    name: str
    role: str
    start: int

    @property
    def person(self) -> str:
        return person_key(self.name)


def person_key(name: str) -> str:
    parts = name.replace("’", "'").split()
    return f"{parts[0][0].casefold()}-{parts[-1].casefold()[:6]}"


def normalise_role(role: str) -> str:
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip().casefold().replace("’", "'"))
    return " ".join(role.split())


def find_roles(sentence: str) -> list[RoleMention]:
    found: dict[int, RoleMention] = {}
    for pattern in (_APPOSITIVE, _SAID_NAME, _PREFIX):
        for m in pattern.finditer(sentence):
            name = m.group("name")
            if name.split()[0] in {"The", "A", "An", "In", "On", "Then"}:
                continue
            found.setdefault(m.start("name"), RoleMention(name, m.group("role").strip(), m.start()))
    return [found[k] for k in sorted(found)]


def differ(roles: list[str]) -> bool:
    """True when some two roles say different things (neither contains the other)."""
    norm = sorted({normalise_role(r) for r in roles})
    return any(a not in b and b not in a for i, a in enumerate(norm) for b in norm[i + 1:])
