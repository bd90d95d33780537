"""The countries pages as built by `mkdocs build --strict`: the map fitted to the countries named,
each a link that leads to its built page, the table as its text equivalent; each country page opens
with a dated, cited summary and shows no internal score. Built for the seed corpus and for a story
set far from Europe."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.integration.site_build import Build, make_project, run_mkdocs_build

SOUTH_AMERICA = """---
title: Chile and Argentina weigh the mine ban
publisher: Test Wire
date: 2025-07-01
---
Chile announced on 12 May 2025 that it would withdraw from the convention, the foreign ministry said.

Argentina ratified the convention in 1999, officials in Buenos Aires said.

Peru and Bolivia held talks on the border in La Paz.
"""


def _build(tmp_path_factory, sources=None) -> Build:
    site = tmp_path_factory.mktemp("site")
    build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("project"), sources), site)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(name="seed", scope="module")
def fixture_seed(tmp_path_factory) -> Build:
    return _build(tmp_path_factory)


@pytest.fixture(name="elsewhere", scope="module")
def fixture_elsewhere(tmp_path_factory) -> Build:
    return _build(tmp_path_factory, {"2025-07-01-test-wire-chile.md": SOUTH_AMERICA})


def _page(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _country_pages(build: Build) -> list[str]:
    return sorted(p.name for p in (build.site / "countries").iterdir() if (p / "index.html").is_file())


def _map_links(build: Build) -> dict[str, dict]:
    figure = _page(build, "countries").select_one("article figure.country-map")
    assert figure is not None
    return {a["data-code"]: a for a in figure.select("svg a")}


def _check_map(build: Build) -> None:
    soup = _page(build, "countries")
    figure = soup.select_one("article figure.country-map")
    svg = figure.select_one("svg")
    assert svg.get("role") == "group" and svg.get("width") == "100%"
    assert svg.select_one("title").get_text().startswith("Map of the countries the sources name")
    links = _map_links(build)
    assert links, "no country on the map is a link"
    for code, a in links.items():
        target = build.site / "countries" / a["href"] / "index.html"
        assert a["href"] == f"{code}/" and target.is_file(), (code, a["href"])
        name = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select_one("article h1").get_text()
        assert a["aria-label"].startswith(name.strip().rstrip("¶").strip() + ": "), (a["aria-label"], name)
        assert a.select_one("title").get_text() == a["aria-label"]
    assert figure.select("figcaption ul.map-legend li"), "no legend"
    # The table after the map is its text equivalent: every country of the map is a row linking to its page.
    table = figure.find_next("table")
    rows = {tr.select_one("td a")["href"].strip("./").split("/")[-1]: tr for tr in table.select("tbody tr")}
    assert set(links) <= set(rows)
    assert set(rows) == set(_country_pages(build))
    for code, a in links.items():
        assert a["aria-label"].endswith(rows[code].select("td")[1].get_text())


def test_seed_map_is_a_linked_world_map_with_its_table(seed):
    _check_map(seed)
    assert sorted(_map_links(seed)) == _country_pages(seed)  # the seed's countries are all drawn
    viewbox = [float(v) for v in _page(seed, "countries").select_one("figure.country-map svg")["viewbox"].split()]
    assert viewbox[2] == 1000 and 1.2 <= viewbox[2] / viewbox[3] <= 3.3


def test_a_story_far_from_europe_gets_its_own_map(elsewhere):
    _check_map(elsewhere)
    links = _map_links(elsewhere)
    assert {"cl", "ar"} <= set(links)
    assert "map-named-plain" in links["pe"].select_one("path")["class"]  # named, no stance: grey, still a link
    figure = _page(elsewhere, "countries").select_one("figure.country-map")
    context = {p["data-code"] for p in figure.select("g.map-context path")}
    assert {"br", "py", "uy"} <= context and not context & {"ua", "pl", "de", "it"}  # France is drawn: French Guiana
    chile = _text(_page(elsewhere, "countries/cl"))
    assert re.search(r"12 May 2025 · Withdrawal announced or under way: “[^”]*withdraw from the convention", chile)
    argentina = _text(_page(elsewhere, "countries/ar"))
    assert "1999 · Party to the treaty" in argentina


def _text(soup: BeautifulSoup) -> str:
    """The article's text, whitespace runs made one space."""
    return " ".join(soup.select_one("article").get_text().split())


def _summary(soup: BeautifulSoup):
    """The paragraph that opens the summary, and its list of items (None for a country with no stance)."""
    intro = next(p for p in soup.select("article p") if p.get_text().startswith("Position in the sources"))
    return intro, intro.find_next_sibling("ul") if intro.get_text().endswith("as they state it:") else None


def test_every_country_page_opens_with_its_position_cited_and_no_internal_score(seed):
    for code in _country_pages(seed):
        soup = _page(seed, f"countries/{code}")
        article = soup.select_one("article")
        text = _text(soup)
        assert not re.search(r"\bweight\b|Evidence from|\b1 sentences\b|\b1 sources\b", text), code
        intro, items = _summary(soup)
        mentioned = next(p for p in article.select("p") if "Mentioned in" in p.get_text())
        assert article.select("p").index(intro) < article.select("p").index(mentioned), code
        for li in items.select("li") if items is not None else []:
            ref = li.select_one("sup a.footnote-ref, a.footnote-ref")
            assert ref is not None and soup.find(id=ref["href"].lstrip("#")) is not None, (code, li.get_text())
            assert re.match(r"(\d{4}|\d{1,2} \w+ \d{4}|\w+ \d{4}|No date given) · ", li.get_text()), li.get_text()
        ids = [li.get("id") for li in soup.select("div.footnote li")]
        assert len(ids) == len(set(ids)), code


def test_the_seed_countries_summaries(seed):
    ukraine = _text(_page(seed, "countries/ua"))
    assert "2005 · Party to the treaty: “Ukraine ratified the convention in 2005.”" in ukraine
    assert "Withdrawal announced or under way" in ukraine.split("Mentioned in")[0]
    assert "named as" not in ukraine.split("Mentioned in")[0].lower()  # Kyiv, Rada, Ukrainian are no names
    estonia = _text(_page(seed, "countries/ee"))
    assert "18 March 2025 · Withdrawal announced or under way" in estonia.split("Mentioned in")[0]
    korea = _text(_page(seed, "countries/kp"))
    assert "Position in the sources: no stance found in the sources." in korea
    assert "Pyongyang" not in korea.split("Mentioned in")[0]
    us = _text(_page(seed, "countries/us"))
    assert "Also named as: US" in us and "Washington" not in us.split("Mentioned in")[0]


def test_the_map_stylesheet_is_served(seed):
    css = (seed.site / "stylesheets" / "map.css").read_text(encoding="utf-8")
    assert "--map-focus" in css and 'data-md-color-scheme="slate"' in css
    assert _page(seed, "countries").select_one('link[href$="stylesheets/map.css"]') is not None
