"""How many sources report a claim, how many of them independently, and the line that says so.

The line is a row of source chips, each a link to the source's page: "3 independent sources:
[Libertarian Institute] [The Vaultz News] [“Ukraine is joining…”]". Sources that copy one
another's words (a copy group) stand together, joined by "=", and count once: "4 sources,
3 independent: [A] [B] = [C] (same words, counted once) [D]".

Kept apart from the statement's layout so that what counts as one voice can change here alone.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from build_scripts.model import Claim, Document, Statement
from build_scripts.render.citation import NO_PUBLISHER, short_name
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative, source_src_uri

MAX_VOICES = 6
MAX_NAMES = 3
"""Voices (a source, or a copy group counted once), and chips per copy group, shown in a
statement's line: a page stays small at any scale."""
COPIES = "(same words, counted once)"
UNKNOWN_TITLE = f"{NO_PUBLISHER}: the article’s own first words"
"""The chip of a source whose publisher is unknown shows its first words in quotation marks; its
tooltip says so."""


def source_chip(doc: Document, page_src_uri: str) -> str:
    """A source's short name as a link to its page (markdown)."""
    link = relative(page_src_uri, source_src_uri(doc.source.id))
    title = "" if doc.source.meta.publisher else f' "{UNKNOWN_TITLE}"'
    return f"[{md_text(short_name(doc))}]({link}{title})"


def corroboration_line(st: Statement, docs: dict[str, Document], page_src_uri: str) -> str:
    """"3 independent sources: [A] [B] [C]" (markdown, each chip a link from ``page_src_uri``), or ""
    for one source."""
    claim = st.claim
    if claim is None:
        return ""
    sources = claim_sources(claim)
    n, independent = claim_counts(claim)
    if n < 2:
        return ""
    head = f"{n} independent sources:" if independent == n else f"{n} sources, {independent} independent:"
    group_of = {sid: group for group in claim.copy_groups for sid in group}
    voices: list[str] = []
    seen: set[str] = set()
    for sid in sources:
        if sid in seen:
            continue
        if len(voices) == MAX_VOICES:
            break
        group = group_of.get(sid, (sid,))
        seen.update(group)
        chips = [source_chip(docs[s], page_src_uri) for s in group[:MAX_NAMES]]
        if len(group) > MAX_NAMES:
            chips.append(f"{len(group) - MAX_NAMES} more")
        voices.append(" = ".join(chips) + (f" {COPIES}" if len(group) > 1 else ""))
    rest = sum(1 for sid in sources if sid not in seen)
    line = f"{head} {' '.join(voices)}"
    if rest:
        line += f" and {rest} more {'source' if rest == 1 else 'sources'}"
    return line


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
