"""A figure that only some sentences of a merged statement give is a statement of its own.

A merged statement is shown through the sentence that adds least to what all its sentences say,
so a figure only some of them give ("…and, in a separate bay, about 300 tonnes of lithium-ion
battery packs" beside the shared "12,000-tonne cargo of wood pellets") would be seen only in a
footnote. For each such figure, the sentences that give it make a claim of their own, shown
through one of them and cited to all of them; the merged statement keeps its shared fact.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from build_scripts.analyse.quantities import consistent, find_quantities, unit_key
from build_scripts.analyse.same_fact import specific_figures
from build_scripts.model import Claim, Quantity, Sentence


def figures_of(sentence: Sentence) -> frozenset[str]:
    """The sentence's specific figures (``same_fact.specific_figures``, remembered by text)."""
    return specific_figures(sentence.text)


@lru_cache(maxsize=100_000)
def _quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(find_quantities(text))


def _variant_in_all(figure: str, holder: Sentence, members: tuple[Sentence, ...]) -> bool:
    """Whether every sentence gives a count of the same thing that one number could be together
    with the figure's ("More than 20 people were injured", "In total, 23 people were injured";
    "Forty-three fire crews", "More than 40 fire crews"): a variant of a shared figure, not a
    figure some of them add."""
    digits = re.compile(rf"(?<!\d){figure}(?!\d)")
    counts = [q for q in _quantities(holder.text) if digits.search(q.value.replace(",", ""))]
    if not counts:
        return False
    return all(any(unit_key(o) == unit_key(q) and consistent([q, o]) for q in counts for o in _quantities(m.text))
               for m in members)


def added_figure_claims(claim: Claim) -> list[tuple[str, Claim]]:
    """For each figure some but not all of the claim's sentences give, the claim of the sentences
    that give it (one per distinct set of sentences, the figure it was made for with it), its copy
    and publisher groups kept where they lie within it. None for a claim of one sentence."""
    if len(claim.members) < 2:
        return []
    held = [figures_of(m) for m in claim.members]
    shared = frozenset.intersection(*held)
    out: list[tuple[str, Claim]] = []
    seen: set[tuple[int, ...]] = set()
    for figure in sorted(frozenset().union(*held) - shared, key=lambda f: (float(f), f)):
        which = tuple(i for i, h in enumerate(held) if figure in h)
        if which in seen or _variant_in_all(figure, claim.members[which[0]], claim.members):
            continue
        seen.add(which)
        members = tuple(claim.members[i] for i in which)
        sources = {m.source_id for m in members}
        copies = [(g, w) for g, w in zip(claim.copy_groups, claim.shared_words, strict=True)
                  if len(sources & set(g)) > 1]
        sub = Claim("c-" + hashlib.sha1(f"{claim.id}#{figure}".encode()).hexdigest()[:10], members,
                    tuple(tuple(s for s in g if s in sources) for g, _ in copies), tuple(w for _, w in copies),
                    tuple(t for t in (tuple(s for s in g if s in sources) for g in claim.publisher_groups)
                          if len(t) > 1))
        out.append((figure, sub))
    return out
