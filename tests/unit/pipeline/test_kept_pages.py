"""Under ``mkdocs serve`` the page kinds keep what they made while its inputs compare equal
(``SiteView.kept``): after each of a run of edits, every page, addition and data file is what a
generation afresh makes of the same files."""

from __future__ import annotations

import re

from build_scripts.infra.cache import StageCache
from build_scripts.infra.disk_store import DiskStore
from build_scripts.pipeline import generate
from tests.seed import copy_seed


def test_pages_kept_across_edits_are_those_made_afresh(tmp_path):
    project = copy_seed(tmp_path / "project")
    live: dict = {}

    def site(folder: str, kept: dict) -> tuple[dict, dict, dict]:
        content = generate(project, StageCache(DiskStore(tmp_path / folder), kept), another_follows=True)
        return ({p.src_uri: (p.markdown, p.inserts, p.late) for p in content.pages}, dict(content.files),
                dict(content.additions))

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
