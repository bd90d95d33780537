"""Quotations grouped by speaker, and within a speaker by what was said.

The same person is recognised across spellings (Zelensky, Zelenskyy) and a
body across wordings ("the Ukrainian foreign ministry", "Ukraine’s foreign
ministry") by its content words. A bare description ("the foreign ministry",
"the company", "officials") stands for whom its own article means: the same
description in two sources is one speaker only when they print the same
statement (a wire story and its copy); otherwise each is its own speaker,
named with its source's publisher when another source uses the description. Within a speaker, two quotations of
different sources are one when they share at least half of the content words
of the shorter one, so a translation, a paraphrase or a short excerpt joins
the fuller quotation. Quotations of one source are never grouped together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from build_scripts.analyse.features import Features
from build_scripts.analyse.quotes import without_repeats
from build_scripts.analyse.roles import person_key
from build_scripts.analyse.similarity import terms
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import (
    CitedQuote,
    Document,
    Quote,
    QuoteGroup,
    Sentence,
    Speaker,
)

SAME_QUOTATION = 0.5
UNKNOWN_SPEAKER = "Speaker not identified"
_SPELLING = [(re.compile(r"\b(defen|offen|licen|preten)ce\b"), r"\1se"),
             (re.compile(r"(?<=\w{3})our\b"), "or"), (re.compile(r"isation\b"), "ization")]


def spelling_neutral(text: str) -> str:
    """Lower case, words only, British spellings folded, for comparing renderings."""
    text = " ".join(re.findall(r"[^\W_]+", text.casefold().replace("’", "'")))
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return text


def _description(name: str) -> bool:
    """"the foreign ministry", "The company", "officials": a description, not a name."""
    words = name.split()
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and all(not w[:1].isupper() for w in words)


def _speaker_key(q: Quote) -> str:
    if q.speaker is None:
        return "?"
    if q.kind == "person" and len(q.speaker.split()) >= 2:
        return "p:" + person_key(q.speaker)
    if _description(q.speaker):
        # "the ministry" of one article need not be that of another: apart, unless they quote alike.
        return "d:" + " ".join(sorted(terms(q.speaker))) + "@" + q.source_id
    return "b:" + " ".join(sorted(terms(q.speaker)))


def _join_descriptions(by_key: dict[str, list[CitedQuote]]) -> dict[str, bool]:
    """Join the same description in several sources when they print the same statement.

    "the ministers" of a wire story and of its copy say the same words: one speaker. The
    same words grouped by ``_groups`` are the evidence; a description is never joined
    on its wording alone. Returns, for each description key left, whether it still
    stands for one source while another source uses the same description.
    """
    by_terms: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if key.startswith("d:"):
            by_terms[key.rsplit("@", 1)[0]].append(key)
    single: dict[str, bool] = {}
    for keys in by_terms.values():
        if len(keys) < 2:
            continue
        joined = UnionFind(keys)
        key_of = {k.rsplit("@", 1)[1]: k for k in keys}
        for group in _groups([q for k in keys for q in by_key[k]]):
            owners = sorted({key_of[q.quote.source_id] for q in group.quotes})
            for other in owners[1:]:
                joined.join(owners[0], other)
        roots: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            roots[joined.find(k)].append(k)
        for root, members in roots.items():
            for k in members:
                if k != root:
                    by_key[root].extend(by_key.pop(k))
            single[root] = len(members) == 1
    return single



def _units(quotes: list[CitedQuote], bags: list[frozenset[str]]) -> list[list[int]]:
    """Quotations with the same words, of different sources, as one unit.

    A much-quoted speaker has thousands of quotations but few distinct ones:
    comparing units instead of quotations keeps the grouping in step with the
    corpus. A source that repeats a quotation starts a second unit.
    """
    units: list[list[int]] = []
    sources: list[set[str]] = []
    by_bag: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        source = q.quote.source_id
        unit = next((u for u in by_bag[bags[i]] if source not in sources[u]), None)
        if unit is None:
            unit = len(units)
            units.append([])
            sources.append(set())
            by_bag[bags[i]].append(unit)
        units[unit].append(i)
        sources[unit].add(source)
    return units


def _groups(quotes: list[CitedQuote]) -> list[QuoteGroup]:
    """Join the closest pairs first; a group never holds two quotations of one source,
    which stops a long quotation from chaining several short ones together."""
    all_bags = [terms(q.quote.text) for q in quotes]
    units = _units(quotes, all_bags)
    bags = [all_bags[u[0]] for u in units]
    unit_sources = [frozenset(quotes[k].quote.source_id for k in u) for u in units]
    postings: dict[str, list[int]] = defaultdict(list)
    for u, bag in enumerate(bags):
        for term in bag:
            postings[term].append(u)
    pairs = []
    for u, bag in enumerate(bags):
        shared: Counter[int] = Counter()
        for term in bag:
            shared.update(v for v in postings[term] if v > u)
        for v, count in shared.items():
            value = count / max(1, min(len(bag), len(bags[v])))
            if value >= SAME_QUOTATION:
                pairs.append((value, u, v))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    # Groups are of quotations. Two groups that share a source do not merge, except that the
    # quotations of a group of one wording join one by one, as single quotations would.
    group_of = [0] * len(quotes)
    members: dict[int, list[int]] = {}
    sources: dict[int, set[str]] = {}
    pure: dict[int, bool] = {}
    for u, unit in enumerate(units):
        for k in unit:
            group_of[k] = u
        members[u], sources[u], pure[u] = list(unit), set(unit_sources[u]), True

    def move(into: int, out_of: int) -> None:
        moving = [k for k in members[out_of] if quotes[k].quote.source_id not in sources[into]]
        if moving and not (pure[out_of] and all_bags[moving[0]] == all_bags[members[into][0]]):
            pure[into] = False
        for k in moving:
            group_of[k] = into
        members[into] += moving
        sources[into].update(quotes[k].quote.source_id for k in moving)
        members[out_of] = [k for k in members[out_of] if group_of[k] == out_of]
        if members[out_of]:
            sources[out_of] = {quotes[k].quote.source_id for k in members[out_of]}
        else:
            del members[out_of], sources[out_of], pure[out_of]

    for _, u, v in pairs:
        for a in sorted({group_of[k] for k in units[u]}):
            for b in sorted({group_of[k] for k in units[v]}):
                if a == b or a not in members or b not in members:
                    continue
                if not sources[a] & sources[b] or pure[b]:
                    move(a, b)
                elif pure[a]:
                    move(b, a)
    return [QuoteGroup([quotes[k] for k in g]) for g in sorted(sorted(m) for m in members.values())]


def _display_name(quotes: list[CitedQuote]) -> str:
    names = Counter(q.quote.speaker for q in quotes if q.quote.speaker)
    if not names:
        return UNKNOWN_SPEAKER
    return max(names, key=lambda n: (names[n], len(n), n))


def _roles(quotes: list[CitedQuote], sentences: dict[tuple[str, str], Sentence]) -> list[CitedQuote]:
    """One quotation per distinct role, cited to the sentence that states the role."""
    seen: dict[str, CitedQuote] = {}
    for q in quotes:
        if q.quote.role:
            stated = sentences.get((q.quote.source_id, q.quote.role_anchor or ""), q.sentence)
            seen.setdefault(spelling_neutral(q.quote.role), CitedQuote(q.quote, stated))
    return list(seen.values())


def _surnames_to_full_names(by_key: dict[str, list[CitedQuote]]) -> None:
    """A person named by surname only joins the one person of that surname named in full.

    "Kosiniak-Kamysz said" in one source and "Władysław Kosiniak-Kamysz" in another are one
    speaker; with two full names of that surname (two Smiths) the surname stays apart.
    """
    full: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if key.startswith("p:"):
            full[key.split("-", 1)[1]].append(key)
    for key in list(by_key):
        quotes = by_key[key]
        names = {q.quote.speaker for q in quotes}
        if not key.startswith("b:") or len(names) != 1 or any(q.quote.kind != "person" for q in quotes):
            continue
        (name,) = names
        if name is None or " " in name:
            continue
        targets = full.get(name.replace("’", "'").casefold()[:6], [])
        if len(targets) == 1:
            by_key[targets[0]].extend(by_key.pop(key))


def group_quotes(documents: list[Document], features: Features | None = None) -> list[Speaker]:
    """Speakers with their quotations, the most quoted first; the unidentified last."""
    features = features if features is not None else Features()
    by_key: dict[str, list[CitedQuote]] = defaultdict(list)
    role_sentences: dict[tuple[str, str], Sentence] = {}
    for d in documents:
        sentences = {s.anchor: s for s in d.sentences}
        for q in without_repeats(features.quotes(d)):
            if q.anchors and q.anchors[0] in sentences:
                by_key[_speaker_key(q)].append(CitedQuote(q, sentences[q.anchors[0]]))
                if q.role_anchor in sentences:
                    role_sentences[(d.source.id, q.role_anchor)] = sentences[q.role_anchor]
    _surnames_to_full_names(by_key)
    alone = _join_descriptions(by_key)
    publishers = {d.source.id: d.source.meta.publisher for d in documents}
    speakers = []
    for key, quotes in by_key.items():
        kinds = Counter(q.quote.kind for q in quotes if q.quote.kind)
        kind = kinds.most_common(1)[0][0] if kinds else None
        name = _display_name(quotes) if key != "?" else UNKNOWN_SPEAKER
        if alone.get(key) and publishers.get(quotes[0].quote.source_id):
            name = f"{name} (in {publishers[quotes[0].quote.source_id]})"
        speakers.append(Speaker(name, kind, _roles(quotes, role_sentences), _groups(quotes)))
    speakers.sort(key=lambda s: (s.name == UNKNOWN_SPEAKER, -sum(len(g.quotes) for g in s.groups), s.name))
    return speakers
