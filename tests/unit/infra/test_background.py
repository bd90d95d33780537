"""A child process gives what this process would; a child that fails gives nothing, and one whose result
is not asked for is stopped."""

from __future__ import annotations

from build_scripts.analyse.terms import TermIndex, find_all
from build_scripts.infra import background

TERMS = frozenset({"Ottawa", "treaty", "landmine*", "UN", "withdraw*", "anti-personnel mines"})
TEXTS = ["Ukraine said it would withdraw from the Ottawa treaty.", "The UN regretted it.", "Nothing here.",
         "Anti-personnel  mines and landmines were discussed."]


def test_a_child_process_gives_what_this_process_gives():
    child = background.Background(find_all, TERMS, TEXTS)
    assert child.result() == find_all(TERMS, TEXTS) == [TermIndex(TERMS).find(t) for t in TEXTS]
    assert child.result() == find_all(TERMS, TEXTS)  # asked again: kept


def test_a_child_that_fails_gives_nothing():
    assert background.Background(find_all, "not terms", TEXTS).result() is None
    assert background.Background(sorted, [1, "a"]).result() is None  # raises in the child


def test_a_child_whose_result_is_not_asked_for_is_stopped():
    with background.Background(find_all, TERMS, TEXTS * 200_000) as child:
        process = child._process
    assert process is not None and process.returncode is not None  # stopped, not left running
    assert child.result() is None
