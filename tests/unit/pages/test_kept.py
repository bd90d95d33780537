"""What a page kind keeps from the last build (``SiteView.kept``): the pages it made, while what
it makes them from compares equal. Claims compare by identity (``Claim``), so keys compare them
by their fields (``by_value``)."""

from __future__ import annotations

from dataclasses import replace

from build_scripts.model import Claim, Sentence, Statement
from build_scripts.pages.kind import SiteView, by_value
from build_scripts.pipeline import analyse


def _claim(*texts: str) -> Claim:
    return Claim("c-1", tuple(Sentence("a", f"s-{i}", t, 0, 0) for i, t in enumerate(texts)))


def test_claims_compare_by_their_fields_and_other_values_as_they_are():
    one, again, other = _claim("A figure.", "The same."), _claim("A figure.", "The same."), _claim("Another.")
    assert one != again  # by identity
    assert by_value([Statement(one.members[0], 3, one)]) == by_value([Statement(again.members[0], 3, again)])
    assert by_value({"x": (one,)}) != by_value({"x": (other,)})
    sentence = one.members[0]
    assert by_value(sentence) is sentence and by_value("text") == "text"


def test_a_kept_value_is_made_again_when_its_key_or_a_sources_name_changes(seed_project):
    analysis = analyse(seed_project)
    memo: dict = {}
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        return f"page {len(calls)}"

    def view() -> SiteView:
        return SiteView(analysis, seed_project.docs_dir, memo)

    assert view().kept("p", [_claim("A.")], work) == "page 1"
    assert view().kept("p", [_claim("A.")], work) == "page 1"  # another claim object, the same fields
    assert view().kept("p", [_claim("B.")], work) == "page 2"
    doc = analysis.documents[0]
    analysis.documents[0] = replace(doc, source=replace(doc.source, meta=replace(doc.source.meta, title="Renamed")))
    assert view().kept("p", [_claim("B.")], work) == "page 3"
