"""The site navigation: every page kind's entries, in order (see ``pages.registry``)."""

from __future__ import annotations

from pathlib import Path

from build_scripts.load.topics import load_topics
from build_scripts.pages.kind import NavItem
from build_scripts.pages.registry import build_nav as nav_of_kinds


def build_nav(docs_dir: Path) -> list[NavItem]:
    """Topics come from ``docs/topics/`` so a new topic file appears without a config edit.

    Per-source pages are left out on purpose: thousands of entries in the
    sidebar make every page heavy and the build ten times slower.
    """
    topics, _ = load_topics(docs_dir)  # problems are reported by the build itself
    return nav_of_kinds(docs_dir, topics)
