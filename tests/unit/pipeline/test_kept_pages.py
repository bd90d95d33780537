"""Under ``mkdocs serve`` the page kinds keep what they made while its inputs compare equal
(``SiteView.kept``): after each of a run of edits, every page, addition and data file is what a
generation afresh makes of the same files."""

from __future__ import annotations

import re

import pytest

from build_scripts.infra import forked
from build_scripts.infra.cache import StageCache
from build_scripts.infra.disk_store import DiskStore
from build_scripts.pipeline import across, generate
from tests.seed import copy_seed


@pytest.mark.parametrize("fork", [False, True], ids=["in this process", "disagreements in a forked child"])
def test_pages_kept_across_edits_are_those_made_afresh(tmp_path, monkeypatch, fork):
    """With ``fork``, the served builds after the first work out the disagreements in a forked child
    (``across.FORK_FROM``), the builds afresh in this process."""
    project = copy_seed(tmp_path / "project")
    live: dict = {}
    monkeypatch.setattr(forked, "possible", lambda: True)
    monkeypatch.setitem(across._SESSION, "memos filled", False)
    forks: list[bool] = []
    decide = across._fork
    monkeypatch.setattr(across, "_fork", lambda n: forks.append(decide(n)) or forks[-1])

    def site(folder: str, kept: dict) -> tuple[dict, dict, dict]:
        monkeypatch.setattr(across, "FORK_FROM", 0 if fork and folder == "served" else 10**9)
        content = generate(project, StageCache(DiskStore(tmp_path / folder), kept), another_follows=True)
        return ({p.src_uri: p.markdown for p in content.pages}, dict(content.files), dict(content.additions))

    site("served", live)
    sources = sorted(project.sources_dir.glob("*.md"))
    edits = [
        (sources[0], lambda t: t + "\nOn 3 March 2025 Finland said it would leave the treaty, a report said.\n"),
        (sources[1], lambda t: re.sub(r"\npublisher: [^\n]*\n", "\npublisher: Another Herald\n", t, count=1)),
        (sources[2], lambda t: t + "\nRussia has used anti-personnel mines in Ukraine since 2022, the council said.\n"),
        (sources[0], lambda t: t.replace("a report said", "a second edit said")),
    ]
    for number, (path, change) in enumerate(edits, start=1):
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        served = site("served", live)
        afresh = site(f"afresh-{number}", {})
        for made, expected in zip(served, afresh, strict=True):
            assert made.keys() == expected.keys()
            assert [k for k in made if made[k] != expected[k]] == [], f"edit {number}"
    assert forks == [False] + [fork, False] * len(edits)
