"""What each sentence holds, found once per source: stems, counts, roles, dates, places, quotations.

The stages that read across sources (claims, disagreements, timeline,
countries, quotations) all need these per-sentence findings. They are worked
out per source by ``extract``, which depends on nothing but the source, so it
runs in worker processes on a cold build and is cached with the source's
document (an edit re-extracts one source, not all). ``Features`` gathers them
for the stages, and works any text out on the spot when it was not extracted
beforehand, so the stages also run on bare documents (as in the unit tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from build_scripts.analyse.dates import DateMention, find_dates
from build_scripts.analyse.eligible import eligible as is_eligible
from build_scripts.analyse.places import PlaceMention, find_places
from build_scripts.analyse.quantities import Quantity, find_quantities
from build_scripts.analyse.quotes import Quote, find_quotes
from build_scripts.analyse.roles import RoleMention, find_roles
from build_scripts.analyse.similarity import terms as stems
from build_scripts.model import Document


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


def extract(document: Document, eligible: bool = True) -> DocumentFeatures:
    """Everything the cross-source stages need from one source's (eligible) sentences."""
    published = document.source.meta.date
    found = DocumentFeatures(document.source.id, find_quotes(document))
    for sentence in document.sentences:
        text = sentence.text
        if (eligible and not is_eligible(sentence)) or text in found.stems:
            continue
        found.stems[text] = stems(text)
        found.quantities[text] = find_quantities(text)
        found.roles[text] = find_roles(text)
        found.dates[text] = find_dates(text, published)
        found.places[text] = find_places(text)
    return found


class Features:
    """Per-sentence findings for the whole corpus, worked out on the spot when missing."""

    def __init__(self, extracted: list[DocumentFeatures] = ()) -> None:  # type: ignore[assignment]
        self._quotes = {f.source_id: f.quotes for f in extracted}
        self._stems: dict[str, frozenset[str]] = {}
        self._quantities: dict[str, list[Quantity]] = {}
        self._roles: dict[str, list[RoleMention]] = {}
        self._places: dict[str, list[PlaceMention]] = {}
        self._dates: dict[tuple[str, str], list[DateMention]] = {}
        for f in extracted:
            self._stems.update(f.stems)
            self._quantities.update(f.quantities)
            self._roles.update(f.roles)
            self._places.update(f.places)
            for text, mentions in f.dates.items():
                self._dates[(f.source_id, text)] = mentions

    def quotes(self, document: Document) -> list[Quote]:
        found = self._quotes.get(document.source.id)
        if found is None:
            found = self._quotes[document.source.id] = find_quotes(document)
        return found

    def stems(self, text: str) -> frozenset[str]:
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = stems(text)
        return found

    def quantities(self, text: str) -> list[Quantity]:
        found = self._quantities.get(text)
        if found is None:
            found = self._quantities[text] = find_quantities(text)
        return found

    def roles(self, text: str) -> list[RoleMention]:
        found = self._roles.get(text)
        if found is None:
            found = self._roles[text] = find_roles(text)
        return found

    def places(self, text: str) -> list[PlaceMention]:
        found = self._places.get(text)
        if found is None:
            found = self._places[text] = find_places(text)
        return found

    def dates(self, document: Document, text: str) -> list[DateMention]:
        key = (document.source.id, text)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = find_dates(text, document.source.meta.date)
        return found
