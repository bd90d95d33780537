"""A failed build leaves the previous site untouched; the same input gives the same site."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.integration.site_build import make_project


def _tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file()
    }


def _build(config: Path, site: Path, epoch: str = "1751241600") -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--config", str(config), "--site-dir", str(site), "--quiet"],
        capture_output=True, text=True, env=env, check=False, cwd=Path(__file__).resolve().parents[2],
    )


def test_failed_build_keeps_the_old_site_exactly(tmp_path):
    config = make_project(tmp_path)
    site = tmp_path / "site"
    first = _build(config, site)
    assert first.returncode == 0, first.stderr
    before = _tree_digest(site)
    assert "index.html" in before
    (tmp_path / "sources" / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    second = _build(config, site)
    assert second.returncode != 0
    assert "sources/broken.md:2: the frontmatter is not valid YAML" in second.stderr
    assert "build failed; " in second.stderr and "is left as it was" in second.stderr
    assert _tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    config = make_project(tmp_path)
    assert _build(config, tmp_path / "one").returncode == 0
    assert _build(config, tmp_path / "two").returncode == 0
    assert _tree_digest(tmp_path / "one") == _tree_digest(tmp_path / "two")


def _tree(folder: Path) -> dict[str, str]:
    return _tree_digest(folder) if folder.exists() else {}


def test_build_refuses_to_write_over_the_sources_or_the_hand_written_pages(tmp_path):
    """Issue 18, case 1: `build --site-dir sources` replaced every article with the site."""
    config = make_project(tmp_path)
    for target in ("sources", "docs", "docs/topics", "sources/sub", "."):
        before = {name: _tree(tmp_path / name) for name in ("sources", "docs")}
        run = _build(config, tmp_path / target)
        assert run.returncode == 2, (target, run.stderr)
        assert "error:" in run.stderr and "choose" in run.stderr
        assert {name: _tree(tmp_path / name) for name in ("sources", "docs")} == before


def test_two_builds_started_together_both_leave_a_whole_site(tmp_path):
    """Issue 18, case 2: builds shared one staging folder and left a site of 3 to 33 files."""
    config = make_project(tmp_path)
    site = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1751241600"}
    command = [sys.executable, "-m", "build_scripts", "build", "--config", str(config), "--site-dir", str(site),
               "--quiet"]
    cwd = Path(__file__).resolve().parents[2]
    runs = [subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    alone = tmp_path / "alone"
    assert _build(config, alone).returncode == 0
    assert _tree_digest(site) == _tree_digest(alone)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_a_build_killed_between_the_renames_of_the_swap_loses_no_site(tmp_path):
    """Issue 18, case 2: a kill after the old site was set aside left no site/ at all."""
    config = make_project(tmp_path)
    site = tmp_path / "site"
    assert _build(config, site).returncode == 0
    before = _tree_digest(site)
    site.rename(tmp_path / ".site.old")  # where the swap sets it aside, as a kill would leave it
    (tmp_path / ".site.building-killed").mkdir()
    (tmp_path / "sources" / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    run = _build(config, site)
    assert run.returncode != 0
    assert "put back" in run.stderr and "is left as it was" in run.stderr
    assert _tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_the_built_site_is_readable_by_others_and_goes_beside_its_configuration(tmp_path):
    """A web server running as another user could not read a site made from mkdtemp's 0700 folder;
    and `build --config other/mkdocs.yml` replaced the current folder's site."""
    config = make_project(tmp_path / "project")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1751241600"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run([sys.executable, "-m", "build_scripts", "build", "--config", str(config), "--quiet"],
                         capture_output=True, text=True, env=env, check=False, cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    site = tmp_path / "project" / "site"
    assert (site / "index.html").is_file() and not (elsewhere / "site").exists()
    assert site.stat().st_mode & 0o055 == 0o055 & ~os.umask(os.umask(0))
