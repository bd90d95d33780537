"""A new case started with new-case builds with `mkdocs build --strict` and passes `check`
(issue 19, item 1)."""

from __future__ import annotations

import shutil

import yaml

from build_scripts.cli import main
from build_scripts.scaffold.new_case import new_case
from tests.integration.site_build import ROOT, run_mkdocs_build

PAGE = ROOT / "tests" / "fixtures" / "exports" / "herald-wall.html"


def test_a_new_case_builds_empty_and_with_a_source_and_passes_check(tmp_path, capsys):
    case = tmp_path / "floods"
    assert main(["new-case", str(case), "--title", "The Calder Bay floods, 2026"]) == 0
    config = yaml.safe_load((case / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_name"] == "The Calder Bay floods, 2026"
    assert (case / "docs" / "topics" / "example.md").is_file() and (case / "sources").is_dir()
    assert "Ottawa" not in "".join(p.read_text(encoding="utf-8") for p in (case / "docs").rglob("*.md")
                                   if "about" not in p.parts)
    assert main(["check", "--root", str(case)]) == 0
    empty = run_mkdocs_build(case / "mkdocs.yml", tmp_path / "empty-site")
    assert empty.returncode == 0, empty.output
    assert main(["add", str(PAGE), "--root", str(case)]) == 0
    assert main(["check", "--root", str(case)]) == 0
    built = run_mkdocs_build(case / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.output
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "The Calder Bay floods, 2026" in home
    assert list((tmp_path / "site" / "sources").glob("*council*"))


def test_new_case_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new-case", str(tmp_path / "case")]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert (tmp_path / "case" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_nav_of_one_s_own_in_mkdocs_yml_builds_in_strict_mode(tmp_path):
    """Issue 19: a nav: in mkdocs.yml failed strict mode unless it listed the generated pages
    (the hand-written ones it must list, as MkDocs asks)."""
    case = tmp_path / "case"
    new_case(case, "A case")
    config = case / "mkdocs.yml"
    nav = ["Home: index.md", "Example: topics/example.md", "Timeline: timeline.md", "countries/index.md",
           "data/index.md", "about/how-to-read.md", "about/methodology.md"]
    config.write_text(config.read_text(encoding="utf-8") + "\nnav:\n" + "".join(f"  - {n}\n" for n in nav),
                      encoding="utf-8")
    shutil.copy(PAGE, tmp_path / "page.html")
    assert main(["add", str(tmp_path / "page.html"), "--root", str(case)]) == 0
    built = run_mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert (tmp_path / "site" / "quotes" / "index.html").is_file()  # built, not listed
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="timeline/"' in home and 'href="quotes/"' not in home.split("md-content")[0]


def test_new_case_refuses_an_empty_title_and_writes_nothing(tmp_path, capsys):
    assert main(["new-case", str(tmp_path / "case"), "--title", "  "]) == 1
    assert "title is empty" in capsys.readouterr().err
    assert not (tmp_path / "case").exists()
