"""Country stances on small articles written for the tests: a country's stance comes only from
clauses in which that country (its government, parliament, ministers) is the one acting."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.countries import profile_countries
from build_scripts.analyse.eligible import eligible
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import PartialDate, Sentence, Source, SourceMeta, StanceRule
from build_scripts.text.document import build_document

RULES = [
    StanceRule("Leaving", "leaving", (("withdraw*", "leav*"), ("treaty",)), ("not a party",)),
    StanceRule("Outside", "outside", (("not a party", "not parties", "never joined", "not joined", "did not sign"),
                                      ("treaty",))),
    StanceRule("Party", "party", (("ratified", "joined", "state party"), ("treaty", "party"))),
]


def _docs(*bodies: str):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=PartialDate(2025, 6, 30)), b, 1))
            for i, b in enumerate(bodies)]


def _profiles(*bodies: str, rules=RULES):
    docs = _docs(*bodies)
    sentences = [s for d in docs for s in d.sentences if eligible(s)]
    claims = group_claims(sentences)
    return {p.code: p for p in profile_countries(sentences, claims, build_timeline(docs, claims), rules)}


def _stances(*bodies: str) -> dict[str, list[str]]:
    return {code: [s.rule.css for s in p.stances] for code, p in _profiles(*bodies).items()}


def test_subjects_act_and_others_named_do_not():
    profiles = _profiles(
        "Poland and Finland announced on 18 March 2025 that they would withdraw from the treaty.\n\n"
        "Ukraine is joining other countries near Russia in withdrawing from the treaty.\n\n"
        "Russia is not a party to the treaty and never joined it.\n\n"
        "The withdrawal from the treaty follows Moscow’s invasion, officials in Kyiv said.",
    )
    assert [s.rule.css for s in profiles["pl"].stances] == ["leaving"]
    assert [d.display() for d, _ in profiles["pl"].stances[0].dates] == ["18 March 2025"]
    assert [s.rule.css for s in profiles["ua"].stances] == ["leaving"]
    assert [s.rule.css for s in profiles["ru"].stances] == ["outside"]
    assert profiles["ua"].names_seen == ["Ukraine", "Kyiv"]


@pytest.mark.parametrize("text, expected", [
    # A country named as a modifier, in a prepositional phrase or after "including" does not act.
    ("Several US allies in Eastern Europe are planning to leave the treaty, including Finland and Poland.", {}),
    # The antecedent of ", which" acts in the relative clause only.
    ("Ukraine thus joins Estonia and Latvia, which announced in March that they would withdraw from the treaty.",
     {"ee": ["leaving"], "lv": ["leaving"]}),
    ("Russia and the United States are not parties to the treaty.", {"ru": ["outside"], "us": ["outside"]}),
    ("Russia, the United States and China have never joined the treaty.",
     {"ru": ["outside"], "us": ["outside"], "cn": ["outside"]}),
    ("The treaty has gained members: the Marshall Islands became its 165th state party this year.",
     {"mh": ["party"]}),
    ("The treaty counted 166 states parties by mid-2025, after Tonga joined in June.", {"to": ["party"]}),
    # An institution or office of the country is the country acting.
    ("The defence ministers of Poland and Lithuania recommended that their countries withdraw from the treaty.",
     {"pl": ["leaving"], "lt": ["leaving"]}),
    ("Latvia's parliament voted to leave the treaty.", {"lv": ["leaving"]}),
    ("The Polish government has decided to leave the treaty.", {"pl": ["leaving"]}),
    ("The Sejm voted to leave the treaty by 413 votes to 15.", {"pl": ["leaving"]}),
    # The object of the action, and the possessive of the action noun.
    ("President Volodymyr Zelensky signed a decree to withdraw Ukraine from the treaty.", {"ua": ["leaving"]}),
    ("Ukraine's withdrawal from the treaty cannot take effect during the war.", {"ua": ["leaving"]}),
    # Whoever urges a country to act does not act; the country urged does not act either.
    ("The United States urged Ukraine to leave the treaty.", {}),
    ("France and Germany have criticised Poland's decision to leave the treaty.", {}),
    # A possibility, a threat, a thought or a condition is no action taken.
    ("Germany warned that Hungary could leave the treaty.", {}),
    ("Estonia is considering leaving the treaty, and Serbia threatened to quit it.", {}),
    ("The Kremlin said Russia would leave the treaty unless NATO changed course.", {}),
    ("Officials said in May that Russia would leave the treaty.", {"ru": ["leaving"]}),
    # A complement clause without "that" has its own subject.
    ("Officials in Washington said Poland would leave the treaty.", {"pl": ["leaving"]}),
    # Negation cancels the action; the aside "which borders Russia" is no subject of the main clause.
    ("Finland has no intention to leave the treaty, and will not withdraw.", {}),
    ("Finland, which borders Russia, did not sign the joint statement.", {}),
    ("Finland hasn't left the treaty, and Norway is not going to withdraw from it.", {}),
    # Words inside a quotation have their own subject.
    ("The Polish president said, “We know how hard withdrawing from the treaty would be.”", {}),
])
def test_who_acts(text, expected):
    assert {code: css for code, css in _stances(text).items() if css} == expected


def test_what_is_acted_on_may_be_in_the_sentence_before_when_referred_to():
    stances = _stances("More than 160 countries are parties to the treaty. However, Russia, China, the United "
                       "States and several other countries did not sign it.")
    assert stances["ru"] == stances["cn"] == stances["us"] == ["outside"]
    assert _stances("The summit ended. Russia, China and the United States did not sign the final statement.") == {
        "ru": [], "cn": [], "us": []}
    # An action whose object is left out takes it from the paragraph so far, not from another paragraph.
    paragraph = ("The treaty entered into force in 1999. More than 160 countries have joined it. "
                 "Russia and the United States are not parties.")
    assert _stances(paragraph) == {"ru": ["outside"], "us": ["outside"]}
    assert _stances(paragraph.replace("joined it. ", "joined it.\n\n")) == {"ru": [], "us": []}
    assert _stances("The treaty was discussed. Russia is not a party to the talks.") == {"ru": []}


def test_the_first_configured_stance_with_evidence_is_the_main_one():
    p = _profiles("Ukraine ratified the treaty in 2005. Ukraine ratified the treaty again, they said. "
                  "Ukraine will withdraw from the treaty.")["ua"]
    assert p.primary is not None and p.primary.rule.css == "leaving"
    assert [s.rule.css for s in p.stances] == ["leaving", "party"]
    assert len(p.stances[1].sentences) == 2


def test_dates_are_those_of_the_evidence_clause_not_an_attributive_year():
    p = _profiles("Latvia's parliament voted on 16 April 2025 to leave the 1997 treaty, "
                  "two years after Russia's invasion in February 2022.")["lv"]
    assert [d.display() for d, _ in p.stances[0].dates] == ["16 April 2025"]


def test_rules_sharing_a_label_make_one_stance():
    rules = [StanceRule("Leaving", "leaving", (("withdraw*",), ("treaty",))),
             StanceRule("Leaving", "leaving", (("denounce*",), ("treaty",)))]
    p = _profiles("Poland will withdraw from the treaty. Poland denounced the treaty in June.", rules=rules)["pl"]
    assert [s.rule.label for s in p.stances] == ["Leaving"]
    assert len(p.stances[0].sentences) == 2


def test_headings_and_captions_are_no_evidence():
    profiles = _profiles("## Poland to leave the treaty\n\n"
                         "Photo: Poland's defence minister, who wants to leave the treaty (Reuters)\n\n"
                         "Poland is among the largest armies in Europe, officials said on Monday.")
    assert profiles["pl"].stances == []
    # A caption that the text stage left in the article text is known by its credit.
    text = "Polish MPs voted to leave the treaty on Wednesday in Warsaw."
    for body, expected in ((text, ["leaving"]), (text + " (Photo: Jan Nowak/Example Press)", [])):
        sentence = Sentence("s0", "s-1", body, 0, 0)
        (p,) = profile_countries([sentence], [], [], RULES)
        assert [s.rule.css for s in p.stances] == expected


def test_without_rules_countries_are_profiled_with_no_stance():
    profiles = _profiles("Poland will withdraw from the treaty.", rules=[])
    assert profiles["pl"].stances == [] and profiles["pl"].sentences


def test_ottawa_convention_is_not_canada():
    profiles = _profiles("Ukraine will withdraw from the Ottawa Convention, the treaty banning mines.")
    assert sorted(profiles) == ["ua"]


def test_each_evidence_sentence_keeps_the_clause_that_says_it():
    profiles = _profiles("Talks went on in Vienna, while Estonia said it would withdraw from the treaty.\n\n"
                         "Latvia ratified the treaty in 2005.")
    stance = profiles["ee"].stances[0]
    assert len(stance.clauses) == len(stance.sentences) == 1
    start, end = stance.clauses[0]
    assert stance.sentences[0].text[start:end].strip() == "Estonia said it would withdraw from the treaty."
    party = profiles["lv"].stances[0]
    assert party.sentences[0].text[slice(*party.clauses[0])].strip() == "Latvia ratified the treaty in 2005."
