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


def test_a_title_with_braces_stays_inside_its_bibtex_field():
    """Issue 18, case 14: BibTeX counts every brace, a backslash before it included."""
    from build_scripts.render.bibliography import _tex

    for title in ("A } title", "{", "}}{{", "a \\} b", "x {y} z"):
        text = _tex(title)
        depth = 0
        for char in text:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, (title, text)
        assert depth == 0, (title, text)
