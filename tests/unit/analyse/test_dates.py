"""Date mentions in sentences: precision kept, relative dates only with a publication date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse import dates as dates_module
from build_scripts.analyse.dates import find_dates
from build_scripts.model import DateMention, PartialDate

PUB = PartialDate(2025, 6, 30)  # a Monday
PUB_MONTH = PartialDate(2025, 6)
PUB_YEAR = PartialDate(2025)


def isos(sentence: str, published: PartialDate | None = PUB) -> list[str]:
    return [m.date.iso() for m in find_dates(sentence, published)]


def texts(sentence: str, published: PartialDate | None = PUB) -> list[str]:
    return [m.text for m in find_dates(sentence, published)]


def only(sentence: str, published: PartialDate | None = PUB) -> DateMention:
    found = find_dates(sentence, published)
    assert len(found) == 1, found
    return found[0]


# --- Absolute days ---------------------------------------------------------

@pytest.mark.parametrize("sentence, iso", [
    ("29 June 2025", "2025-06-29"),
    ("June 29, 2025", "2025-06-29"),
    ("June 29 2025", "2025-06-29"),
    ("Jun. 29, 2025", "2025-06-29"),
    ("Jun 30, 2025", "2025-06-30"),
    ("1 March 1999", "1999-03-01"),
    ("It happened on 18 March 2025.", "2025-03-18"),
    ("A 10 June 2025 report", "2025-06-10"),
    ("29th of June 2025", "2025-06-29"),
    ("June 3rd, 2024", "2024-06-03"),
    ("Sept 11, 2001", "2001-09-11"),
    ("Sept. 11, 2001", "2001-09-11"),
    ("29 February 2024", "2024-02-29"),
    ("Published 2025-06-30.", "2025-06-30"),
    ("Sunday, June 29, 2025", "2025-06-29"),
    ("Talks resumed on Wed. 4 June 2025.", "2025-06-04"),
])
def test_absolute_day(sentence: str, iso: str) -> None:
    mention = only(sentence)
    assert mention.date.iso() == iso
    assert mention.date.day is not None
    assert mention.relative is False


@pytest.mark.parametrize("published", [PUB, PUB_MONTH, PUB_YEAR, None])
def test_absolute_dates_do_not_need_a_publication_date(published: PartialDate | None) -> None:
    assert isos("On 18 March 2025, after the February 2022 invasion, in 2005.", published) == [
        "2025-03-18", "2022-02", "2005",
    ]


@pytest.mark.parametrize("abbreviation, month", [
    ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8),
    ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12),
])
@pytest.mark.parametrize("dot", ["", "."])
def test_abbreviated_months(abbreviation: str, month: int, dot: str) -> None:
    assert only(f"{abbreviation}{dot} 5, 2024").date == PartialDate(2024, month, 5)
    assert only(f"5 {abbreviation}{dot} 2024").date == PartialDate(2024, month, 5)
    assert only(f"in {abbreviation}{dot} 2024").date == PartialDate(2024, month)


@pytest.mark.parametrize("sentence", ["Jan Egeland said so.", "Mar-a-Lago", "the Sep report"])
def test_abbreviated_month_alone_is_not_a_date(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


@pytest.mark.parametrize("sentence, iso", [
    ("31 June 2025", "2025-06"),
    ("29 February 2025", "2025-02"),
    ("June 31, 2025", "2025-06"),
])
def test_impossible_day_keeps_only_the_month(sentence: str, iso: str) -> None:
    mention = only(sentence)
    assert mention.date.iso() == iso
    assert mention.text == sentence


def test_impossible_iso_day_is_not_a_date() -> None:
    assert isos("2025-02-30 and 2025-13-01") == []


# --- Month and year, year alone ---------------------------------------------

@pytest.mark.parametrize("sentence, iso, text", [
    ("November 2024", "2024-11", "November 2024"),
    ("In November 2024 the US approved it.", "2024-11", "In November 2024"),
    ("It began in March 2025.", "2025-03", "in March 2025"),
    ("Russia’s February 2022 invasion", "2022-02", "February 2022"),
    ("in March of 2024", "2024-03", "in March of 2024"),
    ("Sept. 2024", "2024-09", "Sept. 2024"),
    ("May 2025 was calm.", "2025-05", "May 2025"),
])
def test_month_and_year(sentence: str, iso: str, text: str) -> None:
    mention = only(sentence)
    assert (mention.date.iso(), mention.text, mention.relative) == (iso, text, False)
    assert mention.date.day is None


@pytest.mark.parametrize("sentence, year, text", [
    ("Ukraine ratified it in 2005.", 2005, "in 2005"),
    ("It has been used since 2022.", 2022, "since 2022"),
    ("a 2023 report", 2023, "2023"),
    ("approved in 2024", 2024, "in 2024"),
    ("In 1900 and", 1900, "In 1900"),
    ("by 2099,", 2099, "by 2099"),
    ("mid-2024", 2024, "mid-2024"),
    ("early 2024", 2024, "early 2024"),
    ("pre-2022 borders", 2022, "2022"),
    ("a 2005-era rule", 2005, "2005"),
])
def test_year_alone(sentence: str, year: int, text: str) -> None:
    mention = only(sentence)
    assert (mention.date, mention.text, mention.relative) == (PartialDate(year), text, False)


def test_year_range_gives_two_years() -> None:
    assert isos("from 2005-2010") == ["2005", "2010"]
    assert isos("2014–2022") == ["2014", "2022"]
    assert isos("in 2022-23") == ["2022"]


@pytest.mark.parametrize("sentence", [
    "in 1899", "in 2100", "110,000 troops", "2000 troops", "2005 km", "24 km",
    "$360 Million", "cost $2005", "€2005", "No. 2005", "No.2005", "Decree No. 2025",
    "#2005", "1,2005", "1999.99", "2024/25", "a 2000-strong force", "sent 2000 people",
    "2000 mines", "2000 meters", "2000 dollars", "2000%", "Resolution 2024 passed",
    "page 2004", "the A-2005 road", "uuid 2019-4a3f", "id 417d", "2017d", "d2019",
    "the 2020s", "20245", "a bare 10 or 24", "three years", "40-month-old",
])
def test_numbers_that_are_not_years(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


def test_a_unit_after_a_month_leaves_the_month_alone() -> None:
    mention = only("In March 2000 troops were sent.")
    assert (mention.date.iso(), mention.relative) == ("2025-03", True)


# --- Relative dates -----------------------------------------------------------

@pytest.mark.parametrize("sentence, text, iso", [
    ("They voted on Monday.", "on Monday", "2025-06-30"),
    ("They voted on Sunday.", "on Sunday", "2025-06-29"),
    ("They voted on Saturday.", "on Saturday", "2025-06-28"),
    ("They voted on Friday.", "on Friday", "2025-06-27"),
    ("They voted on Thursday.", "on Thursday", "2025-06-26"),
    ("They voted on Wednesday.", "on Wednesday", "2025-06-25"),
    ("They voted on Tuesday.", "on Tuesday", "2025-06-24"),
    ("last Sunday", "last Sunday", "2025-06-29"),
    ("last Monday", "last Monday", "2025-06-23"),
    ("next Monday", "next Monday", "2025-07-07"),
    ("next Sunday", "next Sunday", "2025-07-06"),
    ("Sunday’s vote was close.", "Sunday", "2025-06-29"),
    ("They will vote on Sunday.", "on Sunday", "2025-07-06"),
    ("They will vote on Monday.", "on Monday", "2025-06-30"),
])
def test_weekday(sentence: str, text: str, iso: str) -> None:
    mention = only(sentence)
    assert (mention.date.iso(), mention.relative, mention.text) == (iso, True, text)


@pytest.mark.parametrize("sentence", [
    "on Sunday", "Voters go to the polls on Sunday.", "The summit opens on Thursday in Brussels.",
])
def test_a_weekday_whose_clause_has_no_tense_is_not_guessed(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []  # the last Sunday or the next: nothing says which


def test_weekday_across_a_month_and_year_end() -> None:
    assert isos("They met on Wednesday.", PartialDate(2025, 1, 1)) == ["2025-01-01"]
    assert isos("They met on Tuesday.", PartialDate(2025, 1, 1)) == ["2024-12-31"]
    assert isos("They will meet on Tuesday.", PartialDate(2024, 12, 27)) == ["2024-12-31"]


@pytest.mark.parametrize("published", [None, PUB_MONTH, PUB_YEAR])
def test_weekday_needs_a_day_precise_publication_date(published: PartialDate | None) -> None:
    assert find_dates("They voted on Sunday.", published) == []


@pytest.mark.parametrize("sentence, iso", [
    ("In March", "2025-03"),
    ("in March", "2025-03"),
    ("the June report", "2025-06"),
    ("in December", "2024-12"),
    ("in July", "2025-07"),
    ("in January", "2025-01"),
    ("in May", "2025-05"),
    ("since May", "2025-05"),
    ("by May", "2025-05"),
    ("until May", "2025-05"),
    ("last May", "2025-05"),
    ("early May", "2025-05"),
    ("late March", "2025-03"),
    ("mid-March", "2025-03"),
    ("in early March", "2025-03"),
    ("by mid-May", "2025-05"),
    ("last June", "2024-06"),
    ("last July", "2024-07"),
    ("next March", "2026-03"),
    ("next July", "2025-07"),
])
def test_bare_month(sentence: str, iso: str) -> None:
    mention = only(sentence)
    text = sentence.removeprefix("the ").removesuffix(" report")
    assert (mention.date.iso(), mention.relative, mention.text) == (iso, True, text)
    assert mention.date.day is None


def test_bare_month_with_a_month_precise_publication_date() -> None:
    assert isos("in March", PUB_MONTH) == ["2025-03"]
    assert isos("in December", PUB_MONTH) == ["2024-12"]


@pytest.mark.parametrize("published", [None, PUB_YEAR])
def test_bare_month_needs_a_month_precise_publication_date(published: PartialDate | None) -> None:
    assert find_dates("In March, groups protested.", published) == []


@pytest.mark.parametrize("sentence, iso", [
    ("The vote is scheduled for July 15.", "2025-07-15"),
    ("on 15 July", "2025-07-15"),
    ("on June 29", "2025-06-29"),
    ("on 30 December", "2024-12-30"),
    ("on January 2", "2025-01-02"),
    ("Sunday, June 29", "2025-06-29"),
    ("Jan. 6 hearing", "2025-01-06"),
    ("February 29", "2024-02-29"),
])
def test_day_and_month_without_year(sentence: str, iso: str) -> None:
    mention = only(sentence)
    assert (mention.date.iso(), mention.relative) == (iso, True)


def test_day_and_month_without_year_may_be_next_year() -> None:
    assert isos("on January 2", PartialDate(2025, 12, 20)) == ["2026-01-02"]
    assert isos("on January 2", PartialDate(2025, 12)) == ["2026-01-02"]
    assert isos("on 29 February", PartialDate(2025, 6, 30)) == ["2024-02-29"]


def test_day_and_month_without_year_needs_a_month() -> None:
    assert isos("on 15 July", PUB_MONTH) == ["2025-07-15"]
    assert isos("on 15 July", PUB_YEAR) == []
    assert isos("on 15 July", None) == []


@pytest.mark.parametrize("sentence, iso", [
    ("yesterday", "2025-06-29"),
    ("Yesterday, he left.", "2025-06-29"),
    ("today", "2025-06-30"),
    ("Today, Ukraine said", "2025-06-30"),
    ("tomorrow", "2025-07-01"),
    ("last year", "2024"),
    ("this year", "2025"),
    ("next year", "2026"),
    ("last month", "2025-05"),
    ("this month", "2025-06"),
    ("next month", "2025-07"),
    ("since last year", "2024"),
])
def test_relative_words(sentence: str, iso: str) -> None:
    mention = only(sentence)
    assert (mention.date.iso(), mention.relative) == (iso, True)


def test_relative_words_across_the_year() -> None:
    assert isos("yesterday and last month", PartialDate(2025, 1, 1)) == ["2024-12-31", "2024-12"]


def test_relative_words_need_precise_enough_publication() -> None:
    assert isos("yesterday, last month, last year", PUB_YEAR) == ["2024"]
    assert isos("yesterday, last month, last year", PUB_MONTH) == ["2025-05", "2024"]
    assert isos("yesterday, last month, last year", None) == []


@pytest.mark.parametrize("sentence", [
    "in the last year", "over the past year", "The last month was hard.", "USA Today reported",
    "IN THE LAST YEAR OF THE WAR", "Over The Past Month", "in tHe last year",
])
def test_relative_words_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


def test_never_guess_without_a_publication_date() -> None:
    sentence = "On Sunday, in March, July 15, yesterday and last year, but 29 June 2025."
    assert [(m.date.iso(), m.relative) for m in find_dates(sentence, None)] == [("2025-06-29", False)]


# --- Words that are not dates -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "While humanitarian groups may express reservations.",
    "Ukraine may leave the treaty.",
    "Ukraine May leave the treaty.",
    "May God help them.",
    "They march on Kyiv.",
    "We met on Wed to talk.",
    "We agreed.",
    "Sun and Sat are not days here.",
    "BigSunday and Sundayish",
    "He works on Sundays.",
    "June Carter sang.",
    "the Sunday Times said",
    "March Madness",
    "MONDAY",
    "Security Decree and Marine units",
])
def test_words_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


# --- Ranges and several mentions -------------------------------------------------------

def test_day_ranges_give_two_days() -> None:
    assert [(m.text, m.date.iso()) for m in find_dates("From 10–12 June 2025.", PUB)] == [
        ("From 10", "2025-06-10"), ("12 June 2025", "2025-06-12"),
    ]
    assert [(m.text, m.date.iso()) for m in find_dates("June 10-12, 2025", PUB)] == [
        ("June 10", "2025-06-10"), ("12, 2025", "2025-06-12"),
    ]
    assert isos("between 5 and 7 May 2024") == ["2024-05-05", "2024-05-07"]


def test_mentions_are_ordered_with_exact_offsets() -> None:
    sentence = "They met on 1 March 1999, in 2005, on Sunday and in March 2024."
    found = find_dates(sentence, PUB)
    assert [m.text for m in found] == ["on 1 March 1999", "in 2005", "on Sunday", "in March 2024"]
    for mention in found:
        assert sentence[mention.start:mention.end] == mention.text


# --- Sentences from the seed articles -------------------------------------------------

SEED = [
    ("This decision follows a meeting of the National Security and Defence Council of Ukraine "
     "held on June 29, 2025, and has been communicated through a document published on the "
     "President’s official website.", [("2025-06-29", False)], [("2025-06-29", False)]),
    ("Ukraine ratified the convention in 2005.", [("2005", False)], [("2005", False)]),
    ("Ukraine thus joins Estonia, Latvia, Lithuania and Poland, which all announced on 18 March "
     "2025 that they would withdraw from the convention in light of the deteriorated security "
     "situation in Eastern Europe following Russia’s February 2022 invasion of Ukraine.",
     [("2025-03-18", False), ("2022-02", False)], [("2025-03-18", False), ("2022-02", False)]),
    ("Roman Kostenko, the secretary of the Rada’s Committee on National Security, Defense and "
     "Intelligence, said Zelensky ordered the withdrawal from the Ottawa Treaty on Sunday.",
     [("2025-06-29", True)], []),
    ("In March, human rights organizations expressed their disapproval of these nations’ "
     "decisions to withdraw from the Ottawa Convention.", [("2025-03", True)], []),
    ("According to reports, Russia has amassed over 110,000 troops along the frontlines of "
     "Donetsk while capturing strategic settlements near Ukraine’s logistical hubs.", [], []),
    ("He deemed it a necessary step in view of Russian tactics in their 40-month-old war.", [], []),
    ("While humanitarian groups may express reservations, the harsh realities of war appear to "
     "necessitate dramatic measures.", [], []),
    ("The Ottawa Convention, which bans the use, production, stockpiling and transfer of "
     "anti-personnel landmines, was enacted on 1 March 1999 and ultimately ratified by 165 "
     "countries, including Ukraine in 2005.",
     [("1999-03-01", False), ("2005", False)], [("1999-03-01", False), ("2005", False)]),
    ("A 10 June 2025 report by the international non-governmental organisation Human Rights "
     "Watch stated, …", [("2025-06-10", False)], [("2025-06-10", False)]),
    ("In November 2024 the US Biden Administration approved the provision of anti-personnel "
     "mines to Ukraine.", [("2024-11", False)], [("2024-11", False)]),
    ("In a surprise move that angered Moscow, the Biden administration in 2024 approved the "
     "provision of anti-personnel mines to Ukraine.", [("2024", False)], [("2024", False)]),
    ("According to Human Rights Watch’s June report, Russia has used more than a dozen variants "
     "of anti-personnel mines since it launched a full-scale invasion of Ukraine in 2022.",
     [("2025-06", True), ("2022", False)], [("2022", False)]),
    ("by | Jun 30, 2025", [("2025-06-30", False)], [("2025-06-30", False)]),
]


@pytest.mark.parametrize("sentence, with_date, without_date", SEED)
def test_seed_sentences(sentence: str, with_date: list, without_date: list) -> None:
    assert [(m.date.iso(), m.relative) for m in find_dates(sentence, PUB)] == with_date
    assert [(m.date.iso(), m.relative) for m in find_dates(sentence, None)] == without_date


def test_seed_mention_texts() -> None:
    assert texts(SEED[0][0]) == ["on June 29, 2025"]
    assert texts(SEED[3][0]) == ["on Sunday"]
    assert texts(SEED[4][0]) == ["In March"]
    assert texts(SEED[12][0]) == ["June", "in 2022"]


# --- Held-out sentences ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The vote is scheduled for July 15.", [("July 15", "2025-07-15", True)]),
    ("Talks resumed on Wed. 4 June 2025.", [("on Wed. 4 June 2025", "2025-06-04", False)]),
    ("Kyiv said yesterday that 2,000 troops had left since 24 February 2022.",
     [("yesterday", "2025-06-29", True), ("since 24 February 2022", "2022-02-24", False)]),
    ("By late 2024, some 1,500 km of the front had been mined.", [("By late 2024", "2024", False)]),
    ("The 2024/25 budget allots $2,000 million.", []),
    ("Parliament must ratify it by September; the decree dates from 2025-06-29.",
     [("by September", "2025-09", True), ("from 2025-06-29", "2025-06-29", False)]),
    ("Between 2014 and 2022, about 8,000 civilians were killed.",
     [("2014", "2014", False), ("2022", "2022", False)]),
    ("In May, Ukraine may have to decide.", [("In May", "2025-05", True)]),
])
def test_held_out_sentences(sentence: str, expected: list) -> None:
    assert [(m.text, m.date.iso(), m.relative) for m in find_dates(sentence, PUB)] == expected


# --- Properties ----------------------------------------------------------------------

WORDS = st.sampled_from([
    "on", "in", "Sunday", "March", "May", "may", "June", "Jun.", "29", "2025", "2,000", "troops",
    "km", "last", "year", "yesterday", "the", ",", "-", "–", "$", "No.", "1999", "31", "10", "of",
    "Wed.", "Today", "USA", "2024-02-29", "mid-", "next", "February", "2100",
])
PUBLISHED = st.one_of(st.none(), st.sampled_from([PUB, PUB_MONTH, PUB_YEAR, PartialDate(2024, 2, 29)]))


@given(st.lists(WORDS, max_size=12), st.sampled_from([" ", "", "  "]), PUBLISHED)
def test_mentions_are_ordered_exact_and_never_relative_without_publication(
    words: list[str], glue: str, published: PartialDate | None,
) -> None:
    sentence = glue.join(words)
    found = find_dates(sentence, published)
    end = 0
    for mention in found:
        assert end <= mention.start < mention.end
        assert sentence[mention.start:mention.end] == mention.text
        assert 1900 <= mention.date.year <= 2100
        assert mention.date.iso() == PartialDate(*map(int, mention.date.iso().split("-"))).iso()
        end = mention.end
    if published is None:
        assert not any(m.relative for m in found)


# --- The shortcuts of find_dates change nothing ---------------------------------

def _outcome(call):  # the result, or the kind of exception (a few odd inputs raise, before and after)
    try:
        return call()
    except Exception as error:  # noqa: BLE001
        return type(error)


def _plain_find_dates(sentence: str, published: PartialDate | None) -> list[DateMention]:
    """find_dates without its prefilter and its jumps: every match of the one regex."""
    found: list[DateMention] = []
    for match in dates_module._DATE_RE.finditer(sentence):
        assert match.lastgroup is not None
        for mention in dates_module._HANDLERS[match.lastgroup](match, published):
            found.append(dates_module._with_preposition(sentence, mention, found[-1].end if found else 0))
    return dates_module._finish(sentence, found) if found else found


SHORTCUT_WORDS = st.sampled_from([
    "on", "in", "Sunday", "Monday", "Mon.", "Tues.", "March", "May", "Sept.", "Dec", "29", "2025", "1999",
    "20", "19", "3", "2005-2010", "2025-06-30", "troops", "the", "The", "past", "last", "Last", "LAST",
    "this", "This", "thıs", "next", "NEXT", "year", "Year", "YEAR", "month", "MONTH", "years", "days",
    "yesterday", "Yesterday", "yeſterday", "today", "Today", "TODAY", "tomorrow", "ToMoRrOw", "USA",
    "thİs", "laſt", "ſince", "durİng",
    "of", ",", "-", "–", "$", "mid-", "late", "٢٠٢٥", ":", "18", "July", "will", "approved", "•",
    "after", "before", "six", "days", "weeks", "a", "day",
    "tonight", "Tonight", "tonİght", "night", "morning", "afternoon", "evening", "evenİng",
])
SHORTCUT_GLUE = st.sampled_from([" ", "", "  ", "\t", "\u00a0", "\n"])
SHORTCUT_PUBLISHED = st.one_of(st.none(), st.sampled_from([
    PUB, PUB_MONTH, PUB_YEAR, PartialDate(2024, 2, 29), PartialDate(2025, None, 5), PartialDate(2025, 2, 30),
]))


@given(st.lists(SHORTCUT_WORDS, max_size=14), SHORTCUT_GLUE, SHORTCUT_PUBLISHED)
def test_the_prefilter_and_the_jumps_change_nothing(
    words: list[str], glue: str, published: PartialDate | None,
) -> None:
    sentence = glue.join(words)
    assert [(m.span(), m.groupdict()) for m in dates_module._matches(sentence)] == [
        (m.span(), m.groupdict()) for m in dates_module._DATE_RE.finditer(sentence)]
    assert _outcome(lambda: find_dates(sentence, published)) == _outcome(
        lambda: _plain_find_dates(sentence, published))


def test_the_prefilter_may_read_the_relative_words_in_lower_case() -> None:
    # Under re.IGNORECASE only i, s and k match non-ASCII letters (İ ı, ſ, K);
    # the words _may_find_dates looks for in lower case have none of them.
    assert not set("day today terday tomorrow year month ght morn afternoon even") & set("isk")


@pytest.mark.parametrize("sentence, iso", [
    ("The zone was reduced this afternoon.", "2025-06-30"),
    ("Officials met this morning in the capital.", "2025-06-30"),
    ("The council will meet tonight.", "2025-06-30"),
    ("Crews fought the fire last night.", "2025-06-29"),
    ("Crews fought the fire LAST  NIGHT.", "2025-06-29"),
])
def test_parts_of_the_publication_day(sentence: str, iso: str) -> None:
    assert isos(sentence) == [iso]
    assert isos(sentence, PUB_MONTH) == []


# --- Letters that match ASCII ones ignoring case never crash -------------------------

# Under re.IGNORECASE "ſ" matches "s", "ı" and "İ" match "i", the Kelvin sign
# matches "k". Untrusted text with them must be read, not crash the build.
ODD_LETTERS = {"s": ("ſ",), "i": ("ı", "İ"), "k": ("\u212a",)}
# Every word matched ignoring case: the relative words, "last/this/next",
# "year/month" and the prepositions, "early", "late" and "mid-" before a mention.
CASELESS_WORDS = [
    "yesterday", "today", "tomorrow", "last", "this", "next", "year", "month",
    "in", "on", "since", "by", "until", "till", "from", "during", "before", "after", "through",
    "early", "late", "mid-", "resolution", "article", "section", "number",
]


def _odd_spellings(word: str) -> list[str]:
    """The word with each of its s, i, k in turn, then all of them, written with an odd letter."""
    spellings = []
    for index, letter in enumerate(word):
        for odd in ODD_LETTERS.get(letter, ()):
            spellings.append(word[:index] + odd + word[index + 1:])
    for letter, odds in ODD_LETTERS.items():
        for odd in odds:
            if letter in word:
                spellings.append(word.replace(letter, odd))
    return list(dict.fromkeys(spellings))


ODD_CASES = [(word, odd) for word in CASELESS_WORDS for odd in _odd_spellings(word)]
ODD_TEMPLATES = [
    "It happened {}.", "{} Sunday", "{} March", "{} 2025", "{} 29 June 2025", "{} year", "{} month",
    "{} yesterday", "{} last year", "We met {} Wed. 4 June.", "USA {}",
]


def test_every_caseless_word_has_odd_spellings() -> None:
    assert {word for word, _ in ODD_CASES} >= {w for w in CASELESS_WORDS if set(w) & set("sik")}
    assert ("yesterday", "yeſterday") in ODD_CASES and ("this", "thİs") in ODD_CASES


@pytest.mark.parametrize("published", [PUB, PUB_MONTH, PUB_YEAR, None])
@pytest.mark.parametrize(("word", "odd"), ODD_CASES)
def test_odd_letters_are_read_like_the_ascii_ones(word: str, odd: str, published: PartialDate | None) -> None:
    for template in ODD_TEMPLATES:
        ascii_found = find_dates(template.format(word), published)
        odd_found = find_dates(template.format(odd), published)
        assert [(m.start, m.end, m.date, m.relative) for m in odd_found] == [
            (m.start, m.end, m.date, m.relative) for m in ascii_found], template.format(odd)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It happened yeſterday.", [("yeſterday", "2025-06-29")]),
    ("thİs month the talks resumed", [("thİs month", "2025-06")]),
    ("thıs year", [("thıs year", "2025")]),
    ("laſt year", [("laſt year", "2024")]),
    ("laſt July", [("laſt July", "2024-07")]),
    ("laſt Monday", [("laſt Monday", "2025-06-23")]),
    ("neXt March", [("neXt March", "2026-03")]),
    ("ſince laſt month", [("ſince laſt month", "2025-05")]),
])
def test_odd_letters_in_relative_words(sentence: str, expected: list) -> None:
    assert [(m.text, m.date.iso()) for m in find_dates(sentence, PUB)] == expected


def test_odd_letters_are_those_of_quantities() -> None:
    # quantities checks against ``re`` that these are all the letters there are.
    from build_scripts.analyse import quantities

    assert dates_module._ODD_CASES == quantities._ODD_CASES


ODD_WORDS = st.sampled_from(
    [odd for _, odd in ODD_CASES] + CASELESS_WORDS + [
        "Sunday", "March", "May", "Jun.", "29", "2025", "1999", "the", "past", "USA", ",", "-", "$", "No.",
        "\u212a", "ſ", "ı", "İ", "i̇", "K",
    ]
)
VALID_PUBLISHED = st.one_of(st.none(), st.sampled_from([PUB, PUB_MONTH, PUB_YEAR, PartialDate(2024, 2, 29)]))


@given(st.lists(ODD_WORDS, max_size=12), st.sampled_from([" ", "", "  ", "\u00a0"]), VALID_PUBLISHED)
def test_odd_letters_never_raise(words: list[str], glue: str, published: PartialDate | None) -> None:
    sentence = glue.join(words)
    end = 0
    for mention in find_dates(sentence, published):
        assert end <= mention.start < mention.end
        assert sentence[mention.start:mention.end] == mention.text
        end = mention.end


def test_a_relative_date_counted_past_the_edge_of_the_calendar_is_left_out():
    from build_scripts.analyse.dates import find_dates as find
    from build_scripts.model import PartialDate as Date

    for published in (Date(1, 1, 1), Date(9999, 12, 31)):
        for sentence in ("It happened on Sunday.", "It happened yesterday.", "It ends tomorrow.", "Next year it ends."):
            assert all(m.relative for m in find(sentence, published))  # no crash; nothing out of range


# --- The tense of the clause: past and future relative dates --------------------

PUB_THURSDAY = PartialDate(2025, 10, 16)


@pytest.mark.parametrize("sentence, iso", [
    ("The two schools will reopen on Friday.", "2025-10-17"),
    ("A memorial service will be held at the church on Friday.", "2025-10-17"),
    ("The council is due to vote on Monday.", "2025-10-20"),
    ("The schools will stay shut on Thursday.", "2025-10-16"),  # the publication day itself
    ("The schools reopened on Friday.", "2025-10-10"),
    ("The schools were shut on Friday.", "2025-10-10"),
    ("He said on Monday that the schools will reopen on Friday.", "2025-10-13 2025-10-17"),
    ("The council, which met on Tuesday, will vote on Monday.", "2025-10-14 2025-10-20"),
    ("Next Friday the schools reopen.", "2025-10-17"),
    ("The schools will reopen last Friday, they said.", "2025-10-10"),  # "last" wins over the tense
])
def test_a_weekday_in_the_future_tense_is_the_coming_one(sentence: str, iso: str) -> None:
    assert " ".join(isos(sentence, PUB_THURSDAY)) == iso


@pytest.mark.parametrize("sentence, published, iso", [
    ("Washington approved the supply of mines in November.", PartialDate(2025, 7, 15), "2024-11"),
    ("Washington approved the supply of mines in November.", PartialDate(2025, 7), "2024-11"),
    ("The authority expects to publish a report in November.", PartialDate(2025, 10, 22), "2025-11"),
    ("The authority will publish its report in March.", PartialDate(2025, 10, 22), "2026-03"),
    ("The report came out in July.", PartialDate(2025, 7), "2025-07"),  # the publication month counts
    ("Members meet in November to discuss it.", PartialDate(2025, 7), "2025-11"),  # no tense: the nearest
    ("Elections expected in November could change that.", PartialDate(2025, 7), "2025-11"),
    ("The armed forces exercise in November near the border.", PartialDate(2025, 7), "2025-11"),
    ("A hundred troops exercise in November near the border.", PartialDate(2025, 7), "2025-11"),
    ("The troops withdrawn in November are back.", PartialDate(2025, 7), "2025-11"),  # no -ed: unmarked
    ("The vote is expected on 17 January.", PartialDate(2025, 7, 1), "2026-01-17"),
    ("The vote was held on 17 January.", PartialDate(2025, 7, 1), "2025-01-17"),
    ("The fund was approved on 30 December.", PartialDate(2025, 1, 2), "2024-12-30"),
    ("The fund will be paid on 2 January.", PartialDate(2024, 12, 30), "2025-01-02"),
])
def test_a_month_or_day_without_a_year_follows_the_tense(sentence: str, published: PartialDate, iso: str) -> None:
    assert " ".join(m.date.iso()[:len(iso)] for m in find_dates(sentence, published)) == iso


def test_the_tense_of_a_clause() -> None:
    from build_scripts.analyse.dates.tense import tense
    sentence = "Police said on Monday that the fire started shortly before 11 pm on Tuesday and will be out on Friday."
    assert tense(sentence, sentence.index("on Monday"), sentence.index("on Monday") + 9) == "past"
    friday = sentence.index("on Friday")
    assert tense(sentence, friday, friday + 9) == "future"
    assert tense("The schools are expected to reopen on Friday.", 34, 43) == "future"
    assert tense("The plan is agreed on Friday.", 20, 29) == ""  # "is agreed": a present passive
    assert tense("The political will of Friday's meeting.", 22, 28) == ""
    assert tense("THEY'LL MEET ON FRIDAY.", 13, 22) == "future"
    assert tense("It is to open on Friday.", 14, 23) == "future"
    assert tense("Schools will reopen on Friday.", 20, 29, future_only=True) == "future"
    assert tense("Schools reopened on Friday.", 17, 26, future_only=True) == ""


# --- Dated lists --------------------------------------------------------------

@pytest.mark.parametrize("sentence, iso", [
    ("18 March: the defence ministers jointly recommend leaving the treaty.", "2025-03-18"),
    ("• 16 April: the parliament approves withdrawal.", "2025-04-16"),
    ("April 16: the parliament approves withdrawal.", "2025-04-16"),
    ("July: the president signs the withdrawal law.", "2025-07"),
    ("- July: the president signs the withdrawal law.", "2025-07"),
])
def test_a_dated_list_takes_the_year_of_a_year_dated_article(sentence: str, iso: str) -> None:
    assert isos(sentence, PUB_YEAR) == [iso]


@pytest.mark.parametrize("sentence, published", [
    ("The ministers met on 18 March to recommend leaving.", PUB_YEAR),  # not a list: no year is given
    ("Tonga joined in June, officials said.", PUB_YEAR),
    ("On 18 March: the ministers recommend leaving.", PUB_YEAR),  # not at the head of an item
    ("18 March: the ministers recommend leaving.", None),  # undated article
    ("July: the president signs the law.", None),
])
def test_a_day_or_month_without_a_year_is_not_guessed_outside_a_dated_list(
    sentence: str, published: PartialDate | None,
) -> None:
    assert find_dates(sentence, published) == []


# --- Which mentions date an event ----------------------------------------------

def events(sentence: str, published: PartialDate | None = PUB) -> list[str]:
    return [m.text for m in dates_module.event_dates(sentence, find_dates(sentence, published))]


@pytest.mark.parametrize("sentence, kept", [
    # datelines date the dispatch
    ("VILNIUS, March 18 (NWS) – The ministers on Tuesday recommended leaving.", ["on Tuesday"]),
    ("CALDER BAY, Oct 15 (CWS) – A fire killed two workers.", []),
    ("The ministers met on March 18 in Vilnius.", ["on March 18"]),
    # ranges
    ("The three Baltic states joined between 2003 and 2005.", []),
    ("He led the agency from 2019 to 2022.", []),
    ("The talks ran 2005–2010 without result.", []),
    ("The votes were held on 16 April and on 24 April.", ["on 16 April", "on 24 April"]),
    # bounds
    ("The package raises defence spending to 3% of GDP by 2029.", []),
    ("The fire was not expected to be out until Friday.", []),
    ("The law must be signed before 1 July 2025.", []),
    ("The treaty counted 166 states parties as of June 2025.", []),
    ("The talks must end no later than 2026.", []),
    # attributive dates
    ("The ministers want to leave the 1997 treaty.", []),
    ("A 10 June 2025 report by the group said mines were used.", []),
    ("According to the group's June report, mines were used.", []),
    ("According to the group’s June report, mines were used.", []),
    ("Jody Williams shared the 1997 Nobel Peace Prize with the campaign.", []),
    ("Poland ratified the treaty in 2012.", ["in 2012"]),
    ("The Marshall Islands became a party this year.", ["this year"]),
    # denied dates
    ("They deserve straight answers this week, not in a report next year.", []),
    ("The vote was held on Monday rather than on Friday.", ["on Monday"]),
    ("The vote will not take place on Friday.", ["on Friday"]),  # the event is denied, not its date
    # since
    ("Territories liberated since 2022 have been heavily covered with mines.", []),
    ("Russian forces have used mines since 2022.", []),
    ("The company, which has leased the shed since 2019, suspended work.", ["since 2019"]),
    ("The treaty, in force since 1 March 1999, bans mines.", ["since 1 March 1999"]),
    ("Latvia has been a member since 2005.", ["since 2005"]),
    ("Latvia, a state party since 2005, will leave.", ["since 2005"]),
    ("The party has campaigned against the treaty since 2019.", []),
    ("The shed had not been inspected since March 2023.", ["since March 2023"]),
    ("The region became more dangerous since Latvia acceded to the convention in 2005.", ["in 2005"]),
    ("Mines were used since the full-scale invasion of February 2022.", ["February 2022"]),
])
def test_only_the_dates_of_events_are_kept(sentence: str, kept: list[str]) -> None:
    assert events(sentence) == kept


def test_two_events_of_one_sentence_keep_both_dates() -> None:
    assert events("10 July: Finland deposits its instrument; its exit takes effect in January 2026.",
                  PUB_YEAR) == ["10 July", "in January 2026"]
    assert events("The treaty, adopted on 3 December 1997 and in force since 1 March 1999, bans mines.") == [
        "on 3 December 1997", "since 1 March 1999"]


# --- Spans counted from a day of the same clause -----------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("He died in hospital on Monday, six days after he was injured in the fire.",
     [("on Monday", "2025-06-30"), ("six days after", "2025-06-24")]),
    ("The body was found on 16 October 2025, two days after the fire swept the shed.",
     [("on 16 October 2025", "2025-10-16"), ("two days after", "2025-10-14")]),
    ("The vote, held on 19 June 2025, came two weeks before the summit.",
     [("on 19 June 2025", "2025-06-19"), ("two weeks before", "2025-07-03")]),
    ("The vote came two days after the warning.", []),  # no day in the sentence: nothing to count from
    ("The minister said on Monday that the vote would come two days after the holiday.",
     [("on Monday", "2025-06-30")]),  # another clause
    ("The talks began in June, two days after the summit.", [("in June", "2025-06")]),  # not a day
])
def test_a_span_after_or_before_a_day_is_counted_from_it(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.date.iso()) for m in find_dates(sentence, PUB)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The law was passed in June last year.", [("in June last year", "2024-06")]),
    ("Elections are due in March next year.", [("in March next year", "2026-03")]),
    ("On 3 May last year, the court ruled.", [("On 3 May last year", "2024-05-03")]),
    ("Prices rose in February, this year and last.", [("in February, this year", "2025-02")]),
    ("In June, last year's winner spoke.", [("In June", "2025-06"), ("last year", "2024")]),  # not joined
])
def test_a_month_and_a_year_word_are_one_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.date.iso()) for m in find_dates(sentence, PUB)] == expected
