"""One statement as a list item: the sentence, a footnote per report, and who reports it.

Also the statement's reports and its claim's sources as every page and data file needs
them, without walking all of a claim's members each time (see ``all_members``, ``claim_counts``).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from markupsafe import Markup

from build_scripts.model import Claim, Document, Sentence, Statement
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.escape import md_text
from build_scripts.render.templates import render

MAX_FOOTNOTES = 8
"""Reports cited under one statement; past this the line says how many more there are."""
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


def all_members(st: Statement) -> tuple[Sentence, ...]:
    """``st.members``, comparing whole sentences only when the source is the statement's.

    Sentences of different sources always differ; comparing every field of each
    member is what makes ``members`` slow for a claim of thousands of reports.
    """
    if st.claim is None:
        return (st.sentence,)
    shown, source = st.sentence, st.sentence.source_id
    return (shown, *[m for m in st.claim.members if m.source_id != source or m != shown])


def first_members(st: Statement, limit: int) -> tuple[list[Sentence], int]:
    """``st.members[:limit]`` and ``len(st.members)``, without building the whole tuple."""
    if st.claim is None:
        return [st.sentence][:limit], 1
    shown, source = st.sentence, st.sentence.source_id
    others = st.claim.members
    head = [shown]
    for m in others:
        if len(head) >= limit:
            break
        if m.source_id != source or m != shown:
            head.append(m)
    same = [m for m in others if m.source_id == source].count(shown)
    return head[:limit], 1 + len(others) - same


def render_statement(st: Statement, page_src_uri: str, docs: dict[str, Document],
                     total_sources: int) -> tuple[list[str], list[str]]:
    """The list item's lines and the footnote definitions it needs."""
    members, total = first_members(st, MAX_FOOTNOTES)
    extra = total - len(members)
    note = corroboration_line(st, docs, total_sources)
    if extra:
        note += f" {extra} more {'report is' if extra == 1 else 'reports are'} not footnoted here."
    text = render("statement.md.j2", st=st, members=members, note=Markup(note.strip()))
    notes = [footnote(page_src_uri, docs[m.source_id], m) for m in members]
    return [*text.removesuffix("\n").split("\n"), ""], notes
