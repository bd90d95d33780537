"""Group sentences of different sources that report the same claim.

Matching is by meaning as far as words carry it: sentences are compared by
IDF-weighted cosine over word stems (``similarity``), so two translations of
one quotation, or a paraphrase, meet when they share their rarer words.
It scales by blocking: a sentence is compared only with the few sentences
that share the most of its rarer stems, never with all others (see
``neighbours``).
Groups grow by average linkage (a sentence joins a group only when it is
close to the group's members on average), which stops the chaining that
single linkage causes. Numbers are not judged here: two sentences giving
"over 160" and "165" countries are one claim, and ``disagreements`` reports
the difference.

Independence: members whose sources share a run of words outside quotations
(``copies``) count once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from build_scripts.analyse.copies import runs
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import close_pairs
from build_scripts.analyse.similarity import Weights, cosine
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import Sentence
from build_scripts.text.anchors import normalise

SAME_CLAIM = 0.30
"""Cosine at or above which two sentences can report the same claim."""
GROUP_AVERAGE = 0.27
"""Average cosine a sentence needs with a group's members to join it."""
_SAMPLE = 6


@dataclass(frozen=True, eq=False)
class Claim:
    """Sentences of one or more sources that report the same thing.

    Compared and hashed by identity: each claim is made once per analysis, and
    hashing its members on every lookup would cost more than the lookup.
    """

    id: str
    members: tuple[Sentence, ...]
    copy_groups: tuple[tuple[str, ...], ...] = ()
    """Sources that share wording on this claim (each group counts once)."""
    shared_words: tuple[str, ...] = ()
    """For each copy group, a run of words the group shares."""

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.members:
            seen.setdefault(m.source_id, None)
        return tuple(seen)

    @property
    def independent(self) -> int:
        return len(self.sources) - sum(len(g) - 1 for g in self.copy_groups)


class _Groups:
    """Union of sentence indices into groups, with the average-linkage test."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        self.vectors = vectors
        self.union: UnionFind[int] = UnionFind(range(len(vectors)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(vectors))}
        self.rejected: set[tuple[int, int]] = set()
        """Group pairs whose average was too low: many edges join the same two groups."""

    def find(self, i: int) -> int:
        return self.union.find(i)

    def try_merge(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (min(ra, rb), max(ra, rb)) in self.rejected:
            return
        left, right = self.members[ra][:_SAMPLE], self.members[rb][:_SAMPLE]
        total = sum(cosine(self.vectors[x], self.vectors[y]) for x in left for y in right)
        if total / (len(left) * len(right)) < GROUP_AVERAGE:
            self.rejected.add((min(ra, rb), max(ra, rb)))
            return
        if len(self.members[ra]) < len(self.members[rb]):  # the larger group stays root, so its
            ra, rb = rb, ra                                 # sample of members stays stable
        self.union.attach(rb, ra)
        self.members[ra].extend(self.members.pop(rb))


def _claim(members: list[Sentence], runs_of: dict[str, list[str]]) -> Claim:
    if len(members) == 1:  # most claims: no copies to look for
        only = members[0]
        return Claim(_claim_id(only.source_id, only.anchor), (only,))
    key = min((m.source_id, m.anchor) for m in members)
    return Claim(_claim_id(*key), tuple(members), *_copy_groups(members, runs_of))


def _claim_id(source_id: str, anchor: str) -> str:
    return "c-" + hashlib.sha1(f"{source_id}#{anchor}".encode()).hexdigest()[:10]


def _copy_groups(members: list[Sentence], runs_of: dict[str, list[str]]
                 ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Sources whose sentences share a run of words, joined through an index of the runs.

    ``runs_of`` remembers the runs of each text: syndicated sentences repeat word for word.
    """
    if len({m.source_id for m in members}) < 2:
        return (), ()
    union: UnionFind[str] = UnionFind()
    first_source: dict[str, str] = {}
    words: dict[str, str] = {}
    for m in members:
        union.add(m.source_id)
        if m.text not in runs_of:
            runs_of[m.text] = sorted(runs(m.text))
        for run in runs_of[m.text]:
            other = first_source.setdefault(run, m.source_id)
            a, b = union.find(other), union.find(m.source_id)
            if a != b:
                root = union.join(a, b)
                words[root] = min(words.get(a, run), words.get(b, run), run)
    groups = sorted((root, tuple(sorted(g))) for root, g in union.groups().items() if len(g) > 1)
    return tuple(g for _, g in groups), tuple(words[root] for root, _ in groups)


def group_claims(sentences: list[Sentence], features: Features | None = None) -> list[Claim]:
    """Claims over the given sentences, every sentence in exactly one claim, in input order."""
    features = features if features is not None else Features()
    # Identical sentences (syndicated copies) are one node: compare each text once.
    nodes: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        nodes.setdefault(normalise(s.text).casefold(), []).append(i)
    node_members = list(nodes.values())
    term_sets = [features.stems(sentences[m[0]].text) for m in node_members]
    weights = Weights(term_sets)
    vectors = [weights.vector(t) for t in term_sets]
    groups = _Groups(vectors)
    for _, a, b in close_pairs(term_sets, vectors, SAME_CLAIM):
        groups.try_merge(a, b)
    claims = []
    runs_of: dict[str, list[str]] = {}
    # A group's first sentence is its first node's first sentence: nodes are numbered in input order.
    for root in sorted(groups.members, key=lambda r: node_members[min(groups.members[r])][0]):
        nodes_of = groups.members[root]
        indices = node_members[nodes_of[0]] if len(nodes_of) == 1 else sorted(
            i for n in nodes_of for i in node_members[n])
        claims.append(_claim([sentences[i] for i in indices], runs_of))
    return claims
