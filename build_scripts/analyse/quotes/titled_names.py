"""Persons named with a title before the name ("Ukrainian President Volodymyr Zelensky").

Found once per article, anywhere in it: ``resolve`` reads "the (Ukrainian)
president" as the person whose title has those words, and a he/she with no
speaker or subject near as the latest titled name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from build_scripts.analyse.quotes.phrases import bare, is_title
from build_scripts.analyse.quotes.vocabulary import BODY_HEADS, STOP_CAPS
from build_scripts.model import Block

_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:,? [A-Z][\w’'-]*)+")
_RUN_SEPARATOR = re.compile(r"(,? )")


class _Mention(NamedTuple):
    """A person named with a title before the name, anywhere in the article."""

    block: int
    pos: int
    name: str
    role: str


@lru_cache(maxsize=1 << 14)
def _has_title(run: str) -> bool:
    """Whether a word of the run is a title: the words as ``_RUN_SEPARATOR`` splits them."""
    return any(map(is_title, run.replace(",", "").split(" ")))


def _title_mentions(blocks: tuple[Block, ...], indices: list[int]) -> list[_Mention]:
    """The titled names of the text blocks ``indices``, in order.

    One search over the article, its paragraphs joined by line breaks: a run of
    capitalised words never spans one, so each paragraph gets the runs it would alone.
    """
    texts = [blocks[i].text for i in indices]
    offsets = list(accumulate((len(t) + 1 for t in texts), initial=0))
    found: list[_Mention] = []
    for m in _CAP_RUN.finditer("\n".join(texts)):
        if _has_title(m.group()):  # rare: most runs are "The Court", "Human Rights Watch"
            k = bisect_right(offsets, m.start()) - 1
            mention = _mention(indices[k], m.start() - offsets[k], m.group())
            if mention:
                found.append(mention)
    return found


def _mention(block: int, pos: int, run: str) -> _Mention | None:
    """"Ukrainian President Volodymyr Zelensky", "Ukrainian President, Volodymyr Zelenskyy"."""
    parts = _RUN_SEPARATOR.split(run)
    words = parts[0::2]
    titles = [i for i, w in enumerate(words) if is_title(w)]
    if not titles or titles[-1] == len(words) - 1:
        return None
    commas = [sep.startswith(",") for sep in parts[1::2]]
    t = titles[-1]
    name: list[str] = []
    for j in range(t + 1, min(t + 4, len(words))):
        if (j > t + 1 and commas[j - 1]) or bare(words[j]) in BODY_HEADS:
            break
        name.append(words[j].removesuffix("’s").removesuffix("'s"))
    first = t
    while first > 0 and not commas[first - 1] and words[first - 1].lower() not in STOP_CAPS:
        first -= 1
    return _Mention(block, pos, " ".join(name), " ".join(words[first : t + 1])) if name else None
