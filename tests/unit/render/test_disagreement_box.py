"""A disagreement is shown as a conflict, a change over time or a compatible variant."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model import Disagreement, Document, PartialDate, Sentence, Side, Source, SourceMeta
from build_scripts.render.disagreement import render_disagreement


def _doc(i: int, date: PartialDate | None) -> Document:
    meta = SourceMeta(title=f"Story {i}", publisher=f"Paper {i}", date=date)
    return Document(Source(f"s{i}", Path(f"s{i}.md"), meta, "x", 1), (), ())


def _render(values: list[tuple[str, PartialDate | None]], consistent: bool | None, kind: str = "number") -> str:
    docs = {f"s{i}": _doc(i, date) for i, (_, date) in enumerate(values)}
    sides = tuple(Side(Sentence(f"s{i}", "s-1", f"{v} people were injured.", 0, 0), v)
                  for i, (v, _) in enumerate(values))
    lines, _ = render_disagreement(Disagreement("d-1", kind, "the number of people injured", sides, consistent),
                                   "topics/people.md", docs)
    return "\n".join(lines)


OCT = [PartialDate(2025, 10, d) for d in (15, 16, 22)]


def test_figures_of_the_same_day_that_cannot_all_be_true_are_a_warning():
    text = _render([("Fourteen", OCT[1]), ("17", OCT[1])], False)
    assert text.startswith('!!! warning "Sources differ: the number of people injured"')
    assert "The figures cannot all be true." in text


def test_figures_of_different_days_are_a_dated_series_with_the_same_day_conflict_beside_it():
    text = _render([("nine", OCT[0]), ("Fourteen", OCT[1]), ("17", OCT[1]), ("23", OCT[2])], False)
    series, conflict = text.split("!!! warning")
    assert series.startswith('!!! info "Sources differ over time: the number of people injured"')
    assert series.index("nine") < series.index("Fourteen") < series.index("23")
    assert "Fourteen" in conflict and "17" in conflict and "23" not in conflict and "nine" not in conflict


def test_a_change_over_time_alone_is_no_warning():
    text = _render([("nine", OCT[0]), ("23", OCT[2])], False)
    assert "!!! warning" not in text and "cannot all be true" not in text


def test_compatible_figures_and_titles_are_a_quiet_note():
    assert _render([("more than 20", OCT[2]), ("23", OCT[2])], True).startswith('!!! note "Compatible accounts:')
    title = _render([("Mayor", OCT[0]), ("who chairs the emergency committee", OCT[1])], True, "title")
    assert title.startswith("!!! note") and "compatible" in title and "differ" not in title.split("\n")[0]


def test_figures_of_one_date_and_an_undated_report_are_a_plain_conflict():
    text = _render([("nine", OCT[0]), ("at least 11", None)], False)
    assert text.startswith('!!! warning "Sources differ: the number of people injured"') and "over time" not in text
