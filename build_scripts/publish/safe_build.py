"""Build the site elsewhere, then swap it in: a failed build leaves the old site as it was.

``mkdocs build`` empties the site folder before it renders anything, so a
build that fails half-way would leave a broken or empty site. This runs it
into a staging folder of its own and renames on success only. Builds of one
project take turns (a lock file in ``.cache/``), so two started at once never
share a folder; a build killed between the two renames of the swap leaves
the old site under a hidden name, and the next build puts it back first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_scripts.export import refuse_output

LOCK = Path(".cache") / "build.lock"
"""The lock builds of one project take turns on, relative to the project's root."""


def reproducible_epoch(root: Path) -> str | None:
    """Time of the last commit, so the site's dates do not change from run to run."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


@contextmanager
def _one_build_at_a_time(root: Path) -> Iterator[None]:
    lock = root / LOCK
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for the other build of this project to finish", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _retired(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.old")


def _recover(site_dir: Path) -> None:
    """Undo what a build killed mid-way left (only builds holding the lock get here): the old
    site put back if the swap stopped between its renames, staging folders removed."""
    retired = _retired(site_dir)
    if retired.is_dir() and not site_dir.exists():
        retired.rename(site_dir)
        print(f"put back {site_dir}, left aside by a build that was stopped", file=sys.stderr)
    shutil.rmtree(retired, ignore_errors=True)
    for staging in site_dir.parent.glob(f".{site_dir.name}.building*"):
        shutil.rmtree(staging, ignore_errors=True)


def build_site(config: Path, site_dir: Path, *, quiet: bool = False) -> int:
    """Run ``mkdocs build --strict`` into a staging folder and swap it in; returns the exit code."""
    site_dir = site_dir.resolve()
    root = config.resolve().parent
    try:
        refuse_output(site_dir, root)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with _one_build_at_a_time(root):
        _recover(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
        env = dict(os.environ)
        env.setdefault("NO_MKDOCS_2_WARNING", "1")
        epoch = env.get("SOURCE_DATE_EPOCH") or reproducible_epoch(root)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(staging)]
        if quiet:
            command.append("--quiet")
        code = subprocess.run(command, env=env, check=False).returncode
        if code != 0:
            shutil.rmtree(staging, ignore_errors=True)
            left = "is left as it was" if site_dir.exists() else "was not made"
            print(f"build failed; {site_dir} {left}", file=sys.stderr)
            return code
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's 0700 would keep a web server out
        retired = _retired(site_dir)
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
        return 0
