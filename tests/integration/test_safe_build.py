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
