"""The data files: what a spreadsheet reads stays text."""

from __future__ import annotations

import csv
import io

from build_scripts.render.data_files import statements_csv


def test_csv_cells_cannot_become_formulas():
    rows = [{"id": "t/c", "topic": "t", "section": "S", "text": "=HYPERLINK(\"x\")", "sources": 1,
             "independent_sources": 1, "citations": [{"url": "sources/a/#s-0123456789"}]}]
    [row] = list(csv.DictReader(io.StringIO(statements_csv(rows))))
    assert row["statement"] == "'=HYPERLINK(\"x\")"
