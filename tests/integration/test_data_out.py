"""The research data of the built site: valid against its schemas, loadable by reference tools."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import pytest
from bs4 import BeautifulSoup
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from jsonschema import Draft202012Validator

from tests.integration.site_build import ROOT, make_project, run_mkdocs_build

SCHEMAS = ROOT / "docs" / "data" / "schemas"
# Seed sources, by their ids (made from date, publisher and title words, or opening words)
UNTITLED = "undated-ukrainian-president-volodymyr-zelensky-has-officially"
VAULTZ = "2025-06-30-the-vaultz-news-ukrainian-president-volodymyr-zelenskyy-has-signed"
LIBERTARIAN = "2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to"
JSON_FILES = ["sources", "statements", "quotes", "timeline", "timeline.timelinejs", "disagreements", "countries"]


@pytest.fixture(name="site", scope="module")
def fixture_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("project")), site)  # its cache stays there too
    assert build.returncode == 0, build.output
    return site


def _json(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", JSON_FILES)
def test_each_json_file_matches_its_schema(site, name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(_json(site, f"{name}.json")))
    assert errors == []


def _every_citation(data):
    if isinstance(data, dict):
        if set(data) == {"source", "anchor", "url"}:
            yield data
        for v in data.values():
            yield from _every_citation(v)
    elif isinstance(data, list):
        for v in data:
            yield from _every_citation(v)


def test_every_citation_points_at_a_real_sentence(site):
    checked = 0
    pages: dict[str, set[str]] = {}
    for name in JSON_FILES:
        for c in _every_citation(_json(site, f"{name}.json")):
            assert c["url"] == f"sources/{c['source']}/#{c['anchor']}"
            if c["source"] not in pages:
                html = (site / "sources" / c["source"] / "index.html").read_text(encoding="utf-8")
                pages[c["source"]] = {s["id"] for s in BeautifulSoup(html, "html.parser").select("span.sentence")}
            assert c["anchor"] in pages[c["source"]]
            checked += 1
    assert checked > 100


def test_statements_carry_topic_and_corroboration_and_match_the_csv(site):
    rows = _json(site, "statements.json")["statements"]
    assert {r["topic"] for r in rows} == {"treaty", "withdrawals", "russian-mine-use", "humanitarian-criticism"}
    # The decree: three sources report it in their own words (the fourth's line is a summary bullet).
    decree = next(r for r in rows if "decree" in r["text"] and "Ottawa Convention" in r["text"]
                  and r["sources"] >= 3)
    assert decree["independent_sources"] == decree["sources"]
    assert {c["source"] for c in decree["citations"]} >= {UNTITLED, VAULTZ}
    # No two seed sources reuse one text (copies are tested on the challenge's wire pair): a row naming
    # shared wording would count its sources once.
    assert all(r["independent_sources"] < r["sources"] for r in rows if r["shared_wording"])
    table = list(csv.DictReader(io.StringIO((site / "data" / "statements.csv").read_text(encoding="utf-8"))))
    assert [t["id"] for t in table] == [r["id"] for r in rows]
    assert table[0]["citations"].split(" ")[0] == rows[0]["citations"][0]["url"]


def test_unknown_metadata_is_null_never_guessed(site):
    sources = {s["id"]: s for s in _json(site, "sources.json")["sources"]}
    assert sources[UNTITLED]["publisher"] is None and sources[UNTITLED]["date"] is None
    assert sources[VAULTZ]["date"] == {"iso": "2025-06-30", "precision": "day",
                                                       "display": "30 June 2025"}
    timeline = _json(site, "timeline.json")["events"]
    assert {"iso": "2005", "precision": "year", "display": "2005"} in [e["date"] for e in timeline]


def test_bibtex_parses_with_missing_fields_left_out(site):
    library = bibtexparser.parse_string((site / "data" / "sources.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert len(entries) == 5
    li = entries[LIBERTARIAN]
    assert li.entry_type == "online"
    assert li["title"] == "Ukraine, Eastern European NATO Countries to Leave Anti-Landmine Treaty"
    assert li["author"] == "Anzalone, Kyle" and li["date"] == "2025-06-30"
    unknown = entries[UNTITLED]
    assert unknown["title"].startswith("[Untitled article, opening words: ")  # a description, never empty
    assert "date" not in unknown.fields_dict
    assert "author" not in unknown.fields_dict and "publisher" not in unknown.fields_dict


def test_csl_json_matches_the_schema_and_loads_in_a_citation_processor(site):
    items = _json(site, "sources.csl.json")
    schema = json.loads((SCHEMAS / "sources.csl.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(items)) == []
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 5
    assert any(r.startswith("Anzalone, K.") and "Ukraine, Eastern European NATO Countries" in r for r in rendered)
    assert all(r.strip() for r in rendered)
    li = next(i for i in items if i["id"] == LIBERTARIAN)
    assert li["author"] == [{"family": "Anzalone", "given": "Kyle"}]


def test_timelinejs_events_have_headlines(site):
    events = _json(site, "timeline.timelinejs.json")["events"]
    assert events and all(e["text"]["headline"].strip() for e in events)


def test_data_page_links_every_file_and_pages_close_with_sources_and_a_citation(site):
    page = BeautifulSoup((site / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in page.select("article a[href]")}
    for name in [*(f"{n}.json" for n in JSON_FILES), "statements.csv", "sources.bib", "sources.csl.json"]:
        assert name in links
    index = BeautifulSoup((site / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {"../data/sources.bib", "../data/sources.csl.json"} <= {a["href"] for a in index.select("article a[href]")}
    for url in ["topics/treaty", "timeline", "quotes", "disagreements", "countries/ua", f"sources/{LIBERTARIAN}"]:
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
        assert headings[-1] == "Sources used on this page", url
        cite = article.select("details.cite")[-1]
        assert "Cite this page" in cite.get_text() and "Ottawa Convention withdrawals, 2025" in cite.get_text()
