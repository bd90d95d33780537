"""What a page kind keeps from the last build (``SiteView.kept``): the pages it made, while what
it makes them from compares equal. Claims compare by identity (``Claim``), so keys compare them
by their fields (``by_value``)."""

from __future__ import annotations

from dataclasses import replace

from build_scripts.analyse import sentence_memo
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


def test_a_kept_value_is_made_again_when_its_key_or_a_sources_name_changes(seed_project, monkeypatch):
    monkeypatch.setattr(sentence_memo, "_KEEP", [True])  # as under ``mkdocs serve``
    analysis = analyse(seed_project)
    memo: dict = {}
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        return f"page {len(calls)}"

    def build(key: object, name: str = "p") -> str:
        view = SiteView(analysis, seed_project.docs_dir, memo)
        value = view.kept(name, key, work)
        view.finish()
        return value

    assert build([_claim("A.")]) == "page 1"
    assert build([_claim("A.")]) == "page 1"  # another claim object, the same fields
    assert build([_claim("B.")]) == "page 2"
    doc = analysis.documents[0]
    analysis.documents[0] = replace(doc, source=replace(doc.source, meta=replace(doc.source.meta, title="Renamed")))
    assert build([_claim("B.")]) == "page 3"
    assert build([_claim("B.")], "q") == "page 4"
    assert build([_claim("B.")]) == "page 5"  # not asked for by the last build: forgotten
    monkeypatch.setattr(sentence_memo, "_KEEP", [False])  # no build follows: nothing kept
    assert build([_claim("B.")]) == "page 6" and memo["kept"] == {}
