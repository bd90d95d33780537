"""A 20-source run of the benchmark: it measures, checks targets and writes its results."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.integration.site_build import ROOT


def test_benchmark_smoke_run(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run(  # a relative work folder, as `make bench` gives
        [sys.executable, "-m", "build_scripts.bench", "--sizes", "20", "--workdir", "work", "--out", str(out),
         "--repeat", "2"],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "sources | generate s" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    [row] = data["results"]
    assert row["sources"] == 20
    assert 0 < row["generation_s"] < row["mkdocs_build_s"]
    for runs, median in (("generation_runs_s", "generation_s"), ("regeneration_runs_s", "regeneration_after_edit_s"),
                         ("cached_generation_runs_s", "cached_generation_s")):
        assert len(row[runs]) == 2 and min(row[runs]) - 0.001 <= row[median] <= max(row[runs]) + 0.001
    assert row["generation_cpu_s"] > 0 and row["regeneration_cpu_s"] > 0
    assert "20 sources, runs in s: generate " in proc.stdout
    assert row["largest_topic_page_kb"] > 0 and row["search_index_mb"] > 0
    assert row["cached_generation_s"] > 0 and row["mkdocs_rebuild_s"] > 0
    assert {t["target"] for t in data["targets"]} >= {"regeneration after one edit at 1,000 <= 0.5 s"}
    assert data["machine"]["cpus"] == os.cpu_count()
