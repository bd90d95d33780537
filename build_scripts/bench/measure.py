"""One measurement, run in a fresh process so its figures are its own.

``python -m build_scripts.bench.measure mkdocs PROJECT SITE`` times ``mkdocs build`` of
``PROJECT`` into ``SITE``: wall time, CPU time (the build's process, its worker processes and
its child processes together), and peak memory: that of the main process, and the highest sum
of the resident memory of the main process and all its descendants, sampled every 50 ms.
``preview PROJECT EDITS`` starts ``mkdocs serve`` as ``make serve`` does, waits for its first
build (not counted), then ``EDITS`` times saves an edit to one source and times how long it
takes until the server says the rebuilt site is served (``Reloading browsers``), and checks
that the source's page shows the edit. The source is restored afterwards.

Each prints one line of JSON.
"""

from __future__ import annotations

import json
import os
import queue
import re
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

Measurement = dict[str, float | list[float]]
"""What one measurement prints."""

_PAGE = os.sysconf("SC_PAGE_SIZE")
_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


class TreePeak:
    """The highest total resident memory of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _descendants(self.pid)))
            self._stop.wait(self.every)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._stop.set()
        self._thread.join()
        return self.peak / 1048576


def mkdocs(project_dir: Path, site: Path) -> Measurement:
    cpu, start = _cpu_children(), time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project_dir / "mkdocs.yml"),
                             "-d", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=_ENV)
    peak = TreePeak(proc.pid)
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    tree_mb = peak.stop()
    if proc.returncode != 0:
        raise SystemExit(stderr[-3000:])
    main_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "cpu_s": _cpu_children() - cpu, "main_peak_mb": main_mb,
            "tree_peak_mb": max(tree_mb, main_mb)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _lines(stream: IO[str], into: queue.Queue[tuple[float, str]]) -> None:
    for line in stream:
        into.put((time.perf_counter(), line))


def _wait_for(lines: queue.Queue[tuple[float, str]], text: str, timeout: float, seen: list[str]) -> float:
    """When a line containing ``text`` came; every line read is kept in ``seen``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            at, line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            raise SystemExit(f"mkdocs serve: no {text!r} within {timeout:.0f} s:\n{''.join(seen[-40:])}") from None
        seen.append(line)
        if text in line:
            return at
        if "ERROR" in line or "Traceback" in line:
            raise SystemExit(f"mkdocs serve failed:\n{''.join(seen[-40:])}")


EDITED_SOURCE = "bench-00000"


def edit_sentence(run: int) -> str:
    """A sentence the topic rules of the seed case pick up, different on each run."""
    return f"The treaty was signed by {151 + run} countries, an edited report of the benchmark said."


def _served(lines: queue.Queue[tuple[float, str]], seen: list[str], port: int, edit: str, deadline: float) -> float:
    """When the rebuild that serves ``edit`` on the edited source's page came. The watcher may
    start a rebuild while the file is being written (it then builds what it read) and another
    when the write ends: the first reload need not show the edit, a later one must."""
    url = f"http://127.0.0.1:{port}/sources/{EDITED_SOURCE}/"
    while True:
        at = _wait_for(lines, "Reloading browsers", max(1.0, deadline - time.perf_counter()), seen)
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        if edit in re.sub(r"<[^>]+>", "", page):
            return at
        if time.perf_counter() > deadline:
            raise SystemExit(f"the served page {url} does not show the edit")


def preview(project_dir: Path, edits: Path) -> Measurement:
    """Edit → served, ``edits`` times, under ``mkdocs serve`` (the first build not counted)."""
    source = project_dir / "sources" / f"{EDITED_SOURCE}.md"
    original = source.read_text(encoding="utf-8")
    port = _free_port()
    cpu = _cpu_children()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "-a",
                             f"127.0.0.1:{port}", "-f", str(project_dir / "mkdocs.yml")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_ENV)
    assert proc.stderr is not None
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stderr, lines), daemon=True).start()
    seen: list[str] = []
    times: list[float] = []
    try:
        _wait_for(lines, "Serving on", 1800, seen)
        for run in range(int(str(edits))):
            time.sleep(1.5)  # the watcher polls every 0.5 s: let it see the files still
            sentence = edit_sentence(run)
            start = time.perf_counter()
            source.write_text(original + f"\n{sentence}\n", encoding="utf-8")
            times.append(_served(lines, seen, port, f"{151 + run} countries", start + 600) - start)
    finally:
        source.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"seconds": statistics.median(times), "runs_s": [round(t, 3) for t in times],
            "session_cpu_s": _cpu_children() - cpu}


def main() -> None:
    kind, *args = sys.argv[1:]
    commands: dict[str, Callable[..., Measurement]] = {"mkdocs": mkdocs, "preview": preview}
    result = commands[kind](*map(Path, args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
