"""What the stages that read across sources find: claims, disagreements, events, countries, speakers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from build_scripts.model.dates import PartialDate
from build_scripts.model.findings import DateMention, Quote
from build_scripts.model.source import Sentence
from build_scripts.model.topic import StanceRule, Topic, TopicSection


@dataclass(frozen=True)
class CitedQuote:
    """A quotation with the sentence its footnote links to."""

    quote: Quote
    sentence: Sentence
    """The sentence the quotation starts in: what its footnote links to."""


@dataclass
class QuoteGroup:
    """Renderings of one quotation by one speaker, across sources."""

    quotes: list[CitedQuote]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(q.quote.source_id for q in self.quotes))


@dataclass
class Speaker:
    """Someone quoted, with the roles the sources give and their quotations grouped."""

    name: str
    kind: str | None
    roles: list[CitedQuote]
    """One quotation per distinct role the sources give, to cite the role from."""
    groups: list[QuoteGroup]


@dataclass(frozen=True)
class Stance:
    """A country's stance: the rule it matches, the weight of its evidence, the dates named."""

    rule: StanceRule
    weight: float
    sentences: tuple[Sentence, ...]
    dates: tuple[tuple[PartialDate, Sentence], ...]
    """Each date the evidence names, with the first sentence that names it."""
    clauses: tuple[tuple[int, int], ...] = ()
    """For each sentence, the span (start, end) of the clause that says it of the country."""


@dataclass
class CountryProfile:
    """What the sources say of one country: the names used, its sentences, stances and claims."""

    code: str
    name: str
    names_seen: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def primary(self) -> Stance | None:
        return self.stances[0] if self.stances else None

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s.source_id for s in self.sentences))


@dataclass(frozen=True)
class Report:
    """One sentence's report of a dated event, and the date as written in it.

    The date is the one that governs the event's verb, not any date the sentence mentions.
    """

    sentence: Sentence
    mention: DateMention


@dataclass(frozen=True)
class Event:
    """A date and the sentences that report something on it."""

    date: PartialDate
    reports: tuple[Report, ...]
    """The first report is the one shown; every report is cited."""


@dataclass(frozen=True)
class Side:
    """One source's side of a disagreement."""

    sentence: Sentence
    value: str
    """What this source says, as written: "over 160", "a member of Ukraine’s parliament"."""


@dataclass(frozen=True)
class Disagreement:
    """Where sources give different values for one thing, each side cited."""

    id: str
    kind: str
    """``number``, ``title`` or ``wording``."""
    subject: str
    sides: tuple[Side, ...]
    consistent: bool | None = None
    """For numbers: whether all sides can be true at once."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.sentence.source_id for s in self.sides))


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
    publisher_groups: tuple[tuple[str, ...], ...] = ()
    """Sources one publisher released (each group counts once, as one voice, with its copies)."""

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """Worked out once per claim (a claim never changes): each stage across sources asks again."""
        seen: dict[str, None] = {}
        for m in self.members:
            seen.setdefault(m.source_id, None)
        return tuple(seen)

    @cached_property
    def independent(self) -> int:
        """Voices: sources that copy one another, or that one publisher released, count once."""
        if not self.publisher_groups:
            return len(self.sources) - sum(len(g) - 1 for g in self.copy_groups)
        voices: list[set[str]] = []
        for group in (*self.copy_groups, *self.publisher_groups):
            joined = set(group)
            for voice in [v for v in voices if v & joined]:
                joined |= voice
                voices.remove(voice)
            voices.append(joined)
        return len(self.sources) - sum(len(v) - 1 for v in voices)


def claim_index(claims: Iterable[Claim]) -> dict[Sentence, Claim]:
    """The claim of each member of ``claims``: worked out once a build and handed to each stage
    that asks (each made its own: about 0.1 s a stage at 4,000 sources)."""
    return {m: c for c in claims for m in c.members}


@dataclass(frozen=True)
class Statement:
    """A claim chosen to appear on a page, shown through one of its sentences.

    ``sentence`` is the member that best matched the page's rule: its words are
    the statement. ``claim`` holds every sentence of every source reporting the
    same thing (``sentence`` among them).
    """

    sentence: Sentence
    score: int
    claim: Claim | None = None

    @property
    def members(self) -> tuple[Sentence, ...]:
        """The statement's sentence first, then the other reports of the claim."""
        if self.claim is None:
            return (self.sentence,)
        return (self.sentence, *(m for m in self.claim.members if m != self.sentence))


@dataclass
class TopicEvidence:
    """The statements chosen for one topic, grouped by section."""

    topic: Topic
    sections: list[tuple[TopicSection, list[Statement]]] = field(default_factory=list)
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    """The researcher's note on a statement, by the (source id, anchor) of a sentence it reports."""

    @property
    def statements(self) -> list[Statement]:
        return [st for _, sts in self.sections for st in sts]
