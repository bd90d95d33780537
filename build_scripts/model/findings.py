"""What one sentence holds, found per source: dates, counts, roles, places, quotations."""

from __future__ import annotations

from dataclasses import dataclass, field

from build_scripts.model.dates import PartialDate


@dataclass
class DocumentFeatures:
    """The findings of one source, by sentence text (a source rarely repeats a sentence)."""

    source_id: str
    quotes: list[Quote]
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    quantities: dict[str, list[Quantity]] = field(default_factory=dict)
    roles: dict[str, list[RoleMention]] = field(default_factory=dict)
    dates: dict[str, list[DateMention]] = field(default_factory=dict)
    """Resolved against the source's publication date."""
    places: dict[str, list[PlaceMention]] = field(default_factory=dict)


@dataclass(frozen=True)
class QuotePart:
    """The quoted words of one paragraph: ``document.blocks[block].text[start:end]``."""

    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation, one part per paragraph it spans, and who said it."""

    source_id: str
    parts: tuple[QuotePart, ...]
    speaker: str | None
    role: str | None
    kind: str | None
    anchors: tuple[str, ...]
    role_anchor: str | None = None
    """The sentence that states ``role`` (often not the quotation's own)."""
    setting: str | None = None
    """When and where it was said, as the attribution words it: "in his evening video address", "on X"."""

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)


@dataclass(frozen=True)
class Country:
    """A country of the gazetteer."""

    code: str  # ISO 3166-1 alpha-2, lower case: "ua"
    name: str  # common English short name: "Ukraine", "United States"


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: a country, a group of countries or a demonym."""

    start: int
    end: int
    text: str  # as written: "Kiev", "the Baltic states", "Ukrainian"
    codes: tuple[str, ...]  # sorted alpha-2 codes; several for a group
    demonym: bool  # True for "Ukrainian", "Poles", "North Korean"


@dataclass(frozen=True)
class RoleMention:
    """A person named with a role in a sentence ("Foreign Minister Andrii Sybiha")."""

    name: str
    role: str
    start: int


@dataclass(frozen=True)
class Quantity:
    """A count in a sentence, with its unit and the range of values it allows."""

    start: int
    end: int
    value: str
    """The number as written with its qualifier: "over 160"."""
    unit: str
    """The counted noun as written: "countries"."""
    low: float
    high: float


@dataclass(frozen=True)
class DateMention:
    """One date as written in a sentence."""

    start: int          # offset in the sentence
    end: int
    text: str           # the words as written, e.g. "on Sunday", "29 June 2025", "in 2005"
    date: PartialDate   # precision = what the text gives (year, month or day), never more
    relative: bool      # True when resolved against the publication date
