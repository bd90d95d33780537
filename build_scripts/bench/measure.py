"""One measurement, run in a fresh process so its peak memory is its own.

``python -m build_scripts.bench.measure generate PROJECT`` prints
``{"seconds": …, "peak_mb": …}`` for a cold generation (sources → pages);
``generate_cached PROJECT`` the same with the analysis of every source read
from the project's cache folder, as in a second ``mkdocs build``;
``regenerate PROJECT`` times a generation after one source was edited, with
the analysis of the others reused as under ``mkdocs serve``; ``mkdocs
PROJECT SITE`` times the full ``mkdocs build``. Generations also report the
CPU time they used, in this process and its worker and child processes:
less noisy than the wall-clock time on a shared machine, and it shows how
much of the time both cores were busy.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

Measurement = dict[str, float]
"""What one measurement prints: ``seconds``, ``peak_mb`` and, for a generation, ``cpu_s``."""


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_s() -> float:
    """User and system time of this process and of its children that ended."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage,
                                                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def generate(project_dir: Path) -> Measurement:
    from build_scripts.model import Project
    from build_scripts.pipeline import generate as run

    start, cpu = time.perf_counter(), _cpu_s()
    content = run(Project(project_dir / "sources", project_dir / "docs"))
    return {"seconds": time.perf_counter() - start, "cpu_s": _cpu_s() - cpu, "peak_mb": _peak_mb(),
            "pages": len(content.pages)}


def generate_cached(project_dir: Path) -> Measurement:
    from build_scripts.infra.cache import StageCache
    from build_scripts.infra.disk_store import FOLDER, DiskStore
    from build_scripts.model import Project
    from build_scripts.pipeline import generate as run

    cache = StageCache(DiskStore(project_dir / FOLDER))
    start, cpu = time.perf_counter(), _cpu_s()
    run(Project(project_dir / "sources", project_dir / "docs"), cache)
    seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu
    if cache.misses:
        raise SystemExit(f"{cache.misses} sources were not in the cache folder: build the site first")
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": _peak_mb()}


def regenerate(project_dir: Path) -> Measurement:
    from build_scripts.infra.cache import StageCache
    from build_scripts.model import Project
    from build_scripts.pipeline import generate as run

    project = Project(project_dir / "sources", project_dir / "docs")
    store: dict[str, bytes] = {}
    live: dict[str, object] = {}  # as the MkDocs hook keeps them under `mkdocs serve`
    run(project, StageCache(store, live))
    edited = sorted(project.sources_dir.glob("*.md"))[0]
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nAn edited closing sentence was added for the benchmark run.\n", encoding="utf-8")
    try:
        start, cpu = time.perf_counter(), _cpu_s()
        run(project, StageCache(store, live))
        seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu
    finally:
        edited.write_text(original, encoding="utf-8")
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": _peak_mb()}


def mkdocs(project_dir: Path, site: Path) -> Measurement:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project_dir / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return {"seconds": seconds, "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN)}


def main() -> None:
    kind, *args = sys.argv[1:]
    commands: dict[str, Callable[..., Measurement]] = {
        "generate": generate, "generate_cached": generate_cached, "regenerate": regenerate, "mkdocs": mkdocs}
    result = commands[kind](*map(Path, args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
