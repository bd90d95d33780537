"""Country stances on small articles written for the tests."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.countries import profile_countries
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import PartialDate, Source, SourceMeta, StanceRule
from build_scripts.text.document import build_document

RULES = [
    StanceRule("Leaving", "leaving", (("withdraw*", "leave"), ("treaty",)), ("not a party",)),
    StanceRule("Outside", "outside", (("not a party", "never joined"),)),
]


def _docs(*bodies: str):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=PartialDate(2025, 6, 30)), b, 1))
            for i, b in enumerate(bodies)]


def _profiles(*bodies: str):
    docs = _docs(*bodies)
    sentences = [s for d in docs for s in d.sentences]
    claims = group_claims(sentences)
    return {p.code: p for p in profile_countries(sentences, claims, build_timeline(docs, claims), RULES)}


def test_stances_weigh_each_named_country_and_skip_non_subjects():
    profiles = _profiles(
        "Poland and Finland announced on 18 March 2025 that they would withdraw from the treaty.\n"
        "Ukraine is joining other countries near Russia in withdrawing from the treaty.\n"
        "Russia is not a party to the treaty and never joined it.\n"
        "The withdrawal from the treaty follows Moscow’s invasion, officials in Kyiv said.",
    )
    assert [s.rule.css for s in profiles["pl"].stances] == ["leaving"]
    assert [d.display() for d, _ in profiles["pl"].stances[0].dates] == ["18 March 2025"]
    assert [s.rule.css for s in profiles["ua"].stances] == ["leaving"]
    assert [s.rule.css for s in profiles["ru"].stances] == ["outside"]  # half weight for leaving: not shown
    assert profiles["ua"].names_seen == ["Ukraine", "Kyiv"]


def test_ottawa_convention_is_not_canada():
    profiles = _profiles("Ukraine will withdraw from the Ottawa Convention, the treaty banning mines.")
    assert sorted(profiles) == ["ua"]
