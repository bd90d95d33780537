"""Build a site with the real ``mkdocs`` command into a temporary folder."""

from __future__ import annotations

import json
import os
import re
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


LEFTOVER = re.compile(r"///Footnotes Go Here///|\[\^[\w-]+\]|\{:\s*[.#\w]")
"""Template or markup text that a reader must never see (the challenge's evaluate.py looks for the same)."""


def leftovers(site: Path) -> list[str]:
    """Markup text left visible on any page or in the search index of a built site."""
    found = []
    for path in sorted(site.rglob("*.html")):
        text = _visible_text(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: {m.group(0)}" for m in LEFTOVER.finditer(text)]
    index = site / "search" / "search_index.json"
    if index.exists():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            text = _visible_text(doc["title"] + " " + doc["text"])
            found += [f"search index, {doc['location']}: {m.group(0)}" for m in LEFTOVER.finditer(text)]
    return found


def _visible_text(html: str) -> str:
    """The text of the page's content, without tags, scripts or the head."""
    html = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", html)
    return re.sub(r"<[^>]*>", " ", html)


def run_mkdocs_build(config: Path, site: Path, *, check_leftovers: bool = True) -> Build:
    """Build; every successful build of the suite is also checked for visible markup leftovers
    (unless its sources hold such text on purpose)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, check=False,
    )
    if proc.returncode == 0 and check_leftovers:
        left = leftovers(site)
        assert not left, f"markup left visible in {site}: {left[:10]}"
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def build_with_script(script: str, config: Path, site: Path) -> dict:
    """Run ``script`` (Python that builds ``config`` into ``site``, given as its two arguments, and
    prints a line of JSON last) in a process of its own, as ``mkdocs build`` would run: the hook
    imports the package afresh there. Returns what it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-c", script, str(config), str(site)], capture_output=True, text=True,
                          env=env, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    found: dict = json.loads(proc.stdout.strip().splitlines()[-1])
    return found


def make_project(tmp: Path, sources: dict[str, str | bytes] | None = None) -> Path:
    """A copy of this project's docs and config in ``tmp``, with the given sources (by default the
    project's own); returns its ``mkdocs.yml``. Build this copy, not the checkout: a build keeps its
    cache in ``.cache/`` beside ``mkdocs.yml``.

    The hook stays the repository's own, so the code under test is this checkout's.
    """
    shutil.copytree(ROOT / "docs", tmp / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - build_scripts/hook.py", f"  - {ROOT / 'build_scripts' / 'hook.py'}")
    config = config.replace("custom_dir: build_scripts/theme", f"custom_dir: {ROOT / 'build_scripts' / 'theme'}")
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
