"""Every generated page, in Chromium: loads cleanly from 127.0.0.1 only, passes axe-core, is photographed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.support import (
    DARK_KINDS,
    DESKTOP,
    DOCS_IMAGES,
    PAGE_KINDS,
    PHONE,
    axe_violations,
    describe_violations,
    expect,
    kind_of,
    wait_for_search_ready,
)

# Screenshots copied into docs/images/ for the README when UPDATE_DOCS_IMAGES=1; every screenshot stays in the
# run's temporary artifacts folder.
DOCS_SHOTS = {"home-desktop", "topic-desktop", "source-phone"}
DOCS_IMAGE_LIMIT = 300_000  # bytes


def _built_pages(site: Path) -> list[str]:
    """Every page of the built site, as a URL relative to its root ('' for the home page)."""
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def test_every_page_loads_cleanly_from_127_0_0_1_only(open_page, base, site_url, site_dir):
    """At the root, every built page; under the sub-path, one page of each kind (for time)."""
    pages = _built_pages(site_dir)
    assert set(PAGE_KINDS.values()) <= set(pages), "a page kind is not built"
    if base != site_url:
        pages = list(PAGE_KINDS.values())
    page, watch = open_page()
    problems = []
    for url in pages:
        already = len(watch.problems())
        response = page.goto(base + url)
        assert response is not None and response.ok, (url, response and response.status)
        expect(page.locator("article h1")).to_be_visible()
        wait_for_search_ready(page)  # the search worker has fetched the index: its requests are in
        problems += [f"{url or '/'}: {p}" for p in watch.problems()[already:]]
    requested = " ".join(watch.requests)
    for asset in ("assets/javascripts/bundle.", "assets/stylesheets/main.", "stylesheets/extra.css",
                  "search/search_index.json"):
        assert asset in requested, f"{asset} was never requested: is the request log working?"
    watch.clear()  # reported here, not again by the fixture
    assert not problems, f"{len(problems)} problem(s) over {len(pages)} pages:\n" + "\n".join(problems)


# Two of the four topic pages stand for all of them (the walk above visits every page).
AXE_KINDS = [kind for kind in PAGE_KINDS if kind not in ("topic-russian-mine-use", "topic-humanitarian-criticism")]
AXE_PAGES = ([pytest.param(PAGE_KINDS[kind], "light", id=kind) for kind in AXE_KINDS]
             + [pytest.param(PAGE_KINDS[kind], "dark", id=f"{kind}-dark") for kind in DARK_KINDS])


@pytest.mark.parametrize(("url", "scheme"), AXE_PAGES)
def test_no_serious_or_critical_accessibility_violation(open_page, site_url, axe_js, url, scheme):
    page, _ = open_page(color_scheme=scheme)
    page.goto(site_url + url)
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{url} ({scheme} palette):\n" + describe_violations(violations)


def test_no_serious_or_critical_accessibility_violation_on_a_page_of_any_other_kind(
        open_page, site_url, site_dir, axe_js):
    """A kind of page added later, not yet in PAGE_KINDS, is checked all the same."""
    known = {kind_of(url) for url in PAGE_KINDS.values()}
    others: dict[tuple[str, int], str] = {}
    for url in _built_pages(site_dir):
        if kind_of(url) not in known:
            others.setdefault(kind_of(url), url)
    page, _ = open_page()
    failures = []
    for url in others.values():
        page.goto(site_url + url)
        violations = axe_violations(page, axe_js)
        if violations:
            failures.append(f"axe-core on /{url}:\n" + describe_violations(violations))
    assert not failures, "\n".join(failures)


def _source_page_at_a_sentence(page, site_url: str) -> None:
    """A source page reached as from a footnote: a sentence a third of the way down, highlighted."""
    page.goto(site_url + PAGE_KINDS["source"])
    sentences = page.locator("article span.sentence")
    target = sentences.nth(sentences.count() // 3).get_attribute("id")
    page.goto(site_url + PAGE_KINDS["source"] + "#" + target)
    expect(page.locator(f'span.sentence[id="{target}"]')).to_be_in_viewport()


SCREENS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("kind", ["home", "topic", "source"])
def test_screenshots(open_page, site_url, artifacts, kind, screen):
    page, _ = open_page(**SCREENS[screen])
    if kind == "source":
        _source_page_at_a_sentence(page, site_url)
    else:
        page.goto(site_url + {"home": "", "topic": "topics/withdrawals/"}[kind])
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
