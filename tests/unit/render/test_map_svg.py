"""The static Europe map: well-formed, safe, deterministic, styled by CSS classes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from build_scripts.render.map_svg import DATA, render_map

NS = {"svg": "http://www.w3.org/2000/svg"}
CATEGORIES = {"ua": "withdrawing", "pl": "withdrawn", "fi": "withdrawn", "ru": "non-party"}
LABELS = {"ua": "Ukraine: withdrawal announced 29 June 2025", "ru": "Russia: never joined"}
LEGEND = {"withdrawing": "Withdrawal announced", "withdrawn": "Withdrawn", "non-party": "Not a party"}


def render(**changes) -> str:
    args = {"categories": CATEGORIES, "labels": LABELS, "legend": LEGEND, "title": "Ottawa Convention in Europe"}
    args.update(changes)
    return render_map(**args)


def paths(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {p.get("data-code"): p for p in root.iterfind(".//svg:path", NS)}


def test_well_formed_svg_with_accessible_title():
    root = ET.fromstring(render())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    assert title is not None and title.text == "Ottawa Convention in Europe"
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("width") == "100%" and root.get("height") is None
    assert root.get("viewBox") == render(categories={}, labels={}, legend={}).split('viewBox="')[1].split('"')[0]


def test_paths_for_the_countries_of_the_topic():
    drawn = paths(render())
    for code in ["ua", "pl", "fi", "ee", "lv", "lt", "ru", "by"]:
        assert code in drawn
        assert re.fullmatch(r"(M[-\d.,]+L[-\d., ]+Z)+", drawn[code].get("d"))


def test_categories_set_the_class():
    drawn = paths(render())
    assert drawn["ua"].get("class") == "map-country map-withdrawing"
    assert drawn["fi"].get("class") == "map-country map-withdrawn"
    assert drawn["ru"].get("class") == "map-country map-non-party"
    assert drawn["ee"].get("class") == "map-country"


def test_colours_are_css_variables_with_fallbacks():
    svg = render()
    assert "fill:var(--map-withdrawing,#c62828)" in svg
    assert "var(--map-land," in svg and "var(--map-sea," in svg
    assert "fill=" not in svg  # colours only through classes, so a theme can override them


def test_labels_are_tooltips_and_escaped():
    label = 'Ukraine <script>alert("x")</script> & more'
    svg = render(labels={"ua": label})
    assert "<script" not in svg
    drawn = paths(svg)
    assert drawn["ua"].find("svg:title", NS).text == label
    assert drawn["pl"].find("svg:title", NS) is None


def test_title_and_legend_escaped():
    svg = render(title="<b>Mines</b> & maps", legend={"withdrawing": "<img src=x onerror=alert(1)>"})
    root = ET.fromstring(svg)
    assert root.find("svg:title", NS).text == "<b>Mines</b> & maps"
    assert "<img" not in svg and "<b>" not in svg


def test_no_scripts_handlers_or_external_references():
    svg = render(labels={"ua": "javascript:alert(1) onload=x"})
    root = ET.fromstring(svg)
    for element in root.iter():
        assert not element.tag.endswith("script")
        for name in element.attrib:
            assert not name.lower().startswith("on")
            assert "href" not in name
    assert "url(" not in svg and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_deterministic_and_independent_of_dict_order():
    first = render()
    assert render() == first
    reordered = dict(reversed(list(CATEGORIES.items())))
    assert render(categories=reordered, labels=dict(reversed(list(LABELS.items())))) == first


def test_codes_in_sorted_order():
    codes = list(paths(render()))
    assert codes == sorted(codes)


def test_legend_entries_in_insertion_order():
    legend = {"non-party": "Not a party", "withdrawing": "Withdrawal announced", "withdrawn": "Withdrawn"}
    root = ET.fromstring(render(legend=legend))
    group = root.find(".//svg:g[@class='map-legend']", NS)
    assert [t.text for t in group.iterfind("svg:text", NS)] == list(legend.values())
    swatches = [r.get("class") for r in group.iterfind("svg:rect", NS)][1:]
    assert swatches == [f"map-swatch map-{c}" for c in legend]


def test_no_legend_when_empty():
    assert ET.fromstring(render(legend={})).find(".//svg:g[@class='map-legend']", NS) is None


def test_bad_category_names_are_refused():
    with pytest.raises(ValueError):
        render(categories={"ua": 'x" onclick="alert(1)'})
    with pytest.raises(ValueError):
        render(legend={"Bad Name": "text"})


def test_unknown_codes_are_ignored():
    svg = render(categories={"zz": "withdrawing", "us": "non-party"}, labels={"zz": "nowhere"})
    assert "nowhere" not in svg
    ET.fromstring(svg)


def test_two_maps_have_distinct_scoped_ids():
    one, two = render(), render(title="Another map")
    id_one = ET.fromstring(one).get("id")
    assert id_one != ET.fromstring(two).get("id")
    assert f"#{id_one} .map-withdrawing" in one


def test_data_file_is_small():
    assert DATA.stat().st_size < 300_000
