"""One statement as a list item: the sentence, a footnote per report, and who reports it."""

from __future__ import annotations

from build_scripts.model import Document, Statement
from build_scripts.render.citation import cite, footnote, publisher_name
from build_scripts.render.escape import md_text

MAX_FOOTNOTES = 8
"""Reports cited under one statement; past this the line says how many more there are."""
MAX_COPY_GROUPS = 3
MAX_NAMES = 3
"""Copy groups, and publishers per group, named in a statement's line (a page stays small at any scale)."""


def corroboration_line(st: Statement, docs: dict[str, Document], total_sources: int) -> str:
    """"Reported by 3 of 5 sources, 2 of them independent: …" (markdown), or "" for one source."""
    claim = st.claim
    if claim is None or len(claim.sources) < 2:
        return ""
    n = len(claim.sources)
    line = f"Reported by {n} of {total_sources} sources"
    if claim.independent < n:
        line += f", {claim.independent} of them independent"
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


def render_statement(st: Statement, page_src_uri: str, docs: dict[str, Document],
                     total_sources: int) -> tuple[list[str], list[str]]:
    """The list item's lines and the footnote definitions it needs."""
    members = st.members[:MAX_FOOTNOTES]
    item = f"- {md_text(st.sentence.text)}{''.join(cite(m) for m in members)}"
    extra = len(st.members) - len(members)
    lines = [item]
    note = corroboration_line(st, docs, total_sources)
    if extra:
        note += f" {extra} more {'report is' if extra == 1 else 'reports are'} not footnoted here."
    if note:
        lines += ["", f"    {note.strip()}", "    {: .corroboration }"]
    notes = [footnote(page_src_uri, docs[m.source_id], m) for m in members]
    return lines + [""], notes
