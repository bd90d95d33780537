"""One publisher's reports are one voice.

Two articles of one outlet, or two releases of one organisation, are not two confirmations of a
fact, even in other words: a claim records which of its sources share a publisher, and counts
them once (``Claim.independent``). A source without a publisher is nobody's but its own.
"""

from __future__ import annotations

import dataclasses
import re
from functools import partial

from build_scripts.analyse.sentence_memo import SentenceMemo
from build_scripts.model import Claim, Document

_THE = re.compile(r"^the\s+", re.IGNORECASE)


def publisher_key(publisher: str | None) -> str | None:
    """The publisher as compared: case, spacing and a leading "The" do not matter."""
    if not publisher or not publisher.strip():
        return None
    return _THE.sub("", " ".join(publisher.split())).casefold()


_MADE: SentenceMemo[tuple[str, tuple[tuple[str, ...], ...]], Claim] = SentenceMemo()
"""The claims made with publisher groups, by the claim they were made of (``SentenceMemo``): an
unchanged claim stays the same object from one build to the next, which is what lets the pages
made from it be kept (``SiteView.kept`` compares claims by identity)."""


def one_voice_per_publisher(claims: list[Claim], documents: list[Document]) -> list[Claim]:
    """The claims, those reported by two sources of one publisher with ``publisher_groups`` set
    (new objects, or the last build's for the same claim and groups; every other claim is the
    same object)."""
    key_of = {d.source.id: publisher_key(d.source.meta.publisher) for d in documents}
    out = []
    _MADE.start()
    for claim in claims:
        sources = claim.sources if len(claim.members) > 1 else ()
        by_key: dict[str, list[str]] = {}
        for sid in sources:
            key = key_of.get(sid)
            if key is not None:
                by_key.setdefault(key, []).append(sid)
        groups = tuple(sorted(tuple(sorted(g)) for g in by_key.values() if len(g) > 1))
        if groups:
            made = partial(dataclasses.replace, claim, publisher_groups=groups)
            claim = _MADE.get((claim.id, groups), (claim,), made)
        out.append(claim)
    _MADE.finish()
    return out
