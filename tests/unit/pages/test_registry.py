"""The page kinds are found by the registry, and the navigation and the site loop over them."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Analysis
from build_scripts.pages.kind import DataFile, PageKind, Rendered
from build_scripts.pages.registry import build_nav, kinds, render_site
from build_scripts.publish.nav import build_nav as site_nav

EVERY_KIND = {"home", "topics", "timeline", "countries", "quotations", "disagreements", "sources index", "source",
              "data", "about", "feed", "redirects"}


def test_every_module_with_a_kind_is_found_in_order():
    found = kinds()
    assert {k.name for k in found} == EVERY_KIND
    assert [k.order for k in found] == sorted(k.order for k in found)


def test_the_navigation_is_each_kind_s_entries_in_order(seed_project):
    nav = site_nav(seed_project.docs_dir)
    titles = [next(iter(item)) for item in nav]
    assert titles == ["Home", "Topics", "Timeline", "Countries", "Who said what", "Where sources differ", "Sources",
                      "Data", "About"]
    assert sorted(next(iter(t.values())) for t in nav[1]["Topics"]) == sorted(
        f"topics/{p.name}" for p in (seed_project.docs_dir / "topics").glob("*.md"))


def test_hand_written_pages_that_do_not_exist_leave_no_entry(tmp_path):
    (tmp_path / "topics").mkdir()
    titles = [next(iter(item)) for item in build_nav(tmp_path, [])]
    assert "Data" not in titles and "About" not in titles and "Topics" not in titles
    assert titles[0] == "Home"


def _empty_analysis() -> Analysis:
    return Analysis([], [], [], [], [], [], [], [], [])


def test_a_new_kind_is_rendered_and_writes_its_files(monkeypatch):
    """What adding a page kind takes: a module with a KIND. Here one is slipped into the registry."""
    extra = PageKind("extra", 95, lambda docs, topics: [{"Extra": "extra.md"}],
                     lambda view: Rendered(additions={"extra.md": "Added."}),
                     (DataFile("extra.txt", lambda view: "text\n", folder=""),
                      DataFile("none.txt", lambda view: None)))
    monkeypatch.setattr("build_scripts.pages.registry.kinds", lambda: (*kinds(), extra))
    content = render_site(_empty_analysis(), Path("/nonexistent"))
    assert content.files["extra.txt"] == "text\n"
    assert "data/none.txt" not in content.files
    assert content.additions["extra.md"].startswith("Added.")
    assert "data/sources.json" in content.files
