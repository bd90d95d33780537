"""Cite and publish (issue 17, item 4), in Chromium at desktop and phone sizes.

The site is built with its address (``SITE_URL``) and served under /project/ by a server that answers a
missing page with the site's 404.html, as GitHub Pages does for a project's site: "Cite this page" gives
the page's absolute address, the reader's access date in five styles and a copy button each; canonical
and Open Graph tags give the address; the 404 page finds its styles under the sub-path; the feed and
every address of the sitemap load. Built without an address (the session's site), the box shows the
address the browser is at.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import bibtexparser
import pytest

from tests.browser.support import PAGE_KINDS, SCREENS, expect, wait_for_search_ready
from tests.integration.site_build import make_project, run_mkdocs_build

TODAY = datetime.datetime(2026, 1, 15, 12, 0, 0)
DATES = {"apa": "January 15, 2026", "chicago": "January 15, 2026", "mla": "15 Jan. 2026",
         "bibtex": "2026-01-15", "wikipedia": "2026-01-15"}
STYLES = list(DATES)


class _GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one is answered 404 with the project's 404.html, as GitHub Pages does."""

    not_found_page: Path

    def log_message(self, format, *args):  # "format": the base class's name
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(name="published", scope="module")
def fixture_published(tmp_path_factory) -> Iterator[str]:
    """The seed site built with SITE_URL = its address here, served at http://127.0.0.1:PORT/project/."""
    parent = tmp_path_factory.mktemp("published-pages")
    site = parent / "project"
    handler = type("Handler", (_GitHubPagesHandler,), {"not_found_page": site / "404.html"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(parent)))
    address = f"http://127.0.0.1:{server.server_address[1]}/project/"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", address)
        build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("published-project")), site)
    if build.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build failed:\n{build.output}", pytrace=False)
    thread = threading.Thread(target=server.serve_forever, name="http published", daemon=True)
    thread.start()
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _open(open_page, screen: str, **options):
    page, watch = open_page(**SCREENS[screen], **options)
    page.clock.set_fixed_time(TODAY)
    return page, watch


def _forms(page) -> dict[str, str]:
    return {style: page.locator(f"#cite-{style}").inner_text() for style in STYLES}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("url", [PAGE_KINDS["topic-treaty"], PAGE_KINDS["source"], PAGE_KINDS["country"]])
def test_cite_this_page_gives_the_address_the_access_date_and_five_styles(open_page, published, url, screen):
    page, _ = _open(open_page, screen)
    page.goto(published + url)
    box = page.locator("article details.cite")
    expect(box.locator("#cite-apa")).not_to_be_visible()  # closed until asked for
    box.locator("summary", has_text="Cite this page").click()
    for style in STYLES:
        expect(box.locator(f"#cite-{style}")).to_be_visible()
    address = published + url
    forms = _forms(page)
    for style, text in forms.items():
        assert address in text, (style, text)
        assert DATES[style] in text, (style, text)  # the reader's day, not the build's
    assert re.match(r"^\{\{cite web \|title=.+ \|url=" + re.escape(address) + r" \|.*\|access-date=2026-01-15\}\}$",
                    forms["wikipedia"]), forms["wikipedia"]
    library = bibtexparser.parse_string(forms["bibtex"])
    assert library.failed_blocks == [], forms["bibtex"]
    [entry] = library.entries
    assert entry["url"] == address and entry["urldate"] == "2026-01-15", entry.fields_dict
    # Nothing of the box is wider than the screen.
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "page scrolls sideways"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_citation_has_a_copy_button_that_copies_it(open_page, published, screen):
    page, _ = _open(open_page, screen, permissions=["clipboard-read", "clipboard-write"])
    page.goto(published + PAGE_KINDS["topic-treaty"])
    box = page.locator("article details.cite")
    box.locator("summary").click()
    forms = _forms(page)
    for style in STYLES:
        button = box.locator(f'button[data-clipboard-target="#cite-{style}"]')
        expect(button).to_be_visible()
        size = button.bounding_box()
        assert size and size["width"] >= 24 and size["height"] >= 24, (style, size)  # WCAG 2.2 target size
        button.click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert " ".join(copied.split()) == " ".join(forms[style].split()), (style, copied)
    expect(page.locator(".md-dialog")).to_contain_text("Copied")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_canonical_and_open_graph_tags_give_the_page_s_address(open_page, published, screen):
    page, _ = _open(open_page, screen)
    for url in ["", PAGE_KINDS["topic-treaty"], PAGE_KINDS["source"], PAGE_KINDS["country"]]:
        page.goto(published + url)
        assert page.url == published + url
        assert page.locator("link[rel=canonical]").get_attribute("href") == published + url
        assert page.locator("meta[property='og:url']").get_attribute("content") == published + url
        title = page.locator("meta[property='og:title']").get_attribute("content")
        assert title and "Ottawa Convention withdrawals, 2025" in title, title
        assert page.locator("meta[property='og:description']").get_attribute("content")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_404_page_works_under_the_sub_path(open_page, published, screen):
    page, watch = _open(open_page, screen)
    missing = published + "no/such/page/"
    response = page.goto(missing)
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_have_text("404 - Not found")
    # Styled: Material's stylesheet came from /project/assets/, so the header is coloured and sticky.
    header = page.locator("header.md-header")
    assert header.evaluate("el => getComputedStyle(el).position") == "sticky"
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    wait_for_search_ready(page)  # the search index was found under /project/ too
    # The expected 404 is the page itself (and the console's line about it); anything else that failed
    # (a stylesheet, a script) is a problem.
    assert watch.failed_responses == [f"404 {missing}"], watch.failed_responses
    assert all(f"status of 404 (Not Found) ({missing})" in e for e in watch.console_errors), watch.console_errors
    watch.failed_responses.clear()
    watch.console_errors.clear()
    # Its links lead into the site under the sub-path: the logo home, the navigation to each page.
    assert page.locator("header a.md-header__button.md-logo").evaluate("el => el.href") == published
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all("els => els.map(a => a.href)")
    assert published + PAGE_KINDS["topic-treaty"] in links, links
    assert all(link.startswith(published) for link in links), links


def test_the_feed_and_every_address_of_the_sitemap_load(open_page, published, site_dir):
    page, _ = _open(open_page, "desktop")
    page.goto(published)
    link = page.locator("link[rel=alternate][type='application/atom+xml']")
    feed_url = link.evaluate("el => el.href")  # resolved against the page, as a feed reader does
    assert feed_url == published + "feed.xml"
    feed = page.request.get(feed_url)
    assert feed.ok and "xml" in feed.headers["content-type"]
    atom = ET.fromstring(feed.body())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = atom.findall("a:entry", ns)
    # A source is in the feed when its day is known; the feed says how many are not.
    left_out = re.search(r"(\d+) sources? ha(?:s|ve) no such day", atom.find("a:subtitle", ns).text or "")
    sources = [p for p in (site_dir / "sources").glob("*/index.html") if "http-equiv" not in p.read_text("utf-8")]
    assert entries and len(entries) + int(left_out.group(1) if left_out else 0) == len(sources), (
        len(entries), left_out, len(sources))
    updated = [entry.find("a:updated", ns).text for entry in entries]
    assert updated == sorted(updated, reverse=True), updated  # newest first
    for entry in entries:
        href = urljoin(feed_url, entry.find("a:link[@rel='alternate']", ns).get("href"))
        assert href.startswith(published + "sources/") and page.request.get(href).ok, href
    sitemap = page.request.get(published + "sitemap.xml")
    assert sitemap.ok
    locs = [loc.text for loc in ET.fromstring(sitemap.body()).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert published in locs and published + PAGE_KINDS["topic-treaty"] in locs, locs[:5]
    assert len(locs) >= len(sources) + 10
    broken = [loc for loc in locs if not (loc.startswith(published) and page.request.get(loc).ok)]
    assert not broken, broken


@pytest.mark.parametrize("screen", list(SCREENS))
def test_without_its_address_the_box_gives_the_one_the_browser_is_at(open_page, base, screen):
    """The session's site is built without SITE_URL: the address comes from the browser (root and sub-path)."""
    assert not os.environ.get("SITE_URL"), "the session's site is meant to be built without SITE_URL"
    page, _ = _open(open_page, screen)
    page.goto(base + PAGE_KINDS["topic-withdrawals"] + "#top")
    page.locator("article details.cite summary").click()
    address = base + PAGE_KINDS["topic-withdrawals"]
    for style, text in _forms(page).items():
        assert address in text and address + "#" not in text, (style, text)
        assert DATES[style] in text, (style, text)
