"""The seed project the unit tests read: a frozen copy of the project's inputs.

``tests/fixtures/seed/`` holds the five seed articles of ``sources/`` and the
``docs/`` folder (without ``docs/images``) as they were when the copy was taken
(commit e148185). Unit tests read this copy, never the live ``sources/`` and
``docs/``: adding an article or editing a topic page of the real project must not
change what they check. ``tests/golden/seed/`` is this project's generated output.

A test that edits the inputs works on a copy in its ``tmp_path`` (``copy_seed``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.model import Project

ROOT = Path(__file__).resolve().parents[1]
"""The checkout: read, never written, by the tests."""
SEED = ROOT / "tests" / "fixtures" / "seed"
SOURCES = SEED / "sources"
DOCS = SEED / "docs"
SOURCE_IDS = sorted(p.stem for p in SOURCES.glob("*.md"))


def seed_project() -> Project:
    """The frozen seed project itself: for reading only."""
    return Project.at(SEED)


def copy_seed(dest: Path) -> Project:
    """A copy of the seed project in ``dest`` (``dest/sources``, ``dest/docs``), to edit."""
    shutil.copytree(SOURCES, dest / "sources")
    shutil.copytree(DOCS, dest / "docs")
    return Project.at(dest)
