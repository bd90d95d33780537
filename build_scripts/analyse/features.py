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

from typing import TypeVar

from build_scripts.analyse.dates import find_dates
from build_scripts.analyse.eligible import long_enough
from build_scripts.analyse.places import find_places
from build_scripts.analyse.quantities import find_quantities
from build_scripts.analyse.quotes import find_quotes
from build_scripts.analyse.roles import find_roles
from build_scripts.analyse.similarity import terms as stems
from build_scripts.model import (
    DateMention,
    Document,
    DocumentFeatures,
    PlaceMention,
    Quantity,
    Quote,
    RoleMention,
)

K = TypeVar("K")
V = TypeVar("V")


def extract(document: Document, eligible: bool = True) -> DocumentFeatures:
    """Everything the cross-source stages need from one source's sentences (those long enough to be read)."""
    published = document.source.meta.date
    found = DocumentFeatures(document.source.id, find_quotes(document))
    for sentence in document.sentences:
        text = sentence.text
        if (eligible and not long_enough(sentence)) or text in found.stems:
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
        return found if found is not None else _remember(self._quotes, document.source.id, find_quotes(document))

    def known_quotes(self) -> list[Quote]:
        """The quotations of every source extracted so far."""
        return [q for quotes in self._quotes.values() for q in quotes]

    # Looked up millions of times at 10,000 sources: a lookup first, and no function made for the
    # work on each call.

    def stems(self, text: str) -> frozenset[str]:
        found = self._stems.get(text)
        return found if found is not None else _remember(self._stems, text, stems(text))

    def quantities(self, text: str) -> list[Quantity]:
        found = self._quantities.get(text)
        return found if found is not None else _remember(self._quantities, text, find_quantities(text))

    def roles(self, text: str) -> list[RoleMention]:
        found = self._roles.get(text)
        return found if found is not None else _remember(self._roles, text, find_roles(text))

    def places(self, text: str) -> list[PlaceMention]:
        found = self._places.get(text)
        return found if found is not None else _remember(self._places, text, find_places(text))

    def dates(self, document: Document, text: str) -> list[DateMention]:
        key = (document.source.id, text)
        found = self._dates.get(key)
        return found if found is not None else _remember(self._dates, key, find_dates(text, document.source.meta.date))


def _remember(table: dict[K, V], key: K, value: V) -> V:
    table[key] = value
    return value
