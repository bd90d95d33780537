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


def test_timeline_event_html_is_escaped_and_links_each_report():
    """TimelineJS shows ``text`` as HTML: the sentence is text, each address stays in its attribute."""
    import json

    from bs4 import BeautifulSoup

    from build_scripts.model import DateMention, Event, PartialDate, Report, Sentence
    from build_scripts.render.data_files import timelinejs_json

    hostile = 'Fire <img src=x onerror="alert(1)"> & "smoke" \x01spread.'
    day = PartialDate(2025, 6, 27)
    reports = tuple(Report(Sentence(sid, "s-1", hostile, 0, 0), DateMention(0, 4, "Fire", day, False))
                    for sid in ("a", 'b"><script>'))
    data = json.loads(timelinejs_json([Event(day, reports)], "Title <b>&"))
    assert data["title"]["text"]["headline"] == "Title &lt;b&gt;&amp;"
    [event] = data["events"]
    soup = BeautifulSoup(event["text"]["text"], "html.parser")
    assert not soup.select("img, script") and soup.p.get_text() == hostile.replace("\x01", "")
    assert [a["href"] for a in soup.select("a")] == ["../sources/a/#s-1", '../sources/b"><script>/#s-1']
    assert [a.get_text() for a in soup.select("a")] == ["[1]", "[2]"]
    assert "<" not in event["text"]["headline"].replace("&lt;", "")
