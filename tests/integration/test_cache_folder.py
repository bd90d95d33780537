"""A second ``mkdocs build`` reuses the analysis kept in ``.cache/build_scripts``."""

from __future__ import annotations

import os
import time

from build_scripts.infra.disk_store import DiskStore
from build_scripts.pipeline.inputs import CHAIN
from tests.integration.site_build import make_project, run_mkdocs_build

KEPT = 5 * len(CHAIN)
"""Entries in the cache folder after a build of the five seed sources: one per source and per-source stage."""


def _packs(cache):
    return sorted(cache.glob("*.pack"))


def test_a_second_build_reuses_the_cache_and_gives_the_same_pages(tmp_path):
    config = make_project(tmp_path / "project")
    cache = tmp_path / "project" / ".cache" / "build_scripts"
    first = run_mkdocs_build(config, tmp_path / "site1")
    assert first.returncode == 0, first.output
    assert "reused from the cache" not in first.output
    assert len(DiskStore(cache)) == KEPT and len(_packs(cache)) == 1

    second = run_mkdocs_build(config, tmp_path / "site2")
    assert second.returncode == 0, second.output
    assert "5 unchanged sources reused from the cache, 0 sources analysed" in second.output
    for page in ("topics/treaty/index.html", "sources/index.html", "timeline/index.html"):
        assert (first.site / page).read_text(encoding="utf-8") == (second.site / page).read_text(encoding="utf-8")

    (pack,) = _packs(cache)
    data = bytearray(pack.read_bytes())
    start = data.index(b"\x80")  # the first entry's pickle: the first source's analysis
    data[start:start + 2] = b"no"
    pack.write_bytes(bytes(data))
    stale = cache / ("0" * 64 + ".pickle")
    stale.write_bytes(b"an entry of the layout before packs")
    stopped = cache / "tmp1a2b3c.tmp"
    stopped.write_bytes(b"left by a build killed mid-write")
    os.utime(stopped, (time.time() - 7200, time.time() - 7200))
    third = run_mkdocs_build(config, tmp_path / "site3")
    assert third.returncode == 0, third.output
    assert "4 unchanged sources reused from the cache, 1 source analysed" in third.output
    assert (first.site / "topics/treaty/index.html").read_text(encoding="utf-8") == (
        third.site / "topics/treaty/index.html").read_text(encoding="utf-8")
    assert not stale.exists() and not stopped.exists()
    assert len(DiskStore(cache)) == KEPT and len(_packs(cache)) <= 2
