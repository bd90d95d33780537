"""The world map: fitted to the countries named, each a link to its page with an accessible name,
well-formed, safe, deterministic, styled by CSS classes, its data small and keyed like countries.json."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from build_scripts.analyse.places import DATA as COUNTRIES
from build_scripts.render.map_svg import DATA, drawn_codes, fit_view, render_map

NS = {"svg": "http://www.w3.org/2000/svg"}
CATEGORIES: dict[str, str | None] = {"ua": "withdrawing", "pl": "withdrawn", "fi": "withdrawn", "ru": "non-party",
                                     "ee": None}
LABELS = {"ua": "Ukraine: withdrawal announced 29 June 2025", "ru": "Russia: never joined"}
LINKS = {"ua": "ua/", "pl": "pl/", "fi": "fi/", "ru": "ru/", "ee": "ee/"}
LEGEND = {"withdrawing": "Withdrawal announced", "withdrawn": "Withdrawn", "non-party": "Not a party"}


def render(**changes) -> str:
    args = {"categories": CATEGORIES, "labels": LABELS, "legend": LEGEND, "title": "Ottawa Convention",
            "links": LINKS}
    args.update(changes)
    return render_map(**args)


def figure(html: str) -> ET.Element:
    return ET.fromstring(html)


def svg_of(html: str) -> ET.Element:
    svg = figure(html).find("svg:svg", NS)
    assert svg is not None
    return svg


def view_box(html: str) -> list[float]:
    return [float(v) for v in svg_of(html).get("viewBox").split()]


def links(html: str) -> dict[str, ET.Element]:
    return {a.get("data-code"): a for a in svg_of(html).iterfind(".//svg:a", NS)}


def context_codes(html: str) -> set[str]:
    group = svg_of(html).find(".//svg:g[@class='map-context']", NS)
    return {p.get("data-code") for p in group.iterfind("svg:path", NS)}


def test_a_figure_with_a_named_svg_and_the_legend_as_text():
    root = figure(render())
    assert root.tag == "figure" and root.get("class") == "country-map" and root.get("id").startswith("map-")
    svg = svg_of(render())
    assert svg.get("role") == "group"  # not "img": the links inside stay links for assistive technology
    title = svg.find("svg:title", NS)
    assert title is not None and title.text == "Ottawa Convention" and svg.get("aria-labelledby") == title.get("id")
    assert svg.get("width") == "100%" and svg.get("height") is None
    assert view_box(render())[2] == 1000
    legend = root.find("figcaption/ul[@class='map-legend']")
    assert ["".join(li.itertext()).strip() for li in legend] == list(LEGEND.values())
    assert [li.find("span").get("class") for li in legend] == [f"map-swatch map-{c}" for c in LEGEND]


def test_each_country_named_is_a_link_to_its_page_with_an_accessible_name():
    found = links(render())
    assert sorted(found) == ["ee", "fi", "pl", "ru", "ua"]
    ukraine = found["ua"]
    assert ukraine.get("href") == "ua/" and ukraine.get("aria-label") == LABELS["ua"]
    assert ukraine.find("svg:title", NS).text == LABELS["ua"]
    path = ukraine.find("svg:path", NS)
    assert path.get("class") == "map-country map-withdrawing"
    assert re.fullmatch(r"(M[-\d. ]+l[-\d. ]+z)+", path.get("d"))
    assert found["ee"].find("svg:path", NS).get("class") == "map-country map-named-plain"  # named, no category
    assert found["pl"].get("aria-label") is None  # no label given: none invented
    # Tab order is document order: the links come in code order, after every context country.
    assert list(found) == sorted(found)


def test_neighbours_are_drawn_for_context_without_links():
    codes = context_codes(render())
    assert {"by", "lt", "lv", "de", "md"} <= codes
    assert not codes & set(CATEGORIES)
    assert svg_of(render()).find(".//svg:g[@class='map-context']", NS).get("aria-hidden") == "true"


def test_the_view_is_fitted_to_the_countries_named():
    west, south, east, north = fit_view(["ua"])
    assert west < 22.1 and east > 40.1 and south < 44.4 and north > 52.3  # all of Ukraine, with a margin
    assert east - west < 45 and north - south < 25  # and not much more
    spain_chile = fit_view(["es", "cl"])
    assert spain_chile[0] < -75.6 and spain_chile[2] > 3.0 and spain_chile[1] < -53.9 and spain_chile[3] > 43.7


def test_one_small_country_shows_its_neighbours():
    west, south, east, north = fit_view(["lu"])
    assert north - south >= 10
    assert {"be", "de", "fr", "nl"} <= context_codes(render(categories={"lu": "withdrawn"}, labels={}, links={}))


def test_a_story_outside_europe_gets_a_map_of_its_own_region():
    html = render(categories={"cl": "withdrawn", "ar": "non-party"}, labels={"cl": "Chile"},
                  links={"cl": "cl/", "ar": "ar/"})
    assert sorted(links(html)) == ["ar", "cl"]
    codes = context_codes(html)
    assert {"bo", "pe", "uy"} <= codes and not codes & {"ua", "pl", "de"}
    west, south, east, north = fit_view(["cl", "ar"])
    assert south < -53 and north < 0 and west > -110 and east < -20  # South America, widened to a readable shape


def test_far_apart_countries_give_a_wide_view_up_to_the_world():
    west, south, east, north = fit_view(["nz", "no"])
    assert west <= 5 and east >= 178
    assert east - west <= 360
    width, height = view_box(render(categories={"nz": "withdrawn", "no": "non-party"}, labels={}, links={}))[2:]
    assert 1.2 <= width / height <= 2.5


def test_the_view_keeps_a_readable_shape():
    for codes in (["cl"], ["ru"], ["no"], ["us", "ru", "ua"], ["ua"], ["fj"], ["fr"]):
        west, south, east, north = fit_view(codes)
        assert -60 <= south < north <= 85 and east - west <= 360, codes
        html = render(categories=dict.fromkeys(codes, "withdrawn"), labels={}, links={})
        width, height = view_box(html)[2:]
        assert 1.2 <= width / height <= 3.3, codes
    # France is fitted to its European part, not stretched to French Guiana.
    assert fit_view(["fr"])[0] > -20


def test_no_map_when_no_country_named_is_drawn():
    assert fit_view(["mt", "zz"]) is None
    assert render(categories={"mt": "withdrawn"}, labels={}, links={}) == ""
    assert render(categories={}, labels={}, links={}) == ""


def test_colours_are_css_variables_with_light_and_dark_fallbacks():
    html = render()
    map_id = figure(html).get("id")
    assert f"#{map_id} .map-withdrawing{{fill:var(--map-withdrawing,#c62828)" in html
    assert f"[data-md-color-scheme=slate] #{map_id} .map-withdrawing{{fill:var(--map-withdrawing,#ff8a80)" in html
    assert "var(--map-context," in html and "var(--map-sea," in html and "var(--map-land," in html
    assert "fill=" not in html  # colours only through classes, so a theme can override them
    assert "focus-visible" in html


def test_labels_title_and_legend_are_escaped():
    label = 'Ukraine <script>alert("x")</script> & "more"'
    html = render(labels={"ua": label}, title="<b>Mines</b> & maps",
                  legend={"withdrawing": "<img src=x onerror=alert(1)>"}, plain="<i>named</i>")
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert links(html)["ua"].get("aria-label") == label
    assert svg_of(html).find("svg:title", NS).text == "<b>Mines</b> & maps"
    texts = ["".join(li.itertext()).strip() for li in figure(html).find("figcaption/ul")]
    assert texts == ["<img src=x onerror=alert(1)>", "<i>named</i>"]


def test_no_scripts_handlers_or_external_references():
    html = render(labels={"ua": "javascript:alert(1) onload=x"})
    for element in figure(html).iter():
        assert not element.tag.endswith("script")
        for name in element.attrib:
            assert not name.lower().startswith("on")
    hrefs = [a.get("href") for a in links(html).values()]
    assert hrefs == ["ee/", "fi/", "pl/", "ru/", "ua/"]
    assert "url(" not in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example/", "https://x.example/", 'a" onclick="x'])
def test_links_that_are_not_relative_addresses_are_refused(link):
    with pytest.raises(ValueError, match="relative address"):
        render(links={"ua": link})


def test_bad_category_names_are_refused():
    with pytest.raises(ValueError):
        render(categories={"ua": 'x" onclick="alert(1)'})
    with pytest.raises(ValueError):
        render(legend={"Bad Name": "text"})


def test_deterministic_and_independent_of_dict_order():
    first = render()
    assert render() == first
    assert render(categories=dict(reversed(list(CATEGORIES.items()))), labels=dict(reversed(list(LABELS.items()))),
                  links=dict(reversed(list(LINKS.items())))) == first


def test_unknown_codes_are_ignored():
    html = render(categories={"zz": "withdrawing", "ua": "non-party"}, labels={"zz": "nowhere"},
                  links={"zz": "zz/", "ua": "ua/"})
    assert "nowhere" not in html and sorted(links(html)) == ["ua"]


def test_two_maps_have_distinct_scoped_ids():
    one, two = render(), render(title="Another map")
    assert figure(one).get("id") != figure(two).get("id")
    assert f"#{figure(one).get('id')} .map-withdrawing" in one


def test_a_view_past_the_antimeridian_draws_the_other_side_too():
    html = render(categories={"ru": "non-party", "us": "withdrawn"}, labels={}, links={"ru": "ru/", "us": "us/"})
    shifted = [p for p in svg_of(html).iter(f"{{{NS['svg']}}}path") if p.get("transform")]
    assert all(re.fullmatch(r"translate\(-?360 0\)", p.get("transform")) for p in shifted)


def test_data_file_is_small_and_keyed_like_the_gazetteer():
    assert DATA.stat().st_size < 300_000
    known = {c["code"] for c in json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"]}
    assert drawn_codes() <= known
    assert {"ua", "ru", "us", "cn", "kp", "kr", "cl", "au", "xk", "cy"} <= drawn_codes()
    data = json.loads(DATA.read_text(encoding="utf-8"))["countries"]
    for code, country in data.items():
        west, south, east, north = country["fit"]
        assert west < east and south < north and country["box"][0] <= west and north <= country["box"][3], code


def test_a_view_crosses_180_degrees_only_when_that_is_much_narrower():
    # The United States and Japan: across the Pacific, not the whole world the other way.
    west, _, east, _ = fit_view(["us", "jp"])
    assert east > 180 and east - west < 250
    html = render(categories={"us": "withdrawn", "jp": "withdrawn"}, labels={}, links={})
    assert "translate(360 0)" in html  # the United States drawn a turn of the globe east
    # Europe, Russia, China and the United States: the usual map, cut at 180 degrees.
    west, _, east, _ = fit_view(["ua", "ru", "cn", "us", "pl"])
    assert (west, east) == (-180.0, 180.0)
    # Europe alone never crosses.
    west, _, east, _ = fit_view(["ua", "pl", "fi"])
    assert -180 < west < east < 180
