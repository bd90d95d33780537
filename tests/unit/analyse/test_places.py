"""Country mentions: the five real articles, held-out phrases, traps and the data file."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse import places as places_module
from build_scripts.analyse.places import DATA, all_countries, country, find_places, is_country_name
from build_scripts.model import Country, PlaceMention

# Expected country sets of the raw article text (furniture included: the
# "READ ALSO" line of 001 names Ghana; callers filter furniture themselves).
ARTICLES = {
    "000": {"ua", "ru", "pl", "fi", "lt", "lv", "ee"},
    "001": {"ua", "ru", "us", "fi", "pl", "ee", "lv", "lt", "gh"},
    "002": {"ua", "ru", "ee", "lv", "lt", "pl", "cn", "us", "kr", "kp"},
    "003": {"ua", "ru", "us", "fi", "pl", "lv", "lt", "ee"},
    "004": {"ua", "ru", "pl", "fi", "ee", "lv", "lt"},
}


def codes(text: str) -> set[str]:
    return {code for mention in find_places(text) for code in mention.codes}


def hits(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.codes) for m in find_places(text)]


def article(seed_root, prefix: str) -> str:
    (path,) = sorted((seed_root / "sources").glob(f"{prefix}_*.md"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(ARTICLES))
def test_article_country_sets(seed_root, prefix):
    assert codes(article(seed_root, prefix)) == ARTICLES[prefix]


def test_article_003_reads_metonyms_and_never_canada(seed_root):
    mentions = find_places(article(seed_root, "003"))
    found = {(m.text, m.codes) for m in mentions}
    assert {("Kiev", ("ua",)), ("Moscow", ("ru",)), ("Washington", ("us",)), ("Rada", ("ua",))} <= found
    assert not any("ca" in m.codes for m in mentions)
    assert "Izium" not in {m.text for m in mentions}  # a town, not a state: no place table of one story


def test_article_004_groups_and_places(seed_root):
    found = {(m.text, m.codes) for m in find_places(article(seed_root, "004"))}
    assert {("Kyiv", ("ua",)), ("the Baltic nations", ("ee", "lt", "lv")),
            ("the Baltic states", ("ee", "lt", "lv"))} <= found
    assert "Donetsk" not in {text for text, _ in found}


def test_article_002_koreas_and_the_peninsula(seed_root):
    found = hits(article(seed_root, "002"))
    assert ("the two Koreas", ("kp", "kr")) in found
    assert ("North Korean", ("kp",)) in found and ("Seoul", ("kr",)) in found
    assert ("Pyongyang", ("kp",)) in found
    assert not any("Peninsula" in text for text, _ in found)


def test_article_001_ex_soviet_baltic_states(seed_root):
    assert ("the three ex-Soviet Baltic states", ("ee", "lt", "lv")) in hits(article(seed_root, "001"))


def test_mentions_are_ordered_exact_and_not_overlapping(seed_root):
    for prefix in ARTICLES:
        text = article(seed_root, prefix)
        mentions = find_places(text)
        assert mentions
        for before, after in zip(mentions, mentions[1:], strict=False):
            assert before.end <= after.start
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert m.codes == tuple(sorted(m.codes))


# ---------------------------------------------------------------- held out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shelling hit Kyiv overnight.", [("Kyiv", ("ua",))]),
        ("Kiev said so.", [("Kiev", ("ua",))]),
        ("The Kremlin denied it.", [("The Kremlin", ("ru",))]),
        ("Moscow and the Kremlin", [("Moscow", ("ru",)), ("the Kremlin", ("ru",))]),
        ("The Verkhovna Rada voted.", [("Verkhovna Rada", ("ua",))]),
        ("U.S.-supplied mines", [("U.S.", ("us",))]),
        ("the USA and America", [("USA", ("us",)), ("America", ("us",))]),
        ("American officials", [("American", ("us",))]),
        ("Russia's army and Russia’s navy", [("Russia", ("ru",)), ("Russia", ("ru",))]),
        ("Ukraine’s parliament", [("Ukraine", ("ua",))]),
        ("the Baltic states", [("the Baltic states", ("ee", "lt", "lv"))]),
        ("The Baltics agreed.", [("The Baltics", ("ee", "lt", "lv"))]),
        ("Baltic countries", [("Baltic countries", ("ee", "lt", "lv"))]),
        ("ex-Soviet Baltic states", [("ex-Soviet Baltic states", ("ee", "lt", "lv"))]),
        ("the Baltic\nstates", [("the Baltic\nstates", ("ee", "lt", "lv"))]),
        ("South Korean troops", [("South Korean", ("kr",))]),
        ("Seoul and Pyongyang", [("Seoul", ("kr",)), ("Pyongyang", ("kp",))]),
        ("North Korea", [("North Korea", ("kp",))]),
        ("Ottawa said", [("Ottawa", ("ca",))]),
        ("the People’s Republic of China", [("People’s Republic of China", ("cn",))]),
        ("Russia-Ukraine war", [("Russia", ("ru",)), ("Ukraine", ("ua",))]),
        ("Côte d’Ivoire and Cote d'Ivoire", [("Côte d’Ivoire", ("ci",)), ("Cote d'Ivoire", ("ci",))]),
        ("Papua New Guinea and Guinea-Bissau", [("Papua New Guinea", ("pg",)), ("Guinea-Bissau", ("gw",))]),
        ("Nigeria and Niger", [("Nigeria", ("ng",)), ("Niger", ("ne",))]),
        ("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", ("cd",))]),
        ("In Georgia, protests", [("Georgia", ("ge",))]),
        ("Armenia, Georgia and Azerbaijan", [("Armenia", ("am",)), ("Georgia", ("ge",)), ("Azerbaijan", ("az",))]),
        ("Jordan and Syria", [("Jordan", ("jo",)), ("Syria", ("sy",))]),
        ("However, Washington has", [("Washington", ("us",))]),
        ("Crimea", []),  # regions and towns are no states; capitals and institutions are
        ("Shelling hit Kharkiv and Belgorod.", []),
        ("The Storting and the Riksdag voted, as did the Knesset.",
         [("Storting", ("no",)), ("Riksdag", ("se",)), ("Knesset", ("il",))]),
        ("the Paris Agreement and the Warsaw Pact", []),
        ("The Ottawa Mine Ban Treaty, the Ottawa treaty", []),
    ],
)
def test_held_out_phrases(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, demonym",
    [
        ("Ukrainians", True),
        ("Ukrainian", True),
        ("Poles", True),
        ("Polish", True),
        ("Finns", True),
        ("Finnish", True),
        ("Estonians", True),
        ("Latvian", True),
        ("Lithuanians", True),
        ("Russians", True),
        ("North Koreans", True),
        ("Chinese", True),
        ("Canadians", True),
        ("Poland", False),
        ("Finland", False),
    ],
)
def test_demonyms_singular_and_plural(text, demonym):
    (mention,) = find_places(f"Some {text} here.")
    assert mention.text == text
    assert mention.demonym is demonym


@pytest.mark.parametrize(
    "text",
    [
        "the Ottawa Convention",
        "the Ottawa Treaty",
        "the Ottawa process",
        "Human Rights Watch said",
        "the Korean Peninsula",
        "the Washington Post reported",
        "the New York Times",
        "Eastern Europe",
        "Europe",
        "European",
        "the Soviet Union and the USSR",
        "Michael Jordan scored",
        "Jordan Peterson said",
        "Chad Smith drums",
        "around Lake Chad",
        "the Niger Delta",
        "Georgia Tech won",
        "Atlanta, Georgia",
        "the state of Georgia",
        "a turkey dinner",
        "New Jersey and New Mexico",
        "Latin Americans",
        "the Minsk agreements",
        "the Paris Agreement",
        "George Washington",
        "CONTACT US",
        "Korea",
        "the Congo River",
        "us and them",
        "the Baltic Sea",
        "the Indian Ocean",
    ],
)
def test_no_false_hits(text):
    assert find_places(text) == []


def test_excluded_phrase_does_not_hide_neighbours():
    text = "Canada hosted the Ottawa Convention talks; Ottawa welcomed it."
    assert hits(text) == [("Canada", ("ca",)), ("Ottawa", ("ca",))]


def test_case_sensitive():
    assert find_places("ukraine and RUSSIA") == []
    assert find_places("tell us more") == []


def test_longest_alias_wins():
    assert hits("United States Virgin Islands") == [("United States Virgin Islands", ("vi",))]
    assert hits("South Georgia") == [("South Georgia", ("gs",))]
    assert hits("Northern Ireland") == [("Northern Ireland", ("gb",))]


# ---------------------------------------------------------------- interface


def test_country_lookup():
    assert country("ua") == Country("ua", "Ukraine")
    assert country("us").name == "United States"
    assert country("ru").name == "Russia"
    assert country("kr").name == "South Korea"
    assert country("kp").name == "North Korea"
    assert country("UA").code == "ua"
    with pytest.raises(KeyError):
        country("zz")


def test_all_countries_sorted_and_complete():
    countries = all_countries()
    assert [c.code for c in countries] == sorted({c.code for c in countries})
    assert len(countries) >= 249
    assert all(len(c.code) == 2 and c.code.islower() and c.name for c in countries)


def test_mentions_are_frozen():
    mention = find_places("Poland")[0]
    assert isinstance(mention, PlaceMention)
    with pytest.raises(AttributeError):
        mention.start = 3  # type: ignore[misc]


def test_data_file_is_consistent():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    known = {c["code"] for c in data["countries"]}
    kinds = {"name", "capital", "place", "demonym", "group", "exclude"}
    for alias in data["aliases"]:
        assert alias["kind"] in kinds
        assert set(alias["codes"]) <= known
        assert bool(alias["codes"]) == (alias["kind"] != "exclude")
    texts = [a["text"] for a in data["aliases"]]
    assert texts == sorted(set(texts))


@given(st.text(alphabet=st.sampled_from(list("UkraineRusPolandthe Baltic states’'.,-\n")), max_size=80))
def test_any_text_gives_well_formed_mentions(text):
    mentions = find_places(text)
    position = 0
    for m in mentions:
        assert position <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text and m.codes
        position = m.end


# The pattern without lower-case aliases is used only where it finds the same.
PLACE_WORDS = st.sampled_from([
    "the", "The", "both", "three", "two", "former", "ex-Soviet", "mainland", "Baltic", "Baltics", "states",
    "States", "Koreas", "Kremlin", "China", "Soviet", "Nordic", "State", "of", "Eritrea", "Palestine",
    "Benelux", "countries", "Kyiv", "Ukraine", "Ukrainian", "Jordan", "Georgia", "Ottawa", "Convention",
    "Human", "Rights", "Watch", "Côte", "d’Ivoire", "Åland", "Islands", "Élysée", "US", "CONTACT", ",",
])


@given(st.lists(PLACE_WORDS, max_size=14), st.sampled_from([" ", "  ", "\u00a0", "\n", ""]))
def test_the_faster_pattern_finds_the_same_matches(words, glue):
    text = glue.join(words)
    gazetteer = places_module._gazetteer()
    fast = places_module._pattern_for(gazetteer, text)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in gazetteer.pattern.finditer(text)]


def test_every_lower_case_alias_has_its_hint():
    gazetteer = places_module._gazetteer()
    lower_case = [key for key in gazetteer.aliases if key[0].islower()]
    assert lower_case and gazetteer.lower_case_hint is not None
    for key in lower_case:
        assert gazetteer.lower_case_hint.search(key), key
        assert gazetteer.capitalised.match(key) is None, key


TRIE_KEYS = ["Niger", "Nigeria", "Nigerian", "US", "the Baltic states", "the Baltics", "Côte d'Ivoire", "Åland"]
TRIE_WORDS = st.sampled_from(TRIE_KEYS + ["x", "1", "_", "-", "the", "Baltic", "Côte", "d’Ivoire", "Nigerx", "Åland"])


@given(st.lists(TRIE_WORDS, max_size=10), st.sampled_from([" ", "", "  ", "\n", "-"]))
def test_the_trie_matches_like_a_plain_alternation(words, glue):
    # The trie, with its word-boundary check after the first character, finds
    # what the plain (?<!\w)(?:longest|...|shortest)(?!\w) finds.
    text = glue.join(words)
    trie = re.compile(places_module._trie_pattern(sorted(TRIE_KEYS)))
    plain = re.compile(r"(?<!\w)(?:" + "|".join(
        "".join(places_module._char_pattern(c) for c in key) for key in sorted(TRIE_KEYS, key=len, reverse=True)
    ) + r")(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("Ukraine", True), ("US", True), ("United States", True), ("the United States", False),
    ("Kyiv", False), ("Verkhovna Rada", False), ("Ukrainian", False), ("Ukrainians", False),
    ("the Baltic states", False), ("the two Koreas", False), ("Human Rights Watch", False), ("Atlantis", False),
])
def test_is_country_name_only_for_names_of_one_country(text, expected):
    assert is_country_name(text) is expected
