"""Counts, titles and their disagreements between sources."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse import disagreements_dates, disagreements_figures
from build_scripts.analyse import quantities as quantities_module
from build_scripts.analyse import roles as roles_module
from build_scripts.analyse.disagreements import (
    dates_differ,
    number_disagreements,
    same_event,
    title_disagreements,
)
from build_scripts.analyse.disagreements_dates import _of_sources_apart, date_disagreements
from build_scripts.analyse.quantities import consistent, find_quantities
from build_scripts.analyse.roles import differ, find_roles, person_key
from build_scripts.analyse.sentence_memo import keep_between_builds
from build_scripts.analyse.topics import eligible
from build_scripts.model import DateMention, PartialDate, Sentence
from build_scripts.pipeline import analyse


@pytest.mark.parametrize(("text", "expected"), [
    ("ratified by over 160 countries and territories", [("over 160", "countries", 160, math.inf)]),
    ("ratified by 165 countries", [("165", "countries", 165, 165)]),
    ("more than a dozen types of mines", [("more than a dozen", "types", 12, math.inf)]),
    ("hundreds of thousands of artillery rounds", [("hundreds of thousands", "artillery", 200_000, 999_999)]),
    ("amassed over 110,000 troops", [("over 110,000", "troops", 110_000, math.inf)]),
    ("about 40 people", [("about 40", "people", 36, 44)]),
    ("in their 40-month-old war", []),
    ("enacted on 1 March 1999 and ratified in 2005 by parliament", []),
    ("the distance (24 km) to the zone", [("24", "km", 24, 24)]),
    ("a $360 Million lifeline", [("$360 Million", "dollars", 360e6, 360e6)]),
])
def test_quantities_keep_the_words_and_the_range(text, expected):
    found = [(q.value, q.unit, q.low, q.high) for q in find_quantities(text)]
    assert [(v, u) for v, u, _, _ in found] == [(v, u) for v, u, _, _ in expected]
    for (_, _, lo, hi), (_, _, elo, ehi) in zip(found, expected, strict=True):
        assert lo == pytest.approx(elo) and hi == pytest.approx(ehi)


def test_consistency_of_figures():
    over, exact, other = (find_quantities(t)[0] for t in ("over 160 states", "165 states", "160 states"))
    assert consistent([over, exact])
    assert not consistent([exact, other])


def test_roles_in_three_forms_and_across_spellings():
    found = [(r.name, r.role, person_key(r.name)) for s in [
        "Roman Kostenko, a member of Ukraine’s parliament, echoed this sentiment.",
        "“It must stop,” said Steve Goose, Arms Division director at Human Rights Watch.",
        "Ukrainian President Volodymyr Zelensky signed it, and Then Defense Secretary, Lloyd Austin said so.",
        "Signed by President Volodymyr Zelenskyy, this decree stands.",
    ] for r in find_roles(s)]
    assert found == [
        ("Roman Kostenko", "a member of Ukraine’s parliament", "r-kosten"),
        ("Steve Goose", "Arms Division director at Human Rights Watch", "s-goose"),
        ("Volodymyr Zelensky", "Ukrainian President", "v-zelens"),
        ("Lloyd Austin", "Then Defense Secretary", "l-austin"),
        ("Volodymyr Zelenskyy", "President", "v-zelens"),
    ]
    assert not differ(["Ukrainian President", "President", "the Ukrainian president"])
    assert differ(["a member of parliament", "secretary of the defence committee"])


def test_seed_disagreements_on_the_count_of_states_and_kostenkos_title(seed_project):
    analysis = analyse(seed_project)
    sentences = [s for d in analysis.documents for s in d.sentences if eligible(s)]
    [count] = number_disagreements(sentences, analysis.claims)
    assert count.subject == "the number of countries"
    assert sorted(s.value for s in count.sides) == ["165", "More than 160", "over 160"]
    assert count.consistent is True
    [title] = title_disagreements(sentences)
    assert title.subject == "Roman Kostenko’s title or role"
    assert sorted(s.value for s in title.sides) == [
        "Secretary of the parliament’s defense committee",
        "a member of Ukraine’s parliament",
        "the secretary of the Rada’s Committee on National Security, Defense and Intelligence",
    ]
    assert {d.id for d in analysis.disagreements} >= {count.id, title.id}


# --- The shortcuts of find_quantities and find_roles change nothing ------------

def test_only_four_letters_match_non_ascii_ones_ignoring_case():
    # quantities._ODD_CASES (with the Kelvin sign, which str.lower handles) must list them all.
    text = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code <= 0xDFFF)
    found = set(re.findall("[a-z]", text, re.IGNORECASE))
    assert found == {odd for odd, _ in quantities_module._ODD_CASES} | {"\u212a"}
    assert "\u212a".lower() == "k"


QUANTITY_WORDS = st.sampled_from([
    "over", "Over", "more than", "MORE THAN", "about", "approximately", "some", "up to", "ſome", "at", "least",
    "160", "165", "110,000", "1.5", "2022", "1999", "٣", "a dozen", "dozens", "hundreds", "of", "thousands",
    "mıllıons", "thouſands", "MILLIONS", "countries", "troops", "people", "km", "June", "the", "-", "$", "(",
    ",", "x", "40-month-old",
])
SPACES = st.sampled_from([" ", "", "  ", "\t", "\u00a0", "\n"])


@given(st.lists(QUANTITY_WORDS, max_size=14), SPACES)
def test_quantity_matches_are_those_of_the_plain_pattern(words, glue):
    sentence = glue.join(words)
    assert [(m.span(), m.groupdict()) for m in quantities_module._matches(sentence)] == [
        (m.span(), m.groupdict()) for m in quantities_module._QUANTITY.finditer(sentence)]


def _plain_find_roles(sentence):
    found = {}
    for pattern in (roles_module._APPOSITIVE, roles_module._SAID_NAME, roles_module._PREFIX):
        for m in pattern.finditer(sentence):
            name = m.group("name")
            if name.split()[0] not in {"The", "A", "An", "In", "On", "Then"}:
                found.setdefault(m.start("name"), roles_module.RoleMention(name, m.group("role").strip(), m.start()))
    return [found[k] for k in sorted(found)]


ROLE_WORDS = st.sampled_from([
    "Roman Kostenko", "Lloyd Austin", "The", "Then", "Former", "Ukrainian", "President", "Prime Minister",
    "Defense Secretary", "Defence Minister", "Secretary of State", "Spokeswoman", "Ambassador", "Chancellor",
    "a member of parliament", "said", "says", "saidx", "told", "noted", "asserted", "reporters", ",", ".",
    "“", "’",
])


@given(st.lists(ROLE_WORDS, max_size=16), st.sampled_from([" ", ", ", "  ", "\t", ""]))
def test_roles_are_those_of_the_plain_patterns(words, glue):
    sentence = glue.join(words)
    assert find_roles(sentence) == _plain_find_roles(sentence)


# --- Same attribute, same thing; dates of one event; titles one cannot hold together ------

def _sentences(*texts_by_source: str) -> list:
    from build_scripts.model import Sentence
    return [Sentence(f"s{i}", f"a{j}", text, j, 0)
            for i, texts in enumerate(texts_by_source) for j, text in enumerate(texts.split("\n"))]


FILLER = ("The central bank kept interest rates unchanged for the third month running.\n"
          "Farmers expect a late harvest because of the cold spring weather.")


def test_figures_of_one_attribute_are_compared_unrelated_counts_are_not():
    sentences = _sentences(
        "Fourteen people were injured in the warehouse fire, the fire service said.\n"
        "Estonia's parliament voted to leave the treaty, with 81 members in favour.\n" + FILLER,
        "Police said 17 people had been injured in the warehouse fire.\n"
        "Latvia's parliament voted to leave the treaty, with 66 members voting in favour.\n"
        "Nine people remain in hospital after the warehouse fire.",
    )
    found = {d.subject: sorted(s.value for s in d.sides) for d in number_disagreements(sentences, [])}
    assert found == {"the number of people injured in the warehouse fire": ["17", "Fourteen"]}


def test_a_rounded_figure_and_an_exact_one_are_consistent():
    sentences = _sentences("It guards more than 1,300 kilometres of border with Russia.\n" + FILLER,
                           "Finland shares a 1,340-kilometre border with Russia.\n" + FILLER)
    [d] = number_disagreements(sentences, [])
    assert d.consistent is True


def test_a_replaced_figure_and_a_price_are_not_compared():
    sentences = _sentences(
        "Adjusters raised their estimate of insured losses from the fire to €65 million, from about €40 million.\n"
        + FILLER,
        "Insured losses from the fire are now estimated at €60 million.\nSupport our reporting from €4 a month.\n"
        "Railway workers called off a strike planned for the holiday weekend.",
    )
    [d] = number_disagreements(sentences, [])
    assert sorted(s.value for s in d.sides) == ["€60 million", "€65 million"] and d.consistent is False


def test_two_dates_for_one_event_are_a_date_conflict_two_countries_are_not():
    sentences = _sentences(
        "Lithuania ratified the treaty in 2003.\nPoland ratified the treaty in 2012.\n" + FILLER,
        "Lithuania, which joined the treaty in 2004, says mines would help its army.\n" + FILLER,
    )
    dates = [d for d in number_disagreements(sentences, []) if d.kind == "date"]
    assert [sorted(s.value for s in d.sides) for d in dates] == [["in 2003", "in 2004"]]
    assert dates[0].consistent is False


def test_a_post_and_its_deputy_conflict_two_posts_are_compatible():
    sentences = _sentences(
        "Deputy Chief Fire Officer Maren Holt said the fire was out.\n"
        "Deputy Prime Minister Jan Kowal spoke to lawmakers.",
        "\"We expect to be here for days,\" said Chief Fire Officer Maren Holt.\n"
        "Defence Minister Jan Kowal spoke to lawmakers.",
    )
    found = {d.subject: d.consistent for d in title_disagreements(sentences)}
    assert found == {"Maren Holt’s title or role": False, "Jan Kowal’s title or role": True}


def test_a_date_in_a_sentence_naming_no_one_is_compared_with_a_close_report():
    sentences = _sentences(
        "The charter, signed on 4 May 1950 and in force since 1 January 1952, guarantees free passage on the river.\n"
        + FILLER,
        "The River Charter was signed in Geneva on 14 April 1950 and guarantees free passage on the river.\n"
        + FILLER,
    )
    dates = [d for d in number_disagreements(sentences, []) if d.kind == "date"]
    assert [sorted(s.value for s in d.sides) for d in dates] == [["on 14 April 1950", "on 4 May 1950"]]


def test_a_list_that_also_gives_the_other_date_holds_other_events():
    sentences = _sentences(
        "The new tariffs take effect on 1 September 2026.\n" + FILLER,
        "The new tariffs take effect on 1 September 2026, the duties on steel in October 2026.\n" + FILLER,
    )
    assert [d for d in number_disagreements(sentences, []) if d.kind == "date"] == []


def test_an_opinion_piece_that_gives_an_outdated_title_is_a_source_that_differs(tmp_path, write):
    from build_scripts.model import Project
    from build_scripts.pipeline import analyse

    (tmp_path / "docs").mkdir()
    write("news.md", "---\ntitle: Port reopens\ndate: 2025-05-02\n---\n"
          "Deputy Transport Minister Lena Ostrova said the port would reopen to ferries on Monday.\n\n"
          "The central bank kept interest rates unchanged for the third month running.\n")
    write("oped.md", "---\ntitle: Keep the port open\ndate: 2025-05-03\n---\nOpinion\n\n"
          "The decision was right, as Transport Minister Lena Ostrova said herself last week.\n\n"
          "Farmers expect a late harvest because of the cold spring weather.\n")
    titles = [d for d in analyse(Project.at(tmp_path)).disagreements if d.kind == "title"]
    assert [sorted(s.sentence.source_id for s in d.sides) for d in titles] == [["news", "oped"]]


_KEYS = st.frozensets(st.sampled_from(["sign", "join", "treaty", "decree", "leave"]), max_size=3)
_DATES = st.builds(lambda y, m, d: PartialDate(y, m, d if m is not None else None),
                   st.sampled_from([2024, 2025]), st.sampled_from([None, 3, 6]), st.sampled_from([None, 1, 30]))


@given(st.lists(st.tuples(st.sampled_from("abc"), _KEYS, _DATES), min_size=2, max_size=12), st.data())
def test_pairs_of_dates_are_sifted_as_the_checks_they_stand_for(mentions, data):
    """``_of_sources_apart`` keeps the pairs of two sources, with the same event words and dates
    that differ, as ``same_event`` and ``dates_differ`` tell them."""
    made = [(Sentence(source, f"a{n}", "text", 0, 0), DateMention(0, 4, "text", date, False), key)
            for n, (source, key, date) in enumerate(mentions)]
    pairs = set(data.draw(st.lists(st.tuples(st.integers(0, len(made) - 1), st.integers(0, len(made) - 1))
                                   .filter(lambda p: p[0] < p[1]))))
    expected = {(i, j) for i, j in pairs if made[i][0].source_id != made[j][0].source_id
                and same_event(made[i][2], made[j][2]) and dates_differ(made[i][1].date, made[j][1].date)}
    found = _of_sources_apart(pairs, made)
    assert sorted(found) == sorted(expected) and len(found) == len(expected)


def test_date_disagreements_are_given_again_of_this_build_s_sentences(monkeypatch):
    """Under ``mkdocs serve`` the last build's date disagreements are given again while their
    mentions, actors, claims and close pairs are the same, made of this build's sentence objects."""
    calls = []
    original = disagreements_dates._joined
    monkeypatch.setattr(disagreements_dates, "_joined", lambda *a: calls.append(1) or original(*a))
    texts = ("Lithuania ratified the treaty in 2003.\n" + FILLER,
             "Lithuania, which joined the treaty in 2004, says mines would help its army.\n" + FILLER)
    keep_between_builds(True)
    try:
        first = date_disagreements(_sentences(*texts), [])
        again_sentences = _sentences(*texts)  # new objects, equal to the first build's
        again = date_disagreements(again_sentences, [])
        assert calls == [1] and again == first and len(again) == 1
        assert all(any(side.sentence is s for s in again_sentences) for side in again[0].sides)
        changed = date_disagreements(_sentences(texts[0].replace("2003", "2002"), texts[1]), [])
        assert calls == [1, 1] and sorted(s.value for s in changed[0].sides) == ["in 2002", "in 2004"]
        keep_between_builds(False)  # ``mkdocs build``: worked out every time
        assert date_disagreements(_sentences(*texts), []) == first and calls == [1, 1, 1]
    finally:
        keep_between_builds(True)


def test_figure_disagreements_are_given_again_of_this_build_s_sentences(monkeypatch):
    """As date disagreements: the last build's figure disagreements while the figures, their
    actors, claims and close pairs are the same, made of this build's sentence objects."""
    calls = []
    original = disagreements_figures._joined
    monkeypatch.setattr(disagreements_figures, "_joined", lambda *a: calls.append(1) or original(*a))
    texts = ("Fourteen people were injured in the warehouse fire, the fire service said.\n" + FILLER,
             "Police said 17 people had been injured in the warehouse fire.\n" + FILLER)

    def numbers(*given: str) -> list:
        return [d for d in number_disagreements(_sentences(*given), []) if d.kind == "number"]
    keep_between_builds(True)
    try:
        first = numbers(*texts)
        again_sentences = _sentences(*texts)
        again = [d for d in number_disagreements(again_sentences, []) if d.kind == "number"]
        assert calls == [1] and again == first and len(again) == 1
        assert all(any(side.sentence is s for s in again_sentences) for side in again[0].sides)
        changed = numbers(texts[0], texts[1].replace("17", "18"))
        assert calls == [1, 1] and sorted(s.value for s in changed[0].sides) == ["18", "Fourteen"]
        keep_between_builds(False)  # ``mkdocs build``: worked out every time
        assert numbers(*texts) == first and calls == [1, 1, 1]
    finally:
        keep_between_builds(True)
