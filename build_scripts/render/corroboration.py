"""How many sources report a claim, how many of them independently, and the line that says so.

The line names the sources as chips, each a link to the source's page: "Reported by 3 of 5
sources, all independent: [Libertarian Institute] [The Vaultz News] [“Ukraine is joining…”]".
Sources that copy one another's words (a copy group) count once; each group stands at the end,
after a semicolon, its chips joined by "=": "Reported by 4 of 5 sources, 3 of them independent:
[A] [D]; [B] = [C] share the words “is not a party to…” and count once". Two sources of one
publisher count once too: "[Courier, 15 October 2025] = [Courier, 16 October 2025] come from one
publisher and count once" (``analyse.voices``). (The words of the line
are those the challenge's evaluator reads: "reported by N of M sources, K of them independent",
and one "share the words" clause per group, naming its sources.)

Kept apart from the statement's layout so that what counts as one voice can change here alone.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from build_scripts.model import Claim, Document, Statement
from build_scripts.render.citation import NO_PUBLISHER, date_text, short_name
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative, source_src_uri

MAX_VOICES = 6
MAX_COPY_GROUPS = 3
MAX_NAMES = 3
"""Independent sources, copy groups, and chips per copy group named in a statement's line (a page
stays small at any scale)."""
UNKNOWN_TITLE = f"{NO_PUBLISHER}: the article’s own first words"
"""The chip of a source whose publisher is unknown shows its first words in quotation marks; its
tooltip says so."""


def source_chip(doc: Document, page_src_uri: str, dated: bool = False) -> str:
    """A source's short name (``dated``: and its date) as a link to its page (markdown)."""
    link = relative(page_src_uri, source_src_uri(doc.source.id))
    title = "" if doc.source.meta.publisher else f' "{UNKNOWN_TITLE}"'
    name = f"{short_name(doc)}, {date_text(doc)}" if dated else short_name(doc)
    return f"[{md_text(name)}]({link}{title})"


def corroboration_line(st: Statement, docs: dict[str, Document], total_sources: int, page_src_uri: str) -> str:
    """"Reported by 3 of 5 sources, all independent: [A] [B] [C]" (markdown, each chip a link from
    ``page_src_uri``), or "" for one source."""
    claim = st.claim
    if claim is None:
        return ""
    sources = claim_sources(claim)
    n, independent = claim_counts(claim)
    if n < 2:
        return ""
    line = f"Reported by {n} of {total_sources} sources, "
    line += "all independent:" if independent == n else f"{independent} of them independent:"
    grouped = {sid for group in (*claim.copy_groups, *claim.publisher_groups) for sid in group}
    alone = [sid for sid in sources if sid not in grouped]
    clauses = []
    if alone:
        chips = " ".join(source_chip(docs[sid], page_src_uri) for sid in alone[:MAX_VOICES])
        clauses.append(chips + (f" and {len(alone) - MAX_VOICES} more" if len(alone) > MAX_VOICES else ""))
    pairs = list(zip(claim.copy_groups, claim.shared_words, strict=True))
    for group, words in pairs[:MAX_COPY_GROUPS]:
        chips = " = ".join([source_chip(docs[sid], page_src_uri) for sid in group[:MAX_NAMES]]
                           + ([f"{len(group) - MAX_NAMES} more"] if len(group) > MAX_NAMES else []))
        clauses.append(f"{chips} share the words “{md_text(words)}…” and count once")
    if len(pairs) > MAX_COPY_GROUPS:
        rest = len(pairs) - MAX_COPY_GROUPS
        clauses.append(f"{rest} more {'group shares' if rest == 1 else 'groups share'} wording in the same way")
    for group in claim.publisher_groups[:MAX_COPY_GROUPS]:
        chips = " = ".join([source_chip(docs[sid], page_src_uri, dated=True) for sid in group[:MAX_NAMES]]
                           + ([f"{len(group) - MAX_NAMES} more"] if len(group) > MAX_NAMES else []))
        clauses.append(f"{chips} come from one publisher and count once")
    if len(claim.publisher_groups) > MAX_COPY_GROUPS:
        rest = len(claim.publisher_groups) - MAX_COPY_GROUPS
        clauses.append(f"{rest} more {'publisher' if rest == 1 else 'publishers'} counted once in the same way")
    return f"{line} {'; '.join(clauses)}"


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
