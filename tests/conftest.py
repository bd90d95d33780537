"""Shared fixtures: the project root, the frozen seed project, and a helper to write small source files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from build_scripts.model import Project
from tests.seed import ROOT, SEED, copy_seed

# Speed is measured by `make bench`, not by unit tests: no per-example deadline.
settings.register_profile("project", deadline=None, derandomize=True)
settings.load_profile("project")


@pytest.fixture(name="root")
def fixture_root() -> Path:
    return ROOT


@pytest.fixture(name="seed_root")
def fixture_seed_root() -> Path:
    """``tests/fixtures/seed``: the seed project's folder (read only)."""
    return SEED


@pytest.fixture(name="seed_project")
def fixture_seed_project() -> Project:
    """The frozen seed project (``tests/seed.py``), read in place: a test must not edit it."""
    return Project.at(SEED)


@pytest.fixture(name="seed_copy")
def fixture_seed_copy(tmp_path: Path) -> Project:
    """A copy of the seed project in ``tmp_path`` (``tmp_path/sources``, ``tmp_path/docs``), to edit."""
    return copy_seed(tmp_path)


@pytest.fixture(name="write")
def fixture_write(tmp_path: Path):
    """write("name.md", "text") creates tmp_path/sources/name.md and returns its path."""

    def write(name: str, text: str | bytes, folder: str = "sources") -> Path:
        path = tmp_path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write
