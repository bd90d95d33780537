"""Continuation pages (a long page continued over ``…/page-2/`` and on), in Chromium at desktop and phone
sizes: each links to the others, shows no markup text, and axe-core finds no serious or critical
violation on it. The seed corpus is too small to continue any page; a synthetic corpus of the benchmark's
(``build_scripts/bench/corpus.py``) is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from build_scripts.bench.corpus import write_corpus
from tests.browser.conftest import _serve
from tests.browser.support import SCREENS, axe_violations, describe_violations, expect, page_path
from tests.integration.site_build import LEFTOVER, ROOT, make_project, run_mkdocs_build

SOURCES = 150
"""Enough synthetic sources that the timeline and the disagreements continue over further pages."""
CONTINUED = re.compile(r"^(.+/)page-(\d+)/$")


@pytest.fixture(name="long_site", scope="module")
def fixture_long_site(tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    """The site of a synthetic corpus, served at the root; and its continuation pages."""
    project = make_project(tmp_path_factory.mktemp("long-project"), {})
    write_corpus(project.parent / "sources", SOURCES, ROOT / "sources")
    site = tmp_path_factory.mktemp("long") / "site"
    build = run_mkdocs_build(project, site)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{build.output}", pytrace=False)
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("**/page-*/index.html"))
    for url in _serve(site):
        yield url, pages


def test_a_synthetic_corpus_continues_pages(long_site):
    _, pages = long_site
    assert pages, "no page was continued: raise SOURCES"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_continuation_pages_link_to_each_other_show_no_markup_and_pass_axe(open_page, long_site, axe_js, screen):
    site_url, pages = long_site
    page, _ = open_page(**SCREENS[screen])
    failures = []
    for url in pages:
        first, number = CONTINUED.match(url).groups()
        page.goto(site_url + url)
        expect(page.locator("article h1").first).to_be_visible()
        # It links back to the first page of its kind, which links to it.
        links = page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")
        assert any(page_path(link, site_url) == first for link in links), (url, "no link to", first)
        shown = page.evaluate("() => document.title + '\\n' + document.body.innerText")
        failures += [f"/{url}: markup shown: {m.group(0)!r}" for m in LEFTOVER.finditer(shown)]
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), (url, "scrolls sideways")
        violations = axe_violations(page, axe_js)
        if violations:
            failures.append(f"axe-core on /{url} ({screen}):\n" + describe_violations(violations))
        page.goto(site_url + first)
        links = page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")
        assert any(page_path(link, site_url) == url for link in links), (first, "no link to page", number)
    assert not failures, "\n".join(failures)
