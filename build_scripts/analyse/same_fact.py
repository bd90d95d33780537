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

from build_scripts.analyse.disagreements import (
    Attribute,
    attribute,
    dated_events,
    dates_differ,
    event_key,
    same_attribute,
    same_event,
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

_INTENT = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|planning|intends?|intended|intending|prepares?|"
                     r"preparing|expected|going)\s+to)\s+(?:not\s+|also\s+|still\s+|soon\s+|be\s+|[^\W\d_]+ly\s+)?"
                     r"([^\W\d_]+)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
"""An intention, a plan or a forecast rather than something done, and the verb it governs."""
_NUMBER = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
_CHANGE = re.compile(r"\bfrom\s+[^.;,]{0,30}?" + _NUMBER + r"[^.;,]{0,30}?\bto\s+[^.;,]{0,15}?" + _NUMBER
                     + r"|\bto\s+[^.;,]{0,15}?" + _NUMBER + r"[^.;]{0,20}?\bfrom\s+[^.;,]{0,30}?" + _NUMBER,
                     re.IGNORECASE)
"""A figure changed: "reduced from 2 kilometres to 500 metres", "raised … to €65 million, from …"."""


_NAMES = re.compile(r"\b[A-Z][\w’'-]*")
_SHOWS = re.compile(r"\b(?:underscor|underlin|highlight|emphasi[sz]|stress|illustrat|demonstrat|signal|reflect)"
                    r"(?:e|es|ed|ing|s)?\b\s+(?:that\s+)?", re.IGNORECASE)
"""A sentence whose fact is what something shows ("The decree underscores the need to …"): its
fact is the words after the verb, and two such sentences that show different things are two
claims, whatever their subjects share."""
_FOLLOWS = re.compile(r"\b(?:follow(?:s|ed|ing)?|in (?:response|reply|reaction) to|in the wake of|c[ao]mes? after)\b",
                      re.IGNORECASE)
_PROMPTS = re.compile(r"\b(?:prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|spur(?:s|red|ring)?|spark(?:s|ed|ing)?|"
                      r"caus(?:es|ed|ing)|le(?:d|ads?|ading) to|inspir(?:es|ed|ing))\b", re.IGNORECASE)
"""A sentence that puts its event after another ("The move follows similar steps by its
neighbours") and one that puts it before, as the cause ("The move has prompted its neighbours to
…") relate the same events in opposite orders, or different events: not one fact."""

SPECIFIC_FIGURE = 10
"""Smallest figure that tells one fact from another: "two men", "three abstentions" and "nine
people" are said of many things; "413 votes", "a 12,000-tonne cargo" of few."""
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
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


def _outside_asides(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are not asides (``_ASIDE``)."""
    spans, start = [], 0
    for m in _ASIDE.finditer(text):
        if m.group("apposition") and not _NAMED.search(text, max(0, m.start() - 30), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def specific_figures(text: str) -> frozenset[str]:
    """The figures of a sentence that can tell its fact from others, as digits without grouping
    commas: at least ``SPECIFIC_FIGURE``, and not a year ("in 2005"), a day of a month ("20
    November", "June 29"), the number in a name ("Shed 14", "Article 20") or a figure of an aside
    (``_ASIDE``): sharing background is not reporting one fact."""
    found = set()
    main = _outside_asides(text)
    for m in _FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in main):
            continue
        digits = m.group().replace(",", "")
        year = len(digits) == 4 and "," not in m.group() and 1800 <= int(digits) < 2100
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
    metres", "set up a 2-kilometre exclusion zone")."""

    def __init__(self, sentences: list[Sentence], features: Features, weights: Weights[str] | None = None) -> None:
        self.sentences = sentences
        self.features = features
        self.weights = weights
        self._predicates: dict[int, dict[str, float]] = {}
        self._figures: dict[int, list[tuple[Attribute, Quantity]]] = {}
        self._compatible: dict[tuple[int, int], bool] = {}
        self._countries: dict[int, frozenset[str]] = {}
        self._dates: dict[int, list[tuple[frozenset[str], PartialDate]]] = {}
        self._mood: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str], bool]] = {}
        self._specific: dict[int, frozenset[str]] = {}
        self._main: dict[int, dict[str, float]] = {}
        self._speakers: dict[tuple[str, str], str] | None = None
        self._main_moods: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._orders: dict[int, tuple[bool, bool]] = {}
        self._shown: dict[int, dict[str, float] | None] = {}
        self._shared_figure: dict[tuple[int, int], bool] = {}
        self._first_clauses: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def countries(self, node: int) -> frozenset[str]:
        found = self._countries.get(node)
        if found is None:
            text = self.sentences[node].text
            found = self._countries[node] = frozenset(c for p in self.features.places(text) for c in p.codes)
        return found

    def dates(self, node: int) -> list[tuple[frozenset[str], PartialDate]]:
        found = self._dates.get(node)
        if found is None:
            s = self.sentences[node]
            found = self._dates[node] = [(event_key(s.text, m), m.date) for m in dated_events(self.features, s)]
        return found

    def mood(self, node: int) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
        """Stems of the verbs it says someone will or would do, of the verbs after "to", of
        all its words; and whether it reports a figure changing."""
        found = self._mood.get(node)
        if found is None:
            text = self.sentences[node].text
            words = [w.casefold() for w in _WORDS.findall(text)]
            intended = frozenset(m.group(1).casefold()[:5] for m in _INTENT.finditer(text))
            infinitive = frozenset(b[:5] for a, b in zip(words, words[1:], strict=False) if a == "to")
            found = self._mood[node] = (intended, infinitive, frozenset(w[:5] for w in words),
                                        _CHANGE.search(text) is not None)
        return found

    def _order(self, node: int) -> tuple[bool, bool]:
        """Whether the sentence puts its event after another, and whether it says its event
        caused another (``_FOLLOWS``, ``_PROMPTS``)."""
        found = self._orders.get(node)
        if found is None:
            text = self.sentences[node].text
            found = self._orders[node] = (_FOLLOWS.search(text) is not None, _PROMPTS.search(text) is not None)
        return found

    def _opposite_order(self, x: int, y: int) -> bool:
        (follows_x, prompts_x), (follows_y, prompts_y) = self._order(x), self._order(y)
        return (follows_x and not prompts_x and prompts_y and not follows_y) or (
            prompts_x and not follows_x and follows_y and not prompts_y)

    def _first_clause(self, node: int) -> tuple[frozenset[str], frozenset[str]]:
        """Of the main clause (without asides: ``_ASIDE``) up to its first semicolon: the stems
        of its words, and the stems it denies (the first content word after each ``_NEGATION``)."""
        found = self._first_clauses.get(node)
        if found is None:
            text = self.sentences[node].text
            main = " ".join(text[a:b] for a, b in _outside_asides(text)).split(";")[0]
            denied = set()
            for m in _NEGATION.finditer(main):
                after = _NEXT_WORDS.match(main, m.end())
                following = [t for w in (after.group().split() if after else []) if not w[:1].isupper()
                             for t in terms(w)]
                denied.update(following[:1])
            found = self._first_clauses[node] = (terms(main), frozenset(denied))
        return found

    def _denies_what_other_affirms(self, x: int, y: int) -> bool:
        """``x`` denies a word ("Russia, notably, is not a signatory") that ``y``'s first main
        clause affirms ("More than 160 countries are signatories to the convention, though …"):
        the opposite, not one fact."""
        _, denied = self._first_clause(x)
        words, other_denied = self._first_clause(y)
        return bool(denied & words - other_denied) and not other_denied

    def _shows(self, node: int) -> dict[str, float] | None:
        """The weighted stems of what the sentence's main clause says something shows
        (``_SHOWS``), or None when it says no such thing."""
        if node not in self._shown:
            text = self.sentences[node].text
            main = " ".join(text[a:b] for a, b in _outside_asides(text))
            m = _SHOWS.search(main)
            self._shown[node] = (self.weights.vector(terms(main[m.end():])) if m and self.weights else None)
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
        if self._speakers is None:
            self._speakers = {(q.source_id, a): person_key(q.speaker) for q in self.features.known_quotes()
                              if q.kind == "person" and q.speaker and len(q.speaker.split()) >= 2 for a in q.anchors}
        s = self.sentences[node]
        return self._speakers.get((s.source_id, s.anchor))

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
        found = self._main_moods.get(node)
        if found is None:
            text = self.sentences[node].text
            main = " ".join(text[a:b] for a, b in _outside_asides(text))
            words = _WORDS.findall(main)
            infinitive = frozenset(b[:5] for a, b in zip(words, words[1:], strict=False)
                                   if a.casefold() == "to" and b.islower() and b not in STOP_WORDS)
            found = self._main_moods[node] = (
                frozenset(m.group(1).casefold()[:5] for m in _INTENT.finditer(main)), infinitive)
        return found

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
            text = self.sentences[node].text
            text = _NAMES.sub(" ", " ".join(text[a:b] for a, b in _outside_asides(text)))
            found = self._predicates[node] = self.weights.vector(terms(text)) if self.weights else {}
        return found

    def main_clause(self, node: int) -> dict[str, float]:
        """The weighted stems of the sentence without its asides (``_ASIDE``)."""
        found = self._main.get(node)
        if found is None:
            text = self.sentences[node].text
            main = " ".join(text[a:b] for a, b in _outside_asides(text))
            found = self._main[node] = self.weights.vector(terms(main)) if self.weights else {}
        return found

    def figures(self, node: int) -> list[tuple[Attribute, Quantity]]:
        found = self._figures.get(node)
        if found is None:
            text = self.sentences[node].text
            found = self._figures[node] = [(attribute(text, q), q) for q in self.features.quantities(text)]
        return found

    def _figures_conflict(self, x: int, y: int) -> bool:
        """A figure for the same attribute that cannot be the other's: "Fourteen people were
        injured" (16 October) and "More than 20 people were injured" (22 October) are two
        reports, not one fact (``disagreements`` shows them side by side)."""
        return any(same_attribute(ax, ay, False) and not consistent([qx, qy])
                   for ax, qx in self.figures(x) for ay, qy in self.figures(y))

    def specific(self, node: int) -> frozenset[str]:
        found = self._specific.get(node)
        if found is None:
            found = self._specific[node] = specific_figures(self.sentences[node].text)
        return found

    def _main_figures(self, node: int) -> list[tuple[Attribute, Quantity]]:
        """The figures outside the sentence's asides (``_ASIDE``)."""
        main = _outside_asides(self.sentences[node].text)
        return [(a, q) for a, q in self.figures(node) if any(s <= q.start < e for s, e in main)]

    def share_figure(self, x: int, y: int) -> bool:
        """Whether both sentences give one specific figure: the same number ("voted 413 to 15",
        "by 413 votes to 15"), or counts of the same attribute that one number fits ("More than
        40 fire crews", "Forty-three fire crews"), at least ``SPECIFIC_FIGURE`` either way. A
        figure that specific, given by two reports, is strong evidence they report one fact,
        whatever other words they use."""
        pair = (x, y) if x < y else (y, x)
        known = self._shared_figure.get(pair)
        if known is None:
            known = self._shared_figure[pair] = bool(self.specific(x) & self.specific(y)) or any(
                min(qx.low, qy.low) >= SPECIFIC_FIGURE and same_attribute(ax, ay, False) and consistent([qx, qy])
                and _close(qx, qy) for ax, qx in self._main_figures(x) for ay, qy in self._main_figures(y))
        return known

    def compatible(self, x: int, y: int) -> bool:
        """Remembered per pair: merging groups compares their sampled members again and again."""
        pair = (x, y) if x < y else (y, x)
        known = self._compatible.get(pair)
        if known is None:
            known = self._compatible[pair] = self._check(*pair)
        return known

    def _check(self, x: int, y: int) -> bool:
        cx, cy = self.countries(x), self.countries(y)
        if cx and cy and not cx & cy:
            return False
        same_dated = self._same_dated_event(x, y)
        if (self.mood(x)[3] != self.mood(y)[3] or self._opposite_order(x, y) or self._different_speakers(x, y)
                or self._show_different_things(x, y)
                or self._denies_what_other_affirms(x, y) or self._denies_what_other_affirms(y, x)):
            return False
        if not same_dated and (self._intention_and_deed(x, y) or self._intention_and_deed(y, x)
                               or self._plan_and_other(x, y) or self._plan_and_other(y, x)):
            return False
        if (self.weights is not None and not self.share_figure(x, y)
                and (cosine(self.predicate(x), self.predicate(y)) < SAME_PREDICATE
                     or cosine(self.main_clause(x), self.main_clause(y)) < SAME_MAIN)):
            return False
        if (self.weights is not None and self.sentences[x].source_id == self.sentences[y].source_id
                and not same_dated and not self.share_figure(x, y)
                and cosine(self.main_clause(x), self.main_clause(y)) < SAME_SOURCE_MAIN):
            return False
        if self._figures_conflict(x, y) and not self.share_figure(x, y):
            return False
        return same_dated or not any(same_event(kx, ky) and dates_differ(dx, dy)
                                     for kx, dx in self.dates(x) for ky, dy in self.dates(y))
