"""Every generated page, in Chromium: loads cleanly from 127.0.0.1 only, passes axe-core, is photographed."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.browser.support import (
    DARK_KINDS,
    DOCS_IMAGES,
    NOT_FOUND,
    PAGE_KINDS,
    REDIRECT,
    SCREENS,
    axe_violations,
    describe_violations,
    expect,
    kind_of,
    wait_for_search_ready,
)
from tests.integration.site_build import LEFTOVER

# Screenshots copied into docs/images/ for the README when UPDATE_DOCS_IMAGES=1; every screenshot stays in the
# run's temporary artifacts folder.
DOCS_SHOTS = {"home-desktop", "topic-desktop", "source-phone", "countries-desktop"}
DOCS_IMAGE_LIMIT = 300_000  # bytes


def _built_pages(site: Path) -> list[str]:
    """Every page of the built site, as a URL relative to its root ('' for the home page)."""
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


_SHOWN_TEXT = "() => document.title + '\\n' + document.body.innerText"
"""What a reader sees of a page: its title and the text of every element shown (not display: none)."""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_page_loads_cleanly_from_127_0_0_1_only_and_shows_no_markup_text(
        open_page, base, site_url, site_dir, screen):
    """At the root, every built page; under the sub-path, one page of each kind (for time). No template or
    markup text (a footnote's "[^1]", "///Footnotes Go Here///", an attribute list "{: .class}") is shown
    on any of them (issue 17, item 1)."""
    pages = _built_pages(site_dir)
    assert set(PAGE_KINDS.values()) <= set(pages), "a page kind is not built"
    assert REDIRECT in pages and (site_dir / NOT_FOUND).is_file()
    if base != site_url:
        pages = list(PAGE_KINDS.values())
    page, watch = open_page(**SCREENS[screen])
    problems = []
    for url in pages:
        already = len(watch.problems())
        response = page.goto(base + url)
        assert response is not None and response.ok, (url, response and response.status)
        expect(page.locator("article h1")).to_be_visible()
        wait_for_search_ready(page)  # the search worker has fetched the index: its requests are in
        problems += [f"{url or '/'}: {p}" for p in watch.problems()[already:]]
        shown = page.evaluate(_SHOWN_TEXT)
        problems += [f"{url or '/'}: markup shown: {m.group(0)!r}" for m in LEFTOVER.finditer(shown)]
    requested = " ".join(watch.requests)
    for asset in ("assets/javascripts/bundle.", "assets/stylesheets/main.", "stylesheets/extra.css",
                  "search/search_index.json"):
        assert asset in requested, f"{asset} was never requested: is the request log working?"
    watch.clear()  # reported here, not again by the fixture
    assert not problems, f"{len(problems)} problem(s) over {len(pages)} pages:\n" + "\n".join(problems)


def test_the_markup_check_sees_text_a_reader_sees(open_page, site_url):
    """The check above would catch a footnote left as text: put one on a page and read it back."""
    page, _ = open_page()
    page.goto(site_url + PAGE_KINDS["topic-treaty"])
    assert not LEFTOVER.search(page.evaluate(_SHOWN_TEXT))
    page.evaluate("() => document.querySelector('article p').append(' as agreed.[^3] ')")
    assert LEFTOVER.search(page.evaluate(_SHOWN_TEXT))


# Two of the four topic pages stand for all of them (the walk above visits every page).
AXE_KINDS = [kind for kind in PAGE_KINDS if kind not in ("topic-russian-mine-use", "topic-humanitarian-criticism")]
AXE_PAGES = ([pytest.param(PAGE_KINDS[kind], "light", id=kind) for kind in AXE_KINDS]
             + [pytest.param(PAGE_KINDS[kind], "dark", id=f"{kind}-dark") for kind in DARK_KINDS])


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("url", "scheme"), AXE_PAGES)
def test_no_serious_or_critical_accessibility_violation(open_page, site_url, axe_js, url, scheme, screen):
    page, _ = open_page(color_scheme=scheme, **SCREENS[screen])
    page.goto(site_url + url)
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{url} ({scheme} palette, {screen}):\n" + describe_violations(violations)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_serious_or_critical_accessibility_violation_on_the_404_page(open_page, site_url, axe_js, screen):
    page, _ = open_page(**SCREENS[screen])
    page.goto(site_url + NOT_FOUND)
    expect(page.locator("article h1")).to_have_text("404 - Not found")
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{NOT_FOUND} ({screen}):\n" + describe_violations(violations)


_LEAVING = re.compile(r'<script>location\.replace\([^<]*</script>|<meta http-equiv="refresh" content="0; url=[^"]*">')
"""What makes the page at an old address leave at once: a script, and for a browser without scripts a
refresh after 0 seconds (axe-core's meta-refresh rule allows no other delay)."""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_serious_or_critical_accessibility_violation_on_a_renamed_source_s_old_address(
        open_page, site_url, axe_js, screen):
    """The page at an old address leaves before it is drawn (test_addresses.py follows it); what it
    shows for that moment is checked here, served as built but for the two things that make it leave."""
    page, _ = open_page(**SCREENS[screen])
    served = []

    def without_leaving(route):
        response = route.fetch()
        html = response.text()
        assert len(_LEAVING.findall(html)) == 2, html
        served.append(route.request.url)
        route.fulfill(response=response, body=_LEAVING.sub("", html))

    page.route(site_url + REDIRECT, without_leaving)
    page.goto(site_url + REDIRECT)
    assert served == [site_url + REDIRECT]
    expect(page.locator("h1")).to_have_text("This source has moved")
    expect(page.locator("main a")).to_be_visible()
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{REDIRECT} ({screen}):\n" + describe_violations(violations)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_serious_or_critical_accessibility_violation_on_a_page_of_any_other_kind(
        open_page, site_url, site_dir, axe_js, screen):
    """A kind of page added later, not yet in PAGE_KINDS, is checked all the same."""
    known = {kind_of(url) for url in PAGE_KINDS.values()}
    others: dict[tuple[str, int], str] = {}
    for url in _built_pages(site_dir):
        if kind_of(url) not in known:
            others.setdefault(kind_of(url), url)
    page, _ = open_page(**SCREENS[screen])
    failures = []
    for url in others.values():
        page.goto(site_url + url)
        violations = axe_violations(page, axe_js)
        if violations:
            failures.append(f"axe-core on /{url} ({screen}):\n" + describe_violations(violations))
    assert not failures, "\n".join(failures)


def _source_page_at_a_sentence(page, site_url: str) -> None:
    """A source page reached as from a footnote: a sentence a third of the way down, highlighted."""
    page.goto(site_url + PAGE_KINDS["source"])
    sentences = page.locator("article span.sentence")
    target = sentences.nth(sentences.count() // 3).get_attribute("id")
    page.goto(site_url + PAGE_KINDS["source"] + "#" + target)
    expect(page.locator(f'span.sentence[id="{target}"]')).to_be_in_viewport()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("kind", ["home", "topic", "source", "countries"])
def test_screenshots(open_page, site_url, artifacts, kind, screen):
    page, _ = open_page(**SCREENS[screen])
    if kind == "source":
        _source_page_at_a_sentence(page, site_url)
    else:
        page.goto(site_url + {"home": "", "topic": "topics/withdrawals/", "countries": "countries/"}[kind])
    wait_for_search_ready(page)
    # Nothing wider than the screen: a reader never scrolls sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "page scrolls sideways"
    name = f"{kind}-{screen}"
    shot = artifacts / f"{name}.png"
    page.screenshot(path=shot, animations="disabled", caret="hide")
    assert shot.stat().st_size > 10_000, f"{shot} looks blank"
    if name in DOCS_SHOTS and os.environ.get("UPDATE_DOCS_IMAGES") == "1":
        assert shot.stat().st_size <= DOCS_IMAGE_LIMIT, f"{shot} is {shot.stat().st_size} bytes, too big for the README"
        DOCS_IMAGES.mkdir(exist_ok=True)
        shutil.copyfile(shot, DOCS_IMAGES / f"{name}.png")
