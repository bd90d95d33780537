"""The hand-written pages of ``docs/about/`` (the methodology), last in the navigation."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Topic
from build_scripts.pages.kind import NavItem, PageKind


def _nav(docs_dir: Path, topics: list[Topic]) -> list[NavItem]:
    about = sorted((docs_dir / "about").glob("*.md"))
    return [{"About": [f"about/{p.name}" for p in about]}] if about else []


KIND = PageKind("about", 80, _nav)
