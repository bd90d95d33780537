"""How many sources report a claim, how many of them independently, and the line that says so.

Kept apart from the statement's layout so that what counts as one voice can change here alone.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from build_scripts.model import Claim, Document, Statement
from build_scripts.render.citation import publisher_name
from build_scripts.render.escape import md_text

MAX_COPY_GROUPS = 3
MAX_NAMES = 3
"""Copy groups, and publishers per group, named in a statement's line (a page stays small at any scale)."""


def corroboration_line(st: Statement, docs: dict[str, Document], total_sources: int) -> str:
    """"Reported by 3 of 5 sources, 2 of them independent: …" (markdown), or "" for one source."""
    claim = st.claim
    if claim is None:
        return ""
    n, independent = claim_counts(claim)
    if n < 2:
        return ""
    line = f"Reported by {n} of {total_sources} sources"
    if independent < n:
        line += f", {independent} of them independent"
        pairs = list(zip(claim.copy_groups, claim.shared_words, strict=True))
        for group, words in pairs[:MAX_COPY_GROUPS]:
            names = [md_text(publisher_name(docs[s])) for s in group[:MAX_NAMES]]
            if len(group) > MAX_NAMES:
                names.append(f"{len(group) - MAX_NAMES} more")
            line += f"; {', '.join(names[:-1])} and {names[-1]} share the words “{md_text(words)}…” and count once"
        if len(pairs) > MAX_COPY_GROUPS:
            rest = len(pairs) - MAX_COPY_GROUPS
            line += f"; {rest} more {'group shares' if rest == 1 else 'groups share'} wording in the same way"
    else:
        line += ", each in its own words"
    return line + "."


_FACTS: WeakKeyDictionary[Claim, tuple[tuple[str, ...], int]] = WeakKeyDictionary()


def _facts(claim: Claim) -> tuple[tuple[str, ...], int]:
    """``claim.sources`` and ``claim.independent``, remembered while the claim lives.

    Both are computed from every member on each access, and a claim reported by
    thousands of sources is shown on several pages (claims are hashed by identity).
    """
    facts = _FACTS.get(claim)
    if facts is None:
        facts = _FACTS[claim] = (claim.sources, claim.independent)
    return facts


def claim_sources(claim: Claim) -> tuple[str, ...]:
    """The sources reporting the claim, in order of first report."""
    return _facts(claim)[0]


def claim_counts(claim: Claim) -> tuple[int, int]:
    """Sources reporting the claim, and how many of them are independent."""
    sources, independent = _facts(claim)
    return len(sources), independent
