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
the difference. Nor are two groups merged whose members cannot report one
fact, whatever words they share (different countries, one event dated
differently, conflicting figures, a shared aside: see ``same_fact``); two
sentences that give one specific figure ("413 votes to 15") are closer than
their words alone make them (``FIGURE_BONUS``). Opinion sentences are grouped
too: they corroborate a report, and ``topics`` never shows one as a statement.

Independence: members whose sources are one text (a wire story and its light
edits, found over the whole sources by ``copies.copied_sources``) count once;
sources that merely share a phrase are independent.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping

from build_scripts.analyse.claim_graph import ClaimGraph, Remember
from build_scripts.analyse.copies import CopyIndex, copied_sources, runs
from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.fact_patterns import WORDS
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import candidate_cosines, closest_first
from build_scripts.analyse.same_fact import _Facts
from build_scripts.analyse.similarity import Weights, cosine
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import Claim, Sentence
from build_scripts.text.anchors import normalise

SAME_CLAIM = 0.30
"""Cosine at or above which two sentences can report the same claim."""
GROUP_AVERAGE = 0.27
"""Average cosine a sentence needs with a group's members to join it."""
FIGURE_BONUS = 0.18
"""Added to the cosine of two sentences that give one specific figure (``_Facts.share_figure``):
"Its lower house voted 413 to 15" and "Poland's Sejm approves withdrawal by 413 votes to 15"
share few words but report one vote."""
_SAMPLE = 6


class _Vectors(dict[int, dict[int, float]]):
    """The vector of each node, computed on first use: a node that shares no rare stem
    with another is never compared."""

    def __init__(self, term_sets: list[tuple[int, ...]], weights: Weights[int]) -> None:
        super().__init__()
        self.term_sets = term_sets
        self.weights = weights

    def __missing__(self, node: int) -> dict[int, float]:
        vector = self[node] = self.weights.vector(self.term_sets[node])
        return vector


class _Groups:
    """Union of node indices into groups, with the average-linkage test.

    Each node knows its group's root directly (``root``); a merge relabels the
    smaller group's members, so finding a root is a list lookup. Only groups of
    more than one node keep a list of members: most nodes stay alone.
    """

    def __init__(self, vectors: Mapping[int, dict[int, float]], size: int, known: dict[tuple[int, int], float],
                 compatible: Callable[[int, int], bool] = lambda x, y: True,
                 bonus: Callable[[int, int], float] = lambda x, y: 0.0, remember: Remember | None = None) -> None:
        self.vectors = vectors
        self.known = known
        self.compatible = compatible
        self.bonus = bonus
        self.remember = remember
        """Where a cosine that is not a candidate's may be found from an earlier build (``Remember``)."""
        """What a pair's evidence beyond shared words adds to its cosine (see ``FIGURE_BONUS``);
        ``known`` holds it already."""
        """Whether two nodes can report one fact at all (see ``_Facts``): checked between the
        sampled members of two groups before they merge."""
        """Cosines already computed (``i < j``): most pairs a merge compares were candidates."""
        self.root = list(range(size))
        self.members: dict[int, list[int]] = {}
        """Members of each group of two nodes or more, by root, the root first."""
        self.rejected: set[tuple[int, int]] = set()
        """Group pairs whose average was too low: many edges join the same two groups."""

    def group(self, root: int) -> list[int]:
        """The members of a group, the root first."""
        return self.members.get(root) or [root]

    def cosine(self, x: int, y: int) -> float:
        known = self.known.get((x, y) if x < y else (y, x))
        if known is not None:
            return known
        if self.remember is None:
            return cosine(self.vectors[x], self.vectors[y]) + self.bonus(x, y)
        return self.remember(x, y, lambda: cosine(self.vectors[x], self.vectors[y]) + self.bonus(x, y))

    def try_merge(self, a: int, b: int) -> None:
        ra, rb = self.root[a], self.root[b]
        if ra == rb:
            return
        pair = (ra, rb) if ra < rb else (rb, ra)
        if pair in self.rejected:
            return
        group_a, group_b = self.group(ra), self.group(rb)
        left, right = group_a[:_SAMPLE], group_b[:_SAMPLE]
        total = sum(self.cosine(x, y) for x in left for y in right)
        if total / (len(left) * len(right)) < GROUP_AVERAGE:
            self.rejected.add(pair)
            return
        if not all(self.compatible(x, y) for x in left for y in right):
            self.rejected.add(pair)
            return
        # The larger group stays root, so its sample of members stays stable.
        if len(group_a) < len(group_b):
            ra, rb, group_a, group_b = rb, ra, group_b, group_a
        for x in group_b:
            self.root[x] = ra
        group_a.extend(group_b)
        self.members[ra] = group_a
        self.members.pop(rb, None)


class _Copies:
    """Which sources are one text: each copied source's group root, and a passage each group shares."""

    def __init__(self, sentences: list[Sentence], index: CopyIndex | None = None) -> None:
        self.root_of, self.passage_of = copied_sources([(s.source_id, s.text) for s in sentences], index)


def _claim(members: list[Sentence], runs_of: dict[str, tuple[str, ...]], copies: _Copies) -> Claim:
    if len(members) == 1:  # most claims: no copies to look for
        only = members[0]
        return Claim(_claim_id(only.source_id, only.anchor), (only,))
    key = min((m.source_id, m.anchor) for m in members)
    return Claim(_claim_id(*key), tuple(members), *_voices(members, runs_of, copies))


def _voices(members: list[Sentence], runs_of: dict[str, tuple[str, ...]], copies: _Copies
            ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The members' sources that are one text (each group counts once), and for each group the
    words it shares: a run its sentences here share, or else a passage of the two texts."""
    by_root: dict[str, list[Sentence]] = {}
    for m in members:
        root = copies.root_of.get(m.source_id)
        if root is not None:
            by_root.setdefault(root, []).append(m)
    found = []
    for root, copied in by_root.items():
        sources = tuple(sorted({m.source_id for m in copied}))
        if len(sources) < 2:
            continue
        _, words = _copy_groups(copied, runs_of)
        found.append((sources, words[0] if len(words) == 1 else _common_words(copied) or copies.passage_of[root]))
    found.sort()
    return tuple(g for g, _ in found), tuple(w for _, w in found)


def _common_words(members: list[Sentence]) -> str:
    """The words the members' texts begin with alike (at most eight), when they are three or
    more: a quotation copied with the rest of the text shares no run outside quotation marks."""
    lists = [WORDS.findall(m.text.casefold()) for m in members]
    common: list[str] = []
    for column in zip(*lists, strict=False):
        if len(set(column)) > 1 or len(common) == 8:
            break
        common.append(column[0])
    return " ".join(common) if len(common) >= 3 else ""


def _claim_id(source_id: str, anchor: str) -> str:
    return "c-" + hashlib.sha1(f"{source_id}#{anchor}".encode()).hexdigest()[:10]


def _copy_groups(members: list[Sentence], runs_of: dict[str, tuple[str, ...]]
                 ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Sources whose sentences share a run of words, joined through an index of the runs.

    ``runs_of`` remembers the runs of each text: syndicated sentences repeat word for word.
    """
    if len({m.source_id for m in members}) < 2:
        return (), ()
    union: UnionFind[str] = UnionFind()
    first_source: dict[str, str] = {}
    words: dict[str, str] = {}
    links_of: dict[str, list[tuple[str, str]]] = {}
    together: set[tuple[str, str]] = set()  # sources found in one group: groups only grow
    for m in members:
        source = m.source_id
        union.add(source)
        if m.text not in links_of:
            if m.text not in runs_of:
                runs_of[m.text] = tuple(sorted(runs(m.text)))
            links_of[m.text] = _links(runs_of[m.text], source, first_source)
        for run, other in links_of[m.text]:
            if other == source or (other, source) in together:  # nothing to join
                continue
            a, b = union.find(other), union.find(source)
            if a != b:
                root = union.join(a, b)
                words[root] = min(words.get(a, run), words.get(b, run), run)
            together.add((other, source))
    groups = sorted((root, tuple(sorted(g))) for root, g in union.groups().items() if len(g) > 1)
    return tuple(g for _, g in groups), tuple(words[root] for root, _ in groups)


def _links(text_runs: tuple[str, ...], source: str, first_source: dict[str, str]) -> list[tuple[str, str]]:
    """``(run, other)``: each source that used one of ``text_runs`` first, with the first such run.

    The runs new to ``first_source`` are recorded as ``source``'s. Joining ``source`` to
    another through a later run would change nothing, as the two are joined by then; and
    a text seen again has the same links, since a run's first source never changes.
    """
    first_run: dict[str, str] = {}
    for run in text_runs:
        first_run.setdefault(first_source.setdefault(run, source), run)
    return [(run, other) for other, run in first_run.items()]


def group_claims(sentences: list[Sentence], features: Features | None = None,
                 memo: dict[tuple[int, ...], Claim] | None = None, known: FactMemo | None = None,
                 copy_index: CopyIndex | None = None, graph: ClaimGraph | None = None) -> list[Claim]:
    """Claims over the given sentences, every sentence in exactly one claim, in input order.

    ``memo`` keeps the claims from one call to the next (under ``mkdocs serve``, where an
    unchanged source hands back the very same sentence objects): see ``_reused``; ``known``, what
    ``same_fact`` found of each sentence and pair without word weights (see ``fact_memo``);
    ``copy_index``, the passages each two sources share (see ``copies.CopyIndex``); ``graph``, each
    sentence's candidate pairs, with the word weights of its first call, found again only where
    an edit reaches (see ``claim_graph``).
    """
    features = features if features is not None else Features()
    # Identical sentences (syndicated copies) are one node: compare each text once.
    nodes: dict[str, int] = {}
    keys = [normalise(s.text).casefold() for s in sentences] if graph is None else graph.node_keys(sentences)
    node_of = [nodes.setdefault(key, len(nodes)) for key in keys]
    firsts = [sentences[i] for i in _first_sentences(node_of)]
    if graph is None:
        root = _group_nodes(firsts, features, known)
    else:
        root = graph.roots(list(nodes), firsts, features, known, SAME_CLAIM, FIGURE_BONUS, _group_part)
        if known is not None:
            known.finish()
    members: dict[int, list[Sentence]] = {}  # by group, groups in the order of their first sentence
    for s, node in zip(sentences, node_of, strict=True):
        members.setdefault(root[node], []).append(s)
    runs_of: dict[str, tuple[str, ...]] = {}
    copies = _Copies(sentences, copy_index)
    if memo is None:
        return [_claim(m, runs_of, copies) for m in members.values()]
    return _reused(list(members.values()), runs_of, memo, copies)


def _group_nodes(firsts: list[Sentence], features: Features, known: FactMemo | None) -> list[int]:
    """The root of each node's group; ``firsts``, the sentence standing for each node."""
    stem_sets = [features.stems(s.text) for s in firsts]
    names = sorted(set().union(*stem_sets))
    term_sets = _term_ids(stem_sets, names)
    weights = Weights(term_sets)
    vectors = _Vectors(term_sets, weights)
    cosines = candidate_cosines(term_sets, vectors)
    # The same weights by stem, for the checks that weigh words (counted once, not again by stem).
    by_stem = Weights.of_counts(Counter({names[term]: count for term, count in weights.df.items()}), weights.n)
    facts = _Facts(firsts, features, by_stem, known)
    cosines = {pair: c + bonus(facts, *pair) if c >= SAME_CLAIM - FIGURE_BONUS else c for pair, c in cosines.items()}
    root = _group_part(vectors, cosines, facts, len(firsts))
    facts.memo.finish()
    return root


def _group_part(vectors: Mapping[int, dict[int, float]], cosines: dict[tuple[int, int], float], facts: _Facts,
                size: int, remember: Remember | None = None) -> list[int]:
    """The greedy pass: merge groups along the close pairs of ``cosines``, closest first."""
    groups = _Groups(vectors, size, cosines, facts.compatible, lambda x, y: bonus(facts, x, y), remember)
    for a, b in closest_first(cosines, SAME_CLAIM):
        groups.try_merge(a, b)
    return groups.root


def bonus(facts: _Facts, x: int, y: int) -> float:
    """``FIGURE_BONUS`` when the two sentences give one specific figure."""
    return FIGURE_BONUS if facts.share_figure(x, y) else 0.0


def _reused(groups: list[list[Sentence]], runs_of: dict[str, tuple[str, ...]],
            memo: dict[tuple[int, ...], Claim], copies: _Copies) -> list[Claim]:
    """The claim of each group of members, the last call's when its members are the same objects.

    A claim depends on nothing but its members, and finding copies among them is most of the
    work of making it. Keys are the members' ``id``s: the claims kept in ``memo`` hold their
    members, so no other object can have those ids while the key is in ``memo``. ``memo`` is
    left holding this call's claims only.
    """
    claims, kept = [], {}
    for members in groups:
        key = tuple(map(id, members))
        claim = memo.get(key)
        if claim is None or (len(members) > 1 and not _same_voices(claim, copies)):  # one sentence: one source
            claim = _claim(members, runs_of, copies)
        kept[key] = claim
        claims.append(claim)
    memo.clear()
    memo.update(kept)
    return claims


def _same_voices(claim: Claim, copies: _Copies) -> bool:
    """Whether a remembered claim's copy groups still hold: adding a source can make two
    others one text (or, removed, no longer)."""
    roots = [copies.root_of.get(s) for s in claim.sources]
    wanted = sorted(tuple(sorted(s for s, r in zip(claim.sources, roots, strict=True) if r == root))
                    for root in {r for r in roots if r is not None})
    return [g for g in wanted if len(g) > 1] == sorted(claim.copy_groups)


def _first_sentences(node_of: list[int]) -> list[int]:
    """The first sentence of each node: nodes are numbered in the order they first appear."""
    first: list[int] = []
    for i, node in enumerate(node_of):
        if node == len(first):
            first.append(i)
    return first


def _term_ids(stem_sets: list[frozenset[str]], names: list[str] | None = None) -> list[tuple[int, ...]]:
    """Each set of stems as the integers standing for them: a stem's index in ``names``, the stems
    of every set in sorted order (worked out here when not given).

    Integers hash and compare faster than stems (equal stems are different string objects),
    and numbering in sorted order keeps every float sum in the order the stems would give.
    """
    if names is None:
        names = sorted(set().union(*stem_sets))
    number = {stem: i for i, stem in enumerate(names)}
    return [tuple(map(number.__getitem__, stems)) for stems in stem_sets]
