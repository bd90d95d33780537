"""The research data as a reader downloads it from the data page (issue 17, item 8), in Chromium at desktop
and phone sizes, with the site at the server's root and under /project/: every file the page links loads,
and the exports a reference manager imports load in the tools that read them (bibtexparser, citeproc-py,
TimelineJS's JSON shape). tests/integration/test_data_out.py checks their contents field by field."""

from __future__ import annotations

import json

import bibtexparser
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from tests.browser.support import PAGE_KINDS, SCREENS, expect, page_path


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_file_the_data_page_links_loads_and_the_exports_import(open_page, base, site_dir, screen):
    page, _ = open_page(**SCREENS[screen])
    page.goto(base + PAGE_KINDS["data"])
    links = page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")
    files = sorted({h for h in links if h.startswith(base) and page_path(h, base).startswith("data/")
                    and page_path(h, base) != "data/"})
    names = {page_path(h, base)[len("data/"):] for h in files}
    assert {"sources.bib", "sources.csl.json", "timeline.timelinejs.json", "statements.csv"} <= names, names
    bodies = {}
    for url in files:
        response = page.request.get(url)
        assert response.ok, (url, response.status)
        bodies[page_path(url, base)[len("data/"):]] = response.text()
    sources = len([p for p in (site_dir / "sources").glob("*/index.html") if "http-equiv" not in p.read_text("utf-8")])

    library = bibtexparser.parse_string(bodies["sources.bib"])
    assert library.failed_blocks == [] and len(library.entries) == sources

    items = json.loads(bodies["sources.csl.json"])
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == sources and all(r.strip() for r in rendered), rendered

    events = json.loads(bodies["timeline.timelinejs.json"])["events"]
    assert events and all(e["start_date"]["year"] and e["text"]["headline"].strip() for e in events)
    # The link to the BibTeX file is a link a reader can see and follow.
    expect(page.locator('article a[href$="sources.bib"]').first).to_be_visible()
