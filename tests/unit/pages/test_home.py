"""The home page: its summary of the sources."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import PartialDate, Project
from build_scripts.pipeline import generate
from tests.seed import DOCS


def _project(tmp_path: Path, sources: dict[str, str]) -> Project:
    (tmp_path / "sources").mkdir()
    for name, text in sources.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    return Project(tmp_path / "sources", DOCS)


def test_sources_of_mixed_date_precision_build(tmp_path):
    project = _project(tmp_path, {
        "a.md": "---\ndate: 2025-06\n---\nUkraine will withdraw from the Ottawa Convention, the decree says.\n",
        "b.md": "---\ndate: 2025-06-30\n---\nUkraine signed a decree to withdraw from the Ottawa Convention.\n",
        "c.md": "---\ndate: 2025\n---\nThe Ottawa Convention bans anti-personnel mines in every state party.\n",
    })
    content = generate(project)
    assert "dated sources from 2025 to 30 June 2025" in content.additions["index.md"]
    assert sorted([PartialDate(2025, 6, 30), PartialDate(2025), PartialDate(2025, 6)], key=PartialDate.sort_key) == [
        PartialDate(2025), PartialDate(2025, 6), PartialDate(2025, 6, 30)]
