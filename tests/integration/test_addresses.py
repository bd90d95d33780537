"""Readable, stable addresses: the seeds renamed with `rename-sources` are served at their new
addresses with the same sentence anchors, and each old address leads to the new page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_scripts.cli import main
from build_scripts.ingest.rename import is_readable, plan_renames
from build_scripts.load.sources import load_source, load_sources
from build_scripts.text.document import build_document
from tests.integration.site_build import ROOT, Build, make_project, run_mkdocs_build
from tests.seed import SOURCES, copy_seed


@pytest.fixture(name="renamed", scope="module")
def fixture_renamed(tmp_path_factory) -> tuple[Path, Build]:
    """The frozen seed (hash-named sources) renamed by the command, then built."""
    project = tmp_path_factory.mktemp("renamed")
    copy_seed(project)
    assert main(["rename-sources", "--root", str(project)]) == 0
    sources = {p.name: p.read_bytes() for p in (project / "sources").glob("*.md")}
    site = tmp_path_factory.mktemp("site") / "site"
    build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("build"), sources), site)
    assert build.returncode == 0, build.output
    return project, build


def _anchors_on_page(site: Path, source_id: str) -> list[str]:
    soup = BeautifulSoup((site / "sources" / source_id / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [span["id"] for span in soup.select("span.sentence[id]")]


def test_new_pages_keep_every_sentence_anchor_of_the_old_ones(renamed):
    project, build = renamed
    for path in sorted((project / "sources").glob("*.md")):
        source = load_source(path)
        (old,) = source.meta.former_ids
        before = [s.anchor for s in build_document(load_source(SOURCES / f"{old}.md")).sentences]
        assert before, old
        assert _anchors_on_page(build.site, source.id) == before, (old, source.id)
        assert not (build.site / "sources" / f"{source.id}.md").exists()


def test_each_old_address_leads_to_the_new_page_relatively(renamed):
    project, build = renamed
    renamed_ids = {load_source(p).meta.former_ids[0]: p.stem for p in (project / "sources").glob("*.md")}
    assert len(renamed_ids) == 5
    for old, new in renamed_ids.items():
        page = build.site / "sources" / old / "index.html"
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("link", rel="canonical")["href"] == f"../{new}/"
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../{new}/"
        assert soup.select_one("main a")["href"] == f"../{new}/"
        assert f'location.replace("../{new}/" + location.hash)' in soup.script.string
        # the relative address names a page that exists
        assert (page.parent / f"../{new}/index.html").resolve().is_file()
    # Old addresses are not pages of the site: not in the sitemap, not in the search index.
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    for old in renamed_ids:
        assert old not in sitemap and old not in index


def test_topic_pages_cite_the_new_addresses(renamed):
    _, build = renamed
    html = (build.site / "topics" / "treaty" / "index.html").read_text(encoding="utf-8")
    cited = set(re.findall(r'href="\.\./\.\./sources/([^/"#]+)/#s-', html))
    assert cited and all(is_readable(source_id) for source_id in cited), cited


def test_the_live_seeds_are_renamed_and_remember_their_old_ids():
    """The project's own sources: every id readable, so the command has nothing left to do, and the
    seeds' former hash names kept for their redirects."""
    sources, problems = load_sources(ROOT / "sources")
    assert not problems
    assert all(is_readable(s.id) for s in sources), [s.id for s in sources]
    assert plan_renames(ROOT).renamings == []
    former = {old for s in sources for old in s.meta.former_ids}
    assert {p.stem for p in SOURCES.glob("*.md")} <= former
