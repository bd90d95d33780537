"""Under ``mkdocs serve``, pages whose markdown did not change reuse their last conversion; what
is served after an edit is byte for byte what ``mkdocs build`` makes from the same files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.integration.site_build import make_project

URL = "http://127.0.0.1:8000/"


@pytest.fixture(autouse=True)
def _keep_this_process_modules():
    """The hook imports ``build_scripts`` afresh when it loads (see build_scripts/hook.py), and MkDocs
    keeps one hook module per process. Afterwards, put this process's modules back and make the hook
    import afresh next time: later tests would otherwise hold classes that pickle no longer finds."""
    kept = {name: module for name, module in sys.modules.items()
            if name == "build_scripts" or name.startswith("build_scripts.")}
    yield
    hook_file = Path(__file__).resolve().parents[2] / "build_scripts" / "hook.py"
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) == str(hook_file) and hasattr(module, "_events"):
            module._events = None
            module._live.clear()
    for name in [n for n in sys.modules if n == "build_scripts" or n.startswith("build_scripts.")]:
        del sys.modules[name]
    sys.modules.update(kept)


def _serve_build(config_file: Path, site: Path, *, first: bool = False) -> None:
    """One build as ``mkdocs serve`` runs it (its configuration read again each time)."""
    config = load_config(str(config_file), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = URL
    build(config, serve_url=URL, dirty=False)


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.suffix in {".html", ".json", ".csv", ".xml", ".bib"}}


def _listing(site: Path) -> list[str]:
    """Every file and folder of a site."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))


def test_what_is_served_after_an_edit_is_what_a_build_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config_file = make_project(tmp_path / "case")
    served = tmp_path / "served"
    edited = sorted((tmp_path / "case" / "sources").glob("*.md"))[0]
    try:
        _serve_build(config_file, served, first=True)
        renders = sys.modules["build_scripts.publish.events"]._renders
        assert renders.converted > 20 and renders.reused == 0
        edited.write_text(edited.read_text(encoding="utf-8")
                          + "\nThe treaty was signed by 153 countries, a later report said.\n", encoding="utf-8")
        _serve_build(config_file, served)
        events = sys.modules["build_scripts.publish.events"]
        assert events._renders.reused > events._renders.converted > 0  # the edited page and those citing it
        assert events._search.reused > events._search.indexed > 0
        assert events._templates.reused > events._templates.rendered > 0
        assert events._writer.kept > events._writer.written > 0 and events._writer.deleted == 0
    finally:
        config = load_config(str(config_file))
        config.plugins.on_startup(command="build", dirty=False)  # the hook's module is shared in this process
    _same_as_a_build(config_file, served, tmp_path / "fresh")
    assert "153 countries" in _pages(served)[f"sources/{edited.stem}/index.html"].decode("utf-8")


def test_a_renamed_page_in_the_navigation_changes_every_page_served(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config_file = make_project(tmp_path / "case")
    served = tmp_path / "served"
    page = tmp_path / "case" / "docs" / "about" / "how-to-read.md"
    try:
        _serve_build(config_file, served, first=True)
        page.write_text(page.read_text(encoding="utf-8").replace("# How to read this site", "# Reading this site", 1),
                        encoding="utf-8")
        _serve_build(config_file, served)
        events = sys.modules["build_scripts.publish.events"]
        assert events._renders.reused > 0 and events._templates.reused == 0  # the title is in every page's menu
    finally:
        config = load_config(str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
    _same_as_a_build(config_file, served, tmp_path / "fresh")
    assert "Reading this site" in _pages(served)["index.html"].decode("utf-8")


def test_a_removed_source_leaves_nothing_behind_and_unchanged_files_are_not_written_again(tmp_path, monkeypatch):
    """Under serve the site folder is not emptied before each build (``SiteWriter``): what a
    removed source had is deleted, folders and all, and the folder holds what a build makes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config_file = make_project(tmp_path / "case")
    served = tmp_path / "served"
    removed = sorted((tmp_path / "case" / "sources").glob("*.md"))[-1]
    try:
        _serve_build(config_file, served, first=True)
        assert (served / "sources" / removed.stem / "index.html").is_file()
        removed.unlink()
        _serve_build(config_file, served)
        writer = sys.modules["build_scripts.publish.events"]._writer
        assert writer.deleted >= 1 and writer.kept > 0 and writer.written > 0
        assert not (served / "sources" / removed.stem).exists()
    finally:
        config = load_config(str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
    _same_as_a_build(config_file, served, tmp_path / "fresh")


def _same_as_a_build(config_file: Path, served: Path, fresh: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d",
                           str(fresh)], capture_output=True, text=True, check=False,
                          env={**os.environ, "SITE_URL": URL})
    assert proc.returncode == 0, proc.stderr
    assert _listing(served) == _listing(fresh)
    served_pages, built_pages = _pages(served), _pages(fresh)
    assert served_pages.keys() == built_pages.keys()
    differing = [uri for uri in built_pages if served_pages[uri] != built_pages[uri]]
    assert not differing, differing[:10]
