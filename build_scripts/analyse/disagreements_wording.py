"""Wording where sources differ: one speaker's quotation rendered in different words.

Usually two translations of the same words (see ``quote_wording``).
"""

from __future__ import annotations

from build_scripts.analyse.disagreements_shared import make_id
from build_scripts.analyse.quote_groups import UNKNOWN_SPEAKER, spelling_neutral
from build_scripts.model import CitedQuote, Disagreement, QuoteGroup, Side, Speaker


def _versions(group: QuoteGroup) -> list[CitedQuote]:
    """Renderings that are not a mere excerpt of another source's rendering."""
    norm = [spelling_neutral(q.quote.text) for q in group.quotes]
    kept: dict[str, CitedQuote] = {}
    for i, q in enumerate(group.quotes):
        inside_other = any(norm[i] in norm[j] and (norm[i] != norm[j] or j < i)
                           for j, other in enumerate(group.quotes)
                           if j != i and other.quote.source_id != q.quote.source_id)
        if not inside_other:
            kept.setdefault(norm[i], q)
    return list(kept.values())


def quote_wording(speakers: list[Speaker]) -> list[Disagreement]:
    """One quotation rendered in different words by different sources."""
    out = []
    for speaker in speakers:
        if speaker.name == UNKNOWN_SPEAKER:
            continue
        for group in speaker.groups:
            versions = _versions(group)
            if len({v.quote.source_id for v in versions}) < 2:
                continue
            sides = [Side(v.sentence, " ¶ ".join(p.text for p in v.quote.parts)) for v in versions]
            out.append(Disagreement(make_id("wording", sides), "wording", f"{speaker.name}’s words", tuple(sides)))
    return out
