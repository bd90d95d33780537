"""The countries map in Chromium: the full width of the column at phone and desktop sizes, each country a
link reached with Tab that leads to its page, the table beside it, and no serious or critical axe-core
violation on the countries pages in the light and dark palettes.

Runs with the site at the server's root and under /project/ (``base``); `open_page` fails a test whose
pages request anything off 127.0.0.1 or log a console error.
"""

from __future__ import annotations

import pytest

from tests.browser.support import DESKTOP, PHONE, axe_violations, describe_violations, expect, page_path

SIZES = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]


@pytest.mark.parametrize("viewport", SIZES)
def test_the_map_is_as_wide_as_the_column_and_its_legend_readable(open_page, base, viewport):
    page, _ = open_page(viewport=viewport)
    page.goto(base + "countries/")
    figure = page.locator("article figure.country-map")
    expect(figure).to_be_visible()
    column = page.locator("article").bounding_box()
    svg = page.locator("article figure.country-map svg").bounding_box()
    assert column is not None and svg is not None
    # The column's padding aside, the map fills it (Material's article has no padding of its own here).
    assert svg["width"] >= column["width"] - 2, (svg, column)
    assert svg["height"] >= svg["width"] / 2.6  # height follows the width (height: auto)
    sizes = page.locator("figure.country-map ul.map-legend li").evaluate_all(
        "items => items.map(li => parseFloat(getComputedStyle(li).fontSize))")
    assert sizes and min(sizes) >= 12, sizes
    # The table after the map gives the same in text.
    table = page.locator("article figure.country-map ~ table, article figure.country-map ~ * table")  # or wrapped
    expect(table.first).to_be_visible()


def _tab_to_map_links(page, limit: int = 80) -> list[str]:
    """Press Tab from the top of the page until focus has passed every link of the map; the codes in order."""
    total = page.locator("figure.country-map svg a").count()
    reached: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        code = page.evaluate("""() => {
            const a = document.activeElement;
            return a && a.closest('figure.country-map svg a') ? a.getAttribute('data-code') : null;
        }""")
        if code is not None and code not in reached:
            reached.append(code)
        if len(reached) == total:
            break
    return reached


def test_each_country_is_reached_with_tab_shows_its_focus_and_leads_to_its_page(open_page, base):
    page, _ = open_page()
    page.goto(base + "countries/")
    codes = page.locator("figure.country-map svg a").evaluate_all("links => links.map(a => a.dataset.code)")
    assert len(codes) >= 5
    assert _tab_to_map_links(page) == codes  # every link, in the map's order
    # The focused country is outlined: its stroke is thicker than a country that is not focused.
    focused = page.evaluate("""() => {
        const path = document.activeElement.querySelector('path');
        const other = document.querySelector('figure.country-map g.map-context path');
        return [parseFloat(getComputedStyle(path).strokeWidth), parseFloat(getComputedStyle(other).strokeWidth)];
    }""")
    assert focused[0] >= 2 * focused[1], focused
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/countries/{codes[-1]}/")
    assert page_path(page.url, base) == f"countries/{codes[-1]}/"
    expect(page.locator("article h1")).to_contain_text(name.split(":")[0])


@pytest.mark.parametrize("viewport", SIZES)
def test_a_click_on_a_country_opens_its_page(open_page, base, viewport):
    page, _ = open_page(viewport=viewport)
    page.goto(base + "countries/")
    link = page.locator('figure.country-map svg a[data-code="ua"]')
    label = link.get_attribute("aria-label")
    assert label is not None and label.startswith("Ukraine: ")
    link.locator("path").first.click()
    page.wait_for_url("**/countries/ua/")
    expect(page.locator("article h1")).to_contain_text("Ukraine")
    expect(page.locator("article").get_by_text("Position in the sources")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["countries/", "countries/ua/", "countries/kp/"])
def test_no_serious_or_critical_accessibility_violation_on_the_countries_pages(
        open_page, site_url, axe_js, url, scheme):
    page, _ = open_page(color_scheme=scheme)
    page.goto(site_url + url)
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{url} ({scheme} palette):\n" + describe_violations(violations)


def test_the_map_has_its_own_colours_in_the_dark_palette(open_page, site_url):
    colours = {}
    for scheme in ("light", "dark"):
        page, _ = open_page(color_scheme=scheme)
        page.goto(site_url + "countries/")
        colours[scheme] = page.evaluate("""() => {
            const fill = sel => getComputedStyle(document.querySelector(sel)).fill;
            return [fill('figure.country-map .map-sea'), fill('figure.country-map g.map-context path'),
                    fill('figure.country-map svg a path')];
        }""")
    assert all(light != dark for light, dark in zip(colours["light"], colours["dark"], strict=True)), colours
