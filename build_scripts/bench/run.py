"""Run the benchmark: for each corpus size, time generation, the full build, an edit and a rebuild.

Prints a table and writes the results as JSON, with the targets of the
project checked against them. Corpora are written once per size into the
work folder and reused.

Generations are timed ``--repeat`` times and the median kept: on a shared
(virtual) machine one run can be a fifth off. The JSON keeps every run.
The MkDocs builds, minutes long at 10,000 sources, run once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import TypedDict

from tqdm import tqdm

from build_scripts.bench.corpus import write_corpus
from build_scripts.bench.measure import Measurement
from build_scripts.infra.disk_store import FOLDER as CACHE_FOLDER

ROOT = Path(__file__).resolve().parents[2]


class _Median(TypedDict):
    seconds: float
    cpu_s: float
    runs_s: list[float]
    peak_mb: float


class _Sizes(TypedDict):
    largest_topic_page_kb: float
    search_index_mb: float
    corpus_mb: float


class Result(_Sizes):
    """The results of one corpus size, as written to the JSON."""

    sources: int
    generation_s: float
    generation_cpu_s: float
    generation_runs_s: list[float]
    generation_peak_mb: float
    mkdocs_build_s: float
    mkdocs_peak_mb: float
    regeneration_after_edit_s: float
    regeneration_cpu_s: float
    regeneration_runs_s: list[float]
    cached_generation_s: float
    cached_generation_runs_s: list[float]
    mkdocs_rebuild_s: float


def _project(workdir: Path, size: int) -> Path:
    project = workdir / f"corpus-{size}"
    marker = project / ".complete"
    if not marker.exists():
        shutil.rmtree(project, ignore_errors=True)
        write_corpus(project / "sources", size, ROOT / "sources")
        shutil.copytree(ROOT / "docs", project / "docs")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("  - build_scripts/hook.py", f"  - {ROOT / 'build_scripts' / 'hook.py'}")
        config = config.replace("custom_dir: build_scripts/theme", f"custom_dir: {ROOT / 'build_scripts' / 'theme'}")
        config = config.replace("  - build_scripts\n", f"  - {ROOT / 'build_scripts'}\n")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        marker.touch()
    return project


def _measure(*args: str) -> Measurement:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "build_scripts.bench.measure", *args],
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"measurement {args[0]} failed:\n{proc.stderr[-3000:]}")
    result: Measurement = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _median_of(times: int, *args: str) -> _Median:
    """The median time and CPU time of ``times`` measurements, every run's time, the highest peak."""
    runs = [_measure(*args) for _ in range(times)]
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "runs_s": [round(r["seconds"], 3) for r in runs],
            "peak_mb": max(r["peak_mb"] for r in runs)}


def _sizes_of(site: Path, project: Path) -> _Sizes:
    topic_pages = list((site / "topics").rglob("index.html"))
    corpus = sum(len(p.read_bytes()) for p in (project / "sources").glob("*.md"))
    return {
        "largest_topic_page_kb": max(p.stat().st_size for p in topic_pages) / 1024,
        "search_index_mb": (site / "search" / "search_index.json").stat().st_size / 1048576,
        "corpus_mb": corpus / 1048576,
    }


def run_size(workdir: Path, size: int, bar: tqdm, repeat: int = 1) -> Result:
    bar.set_description(f"{size} sources: corpus")
    project = _project(workdir, size)
    bar.set_description(f"{size} sources: generation")
    gen = _median_of(repeat, "generate", str(project))
    bar.set_description(f"{size} sources: edit one source")
    regen = _median_of(repeat, "regenerate", str(project))
    bar.set_description(f"{size} sources: mkdocs build")
    site = workdir / f"site-{size}"
    shutil.rmtree(project / CACHE_FOLDER, ignore_errors=True)  # the first build of a clean clone
    build = _measure("mkdocs", str(project), str(site))
    bar.set_description(f"{size} sources: mkdocs build again")
    rebuild = _measure("mkdocs", str(project), str(site))
    bar.set_description(f"{size} sources: generation from the cache folder")
    cached = _median_of(repeat, "generate_cached", str(project))
    result: Result = {"sources": size, "generation_s": gen["seconds"], "generation_cpu_s": gen["cpu_s"],
              "generation_runs_s": gen["runs_s"], "generation_peak_mb": gen["peak_mb"],
              "mkdocs_build_s": build["seconds"], "mkdocs_peak_mb": build["peak_mb"],
              "regeneration_after_edit_s": regen["seconds"], "regeneration_cpu_s": regen["cpu_s"],
              "regeneration_runs_s": regen["runs_s"],
              "cached_generation_s": cached["seconds"], "cached_generation_runs_s": cached["runs_s"],
              "mkdocs_rebuild_s": rebuild["seconds"], **_sizes_of(site, project)}
    shutil.rmtree(site, ignore_errors=True)
    bar.update()
    return result


def targets(rows: list[Result]) -> list[tuple[str, bool | None]]:
    """The project's targets, each True, False, or None when the run lacks that size."""
    by = {r["sources"]: r for r in rows}
    out: list[tuple[str, bool | None]] = []
    for n in (1000, 10000):
        r = by.get(n)
        out.append((f"generation <= 10% of the MkDocs build at {n}",
                    None if r is None else r["generation_s"] <= 0.10 * r["mkdocs_build_s"]))
    big, small = by.get(10000), by.get(1000)
    out.append(("10,000 sources generated in <= 30 s", None if big is None else big["generation_s"] <= 30))
    out.append(("10,000 sources generated in <= 2 GB", None if big is None else big["generation_peak_mb"] <= 2048))
    out.append(("time at 10,000 <= 12 x time at 1,000",
                None if big is None or small is None else big["generation_s"] <= 12 * small["generation_s"]))
    out.append(("regeneration after one edit at 1,000 <= 0.5 s",
                None if small is None else small["regeneration_after_edit_s"] <= 0.5))
    out.append(("no topic page over 500 KB at 10,000", None if big is None else big["largest_topic_page_kb"] <= 500))
    for r in rows:
        out.append((f"search index <= 2 x corpus text at {r['sources']}",
                    r["search_index_mb"] <= 2 * r["corpus_mb"]))
    return out


def table(rows: list[Result]) -> str:
    head = ("sources", "generate s", "gen CPU s", "gen peak MB", "mkdocs s", "mkdocs MB", "gen/build", "edit s",
            "cached gen s", "rebuild s", "topic page KB", "search MB", "corpus MB")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        lines.append(" | ".join([
            f"{r['sources']:,}", f"{r['generation_s']:.2f}", f"{r['generation_cpu_s']:.1f}",
            f"{r['generation_peak_mb']:.0f}",
            f"{r['mkdocs_build_s']:.1f}", f"{r['mkdocs_peak_mb']:.0f}",
            f"{r['generation_s'] / r['mkdocs_build_s']:.0%}", f"{r['regeneration_after_edit_s']:.2f}",
            f"{r['cached_generation_s']:.2f}", f"{r['mkdocs_rebuild_s']:.1f}",
            f"{r['largest_topic_page_kb']:.0f}", f"{r['search_index_mb']:.2f}", f"{r['corpus_mb']:.2f}"]))
    return "\n".join(lines)


def spread(rows: list[Result]) -> str:
    """The time of every run behind each median."""
    def runs(times: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in times)
    return "\n".join(f"{r['sources']:,} sources, runs in s: generate {runs(r['generation_runs_s'])}; "
                     f"edit {runs(r['regeneration_runs_s'])}; cached gen {runs(r['cached_generation_runs_s'])}"
                     for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--workdir", default=".cache/bench", help="where corpora and sites are made")
    parser.add_argument("--out", default="bench-results.json")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each generation, the median kept")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir).resolve()  # mkdocs reads a relative site folder from the config's folder
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[Result] = []
    with tqdm(total=len(args.sizes), unit="corpus", file=sys.stderr) as bar:
        for size in args.sizes:
            rows.append(run_size(workdir, size, bar, max(1, args.repeat)))
    checks = targets(rows)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    Path(args.out).write_text(json.dumps({"machine": machine, "results": rows,
                                          "targets": [{"target": t, "met": ok} for t, ok in checks]}, indent=1) + "\n")
    print(table(rows))
    print()
    print(spread(rows))
    print()
    for target, ok in checks:
        print(f"{'met    ' if ok else 'MISSED ' if ok is False else 'not run'}  {target}")
    print(f"\nresults written to {args.out}")
    return 0
