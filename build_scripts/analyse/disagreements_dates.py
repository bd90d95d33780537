"""Dates where sources differ: two dates given for one event.

What a date is the date of (``event_key``), which dates date an event
(``dated_events``), and the disagreements between sources on them
(``date_disagreements``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from itertools import combinations

from build_scripts.analyse.dates import find_dates
from build_scripts.analyse.disagreements_shared import (
    _PER_CLAIM,
    RELATED,
    _clause_bounds,
    _same_actors,
    actors,
    make_id,
    vectors,
)
from build_scripts.analyse.disagreements_words import _PAUSE, _SKIP, _words
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import close_pairs
from build_scripts.analyse.sentence_memo import SameInput, SentenceMemo
from build_scripts.analyse.similarity import Weights
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import Claim, DateMention, Disagreement, PartialDate, PlaceMention, Sentence, Side, claim_index

_JOIN_VERBS = {"ratify": "join", "ratifi": "join", "acced": "join", "acces": "join", "join": "join"}
_EVENT_WORDS = 4
UNNAMED_CLOSE = 0.30
"""Cosine two sentences need for a date in one that names no one to be compared with a date in
the other (as ``claims.SAME_CLAIM``: close enough to report one claim)."""
"""Content words before a date (back to a pause) that say what happened on it."""


def _verb_stem(word: str) -> str:
    w = word.casefold()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    w = w[:6]
    return _JOIN_VERBS.get(w, _JOIN_VERBS.get(w[:5], w))


def event_key(sentence: str, m: DateMention) -> frozenset[str]:
    """What a date is the date of: the lowercase content words of its clause just before it
    ("Lithuania ratified the treaty in 2003" -> ratify (as join), treaty), or after it when the
    date opens the sentence or precedes the verb ("29 June: Zelensky signs a decree",
    "Zelensky on 30 June signed a decree" -> sign, decree). Joining, ratifying and acceding
    to a treaty are one event."""
    after = _words(sentence[m.end:])
    before = _words(sentence[:m.start])
    opens = not [w for w in before if w not in "•-–*"]
    words: list[str] = []
    if (opens and after[:1] == [":"]) or (after and after[0].islower() and after[0].casefold() not in _SKIP):
        for w in after:
            if len(words) >= 2 or (w in _PAUSE and w != ":"):
                break
            if w.islower() and w.casefold() not in _SKIP:
                words.append(_verb_stem(w))
        return frozenset(words)
    for w in reversed(before):
        if w.casefold() in _PAUSE or len(words) >= _EVENT_WORDS:
            break
        if w.islower() and w.casefold() not in _SKIP and not w.isdigit():
            words.append(_verb_stem(w))
    return frozenset(words)


def _clause(sentence: str, m: DateMention) -> tuple[int, int]:
    """The clause around a date: from the ``;`` before it to the ``;`` after it."""
    return _clause_bounds(sentence, m.start, m.end)


_PRONOUNS = frozenset("its their his her it they he she this that these".split())


def _clause_actors(sentence: str, m: DateMention, places: list[PlaceMention]
                   ) -> tuple[frozenset[str], frozenset[str]]:
    """``actors`` of the date's clause: "Poland ratified the treaty in 2012; the three Baltic
    states joined between 2003 and 2005" dates Poland's ratification only."""
    start, end = _clause(sentence, m)
    if _words(sentence[start:end])[:1] and _words(sentence[start:end])[0].casefold() in _PRONOUNS:
        return actors(sentence, places)  # "…Poland notifies the UN; its withdrawal takes effect…"
    inside = [p for p in places if start <= p.start and p.end <= end]
    return actors(sentence[start:end], inside)


def _event_words(sentence: str, m: DateMention) -> str:
    """The words of the clause that say what happened on the date, as written (at most eight)."""
    start, end = _clause(sentence, m)
    before = sentence[start:m.start].rsplit(",", 1)[-1].strip(" :–-•")
    after = sentence[m.end:end].split(",")[0].strip(" :–-•.")
    has_event = any(w.islower() and w.casefold() not in _SKIP for w in _words(before))
    words = (before if has_event else f"{before} {after}".strip()).split()
    return " ".join(words[:8])


_NEGATION = frozenset("not no never n't".split())


def _dates_the_event(sentence: str, m: DateMention) -> bool:
    """A date "since", "until", "by" or "from" is the start or end of a span, not the date of
    the event, except "not … since March 2023", which dates the last time it happened."""
    lead = m.text.casefold().split()[0] if m.text.strip() else ""
    if lead not in ("since", "until", "by", "from"):
        return True
    start, _ = _clause(sentence, m)
    return lead == "since" and bool(_NEGATION & {w.casefold() for w in _words(sentence[start:m.start])})


def same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= 2 or (len(a) == 1 and a == b)


def dates_differ(a: PartialDate, b: PartialDate) -> bool:
    """Two dates that cannot be the same day, compared as far as both are known."""
    if a.year != b.year:
        return True
    if a.month is None or b.month is None:
        return False
    if a.month != b.month:
        return True
    return a.day is not None and b.day is not None and a.day != b.day


def _mentions_of(features: Features, s: Sentence) -> list[DateMention]:
    """The dates a sentence gives, as extracted with its source (resolved against its date)."""
    extracted: dict[tuple[str, str], list[DateMention]] = getattr(features, "_dates", {})
    found = extracted.get((s.source_id, s.text))
    return found if found is not None else find_dates(s.text, None)


def dated_events(features: Features, s: Sentence) -> list[DateMention]:
    """The dates of a sentence that date an event it names (``_dates_the_event``, ``event_key``)."""
    return [m for m in _mentions_of(features, s) if _dates_the_event(s.text, m) and event_key(s.text, m)]


Actors = tuple[frozenset[str], frozenset[str]]
_EVENTS: SentenceMemo[tuple[str, str], tuple[tuple[DateMention, frozenset[str], Actors], ...]] = SentenceMemo()
"""Each sentence's dated events with their event words and the actors of their clauses, by its
source and text (its dates are resolved against its source's date)."""


def _events_of(features: Features, s: Sentence, found: list[DateMention]
               ) -> tuple[tuple[DateMention, frozenset[str], Actors], ...]:
    """``dated_events`` of the sentence (``found``: its dates), each with its ``event_key`` and
    ``_clause_actors``."""
    text = s.text
    places = features.places(text)

    def work() -> tuple[tuple[DateMention, frozenset[str], Actors], ...]:
        keyed = [(m, event_key(text, m)) for m in found if _dates_the_event(text, m)]
        return tuple((m, key, _clause_actors(text, m, places)) for m, key in keyed if key)
    return _EVENTS.get((s.source_id, text), (found, places), work)


def _of_sources_apart(pairs: set[tuple[int, int]], mentions: list[tuple[Sentence, DateMention, frozenset[str]]]
                      ) -> list[tuple[int, int]]:
    """The pairs of mentions in two sources, with the same event words (``same_event``) and
    dates that differ (``dates_differ``): most pairs fail one of these, so they are checked
    first, written out (a few hundred thousand pairs at 4,000 sources), and only the rest are
    sorted and weighed."""
    sources = [s.source_id for s, _, _ in mentions]
    keys = [key for _, _, key in mentions]
    dates = [(m.date.year, m.date.month, m.date.day) for _, m, _ in mentions]
    out = []
    for i, j in pairs:
        if sources[i] == sources[j]:
            continue
        ki, kj = keys[i], keys[j]
        if len(ki & kj) < 2 and not (len(ki) == 1 and ki == kj):
            continue
        (yi, mi, di), (yj, mj, dj) = dates[i], dates[j]
        if yi == yj and (mi is None or mj is None or (mi == mj and (di is None or dj is None or di == dj))):
            continue
        out.append((i, j))
    return out


def date_disagreements(sentences: list[Sentence], claims: list[Claim], features: Features | None = None,
                       weights: Weights[str] | None = None, claim_of: Mapping[Sentence, Claim] | None = None,
                       ) -> list[Disagreement]:
    """Two dates given for one event: the same event words (``event_key``), in sentences of one
    claim, or close in their rarer words and naming the same country or name; values that
    cannot be the same day. A date "since", "until", "by" or "from" another is not the date of
    the event itself, and is left out. ``weights``: those of ``sentences``' stems, and
    ``claim_of``: the claim of each member of ``claims`` (``claim_index``), when the caller has them."""
    features = features if features is not None else Features()
    claim_of = claim_of if claim_of is not None else claim_index(claims)
    mentions: list[tuple[Sentence, DateMention, frozenset[str]]] = []
    who: list[Actors] = []
    extracted: dict[tuple[str, str], list[DateMention]] = getattr(features, "_dates", {})
    _EVENTS.start()
    for s in sentences:  # ``_mentions_of`` written out: most sentences give no date
        found = extracted.get((s.source_id, s.text))
        if found is None:
            found = find_dates(s.text, None)
        if found:
            for m, key, actors_of in _events_of(features, s, found):
                mentions.append((s, m, key))
                who.append(actors_of)
    _EVENTS.finish()
    claim_ids = [c.id if (c := claim_of.get(s)) is not None else None for s, _, _ in mentions]
    related: list[tuple[float, int, int]] = []
    if mentions:
        weights = weights if weights is not None else Weights(features.stems(s.text) for s in sentences)
        stems = [features.stems(s.text) for s, _, _ in mentions]
        related = close_pairs(stems, vectors(weights, stems), RELATED)
    first: dict[str, int] = {}
    given = (mentions, who, [None if c is None else first.setdefault(c, i) for i, c in enumerate(claim_ids)],
             {(a, b, c >= UNNAMED_CLOSE) for c, a, b in related})

    def renew(last: _Given, found: list[Disagreement]) -> list[Disagreement]:
        """The last build's disagreements, of this build's sentence objects (equal to the last's)."""
        now = {id(old[0]): new[0] for old, new in zip(last[0], mentions, strict=True)}
        return [replace(d, sides=tuple(Side(now[id(side.sentence)], side.value) for side in d.sides)) for d in found]
    return list(_FOUND.get(given, partial(_joined, mentions, who, claim_ids, related), renew))


_Given = tuple[list[tuple[Sentence, DateMention, frozenset[str]]], list[Actors], list[int | None],
               set[tuple[int, int, bool]]]
"""What the disagreements are worked out from: the dated mentions, the actors of each, which
mentions are of one claim (by the first mention of each claim: an edit that adds a sentence to
a claim may change its id), and the pairs close in their rarer words (and whether as close as
``UNNAMED_CLOSE``; in any order: they are only looked up)."""
_FOUND: SameInput[_Given, list[Disagreement]] = SameInput()
"""The last build's date disagreements, while what they are worked out from is the same."""


def _joined(mentions: list[tuple[Sentence, DateMention, frozenset[str]]], who: list[Actors],
            claim_ids: list[str | None], related: list[tuple[float, int, int]]) -> list[Disagreement]:
    """The disagreements: the candidate pairs (of one claim, of one actor and event word, or
    ``related``) that pass ``_of_sources_apart`` and name the same actor, joined."""
    pairs: set[tuple[int, int]] = set()
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claim_ids):
        if claim is not None:
            by_claim[claim].append(i)
    for members in by_claim.values():
        members = members[:_PER_CLAIM]
        pairs.update(combinations(members, 2))
    # Reports naming the same country or name and an event word: few per bucket, so all pairs.
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, _, key) in enumerate(mentions):
        codes, names = who[i]
        for actor in codes | names:
            for word in key:
                buckets[actor, word].append(i)
    for members in buckets.values():
        if len(members) <= _PER_CLAIM:
            pairs.update(combinations(members, 2))  # i < j: each bucket's come in order
    pairs.update((a, b) for _, a, b in related)
    close = {(a, b) for c, a, b in related if c >= UNNAMED_CLOSE}
    dated_in: dict[Sentence, set[tuple[frozenset[str], PartialDate]]] = defaultdict(set)
    for s, m, key in mentions:
        dated_in[s].add((key, m.date))

    def _unnamed_alike(i: int, j: int) -> bool:
        """One clause names no country and no one ("The treaty, adopted on 3 December 1997, …"),
        the sentences are as close in their rarer words as one claim's (``UNNAMED_CLOSE``), the
        event words are the same and both dates give the month: the same thing, for all either
        says, dated two ways. Unless one sentence also gives the other's date to the event:
        then its other dates are of other events ("The withdrawals take effect on 27 December
        2025, Finland's in January 2026")."""
        (si, mi, ki), (sj, mj, kj) = mentions[i], mentions[j]
        return ((min(i, j), max(i, j)) in close and ki == kj and (not any(who[i]) or not any(who[j]))
                and mi.date.month is not None and mj.date.month is not None
                and (kj, mi.date) not in dated_in[sj] and (ki, mj.date) not in dated_in[si])

    union: UnionFind[int] = UnionFind()
    for i, j in sorted(_of_sources_apart(pairs, mentions)):  # every pair has i < j
        (ci, ni), (cj, nj) = who[i], who[j]
        # Positive sign that both are about the same actor: a country or a name in common, or
        # one claim whose sentences name none (two dates are a conflict only for one event).
        same = bool(ci & cj or ni & nj) or (claim_ids[i] == claim_ids[j] is not None
                                             and not (ci | cj | ni | nj)) or _unnamed_alike(i, j)
        if same and _same_actors(who[i], who[j]):
            union.add(i)
            union.add(j)
            union.join(i, j)
    out = []
    for members in union.groups().values():
        chosen = [mentions[i] for i in members]
        seen: dict[tuple[str, str], Side] = {}
        for s, d, _ in chosen:
            seen.setdefault((s.source_id, d.date.iso()), Side(s, d.text))
        sides = list(seen.values())
        what = min((_event_words(s.text, d) for s, d, _ in chosen),
                   key=lambda w: (w.casefold().startswith(("which", "who", "that")), len(w), w))
        out.append(Disagreement(make_id("date", sides), "date", f"the date: {what}" if what
                                else "the date of one event", tuple(sides), False))
    return out
