"""The country pages: the shortcuts they take give what the plain computations give; a stance shows
its evidence, cited, with its dates and no internal score; the overview without rules or countries."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.countries import profile_countries
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import CountryProfile, PartialDate, Sentence, Source, SourceMeta, StanceRule
from build_scripts.pages.countries import render_countries_overview, render_country_page, source_count
from build_scripts.text.document import build_document


def _sentence(source: str, anchor: str, text: str = "Text.", start: int = 0) -> Sentence:
    return Sentence(source, anchor, text, 0, start)


def test_source_count_is_the_number_of_sources():
    profile = CountryProfile("fr", "France", sentences=[_sentence(f"s{i % 3}", f"a{i}") for i in range(7)])
    assert source_count(profile) == len(profile.sources) == 3


def _documents(*bodies: str):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(title=f"T{i}", date=PartialDate(2025, 6, 30)),
                                  b, 1)) for i, b in enumerate(bodies)]


def _profiles(docs, rules):
    sentences = [s for d in docs for s in d.sentences]
    claims = group_claims(sentences)
    return profile_countries(sentences, claims, build_timeline(docs, claims), rules)


RULES = [StanceRule("Leaving the treaty", "leaving", (("withdraw*", "leave"), ("treaty",)))]
BODIES = ("Latvia's parliament voted on 16 April 2025 to leave the treaty.",
          "Latvia's parliament voted on 16 April 2025 to leave the treaty.\n\nSpain and Chile held talks in Madrid.")


def test_a_stance_shows_its_evidence_cited_with_its_dates_and_no_score():
    docs = _documents(*BODIES)
    latvia = next(p for p in _profiles(docs, RULES) if p.code == "lv")
    page = render_country_page(latvia, {d.source.id: d for d in docs})
    assert "**Stance in the sources:** Leaving the treaty" in page
    line = next(line for line in page.splitlines() if line.startswith("- **16 April 2025**: Latvia"))
    assert line.count("[^") == 2  # one wording, one footnote for each source that has it
    assert "weight" not in page.lower() and "Evidence from" not in page


def test_overview_without_rules_marks_the_countries_named_and_shows_no_stance():
    docs = _documents(*BODIES)
    profiles = _profiles(docs, [])
    overview = render_countries_overview(profiles, [], intro=True)
    assert "Stance" not in overview and "| Country | Sentences | Sources |" in overview
    assert 'data-code="lv"' in overview and "map-named" in overview and "Named in the sources" in overview
    latvia = next(p for p in profiles if p.code == "lv")
    assert "Stance in the sources" not in render_country_page(latvia, {d.source.id: d for d in docs}, False)


def test_overview_without_countries_has_no_map_and_no_table():
    overview = render_countries_overview([], RULES)
    assert "<svg" not in overview and "|" not in overview
    assert "The sources name no country." in overview


def test_no_map_when_no_country_named_is_on_it():
    docs = _documents("Tonga and Fiji will leave the treaty, officials in Nuku'alofa said.")
    overview = render_countries_overview(_profiles(docs, RULES), RULES)
    assert "<svg" not in overview and "[Tonga]" in overview
