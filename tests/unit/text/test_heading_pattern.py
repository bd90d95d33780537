"""A heading line is read in time linear in its length (issue 18, case 4: "# a" + 8,000 spaces +
"b" did not finish in 180 s) and exactly as the old pattern read it."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.text.lines import _HEADING, _heading_text, body_lines

OLD = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def _old(line: str) -> str | None:
    m = OLD.match(line)
    return m.group(2).strip() if m else None


def _new(line: str) -> str | None:
    m = _HEADING.match(line)
    return _heading_text(m.group(2)) if m else None


@given(st.text(alphabet=st.sampled_from(["#", " ", "\t", "a", "b", "é"]), max_size=24))
def test_headings_read_as_before(line):
    assert _new(line) == _old(line)


def test_a_long_run_of_spaces_or_marks_is_read_at_once():
    started = time.monotonic()
    lines = body_lines("# a" + " " * 8000 + "b\n# " + "# " * 8000 + "b\n## x" + " #" * 8000 + "\n")
    assert time.monotonic() - started < 2  # the old pattern took minutes
    assert [line.text[:1] for line in lines] == ["a", "#", "x"] and all(line.marked_heading for line in lines)
