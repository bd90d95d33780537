"""Print the quality test's metric lines in the summary of the run."""

from __future__ import annotations

import pytest

from tests.quality.test_challenge import LINES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if LINES:
        terminalreporter.section("challenge metrics (evaluate.py)")
        for line in LINES:
            terminalreporter.write_line(line)
