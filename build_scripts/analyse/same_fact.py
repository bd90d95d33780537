"""Whether two sentences can report one fact, whatever words they share.

``claims`` groups sentences by their words; before two groups merge, their sampled members
must pass the checks here (``_Facts.compatible``). Two sentences report different facts when
they name different countries, date one event differently, give an intention and a deed, a plan
and a sentence that names none, a change of a figure and its value, two events in opposite
orders, quotations of two different people, or figures that conflict (unless they agree on
another specific figure: one fact in dispute), when one denies what the other's main clause
affirms ("is not a signatory", "160 countries are signatories"), or when their main clauses share
too few words that are not names (words shared only in an aside are background; two sentences of
one article need more). One event dated alike in both outweighs a difference in tense. A
specific figure both give (``share_figure``) is evidence of one fact beyond shared words:
``claims`` adds to their similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from build_scripts.analyse.case_fold import folded
from build_scripts.analyse.disagreements import (
    Attribute,
    attribute,
    dated_events,
    dates_differ,
    event_key,
    same_attribute,
    same_event,
)
from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.fact_patterns import (
    WORDED_CHANGE,
    WORDED_FOLLOWS,
    WORDED_INTENT,
    WORDED_PROMPTS,
    WORDED_SHOWS,
    WORDS,
)
from build_scripts.analyse.features import Features
from build_scripts.analyse.quantities import consistent
from build_scripts.analyse.roles import person_key
from build_scripts.analyse.similarity import STOP_WORDS, Weights, cosine, terms
from build_scripts.model import MONTHS, PartialDate, Quantity, Sentence

SAME_PREDICATE = 0.15
"""Cosine two sentences need over their words that are not names: sharing a person, a company
or a place ("Maren Holt", "Meridian Mutual") is not reporting the same thing about them."""

SAME_MAIN = 0.20
"""Cosine the two sentences' main clauses (without their asides: ``_ASIDE``) need: words shared
only in an aside ("…, including Ukraine in 2005") are background to another fact."""

_NAMES = re.compile(r"\b[A-Z][\w’'-]*")

SPECIFIC_FIGURE = 10
"""Smallest figure that tells one fact from another: "two men", "three abstentions" and "nine
people" are said of many things; "413 votes", "a 12,000-tonne cargo" of few."""
_FIGURE = re.compile(r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?![\w,])|\d*(?:\.\d+)?(?![\w]|[.,]\d))")
"""A number with or without grouping commas, not part of a word or of another number: its first
digit, not after a letter, digit, point or comma, then the rest. Written to start with the digit,
which ``re`` scans for quickly (starting with the look-behind, it was tried at every character:
four times slower)."""
_MONTH_WORDS = "|".join(m.casefold() for m in MONTHS)
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH_WORDS})\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTH_WORDS})\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_ASIDE = re.compile(r",\s+(?:which|who|whose|whom|where|(?P<apposition>a|an))\s[^,;()]*"
                    r"|,\s+(?:covering|including|according|saying|though|although|whereas)\s[^;()]*|\([^)]*\)|\s+amid\s[^,;()]*")
"""An aside: a clause between commas ("The convention, which 160 countries have ratified,
bans…"), an apposition to a name ("Shed 14, a warehouse on the 400-metre quay, …"), a participle
phrase to the end ("…, covering the building and the 12,000-tonne cargo"), a parenthesis, the circumstance "amid
…". What it
says is background to the sentence's fact. ", a" after a common noun opens the main clause
("Under the treaty's rules, a state that withdraws…"), not an apposition."""
_NAMED = re.compile(r"(?:\b[A-Z][\w’'-]*|\d)\s*$")
_NEGATION = re.compile(r"\b(?:not(?!\s+only\b)|never|no|neither|nor|cannot)\b|n[’']t\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"(?:\W+[\w’'-]+){1,5}")
"""The few words after a denial, where the first that is not a stop word or a name is what it
denies ("is not a signatory", "have never joined", "Nor is the United States a party")."""
SAME_SOURCE_MAIN = 0.5
"""Cosine the main clauses of two sentences of one article need to be one fact: an article's
sentences share words because they tell one story, and it rarely says one thing twice."""


ROUNDING = 0.1
"""How far apart two figures that one number fits may be, as a share of the larger, to be one
figure rounded two ways ("More than 40 fire crews", "Forty-three"): "at least 11 people injured"
and "Fourteen people were injured" are two counts, taken at different times."""


def _close(a: Quantity, b: Quantity) -> bool:
    """The values the two figures stand for (a bound's own number, a range's middle) differ by at
    most ``ROUNDING`` of the larger."""
    va, vb = (q.low if q.high == float("inf") else (q.low + q.high) / 2 for q in (a, b))
    return abs(va - vb) <= ROUNDING * max(va, vb)


_folded = lru_cache(maxsize=1 << 16)(folded)
"""A text as ``fact_patterns.Worded`` looks for its words: a sentence's, asked for by two checks."""
_FIVE = itemgetter(slice(5))
"""A word's first five letters, the stem the checks of mood compare."""


@lru_cache(maxsize=1 << 16)
def _outside_asides(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` that are not asides (``_ASIDE``). Remembered: the checks of a
    sentence ask for them up to seven times (its figures, its main clause for each check)."""
    spans, start = [], 0
    for m in _ASIDE.finditer(text):
        if m.group("apposition") and not _NAMED.search(text, max(0, m.start() - 30), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


@lru_cache(maxsize=1 << 17)
def specific_figures(text: str) -> frozenset[str]:
    """The figures of a sentence that can tell its fact from others, as digits without grouping
    commas: at least ``SPECIFIC_FIGURE``, and not a year ("in 2005"), a day of a month ("20
    November", "June 29"), the number in a name ("Shed 14", "Article 20") or a figure of an aside
    (``_ASIDE``): sharing background is not reporting one fact. Remembered: claim grouping and the
    figures a statement's sentences add ask for the same sentences' figures."""
    found = set()
    main = _outside_asides(text)
    for m in _FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in main):
            continue
        digits = m.group().replace(",", "")
        year = len(digits) == 4 and digits.isdigit() and "," not in m.group() and 1800 <= int(digits) < 2100
        if float(digits) < SPECIFIC_FIGURE or year:
            continue
        before = text[max(0, m.start() - 12):m.start()]
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, m.end()) or _NAME_BEFORE.search(before):
            continue
        found.add(digits)
    return frozenset(found)


class _Facts:
    """What keeps two sentences from reporting one fact, whatever their words share: they name
    different countries (each names some, none in common: "Lithuania ratified the treaty in
    2003", "Poland ratified the treaty in 2012"), or they date the same event differently
    ("the withdrawals take effect on 27 December 2025", "its withdrawal takes effect on 20
    February 2026"): two events, or a conflict that ``disagreements`` shows, not one statement.
    Nor is an intention the deed ("said it would investigate the fire", "opened a formal
    investigation"), nor a change of a figure its value ("reduced from 2 kilometres to 500
    metres", "set up a 2-kilometre exclusion zone").

    What needs no word weight is found once per sentence object and pair, in ``memo`` (kept from
    one grouping to the next by ``claims``); what weighs words, on each grouping."""

    def __init__(self, sentences: list[Sentence], features: Features, weights: Weights[str] | None = None,
                 memo: FactMemo | None = None, verdicts: dict[tuple[int, int], bool] | None = None) -> None:
        self.sentences = sentences
        self.features = features
        self.weights = weights
        self.memo = memo if memo is not None else FactMemo()
        self.memo.start()
        self._known = [self.memo.of(s) for s in sentences]
        self._predicates: dict[int, dict[str, float]] = {}
        self._compatible: dict[tuple[int, int], bool] = {}
        self._verdicts = verdicts
        """``compatible`` by the pair's serials, kept by the caller while ``weights`` stay the same."""
        self._main: dict[int, dict[str, float]] = {}
        self._speakers: dict[tuple[str, str], str] | None = None
        self._shown: dict[int, dict[str, float] | None] = {}

    def countries(self, node: int) -> frozenset[str]:
        k = self._known[node]
        if k.countries is None:
            k.countries = frozenset(c for p in self.features.places(k.sentence.text) for c in p.codes)
        return k.countries

    def dates(self, node: int) -> list[tuple[frozenset[str], PartialDate]]:
        k = self._known[node]
        if k.dates is None:
            s = k.sentence
            k.dates = [(event_key(s.text, m), m.date) for m in dated_events(self.features, s)]
        return k.dates

    def mood(self, node: int) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
        """Stems of the verbs it says someone will or would do, of the verbs after "to", of
        all its words; and whether it reports a figure changing."""
        k = self._known[node]
        if k.mood is None:
            text = k.sentence.text
            words = list(map(str.casefold, WORDS.findall(text)))
            lower = _folded(text)
            intended = frozenset(m.group(1).casefold()[:5] for m in WORDED_INTENT.finditer(text, lower))
            infinitive = frozenset(b[:5] for a, b in zip(words, words[1:], strict=False) if a == "to")
            changes = WORDED_CHANGE.search(text, lower) is not None
            k.mood = (intended, infinitive, frozenset(map(_FIVE, words)), changes)
        return k.mood

    def _order(self, node: int) -> tuple[bool, bool]:
        """Whether the sentence puts its event after another, and whether it says its event
        caused another (``FOLLOWS``, ``PROMPTS``)."""
        k = self._known[node]
        if k.order is None:
            text = k.sentence.text
            lower = _folded(text)
            k.order = (WORDED_FOLLOWS.search(text, lower) is not None, WORDED_PROMPTS.search(text, lower) is not None)
        return k.order

    def _opposite_order(self, x: int, y: int) -> bool:
        (follows_x, prompts_x), (follows_y, prompts_y) = self._order(x), self._order(y)
        return (follows_x and not prompts_x and prompts_y and not follows_y) or (
            prompts_x and not follows_x and follows_y and not prompts_y)

    def _main_text(self, node: int) -> str:
        """The sentence without its asides (``_ASIDE``): the sentence itself when it has none."""
        text = self.sentences[node].text
        spans = _outside_asides(text)
        return text if len(spans) == 1 else " ".join(text[a:b] for a, b in spans)

    def _first_clause(self, node: int) -> tuple[frozenset[str], frozenset[str]]:
        """Of the main clause (without asides: ``_ASIDE``) up to its first semicolon: the stems
        of its words, and the stems it denies (the first content word after each ``_NEGATION``)."""
        k = self._known[node]
        if k.first_clause is None:
            main = self._main_text(node).split(";")[0]
            denied = set()
            for m in _NEGATION.finditer(main):
                after = _NEXT_WORDS.match(main, m.end())
                following = [t for w in (after.group().split() if after else []) if not w[:1].isupper()
                             for t in terms(w)]
                denied.update(following[:1])
            k.first_clause = (terms(main), frozenset(denied))
        return k.first_clause

    def _denies_what_other_affirms(self, x: int, y: int) -> bool:
        """``x`` denies a word ("Russia, notably, is not a signatory") that ``y``'s first main
        clause affirms ("More than 160 countries are signatories to the convention, though …"):
        the opposite, not one fact."""
        _, denied = self._first_clause(x)
        words, other_denied = self._first_clause(y)
        return bool(denied & words - other_denied) and not other_denied

    def _shows(self, node: int) -> dict[str, float] | None:
        """The weighted stems of what the sentence's main clause says something shows
        (``SHOWS``), or None when it says no such thing."""
        if node not in self._shown:
            k = self._known[node]
            if k.shown is None:
                main = self._main_text(node)
                m = WORDED_SHOWS.search(main, _folded(main))
                k.shown = (terms(main[m.end():]) if m else None,)
            shown = k.shown[0]
            self._shown[node] = self.weights.vector(shown) if shown is not None and self.weights else None
        return self._shown[node]

    def _show_different_things(self, x: int, y: int) -> bool:
        """Both say what something shows, and what they say it shows shares too little."""
        sx, sy = self._shows(x), self._shows(y)
        return sx is not None and sy is not None and cosine(sx, sy) < SAME_PREDICATE

    def _same_dated_event(self, x: int, y: int) -> bool:
        """Both date one event to the same day or month ("will take effect on 27 December
        2025", "take effect on 27 December 2025"): one fact, whatever else differs in tense."""
        return any(same_event(kx, ky) and dx.month is not None and dx == dy
                   for kx, dx in self.dates(x) for ky, dy in self.dates(y))

    def speaker(self, node: int) -> str | None:
        """Who is quoted in the sentence, when a named person is: first initial and surname."""
        k = self._known[node]
        if k.speaker is None:
            if self._speakers is None:
                self._speakers = {(q.source_id, a): person_key(q.speaker) for q in self.features.known_quotes()
                                  if q.kind == "person" and q.speaker and len(q.speaker.split()) >= 2
                                  for a in q.anchors}
            k.speaker = (self._speakers.get((k.sentence.source_id, k.sentence.anchor)),)
        return k.speaker[0]

    def _different_speakers(self, x: int, y: int) -> bool:
        """Both quote a named person, and not the same one ("Russia is not a party…," said the MP;
        "Russia has never been a party…," the president said): two statements, not one fact."""
        sx, sy = self.speaker(x), self.speaker(y)
        return sx is not None and sy is not None and sx.split("-")[1] != sy.split("-")[1]

    def _plan_and_other(self, x: int, y: int) -> bool:
        """``x``'s main clause says what someone will or would do, and ``y``'s says nothing of
        what anyone will do, means or promises to do ("will", "would", "to" and a verb), nor
        names that deed ("Ukraine will likely notify the United Nations after parliament
        approves", "Withdrawal is subject to parliament's approval"): a plan the other does not
        report."""
        planned, _ = self._main_mood(x)
        other_planned, other_infinitive = self._main_mood(y)
        return bool(planned) and not other_planned and not other_infinitive and not planned & self.mood(y)[2]

    def _main_mood(self, node: int) -> tuple[frozenset[str], frozenset[str]]:
        """Stems of the verbs the main clause (``_ASIDE``) says someone will or would do, and of
        the lower-case words after its "to"."""
        k = self._known[node]
        if k.main_mood is None:
            main = self._main_text(node)
            words = WORDS.findall(main)
            infinitive = frozenset(b[:5] for a, b in zip(words, words[1:], strict=False)
                                   if a.casefold() == "to" and b.islower() and b not in STOP_WORDS)
            intended = (self.mood(node)[0] if main is k.sentence.text  # no aside: the sentence's own
                        else frozenset(m.group(1).casefold()[:5] for m in WORDED_INTENT.finditer(main, _folded(main))))
            k.main_mood = (intended, infinitive)
        return k.main_mood

    def _intention_and_deed(self, x: int, y: int) -> bool:
        """``x`` says something will be done that ``y`` reports as done ("said it would
        investigate the fire", "opened a formal investigation")."""
        intended, _, _, _ = self.mood(x)
        other_intended, infinitive, words, _ = self.mood(y)
        return bool((intended & words) - other_intended - infinitive)

    def predicate(self, node: int) -> dict[str, float]:
        """The weighted stems of the main clause's words that are not names: what the sentence
        says happened (an aside's words are background: ``_ASIDE``)."""
        found = self._predicates.get(node)
        if found is None:
            k = self._known[node]
            if k.predicate is None:
                k.predicate = terms(_NAMES.sub(" ", self._main_text(node)))
            found = self._predicates[node] = self.weights.vector(k.predicate) if self.weights else {}
        return found

    def main_clause(self, node: int) -> dict[str, float]:
        """The weighted stems of the sentence without its asides (``_ASIDE``)."""
        found = self._main.get(node)
        if found is None:
            k = self._known[node]
            if k.main is None:
                k.main = terms(self._main_text(node))
            found = self._main[node] = self.weights.vector(k.main) if self.weights else {}
        return found

    def figures(self, node: int) -> list[tuple[Attribute, Quantity]]:
        k = self._known[node]
        if k.figures is None:
            text = k.sentence.text
            k.figures = [(attribute(text, q), q) for q in self.features.quantities(text)]
        return k.figures

    def _figures_conflict(self, x: int, y: int) -> bool:
        """A figure for the same attribute that cannot be the other's: "Fourteen people were
        injured" (16 October) and "More than 20 people were injured" (22 October) are two
        reports, not one fact (``disagreements`` shows them side by side)."""
        return any(same_attribute(ax, ay, False) and not consistent([qx, qy])
                   for ax, qx in self.figures(x) for ay, qy in self.figures(y))

    def specific(self, node: int) -> frozenset[str]:
        k = self._known[node]
        if k.specific is None:
            k.specific = specific_figures(k.sentence.text)
        return k.specific

    def _main_figures(self, node: int) -> list[tuple[Attribute, Quantity]]:
        """The figures outside the sentence's asides (``_ASIDE``)."""
        k = self._known[node]
        if k.main_figures is None:
            main = _outside_asides(k.sentence.text)
            k.main_figures = [(a, q) for a, q in self.figures(node) if any(s <= q.start < e for s, e in main)]
        return k.main_figures

    def share_figure(self, x: int, y: int) -> bool:
        """Whether both sentences give one specific figure: the same number ("voted 413 to 15",
        "by 413 votes to 15"), or counts of the same attribute that one number fits ("More than
        40 fire crews", "Forty-three fire crews"), at least ``SPECIFIC_FIGURE`` either way. A
        figure that specific, given by two reports, is strong evidence they report one fact,
        whatever other words they use."""
        pair = (self._known[x].serial, self._known[y].serial) if x < y else (self._known[y].serial,
                                                                             self._known[x].serial)
        known = self.memo.figures.get(pair)
        if known is None:
            known = self.memo.figures[pair] = bool(self.specific(x) & self.specific(y)) or any(
                min(qx.low, qy.low) >= SPECIFIC_FIGURE and same_attribute(ax, ay, False) and consistent([qx, qy])
                and _close(qx, qy) for ax, qx in self._main_figures(x) for ay, qy in self._main_figures(y))
        return known

    def compatible(self, x: int, y: int) -> bool:
        """Remembered per pair: merging groups compares their sampled members again and again."""
        pair = (x, y) if x < y else (y, x)
        known = self._compatible.get(pair)
        if known is None:
            serials = (self._known[pair[0]].serial, self._known[pair[1]].serial)
            known = self._verdicts.get(serials) if self._verdicts is not None else None
            if known is None:
                apart = self.memo.pairs.get(serials)
                if apart is None:
                    apart = self.memo.pairs[serials] = self._apart(*pair)
                known = apart != _APART and self._close_in_words(*pair, apart == _SAME_DAY)
                if self._verdicts is not None:
                    self._verdicts[serials] = known
            self._compatible[pair] = known
        return known

    def serial(self, node: int) -> int:
        """The serial of the sentence standing for ``node`` (``fact_memo.Known``)."""
        return self._known[node].serial

    def _apart(self, x: int, y: int) -> int:
        """``_APART`` when the checks that weigh no word find two facts; else ``_SAME_DAY`` when
        both date one event alike, or ``_NOT_APART``."""
        cx, cy = self.countries(x), self.countries(y)
        if cx and cy and not cx & cy:
            return _APART
        same_dated = self._same_dated_event(x, y)
        if (self.mood(x)[3] != self.mood(y)[3] or self._opposite_order(x, y) or self._different_speakers(x, y)
                or self._denies_what_other_affirms(x, y) or self._denies_what_other_affirms(y, x)):
            return _APART
        if not same_dated and (self._intention_and_deed(x, y) or self._intention_and_deed(y, x)
                               or self._plan_and_other(x, y) or self._plan_and_other(y, x)):
            return _APART
        if self._figures_conflict(x, y) and not self.share_figure(x, y):
            return _APART
        if same_dated:
            return _SAME_DAY
        return _APART if any(same_event(kx, ky) and dates_differ(dx, dy)
                             for kx, dx in self.dates(x) for ky, dy in self.dates(y)) else _NOT_APART

    def _close_in_words(self, x: int, y: int, same_dated: bool) -> bool:
        """The checks that weigh words: what both say something shows, and how much their main
        clauses share (more for two sentences of one article), unless they share a specific figure."""
        if self._show_different_things(x, y):
            return False
        if self.weights is None or self.share_figure(x, y):
            return True
        main = cosine(self.main_clause(x), self.main_clause(y))
        if main < SAME_MAIN or cosine(self.predicate(x), self.predicate(y)) < SAME_PREDICATE:
            return False
        return same_dated or main >= SAME_SOURCE_MAIN or self.sentences[x].source_id != self.sentences[y].source_id


_APART, _NOT_APART, _SAME_DAY = 0, 1, 2
"""Verdicts of the checks that weigh no word (``_Facts._apart``)."""
