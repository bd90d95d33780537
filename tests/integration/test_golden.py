"""The whole generated output of the seed case, file by file, against the golden copy in tests/golden/seed.

``python -m build_scripts generate --out DIR`` is run on a copy of the frozen seed project
(``tests/fixtures/seed``), and every file it writes must be byte for byte the golden one. A change to
any page, data file or copied docs file fails here with a diff of each file that changed.

When a change is intended, rewrite the golden folder from this run and review it like code:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/integration/test_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from build_scripts.cli import main
from tests.seed import ROOT, copy_seed

GOLDEN = ROOT / "tests" / "golden" / "seed"
DIFF_LINES = 40
"""Lines of diff shown per changed file."""
FILES_SHOWN = 8
"""Changed files whose diff is shown; the rest are only named."""


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _diff(name: str, golden: bytes, made: bytes) -> list[str]:
    lines = list(difflib.unified_diff(golden.decode("utf-8", "replace").splitlines(),
                                      made.decode("utf-8", "replace").splitlines(),
                                      f"golden/{name}", f"generated/{name}", n=2, lineterm=""))
    if not lines:  # the same text: line endings or a final newline differ
        lines = [f"--- golden/{name}", f"+++ generated/{name}", f"(only whitespace or line endings differ: "
                 f"{len(golden)} bytes golden, {len(made)} generated)"]
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... {len(lines) - DIFF_LINES} more diff lines"]
    return lines


def differences(golden: dict[str, bytes], made: dict[str, bytes]) -> str:
    """What differs between two trees, for a reader: missing and extra files, then each changed file's diff."""
    missing = sorted(golden.keys() - made.keys())
    extra = sorted(made.keys() - golden.keys())
    changed = [name for name in sorted(golden.keys() & made.keys()) if golden[name] != made[name]]
    report = []
    if missing:
        report += ["not generated any more:", *(f"  {name}" for name in missing)]
    if extra:
        report += ["generated, not in the golden folder:", *(f"  {name}" for name in extra)]
    if changed:
        report.append(f"changed ({len(changed)}): " + ", ".join(changed))
        for name in changed[:FILES_SHOWN]:
            report += _diff(name, golden[name], made[name])
        if len(changed) > FILES_SHOWN:
            report.append(f"... and {len(changed) - FILES_SHOWN} more changed files")
    return "\n".join(report)


def test_generated_output_is_the_golden_output(tmp_path, capsys):
    project = copy_seed(tmp_path / "project")
    out = tmp_path / "out"
    assert main(["generate", "--out", str(out), "--root", str(project.sources_dir.parent)]) == 0, (
        capsys.readouterr().err)
    made = _tree(out)
    assert len(made) > 40 and "sources/003_c1aef827e21e06e1.md" in made
    if os.environ.get("UPDATE_GOLDEN") == "1":
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(out, GOLDEN)
        pytest.skip(f"UPDATE_GOLDEN=1: rewrote {GOLDEN.relative_to(ROOT)} from this run ({len(made)} files); "
                    "review it with git diff before committing")
    assert GOLDEN.is_dir(), f"{GOLDEN} is missing: make it with UPDATE_GOLDEN=1"
    report = differences(_tree(GOLDEN), made)
    if report:
        pytest.fail(f"the generated output differs from {GOLDEN.relative_to(ROOT)}; if the change is intended, "
                    f"rewrite it with UPDATE_GOLDEN=1 and review git diff tests/golden\n{report}", pytrace=False)


def test_a_difference_is_shown_file_by_file():
    golden = {"a.md": b"one\ntwo\nthree\n", "b.md": b"kept\n", "gone.md": b"x\n", "nl.md": b"end\n"}
    made = {"a.md": b"one\n2\nthree\n", "b.md": b"kept\n", "new.json": b"{}\n", "nl.md": b"end"}
    report = differences(golden, made).splitlines()
    assert report[:4] == ["not generated any more:", "  gone.md", "generated, not in the golden folder:",
                          "  new.json"]
    assert report[4] == "changed (2): a.md, nl.md"
    assert report[5:7] == ["--- golden/a.md", "+++ generated/a.md"]
    assert "-two" in report and "+2" in report and " one" in report
    assert report[-1] == "(only whitespace or line endings differ: 4 bytes golden, 3 generated)"
    assert differences(golden, dict(golden)) == ""
