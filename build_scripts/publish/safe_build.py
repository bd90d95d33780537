"""Build the site elsewhere, then swap it in: a failed build leaves the old site as it was.

``mkdocs build`` empties the site folder before it renders anything, so a
build that fails half-way would leave a broken or empty site. This runs it
into a sibling folder and renames on success only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_scripts.export import refuse_to_replace


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


def build_site(config: Path, site_dir: Path, *, quiet: bool = False) -> int:
    """Run ``mkdocs build --strict`` into a temporary folder and swap it in; returns the exit code."""
    site_dir = site_dir.resolve()
    try:
        refuse_to_replace(site_dir, config.resolve().parent)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    staging = site_dir.with_name(f".{site_dir.name}.building")
    retired = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(staging, ignore_errors=True)
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    epoch = env.get("SOURCE_DATE_EPOCH") or reproducible_epoch(config.resolve().parent)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(staging)]
    if quiet:
        command.append("--quiet")
    code = subprocess.run(command, env=env, check=False).returncode
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir} is left as it was", file=sys.stderr)
        return code
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return 0
