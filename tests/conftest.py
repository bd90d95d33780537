"""Shared fixtures: the project root and a helper to write small source files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured by `make bench`, not by unit tests: no per-example deadline.
settings.register_profile("project", deadline=None, derandomize=True)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(name="root")
def fixture_root() -> Path:
    return ROOT


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
