"""Citing and publishing (issue 17, item 4): with site_url every page has its absolute address in
"Cite this page", canonical and Open Graph tags and the sitemap, and the 404 page works under a
sub-path; without it the box says the reader's address is to be used."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from bs4 import BeautifulSoup

from tests.integration.site_build import make_project, run_mkdocs_build

ADDRESS = "https://example.org/research/"


@pytest.fixture(scope="module", name="published")
def fixture_published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", ADDRESS)
        build = run_mkdocs_build(make_project(tmp / "project"), tmp / "site")
    assert build.returncode == 0, build.output
    return tmp / "site"


def _page(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_its_absolute_address_in_canonical_open_graph_and_sitemap(published):
    page = _page(published, "topics/treaty/index.html")
    assert page.select_one("link[rel=canonical]")["href"] == ADDRESS + "topics/treaty/"
    assert page.select_one("meta[property='og:url']")["content"] == ADDRESS + "topics/treaty/"
    assert page.select_one("meta[property='og:title']")["content"].startswith("The treaty")
    assert page.select_one("meta[property='og:description']")["content"]
    assert page.select_one("link[type='application/atom+xml']")["href"].endswith("feed.xml")
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}topics/treaty/</loc>" in sitemap and f"<loc>{ADDRESS}sources/</loc>" in sitemap


def test_the_404_page_loads_its_styles_under_a_sub_path(published):
    page = _page(published, "404.html")
    styles = [link["href"] for link in page.select("link[rel=stylesheet]") if "assets" in link["href"]]
    assert styles and all(href.startswith("/research/assets/") for href in styles)


def test_cite_this_page_gives_five_forms_with_the_address_and_a_copy_button_each(published):
    box = _page(published, "topics/treaty/index.html").select_one("details.cite")
    for style in ("apa", "chicago", "mla", "bibtex", "wikipedia"):
        form = box.select_one(f"#cite-{style}")
        assert ADDRESS + "topics/treaty/" in form.get_text(), style
        assert box.select_one(f"button[data-clipboard-target='#cite-{style}']") is not None
    assert box.select("#cite-apa .access-date[data-style=apa]")
    assert re.match(r"\{\{cite web \|title=The treaty \|url=https://", box.select_one("#cite-wikipedia").get_text())
    library = bibtexparser.parse_string(box.select_one("#cite-bibtex").get_text())
    assert library.failed_blocks == [] and library.entries[0]["url"] == ADDRESS + "topics/treaty/"


def test_without_site_url_the_box_leaves_the_address_to_the_reader_s_browser(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    build = run_mkdocs_build(make_project(tmp_path / "project"), tmp_path / "site")
    assert build.returncode == 0, build.output
    box = _page(tmp_path / "site", "topics/treaty/index.html").select_one("details.cite")
    assert box.select(".page-address[data-relative]")
    assert "/topics/treaty/" in box.select_one("#cite-apa").get_text()


def test_footnote_numbers_stay_out_of_the_search_text(published):
    """Issue 17, item 6: a snippet read "land.45" where a statement ended in footnote marks."""
    import json

    docs = json.loads((published / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    topics = " ".join(d["text"] for d in docs if d["location"].startswith("topics/"))
    assert "anti-personnel" in topics
    assert not re.search(r"<sup>\d+</sup>", topics)


def test_open_graph_tags_escape_a_hostile_title(tmp_path):
    """A title scraped from a web page could close the attribute and open a script."""
    hostile = '---\ntitle: "x\\"><script>alert(1)</script>"\n---\nThe council approved the harbour wall on Monday.\n'
    build = run_mkdocs_build(make_project(tmp_path / "project", {"hostile.md": hostile}), tmp_path / "site")
    assert build.returncode == 0, build.output
    page = (tmp_path / "site" / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert "<script>alert(1)</script>" not in head
    title = BeautifulSoup(page, "html.parser").select_one("meta[property='og:title']")["content"]
    assert title.startswith('x"><script>alert(1)</script>')  # shown as text, whole
