"""The site navigation: home, the topics, the sources index, the about pages."""

from __future__ import annotations

from pathlib import Path

from build_scripts.load.topics import load_topics
from build_scripts.render.sources_index import INDEX_SRC_URI

CROSS_SOURCE_PAGES = [("Timeline", "timeline.md"), ("Countries", "countries/index.md"),
                      ("Who said what", "quotes.md"), ("Where sources differ", "disagreements.md")]
"""Generated pages that read across all sources, in navigation order."""


def build_nav(docs_dir: Path) -> list:
    """Topics come from ``docs/topics/`` so a new topic file appears without a config edit.

    Per-source pages are left out on purpose: thousands of entries in the
    sidebar make every page heavy and the build ten times slower.
    """
    topics, _ = load_topics(docs_dir)  # problems are reported by the build itself
    nav: list = [{"Home": "index.md"}]
    if topics:
        nav.append({"Topics": [{t.title: t.src_uri} for t in topics]})
    nav += [{title: uri} for title, uri in CROSS_SOURCE_PAGES]
    nav.append({"Sources": INDEX_SRC_URI})
    if (docs_dir / "data" / "index.md").exists():
        nav.append({"Data": "data/index.md"})
    about = sorted((docs_dir / "about").glob("*.md"))
    if about:
        nav.append({"About": [f"about/{p.name}" for p in about]})
    return nav
