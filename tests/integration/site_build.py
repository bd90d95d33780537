"""Build a site with the real ``mkdocs`` command into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def run_mkdocs_build(config: Path, site: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, check=False,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(tmp: Path, sources: dict[str, str | bytes] | None = None) -> Path:
    """A copy of this project's docs and config in ``tmp``, with the given sources (by default the
    project's own); returns its ``mkdocs.yml``. Build this copy, not the checkout: a build keeps its
    cache in ``.cache/`` beside ``mkdocs.yml``.

    The hook stays the repository's own, so the code under test is this checkout's.
    """
    shutil.copytree(ROOT / "docs", tmp / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - build_scripts/hook.py", f"  - {ROOT / 'build_scripts' / 'hook.py'}")
    config = config.replace("  - build_scripts\n", f"  - {ROOT / 'build_scripts'}\n")
    (tmp / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp / "sources").mkdir()
    if sources is None:
        for path in (ROOT / "sources").glob("*.md"):
            shutil.copy(path, tmp / "sources" / path.name)
    else:
        for name, text in sources.items():
            target = tmp / "sources" / name
            target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp / "mkdocs.yml"
