"""Run the benchmark: for each corpus size, the full build against plain MkDocs, and the preview.

For each size: ``mkdocs build`` of the case from an empty cache folder and ``mkdocs build`` of
plain MkDocs on simple pages of the same page count and words (``plain``), run by turns
``--repeat`` times (at 10,000 sources and more, once: minutes each), the medians kept; the
peak memory of the build, main process and workers together; the largest generated page;
and, up to ``PREVIEW_UP_TO`` sources, the preview: under ``mkdocs serve``, the wall time from
saving an edited source to the rebuilt site being served, ``--edits`` times. Corpora are
written once per size into the work folder and reused.

Prints the targets of the project with the measured figures beside them, the CPU time, wall
time and the machine's load average over each size, and writes it all as JSON.
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
from typing import Any

from tqdm import tqdm

from build_scripts.bench.corpus import write_corpus
from build_scripts.bench.measure import Measurement
from build_scripts.bench.plain import site_pages, write_plain_project
from build_scripts.infra.disk_store import FOLDER as CACHE_FOLDER

ROOT = Path(__file__).resolve().parents[2]
PREVIEW_UP_TO = 4000
"""Sizes above this are not previewed (no target there, and each edit would take minutes)."""
ONCE_FROM = 10000
"""Sizes from this are built once, not ``--repeat`` times."""

Result = dict[str, Any]
"""The results of one corpus size, as written to the JSON."""


def _snapshot(workdir: Path) -> Path:
    """A copy of the generator's code, which every measurement runs: an edit to the checkout
    while the benchmark runs (a shared machine) neither changes what is measured nor makes the
    MkDocs hook import the code afresh in the middle of a preview."""
    code = workdir / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(ROOT / "build_scripts", code / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    return code


def _project(workdir: Path, size: int, code: Path) -> Path:
    """The case with ``size`` synthetic sources, built with the code in ``code``. The code's
    folder is not watched under ``mkdocs serve`` (the case's ``mkdocs.yml`` watches it)."""
    project = workdir / f"corpus-{size}"
    marker = project / ".complete"
    if not marker.exists():
        shutil.rmtree(project, ignore_errors=True)
        write_corpus(project / "sources", size, ROOT / "sources")
        shutil.copytree(ROOT / "docs", project / "docs")
        marker.touch()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - build_scripts/hook.py", f"  - {code / 'build_scripts' / 'hook.py'}")
    config = config.replace("custom_dir: build_scripts/theme", f"custom_dir: {code / 'build_scripts' / 'theme'}")
    config = config.replace("  - build_scripts\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _measure(code: Path, *args: str) -> Measurement:
    env = {**os.environ, "PYTHONPATH": str(code)}  # run from ``code``: ``python -m`` puts the folder first
    proc = subprocess.run([sys.executable, "-m", "build_scripts.bench.measure", *args],
                          capture_output=True, text=True, env=env, cwd=code, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"measurement {args[0]} failed:\n{proc.stderr[-3000:]}")
    result: Measurement = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _largest_page(site: Path) -> tuple[str, float]:
    """The largest HTML page of the site and its size in KB."""
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return path.relative_to(site).as_posix(), size / 1024


def _median(runs: list[Measurement], key: str) -> float:
    return float(statistics.median(float(r[key]) for r in runs))  # type: ignore[arg-type]


def run_size(workdir: Path, code: Path, size: int, bar: tqdm, repeat: int, edits: int) -> Result:
    load_before = os.getloadavg()
    bar.set_description(f"{size} sources: corpus")
    project = _project(workdir, size, code)
    site, plain, plain_site = workdir / f"site-{size}", workdir / f"plain-{size}", workdir / f"plain-site-{size}"
    builds: list[Measurement] = []
    plains: list[Measurement] = []
    result: Result = {"sources": size}
    for turn in range(1 if size >= ONCE_FROM else repeat):
        bar.set_description(f"{size} sources: mkdocs build {turn + 1}")
        shutil.rmtree(project / CACHE_FOLDER, ignore_errors=True)  # the first build of a clean clone
        builds.append(_measure(code, "mkdocs", str(project), str(site)))
        if turn == 0:
            result["largest_page"], result["largest_page_kb"] = _largest_page(site)
            result["pages"], result["words"] = site_pages(site)
            result["search_index_mb"] = (site / "search" / "search_index.json").stat().st_size / 1048576
            write_plain_project(plain, project / "sources", result["pages"], result["words"],
                                (project / "mkdocs.yml").read_text(encoding="utf-8"))
        bar.set_description(f"{size} sources: plain mkdocs build {turn + 1}")
        plains.append(_measure(code, "mkdocs", str(plain), str(plain_site)))
    result.update({
        "build_s": _median(builds, "seconds"), "build_cpu_s": _median(builds, "cpu_s"),
        "build_runs_s": [round(float(b["seconds"]), 2) for b in builds],  # type: ignore[arg-type]
        "build_runs_cpu_s": [round(float(b["cpu_s"]), 2) for b in builds],  # type: ignore[arg-type]
        "build_main_peak_mb": max(float(b["main_peak_mb"]) for b in builds),  # type: ignore[arg-type]
        "build_peak_mb": max(float(b["tree_peak_mb"]) for b in builds),  # type: ignore[arg-type]
        "plain_s": _median(plains, "seconds"), "plain_cpu_s": _median(plains, "cpu_s"),
        "plain_runs_cpu_s": [round(float(b["cpu_s"]), 2) for b in plains],  # type: ignore[arg-type]
    })
    if size <= PREVIEW_UP_TO and edits > 0:
        bar.set_description(f"{size} sources: preview, {edits} edits")
        preview = _measure(code, "preview", str(project), str(edits))
        result.update({"preview_s": preview["seconds"], "preview_runs_s": preview["runs_s"],
                       "preview_session_cpu_s": preview["session_cpu_s"]})
    result["load_before"], result["load_after"] = list(load_before), list(os.getloadavg())
    for folder in (site, plain_site):
        shutil.rmtree(folder, ignore_errors=True)
    bar.update()
    return result


def targets(rows: list[Result]) -> list[tuple[str, str, bool | None]]:
    """The project's targets: each with the measured figure, and True, False or None (not run)."""
    by = {r["sources"]: r for r in rows}
    out: list[tuple[str, str, bool | None]] = []

    def add(target: str, size: int, figure: Any, ok: Any) -> None:
        r = by.get(size)
        out.append((target, "not run" if r is None or "n/a" in str(figure(r)) else figure(r),
                    None if r is None or "n/a" in str(figure(r)) else bool(ok(r))))

    for n, limit in ((1000, 3.0), (4000, 10.0)):
        add(f"preview, edit to served at {n:,} sources <= {limit:.0f} s wall", n,
            lambda r: f"{r['preview_s']:.2f} s" if "preview_s" in r else "n/a",
            lambda r, limit=limit: r["preview_s"] <= limit)
    for n in (1000, 10000):
        add(f"mkdocs build, empty cache, at {n:,} <= 2.5 x plain MkDocs (CPU s)", n,
            lambda r: f"{r['build_cpu_s']:.1f} / {r['plain_cpu_s']:.1f} = "
                      f"{r['build_cpu_s'] / r['plain_cpu_s']:.2f} x",
            lambda r: r["build_cpu_s"] <= 2.5 * r["plain_cpu_s"])
    add("peak memory at 10,000 <= 3 GB, main process and workers", 10000,
        lambda r: f"{r['build_peak_mb']:,.0f} MB (main {r['build_main_peak_mb']:,.0f})",
        lambda r: r["build_peak_mb"] <= 3072)
    small = by.get(1000)
    for n, factor in ((4000, 4.5), (10000, 11.0)):
        add(f"growth, build CPU at {n:,} <= {factor} x at 1,000", n,
            lambda r: f"{r['build_cpu_s'] / small['build_cpu_s']:.2f} x" if small else "n/a",
            lambda r, factor=factor: small and r["build_cpu_s"] <= factor * small["build_cpu_s"])
    add("largest generated page at 10,000 <= 500 KB of HTML", 10000,
        lambda r: f"{r['largest_page_kb']:.0f} KB ({r['largest_page']})", lambda r: r["largest_page_kb"] <= 500)
    return out


def table(rows: list[Result]) -> str:
    head = ("sources", "pages", "build s", "build CPU s", "plain s", "plain CPU s", "ratio CPU", "peak MB (main)",
            "preview s", "largest page KB", "load before/after")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        lines.append(" | ".join([
            f"{r['sources']:,}", f"{r['pages']:,}", f"{r['build_s']:.1f}", f"{r['build_cpu_s']:.1f}",
            f"{r['plain_s']:.1f}", f"{r['plain_cpu_s']:.1f}", f"{r['build_cpu_s'] / r['plain_cpu_s']:.2f}",
            f"{r['build_peak_mb']:,.0f} ({r['build_main_peak_mb']:,.0f})",
            f"{r['preview_s']:.2f}" if "preview_s" in r else "-", f"{r['largest_page_kb']:.0f}",
            f"{r['load_before'][0]:.2f} / {r['load_after'][0]:.2f}"]))
    return "\n".join(lines)


def spread(rows: list[Result]) -> str:
    """Every run behind each median."""
    def runs(times: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in times)
    out = []
    for r in rows:
        line = (f"{r['sources']:,} sources, runs: build {runs(r['build_runs_s'])} s "
                f"(CPU {runs(r['build_runs_cpu_s'])}); plain CPU {runs(r['plain_runs_cpu_s'])}")
        if "preview_runs_s" in r:
            line += f"; preview {runs(r['preview_runs_s'])} s"
        out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 10000])
    parser.add_argument("--workdir", default=".cache/bench", help="where corpora and sites are made")
    parser.add_argument("--out", default="bench-results.json")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind, by turns, the median kept")
    parser.add_argument("--edits", type=int, default=3, help="edits timed under mkdocs serve, the median kept")
    parser.add_argument("--report", nargs="+", metavar="JSON",
                        help="measure nothing: print the targets from the results of earlier runs, sizes merged")
    args = parser.parse_args(argv)
    if args.report:
        merged = {r["sources"]: r for path in args.report
                  for r in json.loads(Path(path).read_text(encoding="utf-8"))["results"]}
        _print([merged[n] for n in sorted(merged)], None)
        return 0
    workdir = Path(args.workdir).resolve()  # mkdocs reads a relative site folder from the config's folder
    workdir.mkdir(parents=True, exist_ok=True)
    code = _snapshot(workdir)
    rows: list[Result] = []
    with tqdm(total=len(args.sizes), unit="corpus", file=sys.stderr) as bar:
        for size in args.sizes:
            rows.append(run_size(workdir, code, size, bar, max(1, args.repeat), args.edits))
    checks = targets(rows)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    Path(args.out).write_text(json.dumps({"machine": machine, "results": rows,
                                          "targets": [{"target": t, "measured": m, "met": ok}
                                                      for t, m, ok in checks]}, indent=1) + "\n")
    _print(rows, args.out)
    return 0


def _print(rows: list[Result], out: str | None) -> None:
    print(table(rows))
    print()
    print(spread(rows))
    print()
    for target, measured, ok in targets(rows):
        print(f"{'met    ' if ok else 'MISSED ' if ok is False else 'not run'}  {target}: {measured}")
    if out:
        print(f"\nresults written to {out}")
