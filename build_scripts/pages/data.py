"""The hand-written page of research data (``docs/data/index.md``), in the navigation when it exists."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Topic
from build_scripts.pages.kind import NavItem, PageKind, no_nav

SRC_URI = "data/index.md"


def _nav(docs_dir: Path, topics: list[Topic]) -> list[NavItem]:
    return [{"Data": SRC_URI}] if (docs_dir / SRC_URI).exists() else no_nav(docs_dir, topics)


KIND = PageKind("data", 70, _nav)
