"""Where sources differ: numbers, titles and the wording of one quotation.

- **Numbers.** Counts with the same unit ("countries") in sentences about the
  same thing (one claim, or sentences sharing rarer words) that give different
  figures. "over 160" and "165" are flagged as consistent (one number fits
  both); "160" and "165" are not.
- **Titles.** A person given different roles by different sources, where
  neither role contains the other.
- **Wording.** One speaker's quotation rendered in different words by
  different sources, usually two translations (see ``quote_wording``).

Deciding who is right is left to the reader: each side is cited.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from build_scripts.analyse.dates import find_dates
from build_scripts.analyse.features import Features
from build_scripts.analyse.neighbours import close_pairs
from build_scripts.analyse.quantities import consistent
from build_scripts.analyse.quote_groups import UNKNOWN_SPEAKER, spelling_neutral
from build_scripts.analyse.roles import differ, normalise_role, person_key
from build_scripts.analyse.similarity import STOP_WORDS, Weights
from build_scripts.analyse.union_find import UnionFind
from build_scripts.model import (
    MONTHS,
    CitedQuote,
    Claim,
    DateMention,
    Disagreement,
    PartialDate,
    PlaceMention,
    Quantity,
    QuoteGroup,
    Sentence,
    Side,
    Speaker,
)

RELATED = 0.15
"""Cosine at or above which two sentences with the same kind of count are about the same thing."""
_PER_CLAIM = 40
"""Mentions of a claim compared pairwise at most (a claim of thousands of reports stays cheap)."""

_TOKEN = re.compile(r"[€$£%]|[^\W_]+(?:['’][^\W_]+)*|[.,;:!?()–—]")
_PAUSE = frozenset(".,;:!?()–—") | {"and", "or", "but", "while", "when", "which", "who", "after", "before"}
_SKIP = STOP_WORDS | frozenset(
    "been being were was is are has have had now still also just only including among"
    " up down out off away back across around".split())
_VOTERS = frozenset("member lawmaker deputy deputie mp senator legislator parliamentarian".split())
_VOTE = frozenset("vote voting voted votes".split())
_MONEY = ("euros", "dollars", "pounds")
_CURRENCIES = frozenset(("euro", "dollar", "pound"))
_ATTRIBUTE_WORDS = 1
"""Content words taken on each side of the counted noun: the predicate or modifier that says what is counted."""
_NOT_NAMES = frozenset(m.casefold() for m in MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split())


def _singular(word: str) -> str:
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:7]


def _plural(word: str) -> bool:
    """A word that reads as a plural noun: "countries and territories" coordinates two counted
    things, "workers and injured" two clauses."""
    return word.islower() and word.endswith("s") and not word.endswith("ss")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


Attribute = tuple[str, frozenset[str]]
"""What a quantity measures: the counted noun (singular, folded) and the content words around it."""


def attribute(sentence: str, q: Quantity) -> Attribute:
    """What a quantity counts or measures: the counted noun, and the content words after it up
    (up to a pause or another number) and the one just before it ("17 people had been injured"
    -> people, injured; "ratified by over 160 countries and territories" -> countries,
    territories, ratified).

    Money counts its currency and the noun after the amount, if any ("a €2 million fund");
    an age, its person. Votes are one thing however worded: "66 members voting in favour"
    and "68 votes in favour" both count votes in favour.
    """
    unit = q.unit.casefold()
    if unit.startswith("age of "):
        return "age", frozenset({unit})
    after = _words(sentence[q.end:])
    head = _singular(_words(unit)[0]) if _words(unit) else unit
    found: list[str] = []
    for k, w in enumerate(after):
        coordinated = w.casefold() in ("and", "or") and _plural(after[k + 1] if k + 1 < len(after) else "")
        # "members voting in favour": a vote word does not count, what the vote was for comes next.
        counted = [f for f in found if f not in _VOTE]
        if (w.casefold() in _PAUSE and not coordinated) or w.isdigit() or len(counted) >= _ATTRIBUTE_WORDS:
            break
        if w[:1].isupper() or w.casefold() in _SKIP or w.casefold() in ("and", "or"):
            continue
        found.append(_singular(w))
    if unit not in _MONEY:
        before: list[str] = []
        preceding = _words(sentence[:q.start])
        for k in range(len(preceding) - 1, -1, -1):
            w = preceding[k]
            # Stop at a pause, a number, or the unit of another number ("from 2 kilometres to").
            if (w.casefold() in _PAUSE or w.isdigit() or len(before) >= _ATTRIBUTE_WORDS
                    or (k > 0 and preceding[k - 1][:1].isdigit())):
                break
            if w[:1].isupper() or w.isdigit() or w.casefold() in _SKIP:
                continue
            before.append(_singular(w))
        found += before
    rest = frozenset(found) - {head}
    if head in _VOTE or rest & (_VOTE | {"favour", "favor"}):
        return "vote", frozenset(w.replace("favor", "favour") for w in rest - _VOTERS - _VOTE)
    return head, rest


def same_attribute(a: Attribute, b: Attribute, same_claim: bool) -> bool:
    """One counted thing (either noun names the other's counted thing or its words) described
    alike (the words around share one). Across claims both must say something beyond the noun:
    a bare count ("seven abstaining", "six days") says too little of what it counts."""
    (head_a, rest_a), (head_b, rest_b) = a, b
    if head_a == "age" or head_b == "age":
        return a == b
    if head_a != head_b and head_a not in rest_b and head_b not in rest_a:
        return False
    if not rest_a or not rest_b:
        # Amounts of money are reported bare ("estimated at €60 million"): two bare amounts in
        # one currency in sentences close in their words are compared; a named sum ("a €2
        # million fund") only with the same name.
        return same_claim or (head_a in _CURRENCIES and not rest_a and not rest_b)
    return bool((rest_a | {head_a}) & rest_b or (rest_b | {head_b}) & rest_a)


def actors(sentence: str, places: list[PlaceMention]) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a sentence names, and its other capitalised names (not its first word,
    nor months and weekdays): who the sentence is about."""
    codes = frozenset(c for p in places for c in p.codes)
    tokens = _words(sentence)
    # A sentence's first word is capitalised anyway: a name only when a number follows ("Shed 14").
    names = frozenset(_singular(w) for i, w in enumerate(tokens)
                      if w[:1].isupper() and w.casefold() not in _NOT_NAMES and len(w) > 1
                      and ((i > 0 and tokens[i - 1] not in ".:!?")
                           or (i + 1 < len(tokens) and tokens[i + 1].isdigit())))
    return codes, names


def _same_actors(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """No sign that the two sentences are about different countries: where both name some,
    they share one. (Other names are no such sign: one report names the insurer, another
    the city, of the same loss.)"""
    return not a[0] or not b[0] or bool(a[0] & b[0])


_PER = re.compile(r"\s*(?:a|an|per|each)\s+(?:day|week|month|year|hour|head|person)\b", re.IGNORECASE)


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The part of a sentence between the semicolons around ``start:end``."""
    left = sentence.rfind(";", 0, start) + 1
    right = sentence.find(";", end)
    return sentence[left:right if right >= 0 else len(sentence)]


def _is_rate(sentence: str, q: Quantity) -> bool:
    """"€4 a month", "5 euros per year": a price or a rate, not an amount reported."""
    return _PER.match(sentence, q.end) is not None


def _is_old_value(sentence: str, q: Quantity, others: list[Quantity]) -> bool:
    """"raised ... to €65 million, from an early figure of about €40 million", "reduced from
    2 kilometres to 500 metres": a figure after "from" with another figure after it is the one
    the sentence says was replaced."""
    if not any(o is not q for o in others):
        return False
    for w in reversed([w.casefold() for w in _words(sentence[max(0, q.start - 50):q.start])][-6:]):
        if w in ("to", "from"):
            return w == "from"  # "to €65 million" is the new figure even after "losses from the fire"
    return False


def number_disagreements(sentences: list[Sentence], claims: list[Claim],
                         features: Features | None = None) -> list[Disagreement]:
    """Figures that sources give for the same attribute of the same thing.

    Two mentions are compared when they measure the same attribute (``attribute``, one set
    of words inside the other), their sentences are not about different countries or named
    people (``actors``), and the sentences report one claim or are close in their rarer
    words (each mention with its few nearest, through ``neighbours``: the work grows with
    the corpus, not its square). Mentions joined that way make one disagreement when their
    values differ; ``consistent`` says whether one value fits them all.
    """
    features = features if features is not None else Features()
    claim_of = {m: c.id for c in claims for m in c.members}
    mentions: list[tuple[Sentence, Quantity, Attribute]] = []
    for s in sentences:
        found = features.quantities(s.text)
        mentions += [(s, q, attribute(s.text, q)) for q in found
                     if not _is_old_value(s.text, q, found) and not _is_rate(s.text, q)]
    who = {s.text: actors(s.text, features.places(s.text)) for s, _, _ in mentions}
    union: UnionFind[int] = UnionFind(range(len(mentions)))

    def join(i: int, j: int, same_claim: bool) -> None:
        (si, _, ai), (sj, _, aj) = mentions[i], mentions[j]
        if (si.source_id != sj.source_id and same_attribute(ai, aj, same_claim)
                and _same_actors(who[si.text], who[sj.text])):
            union.join(i, j)

    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, (s, _, _) in enumerate(mentions):
        claim = claim_of.get(s)
        if claim is not None:
            by_claim[claim].append(i)
    for members in by_claim.values():
        members = members[:_PER_CLAIM]
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                join(i, j, True)
    weights = Weights(features.stems(s.text) for s in sentences)
    # Each figure's clause (between semicolons) is what is compared: "…32 states outside the
    # convention…; 164 countries are states parties" is about the parties in its second half.
    stems = [features.stems(_clause_of(s.text, q.start, q.end)) for s, q, _ in mentions]
    for _, a, b in close_pairs(stems, [weights.vector(t) for t in stems], RELATED):
        join(a, b, claim_of.get(mentions[a][0]) == claim_of.get(mentions[b][0]) is not None)
    out = []
    for members in union.groups().values():
        chosen = [mentions[i] for i in members]
        values = {q.value.casefold() for _, q, _ in chosen}
        sources = {s.source_id for s, _, _ in chosen}
        if len(values) < 2 or len(sources) < 2:
            continue
        sides = _sides_from([(s, q) for s, q, _ in chosen])
        out.append(Disagreement(make_id("number", sides), "number", _subject(chosen),
                                tuple(sides), consistent([q for _, q, _ in chosen])))
    return out + date_disagreements(sentences, claims, features)


# --- Dates of one event ---------------------------------------------------------

_JOIN_VERBS = {"ratify": "join", "ratifi": "join", "acced": "join", "acces": "join", "join": "join"}
_EVENT_WORDS = 4
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
    start = sentence.rfind(";", 0, m.start) + 1
    end = sentence.find(";", m.end)
    return start, end if end >= 0 else len(sentence)


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


def date_disagreements(sentences: list[Sentence], claims: list[Claim],
                       features: Features | None = None) -> list[Disagreement]:
    """Two dates given for one event: the same event words (``event_key``), in sentences of one
    claim, or close in their rarer words and naming the same country or name; values that
    cannot be the same day. A date "since", "until", "by" or "from" another is not the date of
    the event itself, and is left out."""
    features = features if features is not None else Features()
    claim_of = {m: c.id for c in claims for m in c.members}
    mentions: list[tuple[Sentence, DateMention, frozenset[str]]] = []
    for s in sentences:
        for m in dated_events(features, s):
            mentions.append((s, m, event_key(s.text, m)))
    who = [_clause_actors(s.text, m, features.places(s.text)) for s, m, _ in mentions]
    pairs: set[tuple[int, int]] = set()
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, (s, _, _) in enumerate(mentions):
        if s in claim_of:
            by_claim[claim_of[s]].append(i)
    for members in by_claim.values():
        members = members[:_PER_CLAIM]
        pairs.update((i, j) for x, i in enumerate(members) for j in members[x + 1:])
    # Reports naming the same country or name and an event word: few per bucket, so all pairs.
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, _, key) in enumerate(mentions):
        codes, names = who[i]
        for actor in codes | names:
            for word in key:
                buckets[actor, word].append(i)
    for members in buckets.values():
        if len(members) <= _PER_CLAIM:
            pairs.update((i, j) for x, i in enumerate(members) for j in members[x + 1:] if i != j)
    if mentions:
        weights = Weights(features.stems(s.text) for s in sentences)
        stems = [features.stems(s.text) for s, _, _ in mentions]
        pairs.update((a, b) for _, a, b in close_pairs(stems, [weights.vector(t) for t in stems], RELATED))
    union: UnionFind[int] = UnionFind()
    for i, j in sorted((min(p), max(p)) for p in pairs):
        (si, di, ki), (sj, dj, kj) = mentions[i], mentions[j]
        (ci, ni), (cj, nj) = who[i], who[j]
        # Positive sign that both are about the same actor: a country or a name in common, or
        # one claim whose sentences name none (two dates are a conflict only for one event).
        same = bool(ci & cj or ni & nj) or (claim_of.get(si) == claim_of.get(sj) is not None
                                             and not (ci | cj | ni | nj))
        if (si.source_id != sj.source_id and same and same_event(ki, kj) and dates_differ(di.date, dj.date)
                and _same_actors(who[i], who[j])):
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


def _subject(chosen: list[tuple[Sentence, Quantity, Attribute]]) -> str:
    """"the age of Adrian Kess", "the number of people injured", "the amount in euros"."""
    s, q, (head, _) = min(chosen, key=lambda m: (len(_phrase_after(m[0].text, m[1])), m[0].source_id, m[1].start))
    unit = q.unit
    if unit.startswith("age of "):
        return "the a" + unit[1:]
    if unit in _MONEY:
        return f"the amount in {unit}"
    if unit == "percent":
        rest = _phrase_after(s.text, q)
        return f"the share {rest}".strip() if rest.startswith("of ") else "the percentage"
    if head == "vote":
        return "the number of votes in favour"
    rest = _phrase_after(s.text, q)
    return f"the number of {unit} {rest}".strip()


def _phrase_after(text: str, q: Quantity) -> str:
    """The few words after a quantity, up to a pause: "injured", "of the port's covered storage"."""
    words: list[str] = []
    for w in _words(text[q.end:]):
        if w.casefold() in _PAUSE or len(words) >= 5 or w.isdigit():
            break
        if words or w.casefold() not in _SKIP or w.casefold() == "of":
            words.append(w)
    while words and words[-1].casefold() in STOP_WORDS:
        words.pop()
    return " ".join(words)


def make_id(kind: str, sides: list[Side]) -> str:
    key = kind + "|" + "|".join(sorted(f"{s.sentence.source_id}#{s.sentence.anchor}#{s.value}" for s in sides))
    return "d-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _sides_from(mentions: list[tuple[Sentence, Quantity]]) -> list[Side]:
    seen: dict[tuple[str, str], Side] = {}
    for sentence, q in mentions:
        seen.setdefault((sentence.source_id, q.value.casefold()), Side(sentence, q.value))
    return list(seen.values())


_RANKS = ("deputy", "vice", "acting", "assistant", "associate", "interim", "former", "junior", "senior")
_OFFICE = (r"(?:Officer|Minister|President|Director|Secretary|Chief|Mayor|Commissioner|Inspector|Governor|"
           r"Ambassador|General|Spokesperson|Spokesman|Spokeswoman|Chair|Chairman|Chairwoman|Head|Editor|"
           r"Adviser|Advisor|Prosecutor|Commander|Speaker|Leader)")
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+"
_TITLE_BEFORE = re.compile(
    r"(?<![\w’'])((?:(?:Deputy|Vice|Acting|Assistant|Associate|Interim|Former|Senior)\s+)?"
    r"(?:[A-Z][a-z]+\s+){0,3}" + _OFFICE + r")\s+(" + _NAME + r")")
_TITLE_AFTER = re.compile(r"(" + _NAME + r"),\s+((?:a|an|the)\s+[a-z][^,;.“”\"]{3,80}?"
                          r"(?:\s(?:of|to|at|for)\s[^,;.“”\"]+))[,;.]")
_PERSON_ROLE = re.compile(r"\b(?:" + _OFFICE[3:-1] + r"|member|official|analyst|researcher|professor|lawyer"
                          r"|campaigner|founder|executive|manager)s?\b", re.IGNORECASE)
"""An apposition that names a person's post ("a senior adviser to …"), not a thing ("a global treaty")."""
_ORG = re.compile(r"[A-Z][a-z]+(?:\s+(?:of\s+|and\s+)?[A-Z][a-z]+)+")


def _roles(features: Features, text: str) -> list[tuple[str, str]]:
    """(name, role) pairs: the roles ``roles.find_roles`` reads, and two common forms it leaves:
    a title before the name ("Deputy Chief Fire Officer Maren Holt") and an apposition with an
    article ("Mary Wareham, a senior adviser to Human Rights Watch's arms division,")."""
    found = [(r.name, r.role) for r in features.roles(text)]
    known = {person_key(n) for n, _ in found}
    for m in _TITLE_BEFORE.finditer(text):
        name = m.group(2)
        if person_key(name) not in known and len(name.split()) <= 3:
            found.append((name, m.group(1)))
            known.add(person_key(name))
    for m in _TITLE_AFTER.finditer(text):
        name = m.group(1)
        if (person_key(name) not in known and len(name.split()) <= 3
                and _PERSON_ROLE.search(m.group(2)) is not None):
            found.append((name, m.group(2)))
            known.add(person_key(name))
    return found


def _rank_of(a: str, b: str) -> bool:
    """One title is the other with a rank before it: "deputy chief fire officer" and "chief fire
    officer" are two posts, and one person holds one of them."""
    for x, y in ((a, b), (b, a)):
        for rank in _RANKS:
            if x.startswith(rank + " ") and x[len(rank) + 1:] == y:
                return True
    return False


def _organisations(role: str) -> set[str]:
    return {m.group(0).casefold() for m in _ORG.finditer(role.replace("’s", "").replace("'s", ""))}


def _cannot_both_hold(a: str, b: str) -> bool:
    """Titles one person cannot hold at once: a post and its deputy, or two different posts at
    one organisation that both name ("senior adviser to Human Rights Watch's arms division",
    "deputy … director at Human Rights Watch": one of them is out of date)."""
    na, nb = normalise_role(a), normalise_role(b)
    if _rank_of(na, nb):
        return True
    return na not in nb and nb not in na and bool(_organisations(a) & _organisations(b))


def title_disagreements(sentences: list[Sentence], features: Features | None = None) -> list[Disagreement]:
    """A person given different titles or roles by different sources: a conflict when one
    person cannot hold them all (``_cannot_both_hold``), else compatible (a person holds
    several posts, and sources describe one post in different words)."""
    features = features if features is not None else Features()
    by_person: dict[str, list[tuple[Sentence, str, str]]] = defaultdict(list)
    for s in sentences:
        for name, role in _roles(features, s.text):
            by_person[person_key(name)].append((s, name, role))
    out = []
    for mentions in by_person.values():
        roles = [r for _, _, r in mentions]
        if len({s.source_id for s, _, _ in mentions}) < 2:
            continue
        conflict = any(_cannot_both_hold(roles[i], roles[j]) for i in range(len(roles)) for j in range(i)
                       if mentions[i][0].source_id != mentions[j][0].source_id)
        if not conflict and not differ(roles):
            continue
        seen: dict[tuple[str, str], Side] = {}
        for s, _, role in mentions:
            seen.setdefault((s.source_id, normalise_role(role)), Side(s, role))
        sides = list(seen.values())
        if len({normalise_role(side.value) for side in sides}) < 2:
            continue
        name = max((n for _, n, _ in mentions), key=len)
        out.append(Disagreement(make_id("title", sides), "title", f"{name}’s title or role", tuple(sides),
                                not conflict))
    return out


def _versions(group: QuoteGroup) -> list[CitedQuote]:
    """Renderings that are not a mere excerpt of another source's rendering."""
    norm = [spelling_neutral(q.quote.text) for q in group.quotes]
    kept: dict[str, CitedQuote] = {}
    for i, q in enumerate(group.quotes):
        inside_other = any(norm[i] in norm[j] and (norm[i] != norm[j] or j < i)
                           for j, other in enumerate(group.quotes)
                           if j != i and other.quote.source_id != q.quote.source_id)
        if not inside_other:
            kept.setdefault(norm[i], q)
    return list(kept.values())


def quote_wording(speakers: list[Speaker]) -> list[Disagreement]:
    """One quotation rendered in different words by different sources."""
    out = []
    for speaker in speakers:
        if speaker.name == UNKNOWN_SPEAKER:
            continue
        for group in speaker.groups:
            versions = _versions(group)
            if len({v.quote.source_id for v in versions}) < 2:
                continue
            sides = [Side(v.sentence, " ¶ ".join(p.text for p in v.quote.parts)) for v in versions]
            out.append(Disagreement(make_id("wording", sides), "wording", f"{speaker.name}’s words", tuple(sides)))
    return out
