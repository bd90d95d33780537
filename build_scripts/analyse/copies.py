"""Text shared word for word between sources: wire copy, not independent reporting.

A copy is a text reused nearly verbatim: a wire story and an outlet's light edit
of it. Two sources are one text when a large share of their five-word passages
outside quotation marks is the same (``copied_sources``); sharing a set phrase
("the use, stockpiling, production and transfer of anti-personnel mines") or a
name is not copying, and two reports of one fact in their own words are
independent. Words inside quotation marks are left out, because independent
reporters quote the same speaker in the same words. ``runs`` finds the run of
``RUN_WORDS`` words that a group of copies shares in one claim, to show it.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache
from itertools import combinations

from build_scripts.analyse.union_find import UnionFind

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


PASSAGE_WORDS = 5
COPY_SHARE = 0.3
"""Share of the smaller source's five-word passages (outside quotations) that another source
must repeat for the two to be one text: a wire story and its light edit share 70 % or more,
two reports of one event in their own words a few per cent (names, titles, set phrases)."""
MIN_SHARED = 4
"""Sampled passages two sources must share at the least: a source of a few lines is not a copy for
repeating one phrase."""
MAX_SOURCES_PER_PASSAGE = 50
"""A passage repeated by more sources than this is boilerplate; it is not counted (and keeps
the pair counting linear in the corpus)."""


SAMPLE = 4
"""About one passage in ``SAMPLE`` is kept, those whose first word has a checksum divisible by
it, so that two sources keep the same ones: the shares are estimated on a part of the text,
in a part of the memory and time."""


@lru_cache(maxsize=1 << 16)
def _kept(word: str) -> bool:
    """Whether passages starting with this word are sampled (a checksum, the same in every run)."""
    return zlib.crc32(word.encode()) % SAMPLE == 0


def passages(text: str) -> frozenset[str]:
    """The sampled runs of ``PASSAGE_WORDS`` consecutive words outside quotations."""
    out: set[str] = set()
    for part in _QUOTED.split(text.replace("’", "'")):
        words = _WORD.findall(part.casefold())
        for i in range(len(words) - PASSAGE_WORDS + 1):
            if _kept(words[i]):
                out.add(" ".join(words[i:i + PASSAGE_WORDS]))
    return frozenset(out)


def copied_sources(texts: list[tuple[str, str]], index: CopyIndex | None = None
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Sources that reuse one text, from ``(source_id, sentence)`` pairs.

    Returns each copied source's group root (sources not copied are left out) and, for each
    root, a passage the group shares. Two sources are one text when they share at least
    ``COPY_SHARE`` of the smaller one's passages; groups are closed under that relation
    (a wire story and two outlets' edits of it are one voice).
    Pairs are counted through an index of passages, never by comparing every two sources;
    ``index`` keeps those counts from the last call (under ``mkdocs serve``), so that only the
    sources whose sentences changed are counted again.
    """
    index = index if index is not None else CopyIndex()
    by_source: dict[str, list[str]] = {}
    for source, text in texts:
        by_source.setdefault(source, []).append(text)
    index.update({source: tuple(found) for source, found in by_source.items()})
    own = index.own
    union: UnionFind[str] = UnionFind()
    words: dict[str, str] = {}
    for a, b in sorted(index.copied):
        example = min(own[a] & own[b])
        union.add(a)
        union.add(b)
        ra, rb = union.find(a), union.find(b)
        root = union.join(a, b)
        words[root] = min(words.get(ra, example), words.get(rb, example), example)
    root_of = {source: union.find(source) for source in union.parent}
    return root_of, {root: words[root] for root in set(root_of.values())}


class CopyIndex:
    """The passages of each source, the sources using each passage, and how many passages each
    two sources share (passages used by more than ``MAX_SOURCES_PER_PASSAGE`` sources aside): kept
    from one call of ``copied_sources`` to the next, and updated for the sources whose sentences
    changed. Counts are whole numbers, so an update gives what counting afresh gives.

    A passage's users are a sorted tuple, not a set: there are about as many passages as
    sentences, and a set each (a container the cycle collector tracks, four times the size) made
    every later stage slower when the index was kept across ``mkdocs serve`` builds."""

    def __init__(self) -> None:
        self.texts: dict[str, tuple[str, ...]] = {}
        self.own: dict[str, frozenset[str]] = {}
        self.users: dict[str, tuple[str, ...]] = {}
        self.shared: Counter[tuple[str, str]] = Counter()
        self.copied: set[tuple[str, str]] = set()
        """The pairs that are one text (``_one_text``). Sorting every counted pair to find them took
        0.9 s at 4,000 sources; after an update only the pairs whose counts or sources changed
        are looked at again."""

    def _forget(self) -> None:
        self.texts, self.own, self.users, self.shared, self.copied = {}, {}, {}, Counter(), set()

    def _one_text(self, pair: tuple[str, str], n: int) -> bool:
        """Whether two sources sharing ``n`` passages are one text (``COPY_SHARE``, ``MIN_SHARED``)."""
        return n >= MIN_SHARED and n >= COPY_SHARE * min(len(self.own[pair[0]]), len(self.own[pair[1]]))

    def update(self, texts: dict[str, tuple[str, ...]]) -> None:
        """Count again the passages of the sources added, removed or whose sentences changed.
        Interrupted, it forgets everything: the next update counts afresh."""
        try:
            self._update(texts)
        except BaseException:
            self._forget()
            raise

    def _update(self, texts: dict[str, tuple[str, ...]]) -> None:
        afresh = not self.texts
        changed = [s for s in self.texts.keys() | texts.keys() if self.texts.get(s) != texts.get(s)]
        before = {s: self.own.pop(s, frozenset()) for s in changed}
        # Sources repeat sentences word for word (a quarter of the sentences of the 10,000-source
        # benchmark are another's): each text's passages are found once.
        found: dict[str, frozenset[str]] = {}
        for s in changed:
            if s in texts:
                self.own[s] = frozenset().union(*[found[t] if t in found else found.setdefault(t, passages(t))
                                                  for t in texts[s]])
        gone: dict[str, set[str]] = {}
        added: dict[str, set[str]] = {}
        for s in changed:
            now = self.own.get(s, frozenset())
            for passage in before[s] - now:
                gone.setdefault(passage, set()).add(s)
            for passage in now - before[s]:
                added.setdefault(passage, set()).add(s)
        touched: set[tuple[str, str]] = set()
        for passage in gone.keys() | added.keys():
            old = self.users.get(passage, ())
            self._count(old, -1, touched)
            users = tuple(sorted(set(old).difference(gone.get(passage, ())).union(added.get(passage, ()))))
            if users:
                self.users[passage] = users
                self._count(users, 1, None if afresh else touched)
            else:
                self.users.pop(passage, None)
        for pair in touched:  # counts that fell to nothing
            if self.shared[pair] <= 0:
                del self.shared[pair]
        self.texts = texts
        if afresh:  # the test of ``_one_text`` written out: every counted pair is looked at
            own = self.own
            self.copied = {pair for pair, n in self.shared.items()
                           if n >= MIN_SHARED and n >= COPY_SHARE * min(len(own[pair[0]]), len(own[pair[1]]))}
            return
        # A pair is looked at again when its count changed, or a source of it changed (its number
        # of passages is the measure): its pairs now are with the users of its passages.
        for s in changed:
            partners = {other for passage in self.own.get(s, ()) for other in self.users.get(passage, ())}
            touched.update((s, other) if s < other else (other, s) for other in partners if other != s)
        changed_set = set(changed)
        touched.update(pair for pair in self.copied if pair[0] in changed_set or pair[1] in changed_set)
        for pair in touched:
            n = self.shared.get(pair, 0)
            if n and pair[0] in self.own and pair[1] in self.own and self._one_text(pair, n):
                self.copied.add(pair)
            else:
                self.copied.discard(pair)

    def _count(self, users: tuple[str, ...], sign: int, touched: set[tuple[str, str]] | None) -> None:
        """Count the pairs of ``users`` once more (or once less), and note them in ``touched``."""
        if 1 < len(users) <= MAX_SOURCES_PER_PASSAGE:
            pairs = list(combinations(users, 2))  # users are sorted
            if sign > 0:
                self.shared.update(pairs)  # counted in C
            else:
                self.shared.subtract(pairs)
            if touched is not None:
                touched.update(pairs)
