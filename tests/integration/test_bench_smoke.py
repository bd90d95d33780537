"""A 20-source run of the benchmark: it builds, builds plain MkDocs, previews, and prints the targets."""

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
         "--repeat", "2", "--edits", "2"],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    [row] = data["results"]
    assert row["sources"] == 20
    # The runs are written rounded to a hundredth of a second, the median not.
    runs = row["build_runs_s"]
    assert len(runs) == 2 and min(runs) <= round(row["build_s"], 2) <= max(runs)
    assert len(row["plain_runs_cpu_s"]) == 2 and row["plain_cpu_s"] > 0
    assert row["build_peak_mb"] >= row["build_main_peak_mb"] > 0
    assert len(row["preview_runs_s"]) == 2 and 0 < row["preview_s"] < row["build_s"] + 60
    assert row["largest_page"].endswith(".html") and row["largest_page_kb"] > 0
    assert row["pages"] > 20 and row["words"] > 20 * 300  # every source a page, ~600 words each
    assert len(row["load_before"]) == 3
    # The targets are all printed, each with its figure; at 20 sources none applies.
    targets = data["targets"]
    assert {t["target"] for t in targets} >= {"preview, edit to served at 1,000 sources <= 3 s wall",
                                              "largest generated page at 10,000 <= 500 KB of HTML"}
    assert all(t["met"] is None for t in targets)
    assert "20 sources, runs: build " in proc.stdout and "; preview " in proc.stdout
    for t in targets:
        assert f"not run  {t['target']}: not run" in proc.stdout
    assert data["machine"]["cpus"] == os.cpu_count()
    # The source edited under `mkdocs serve` is restored.
    edited = tmp_path / "work" / "corpus-20" / "sources" / "bench-00000.md"
    assert "edited report of the benchmark" not in edited.read_text(encoding="utf-8")
    # The targets can be printed again from saved results (sizes run apart merged).
    again = subprocess.run([sys.executable, "-m", "build_scripts.bench", "--report", str(out)], capture_output=True,
                           text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split("\n\n")[0] == proc.stdout.split("\n\n")[0]  # the same table
