"""Build a case study (a folder of sources and topic files) with this checkout's generator and
measure the site with the challenge's own ``evaluate.py`` (``../shared/challenge/``).

    python -m tests.quality.cases [ottawa|harbour-fire|seed ...] [--json OUT]

prints each case's metric line. The quality test (``test_challenge.py``) does the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.integration.site_build import leftovers

ROOT = Path(__file__).resolve().parents[2]
CHALLENGE = Path(os.environ.get("CHALLENGE_DIR", ROOT.parent / "shared" / "challenge"))
CASES = ("ottawa", "harbour-fire")
METRICS = ("facts", "facts_anywhere", "statements_supported", "anchors_resolvable", "discrepancies_found",
           "discrepancies_found_as_conflict", "false_alarms", "quotes_right_speaker", "quotes_wrong_speaker",
           "quote_groups_together", "timeline_events", "timeline_too_precise", "timeline_unresolvable_violations",
           "merges", "not_merges", "copies_one_voice", "false_copy_pairs", "stances", "stances_wrong",
           "junk_statements", "leftovers")


def make_project(dest: Path, sources: Path, topics: Path | None) -> Path:
    """A copy of this project's docs and config in ``dest`` with ``sources`` as its sources and
    ``topics`` (if given) in place of ``docs/topics``; the hook stays this checkout's."""
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("images"))
    if topics is not None:
        shutil.rmtree(dest / "docs" / "topics")
        shutil.copytree(topics, dest / "docs" / "topics")
    shutil.copytree(sources, dest / "sources")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - build_scripts/hook.py", f"  - {ROOT / 'build_scripts' / 'hook.py'}")
    config = config.replace("custom_dir: build_scripts/theme", f"custom_dir: {ROOT / 'build_scripts' / 'theme'}")
    config = config.replace("  - build_scripts\n", f"  - {ROOT / 'build_scripts'}\n")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest / "mkdocs.yml"


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                           "-d", str(site)], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed for {config.parent}:\n{proc.stdout}{proc.stderr}")
    left = leftovers(site)
    if left:
        raise RuntimeError(f"markup left visible in the site of {config.parent}: {left[:10]}")


def evaluate(site: Path, gold: Path) -> dict:
    """Every measure ``evaluate.py`` takes, as its --json file holds them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "eval.json"
        subprocess.run([sys.executable, str(CHALLENGE / "evaluate.py"), "--site", str(site), "--gold", str(gold),
                        "--json", str(out)], capture_output=True, text=True, check=True)
        return next(iter(json.loads(out.read_text(encoding="utf-8")).values()))


def build_case(name: str, work: Path) -> dict:
    """Build one case into ``work`` and measure it; "seed" is this project's own case."""
    project = work / name
    if name == "seed":
        config = make_project(project, ROOT / "sources", None)
        build(config, work / f"{name}-site")
        return {"site": str(work / f"{name}-site")}
    case = CHALLENGE / name
    config = make_project(project, case / "sources", case / "topics")
    build(config, work / f"{name}-site")
    result = evaluate(work / f"{name}-site", case / "gold.yml")
    result["site"] = str(work / f"{name}-site")
    return result


def metric_line(name: str, result: dict) -> str:
    parts = []
    for key in METRICS:
        if key in result:
            value = result[key]
            parts.append(f"{key} {len(value) if isinstance(value, list) else value}")
    return f"{name}: " + ", ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--json", type=Path, help="write every measure and list here")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        if args.keep:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        for name in args.cases:
            results[name] = build_case(name, work)
            print(metric_line(name, results[name]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
