"""The country pages: the shortcuts they take give what the plain computations give."""

from __future__ import annotations

from build_scripts.model import CountryProfile, Sentence
from build_scripts.pages.countries import source_count


def _sentence(source: str, anchor: str, text: str = "Text.", start: int = 0) -> Sentence:
    return Sentence(source, anchor, text, 0, start)


def test_source_count_is_the_number_of_sources():
    profile = CountryProfile("fr", "France", sentences=[_sentence(f"s{i % 3}", f"a{i}") for i in range(7)])
    assert source_count(profile) == len(profile.sources) == 3
