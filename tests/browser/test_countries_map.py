"""The countries map in Chromium: the full width of the column at phone and desktop sizes, each country a
link reached with Tab that leads to its page, the table beside it, and no serious or critical axe-core
violation on the countries pages in the light and dark palettes.

Runs with the site at the server's root and under /project/ (``base``); `open_page` fails a test whose
pages request anything off 127.0.0.1 or log a console error.
"""

from __future__ import annotations

import re

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
    assert svg["height"] >= svg["width"] / 3.4  # height follows the width (height: auto)
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


@pytest.mark.parametrize("viewport", SIZES)
def test_each_country_is_reached_with_tab_shows_its_focus_and_leads_to_its_page(open_page, base, viewport):
    page, _ = open_page(viewport=viewport)
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


_SUMMARY = """() => {
    // What opens a country page: everything between its title and its first section heading.
    const items = [], texts = [];
    for (let el = document.querySelector("article h1").nextElementSibling; el && el.tagName !== "H2";
         el = el.nextElementSibling) {
        texts.push(el.innerText);
        el.querySelectorAll(":scope > li").forEach(li => items.push({
            text: li.innerText,
            refs: [...li.querySelectorAll("sup a.footnote-ref")].map(a => a.getAttribute("href")),
            top: li.getBoundingClientRect().top}));
    }
    return {items, text: texts.join("\\n")};
}"""
DATED = re.compile(r"^(\d{4}|(\d{1,2} )?[A-Z][a-z]+ \d{4}|No date given) · \S")
SCORES = re.compile(r"(?i)\bscores?\b|\bweights?\b|\bconfidence\b|\b[01]\.\d+\b|\d+(\.\d+)? ?%")
"""What an internal measure would look like if a country page showed one."""


@pytest.mark.parametrize("viewport", SIZES)
def test_a_country_page_opens_with_a_short_dated_summary_each_item_cited_and_no_scores(open_page, base, viewport):
    page, _ = open_page(viewport=viewport)
    page.goto(base + "countries/")
    hrefs = page.locator("article table a[href]").evaluate_all("els => els.map(a => a.href)")
    countries = sorted({h for h in hrefs if re.search(r"/countries/[a-z]{2}/$", h)})
    assert len(countries) >= 5, hrefs
    with_stance = 0
    for url in countries:
        page.goto(url)
        summary = page.evaluate(_SUMMARY)
        where = page_path(url, base)
        if not summary["items"]:
            assert re.search(r"no stance found", summary["text"], re.I), (where, summary)
            continue
        with_stance += 1
        assert len(summary["items"]) <= 6, (where, "not short", summary["items"])
        assert summary["items"][0]["top"] < viewport["height"], (where, "the summary is not where the page opens")
        for item in summary["items"]:
            assert DATED.match(item["text"]), (where, item["text"])
            assert item["refs"], (where, "an item without its footnote", item["text"])
            for ref in item["refs"]:
                expect(page.locator(f'[id="{ref.lstrip("#")}"]')).to_have_count(1)
        text = page.locator("article").inner_text()
        assert not SCORES.search(text), (where, SCORES.search(text))
    assert with_stance >= 3, with_stance
