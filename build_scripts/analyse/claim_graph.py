"""Claim grouping under ``mkdocs serve``: after an edit, the cosines of candidate pairs are
worked out again only for the sentences the edit can reach.

Finding each sentence's candidate pairs and their cosines is most of ``claims.group_claims``,
and it depends on the word weights, which depend on every sentence. For the life of a ``serve``
session they are frozen at the first build's (issue 20 allows it; ``mkdocs build`` works them
out afresh, and the first build of a session is exactly what ``mkdocs build`` makes). With
frozen weights a sentence's vector is fixed, and its candidate pairs (``neighbours``) change
only when the sentences using one of its rare stems change; the figure bonus and whether two
sentences can report one fact (``same_fact``) change only when the first sentence standing for
one of them does. Such nodes are *dirty*: their candidate pairs are found again, the others'
are kept. The greedy pass then runs over all pairs, as afresh: the close pairs of the benchmark
corpus form one connected part of nearly every sentence, so no part could be left out; but the
pass is the cheaper step, and what ``same_fact`` weighs of a pair is kept with the weights.

A stem new to the session weighs as a stem no sentence had (``Weights.idf``). Frozen weights
can group a few sentences otherwise than fresh ones: they stay frozen only while the sentences
added and removed since are at most ``FROZEN_WHILE`` of the sentences they were worked out over
(a few sources' worth at a thousand sources, none in a corpus of five); past that, the next
build works everything out afresh, as ``mkdocs build`` does.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import MAX_POSTING, _neighbours, _rare_postings
from build_scripts.analyse.same_fact import _Facts
from build_scripts.analyse.similarity import Weights, cosine
from build_scripts.model import Sentence
from build_scripts.text.anchors import normalise

Remember = Callable[[int, int, Callable[[], float]], float]
"""Given two nodes and what works out their cosine with its figure bonus, that cosine: from an
earlier build of a ``serve`` session, when known (``ClaimGraph.group_cosines``)."""
Grouper = Callable[[Mapping[int, dict[int, float]], dict[tuple[int, int], float], _Facts, int, Remember], list[int]]
"""``claims``' greedy pass: the root of each node's group, from the vectors and candidate cosines of
the nodes, what ``same_fact`` finds of them, their number, and where the cosines of other pairs
may be found from the last build (``ClaimGraph.group_cosines``)."""
FROZEN_WHILE = 0.01
"""The weights stay frozen while the nodes added and removed since they were worked out are at most
this share of the nodes they were worked out over; past it, the next call starts afresh."""
Node = str
"""A node's key: the sentence's text, normalised and case-folded (identical sentences are one node)."""


class _Postings(dict[int, list[int]]):
    """The nodes using each stem, as indices in ascending order, found on first use."""

    def __init__(self, users: dict[int, set[Node]], index: dict[Node, int]) -> None:
        super().__init__()
        self.users, self.index = users, index

    def __missing__(self, term: int) -> list[int]:
        found = self[term] = sorted(map(self.index.__getitem__, self.users[term]))
        return found


class _Vectors(dict[int, dict[int, float]]):
    """Each node's vector by its index this build, looked up in the graph on first use."""

    def __init__(self, graph: ClaimGraph, keys: list[Node]) -> None:
        super().__init__()
        self.graph, self.nodes = graph, keys

    def __missing__(self, node: int) -> dict[int, float]:
        found = self[node] = self.graph.vector(self.nodes[node])
        return found


class ClaimGraph:
    """What one ``serve`` session knows of the candidate pairs of sentences, by node key."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        """Each stem's number: the first build's stems in sorted order (as ``claims._term_ids``
        numbers them), then new stems as they come."""
        self.weights: Weights[int] | None = None
        self.fact_weights: Weights[str] | None = None
        self.terms: dict[Node, tuple[int, ...]] = {}
        self.users: defaultdict[int, set[Node]] = defaultdict(set)
        self.vectors: dict[Node, dict[int, float]] = {}
        self.first: dict[Node, Sentence] = {}
        """The sentence standing for each node (``same_fact`` reads it), as last seen."""
        self.pairs: dict[Node, dict[Node, float]] = {}
        """Each node's candidate pairs and their cosines, the figure bonus added as ``claims`` adds it."""
        self.pointed: defaultdict[Node, set[Node]] = defaultdict(set)
        """The nodes that have a node among their candidate pairs."""
        self.verdicts: dict[tuple[int, int], bool] = {}
        """Whether two sentences can report one fact (``same_fact``), by the serials of their
        ``fact_memo.Known``: with the weights frozen, it holds while the two sentences live."""
        self._verdicts_by: FactMemo | None = None
        """The memo whose serials ``verdicts`` are by."""
        self.frozen_over = 0
        """The number of nodes the weights were worked out over."""
        self.drift = 0
        """The nodes added or removed since."""
        self._keys: dict[int, tuple[Sentence, Node]] = {}
        self._memo = FactMemo()
        """What ``same_fact`` finds, when the caller keeps none: ``verdicts`` are by its serials."""
        self.refound = 0
        """Nodes whose candidate pairs the last call found again (every node the first time)."""
        self.group_cosines: dict[tuple[str, str], float] = {}
        """The cosines (with the figure bonus) of the pairs of sentences that are not candidates
        which the last greedy pass compared, by the two texts: with the weights frozen, a node's
        vector is its text's and the bonus reads the texts (about 0.3 s an edit at 4,000 sources)."""

    def node_keys(self, sentences: list[Sentence]) -> list[Node]:
        """Each sentence's node key, worked out once per sentence object."""
        kept, now, out = self._keys, {}, []
        for s in sentences:
            found = kept.get(id(s))
            if found is None or found[0] is not s:  # the object is held, so its id is not another's
                found = (s, normalise(s.text).casefold())
            now[id(s)] = found
            out.append(found[1])
        self._keys = now
        return out

    def roots(self, keys: list[Node], firsts: list[Sentence], features: Features, known: FactMemo | None,
              same_claim: float, figure_bonus: float, grouper: Grouper) -> list[int]:
        """The root of each node's group (an index into ``keys``); ``firsts`` are the sentences
        standing for the nodes, ``grouper`` runs ``claims``' greedy pass. Should anything fail,
        the session starts afresh next time."""
        try:
            return self._roots(keys, firsts, features, known, same_claim, figure_bonus, grouper)
        except BaseException:
            self.__init__()  # type: ignore[misc]
            raise

    def _roots(self, keys: list[Node], firsts: list[Sentence], features: Features, known: FactMemo | None,
               same_claim: float, figure_bonus: float, grouper: Grouper) -> list[int]:
        index = {k: i for i, k in enumerate(keys)}
        if self.weights is not None:
            self.drift += sum(k not in self.terms for k in keys) + sum(k not in index for k in self.terms)
            if self.drift > FROZEN_WHILE * self.frozen_over:
                self.__init__()  # type: ignore[misc]
        first_build = self.weights is None
        stems = {k: features.stems(firsts[index[k]].text) for k in keys if k not in self.terms}
        if first_build:
            self.vocabulary = {s: i for i, s in enumerate(sorted(set().union(*stems.values())))}
        removed = [k for k in self.terms if k not in index]
        dirty = self._update_terms(stems, removed, first_build)
        if first_build:
            self.weights = Weights(list(self.terms.values()))
            self.fact_weights = Weights(stems.values())
            self.frozen_over = len(keys)
        for k in removed:
            self._forget(k)
        memo = known if known is not None else self._memo
        if memo is not self._verdicts_by:  # serials are another memo's
            self.verdicts, self._verdicts_by = {}, memo
        facts = _Facts(firsts, features, self.fact_weights, memo, self.verdicts)
        for k, i in index.items():
            if self.first.get(k) is not firsts[i]:  # what ``same_fact`` reads may differ
                dirty.add(k)
                dirty.update(self.pointed.get(k, ()))
                self.first[k] = firsts[i]
        self._find_pairs(sorted(dirty, key=index.__getitem__), index, facts, same_claim, figure_bonus, first_build)
        self.refound = len(dirty)
        cosines: dict[tuple[int, int], float] = {}
        for k, pairs in self.pairs.items():
            i = index[k]
            for other, c in pairs.items():
                j = index[other]
                cosines[(i, j) if i < j else (j, i)] = c
        root = grouper(_Vectors(self, keys), cosines, facts, len(keys), self._remembering(firsts))
        if known is None:
            self._memo.finish()
        alive = {facts.serial(i) for i in range(len(keys))}
        for pair in [p for p in self.verdicts if p[0] not in alive or p[1] not in alive]:
            del self.verdicts[pair]
        return root

    def _remembering(self, firsts: list[Sentence]) -> Remember:
        """The greedy pass's cosines of pairs that are not candidates, from the last pass when it
        compared the same two texts; ``group_cosines`` is left holding this pass's."""
        texts = [s.text for s in firsts]
        last: dict[tuple[str, str], float] = self.group_cosines
        now: dict[tuple[str, str], float] = {}
        self.group_cosines = now

        def remember(x: int, y: int, work: Callable[[], float]) -> float:
            tx, ty = texts[x], texts[y]
            key = (tx, ty) if tx <= ty else (ty, tx)
            value = now.get(key)
            if value is None:
                value = last.get(key)
                now[key] = value = work() if value is None else value
            return value

        return remember

    def _update_terms(self, stems: dict[Node, frozenset[str]], removed: list[Node], first_build: bool) -> set[Node]:
        """Record the new nodes' terms and forget the removed ones'; the nodes whose candidate
        pairs may change: the new ones, and the users of a stem whose users changed, when it is
        rare before or after (``neighbours.MAX_POSTING``)."""
        vocabulary = self.vocabulary
        changed: Counter[int] = Counter()
        for k in removed:
            for term in self.terms.pop(k):
                self.users[term].discard(k)
                changed[term] -= 1
        for k, found in stems.items():
            ids = []
            for stem in found:
                number = vocabulary.get(stem)
                if number is None:
                    number = vocabulary[stem] = len(vocabulary)
                ids.append(number)
            self.terms[k] = tuple(ids)
            for term in ids:
                self.users[term].add(k)
                changed[term] += 1
        dirty = set(stems)
        if first_build:
            return dirty
        for term, change in changed.items():
            users = self.users[term]
            if len(users) <= MAX_POSTING or len(users) - change <= MAX_POSTING:
                dirty.update(users)
            if not users:
                del self.users[term]
        return dirty

    def vector(self, k: Node) -> dict[int, float]:
        found = self.vectors.get(k)
        if found is None:
            assert self.weights is not None
            found = self.vectors[k] = self.weights.vector(self.terms[k])
        return found

    def _unpoint(self, k: Node) -> None:
        for other in self.pairs.pop(k, {}):
            found = self.pointed.get(other)
            if found is not None:
                found.discard(k)

    def _forget(self, k: Node) -> None:
        self._unpoint(k)
        self.pointed.pop(k, None)
        self.first.pop(k, None)
        self.vectors.pop(k, None)

    def _find_pairs(self, dirty: list[Node], index: dict[Node, int], facts: _Facts, same_claim: float,
                    figure_bonus: float, first_build: bool) -> None:
        """Find the dirty nodes' candidate pairs again, as ``neighbours.candidate_cosines`` finds them."""
        postings = _Postings(self.users, index)
        if first_build:  # every posting at once
            postings.update(_rare_postings([self.terms[k] for k in index]))
        keys = list(index)
        for k in dirty:
            i = index[k]
            self._unpoint(k)
            rare = sorted(t for t in self.terms[k] if len(self.users[t]) <= MAX_POSTING)
            if not rare:
                continue
            vector = self.vector(k)
            pairs = self.pairs[k] = {}
            for j in _neighbours(i, vector, rare, postings):
                other = keys[j]
                c = cosine(vector, self.vector(other))
                if c >= same_claim - figure_bonus and facts.share_figure(min(i, j), max(i, j)):
                    c += figure_bonus
                pairs[other] = c
                self.pointed[other].add(k)
