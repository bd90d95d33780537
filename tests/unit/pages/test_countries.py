"""The country pages: the shortcuts they take give what the plain computations give; a page opens with
a dated, cited summary of what the stances found; a stance shows its evidence, cited, with its dates and
no internal score; only names of the country are listed as names; the overview's map links each country
to its page, for a story anywhere, and its table says the same in text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.countries import profile_countries
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import CountryProfile, PartialDate, Sentence, Source, SourceMeta, StanceRule
from build_scripts.pages.countries import (
    NO_STANCE,
    render_countries_overview,
    render_country_page,
    source_count,
)
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
    line = next(line for line in page.splitlines() if line.startswith("- **16 April 2025**: Latvia"))
    assert line.count("[^") == 2  # one wording, one footnote for each source that has it
    assert "weight" not in page.lower() and "Evidence from" not in page
    labels = [line.split("]:")[0] for line in page.splitlines() if line.startswith("[^")]
    assert len(labels) == len(set(labels)) == 2  # each footnote defined once


def _page_of(code: str, *bodies: str, rules=RULES) -> str:
    docs = _documents(*bodies)
    profile = next(p for p in _profiles(docs, rules) if p.code == code)
    return render_country_page(profile, {d.source.id: d for d in docs}, bool(rules))


def _summary(page: str) -> list[str]:
    lines = page.split("**Position in the sources**", 1)[1].split("**Mentioned in**", 1)[0].splitlines()
    return [line for line in lines if line.startswith("- ")]


def test_the_page_opens_with_a_dated_summary_each_item_quoted_and_cited():
    page = _page_of("lv", *BODIES)
    assert page.index("**Position in the sources**") < page.index("**Mentioned in**") < page.index("## Stance")
    assert _summary(page) == ["- **16 April 2025** · Leaving the treaty: "
                              "“Latvia's parliament voted on 16 April 2025 to leave the treaty.”[^s0-s-b5c7c325c8]"]


def test_summary_items_in_date_order_across_stances_and_an_undated_stance_last():
    rules = [*RULES, StanceRule("Party to the treaty", "party", (("ratified", "joined"), ("treaty",)))]
    page = _page_of("ee", "Estonia ratified the treaty in 2004. It has said little since.",
                    "In a statement, Estonia said it would withdraw from the treaty, citing Russia.",
                    "Estonia's parliament voted on 25 June 2025 to leave the treaty, officials said.",
                    rules=rules)
    items = _summary(page)
    assert [item.split(" · ")[0] for item in items] == ["- **2004**", "- **25 June 2025**"]
    assert items[0].startswith("- **2004** · Party to the treaty: “Estonia ratified the treaty in 2004.”[^")
    assert "Leaving the treaty" in items[1] and items[1].count("[^") == 1
    undated = _summary(_page_of("ee", "Talks went on in Vienna, while Estonia said it would withdraw from the treaty."))
    assert len(undated) == 1 and undated[0].startswith(
        "- No date given · Leaving the treaty: “…Estonia said it would withdraw from the treaty.”[^s0-s-")


def test_a_country_without_stance_says_so_and_without_rules_nothing_of_stances():
    page = _page_of("es", *BODIES)
    assert f"**Position in the sources:** {NO_STANCE}." in page and "· " not in page.split("**Mentioned")[0]
    assert "Position in the sources" not in _page_of("es", *BODIES, rules=[])


def test_only_names_of_the_country_are_listed_as_its_names():
    page = _page_of("us", "The United States and the US Congress met in Washington, American officials said.",
                    rules=[])
    assert "**Also named as:** US  " in page
    assert "Washington" not in page.split("**Mentioned")[0] and "American" not in page.split("**Mentioned")[0]
    ukraine = _page_of("ua", "Kyiv said the Rada and Ukrainian officials in Ukraine agreed.", rules=[])
    assert "named as" not in ukraine.lower()  # "Ukraine" is the page's title; the others are no names


def test_one_sentence_and_one_source_in_the_singular():
    page = _page_of("es", "Spain and Chile held talks in Madrid.", rules=[])
    assert "**Mentioned in** 1 sentence of 1 source ·" in page


def test_overview_without_rules_marks_the_countries_named_and_shows_no_stance():
    docs = _documents(*BODIES)
    profiles = _profiles(docs, [])
    overview = render_countries_overview(profiles, [], intro=True)
    assert "Stance" not in overview and "| Country | Sentences | Sources |" in overview
    assert 'data-code="lv"' in overview and "map-named" in overview and "Named in the sources" in overview
    assert 'href="lv/"' in overview
    latvia = next(p for p in profiles if p.code == "lv")
    assert "Stance in the sources" not in render_country_page(latvia, {d.source.id: d for d in docs}, False)


def test_overview_without_countries_has_no_map_and_no_table():
    overview = render_countries_overview([], RULES)
    assert "<svg" not in overview and "|" not in overview
    assert "The sources name no country." in overview


def _figure(overview: str) -> ET.Element:
    start = overview.index("<figure")
    return ET.fromstring(overview[start:overview.index("</figure>") + len("</figure>")])


def test_the_map_links_each_country_to_its_page_and_the_table_says_the_same():
    docs = _documents(*BODIES)
    overview = render_countries_overview(_profiles(docs, RULES), RULES)
    ns = "{http://www.w3.org/2000/svg}"
    anchors = {a.get("data-code"): a for a in _figure(overview).iter(f"{ns}a")}
    assert sorted(anchors) == ["cl", "es", "lv"]
    assert anchors["lv"].get("href") == "lv/" and anchors["lv"].get("aria-label") == "Latvia: Leaving the treaty"
    assert anchors["es"].get("aria-label") == f"Spain: {NO_STANCE}"
    assert "map-named-plain" in anchors["es"].find(f"{ns}path").get("class")
    legend = ["".join(li.itertext()).strip() for li in _figure(overview).find("figcaption/ul")]
    assert legend == ["Leaving the treaty", NO_STANCE[0].upper() + NO_STANCE[1:]]
    assert "| [Latvia](lv.md) | Leaving the treaty | 16 April 2025 |" in overview
    assert "the table below gives the same in text." in overview


def test_a_story_outside_europe_gets_its_map_and_countries_not_drawn_are_named():
    docs = _documents("Tonga and Fiji will leave the treaty, officials in Nuku'alofa said.")
    overview = render_countries_overview(_profiles(docs, RULES), RULES)
    codes = {a.get("data-code") for a in _figure(overview).iter("{http://www.w3.org/2000/svg}a")}
    assert codes == {"fj"}
    assert "(the map cannot draw Tonga: too small at its scale)" in overview
    assert "[Tonga](to.md)" in overview and "[Fiji](fj.md)" in overview


def test_no_map_when_no_country_named_is_drawn():
    docs = _documents("Tonga will leave the treaty, officials in Nuku'alofa said.")
    overview = render_countries_overview(_profiles(docs, RULES), RULES)
    assert "<svg" not in overview and "[Tonga]" in overview


def test_an_undated_stance_is_said_by_its_most_direct_sentence_and_footnotes_follow_the_items():
    rules = [*RULES, StanceRule("Party to the treaty", "party", (("ratified",), ("treaty",)))]
    page = _page_of("ee", "Estonia said after long talks with its allies in the region that it would withdraw "
                          "from the treaty.\n\nEstonia will leave the treaty.\n\nEstonia ratified the treaty in 2004.",
                    rules=rules)
    items = _summary(page)
    assert items[0].startswith("- **2004** · Party to the treaty: “Estonia ratified the treaty in 2004.”[^")
    assert items[1].startswith("- No date given · Leaving the treaty: “Estonia will leave the treaty.”[^")
    cited = [item.split("[^")[1].rstrip("]") for item in items]
    defined = [line.split("]:")[0][2:] for line in page.splitlines() if line.startswith("[^")]
    assert defined[:2] == cited  # numbered in the order the reader meets them
