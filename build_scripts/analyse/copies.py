"""Text shared word for word between sources: wire copy, not independent reporting.

Two sentences that share a run of ``RUN_WORDS`` words outside quotation marks
were not written independently: one outlet copied the other, or both copied
a wire story. Words inside quotation marks are left out, because independent
reporters quote the same speaker in the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

RUN_WORDS = 8
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 17)
def runs(text: str) -> frozenset[str]:
    """Every run of RUN_WORDS consecutive words outside quotations."""
    out: set[str] = set()
    for part in _QUOTED.split(text.replace("’", "'")):
        words = _WORD.findall(part.casefold())
        out.update(" ".join(words[i:i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1))
    return frozenset(out)


def shared_run(a: str, b: str) -> str | None:
    """The first run of words the two texts share outside quotations, if any."""
    common = runs(a) & runs(b)
    return min(common) if common else None
