"""A large build says how far MkDocs' rendering is (issue 19, item 4): a line every tenth."""

from __future__ import annotations

import logging

from build_scripts.publish import events


def test_rendering_reports_every_tenth_of_a_large_site_and_nothing_for_a_small_one(caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.build_scripts")
    progress = events._Rendering()
    progress.start(1000)
    for _ in range(1000):
        progress.advance()
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "rendering 1,000 pages"
    assert lines[1:] == [f"rendered {n:,} of 1,000 pages" for n in range(100, 1001, 100)]
    caplog.clear()
    progress.start(50)
    for _ in range(50):
        progress.advance()
    assert caplog.records == []
