"""The quality test: each challenge case built with this checkout and measured with the
challenge's ``evaluate.py``, the measure the project is judged by.

``FLOOR`` holds what the generator reaches now: a change may not fall below it (raise it when a
change does better). ``TARGET`` is what the issues ask for; the summary line of ``make test``
shows both. The gold files are never edited here.
"""

from __future__ import annotations

import os

import pytest

from tests.quality.cases import CHALLENGE, build_case, metric_line

# measure: (floor, target). "a/b" measures count what was found (at least); the others count
# faults (at most).
FLOOR_AND_TARGET: dict[str, dict[str, tuple[int, int]]] = {
    "ottawa": {"facts": (29, 45), "discrepancies_found_as_conflict": (2, 8), "quotes_right_speaker": (16, 20),
               "timeline_events": (15, 26), "merges": (8, 16), "stances": (6, 11), "quote_groups_together": (2, 3),
               "false_alarms": (1, 0), "quotes_wrong_speaker": (9, 0), "not_merges": (1, 0),
               "false_copy_pairs": (9, 0), "junk_statements": (3, 0), "timeline_too_precise": (0, 0),
               "timeline_unresolvable_violations": (0, 0), "leftovers": (12, 0)},
    "harbour-fire": {"facts": (37, 39), "discrepancies_found_as_conflict": (0, 4), "quotes_right_speaker": (6, 13),
                     "timeline_events": (11, 12), "merges": (5, 9),
                     "false_alarms": (1, 0), "quotes_wrong_speaker": (8, 0), "not_merges": (2, 0),
                     "false_copy_pairs": (4, 0), "junk_statements": (8, 0), "timeline_too_precise": (0, 0),
                     "timeline_unresolvable_violations": (0, 0), "leftovers": (11, 0)},
}
FOUND = {"facts", "discrepancies_found_as_conflict", "quotes_right_speaker", "timeline_events", "merges", "stances",
         "quote_groups_together"}
LINES: list[str] = []
"""The metric lines, printed at the end of the run (see conftest.py)."""


def count(value: object) -> int:
    """The number a measure gives: "29/50" -> 29, "1 violated of 10" -> 1, a list -> its length."""
    if isinstance(value, list):
        return len(value)
    if isinstance(value, int):
        return value
    return int(str(value).split("/")[0].split()[0])


@pytest.fixture(scope="module", name="work")
def fixture_work(tmp_path_factory: pytest.TempPathFactory):
    if not (CHALLENGE / "evaluate.py").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the challenge corpus is missing: {CHALLENGE} (shared/ beside the checkout)")
        pytest.skip(f"the challenge corpus is not at {CHALLENGE}")
    return tmp_path_factory.mktemp("quality")


@pytest.mark.parametrize("case", sorted(FLOOR_AND_TARGET))
def test_challenge_case_holds_its_floor(case, work):
    result = build_case(case, work)
    line = metric_line(case, result)
    LINES.append(line)
    LINES.append(f"{case} targets: " + ", ".join(
        f"{k} {'>=' if k in FOUND else '<='} {t}" for k, (_, t) in FLOOR_AND_TARGET[case].items()))
    below = []
    for key, (floor, _) in FLOOR_AND_TARGET[case].items():
        got = count(result[key])
        if (got < floor) if key in FOUND else (got > floor):
            below.append(f"{key}: {result[key]} (floor {floor})")
    assert not below, f"{case} fell below its floor: {below}\n{line}"
