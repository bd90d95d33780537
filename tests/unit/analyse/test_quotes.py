"""Direct quotations: their spans, speakers, roles and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse.quotes import find_quotes, without_repeats
from build_scripts.load.sources import load_source
from build_scripts.model import Block, Document, Quote, QuotePart, Source, SourceMeta
from build_scripts.text.document import build_document
from tests.seed import SOURCES

REAL = sorted(SOURCES.glob("*.md"))
assert len(REAL) == 5  # the seed articles the cases below are about


def _doc(body: str) -> Document:
    return build_document(Source("t", Path("t.md"), SourceMeta(), body, 1))


def _quotes(body: str) -> list[Quote]:
    return find_quotes(_doc(body))


def _real(prefix: str) -> Document:
    path = next(p for p in REAL if p.name.startswith(prefix))
    return build_document(load_source(path))


def _quote(quotes: list[Quote], opening: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(opening)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- Held-out articles: one speaker pattern each ------------------------------------

HELD_OUT = [
    pytest.param(
        "“The convention protected civilians for a quarter of a century,” said Mary Wareham, "
        "advocacy director at Human Rights Watch.",
        "The convention", "Mary Wareham", "advocacy director at Human Rights Watch", "person",
        id="said-NAME-ROLE-after",
    ),
    pytest.param(
        "Andrii Sybiha, the foreign minister, said on Monday that Kyiv had “no other choice left” in the war.",
        "no other choice", "Andrii Sybiha", "the foreign minister", "person",
        id="NAME-ROLE-said-that-partial",
    ),
    pytest.param(
        "Ukrainian Foreign Minister Andrii Sybiha said the step was “forced by Russian aggression” alone.",
        "forced by", "Andrii Sybiha", "Ukrainian Foreign Minister", "person",
        id="title-before-name",
    ),
    pytest.param(
        "“The border will stay closed until the spring,” according to the interior ministry.",
        "The border", "the interior ministry", None, "body",
        id="trailing-according-to",
    ),
    pytest.param(
        "Ukraine’s defence ministry said the decree was signed on Sunday.\n"
        "The ministry described the decision as “painful but unavoidable” in a short note.",
        "painful but", "Ukraine’s defence ministry", None, "body",
        id="described-as-resolves-the-ministry",
    ),
    pytest.param(
        "Estonia’s defence ministry announced the decision on Monday evening.\n"
        "“Our citizens come first in every decision we take,” the statement read.",
        "Our citizens", "Estonia’s defence ministry", None, "body",
        id="the-statement-read",
    ),
    pytest.param(
        "Roman Kostenko, a member of parliament, said the vote would pass.\n"
        "Asserting that the move was lawful, Kostenko stated, “We are acting within international law.”",
        "We are acting", "Roman Kostenko", "a member of parliament", "person",
        id="stated-comma-surname",
    ),
    pytest.param(
        "Oleksandr Merezhko, head of the foreign affairs committee, said the vote was close.\n"
        "“The vote was a necessary answer to the daily shelling,” he wrote in a Facebook post.",
        "The vote was", "Oleksandr Merezhko", "head of the foreign affairs committee", "person",
        id="he-wrote-in-a-post",
    ),
    pytest.param(
        "“The decision has not changed since the spring,” said a spokesperson.",
        "The decision", "a spokesperson", None, "person",
        id="said-a-spokesperson",
    ),
    pytest.param(
        "“We will act within the law at all times,” the president’s office said.",
        "We will act", "the president’s office", None, "body",
        id="the-presidents-office-said",
    ),
    pytest.param(
        "“Why should we keep a promise the enemy breaks every day?” asked Oleksandr Merezhko, "
        "chair of the foreign affairs committee.",
        "Why should", "Oleksandr Merezhko", "chair of the foreign affairs committee", "person",
        id="question-mark-inside",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelensky signed the decree on Sunday.\n"
        "The Ukrainian president added, “We will defend every metre of our land.”",
        "We will defend", "Volodymyr Zelensky", "Ukrainian President", "person",
        id="the-president-added-resolved",
    ),
    pytest.param(
        "The Ukrainian president added, “We will defend every metre of our land.”",
        "We will defend", "The Ukrainian president", None, "person",
        id="the-president-added-unresolved",
    ),
    pytest.param(
        "Poland’s foreign ministry said it would follow the Baltic states.\n"
        "It stressed that “security comes before symbolism” in wartime.",
        "security comes", "Poland’s foreign ministry", None, "body",
        id="it-stressed-that",
    ),
    pytest.param(
        "Andrii Sybiha said the treaty was «a relic of a safer time» for Europe.",
        "a relic", "Andrii Sybiha", None, "person",
        id="guillemets",
    ),
    pytest.param(
        "Russia’s army doesn’t stop, and the treaty was ‘unequal and unjust,’ a spokesperson said.",
        "unequal and unjust", "a spokesperson", None, "person",
        id="single-quotes-among-apostrophes",
    ),
    pytest.param(
        "A 2024 report by the monitoring group Landmine Monitor stated, “Casualties rose for the third year.”",
        "Casualties rose", "Landmine Monitor", "the monitoring group", "body",
        id="report-by-NAME-stated",
    ),
    pytest.param(
        "Dmytro Kuleba, who visited Kyiv on Friday, said the allies must “stop counting the cost” now.",
        "stop counting", "Dmytro Kuleba", None, "person",
        id="relative-clause-between-subject-and-verb",
    ),
    pytest.param(
        "The Kremlin reacted within hours.\n"
        "“This is a dangerous step for all of Europe,” Dmitry Peskov told reporters.",
        "This is a dangerous", "Dmitry Peskov", None, "person",
        id="NAME-told-reporters",
    ),
    pytest.param(
        "“Russia has broken every rule of this war,” the Kremlin’s critics said, but Moscow was silent.",
        "Russia has broken", "the Kremlin’s critics", None, None,
        id="possessive-plural-subject",
    ),
    pytest.param(
        "The ministry’s spokesman Heorhii Tykhyi said the step was “long overdue by now”.",
        "long overdue", "Heorhii Tykhyi", "The ministry’s spokesman", "person",
        id="lower-case-title-before-name",
    ),
]


@pytest.mark.parametrize(("body", "opening", "speaker", "role", "kind"), HELD_OUT)
def test_speaker_patterns(body: str, opening: str, speaker: str, role: str | None, kind: str) -> None:
    quote = _quote(_quotes(body), opening)
    assert (quote.speaker, quote.role, quote.kind) == (speaker, role, kind)


def test_second_quote_in_a_paragraph_keeps_the_speaker() -> None:
    quotes = _quotes("“We have no choice at all,” said Ivan Petrenko, a local farmer. “Every field here has mines.”")
    assert [q.speaker for q in quotes] == ["Ivan Petrenko", "Ivan Petrenko"]
    assert quotes[1].role == "a local farmer"


def test_another_name_between_quotes_stops_the_continuation() -> None:
    quotes = _quotes(
        "“We have no choice at all,” Kostenko said. Zelensky, however, was more careful: “We are studying it.”"
    )
    assert [q.speaker for q in quotes] == ["Kostenko", None]


def test_interrupted_quote_keeps_the_speaker() -> None:
    quotes = _quotes("“We did not want this,” said Petro Ivanenko, “but Russia left us no choice.”")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We did not want this", "Petro Ivanenko"), ("but Russia left us no choice.", "Petro Ivanenko"),
    ]


@pytest.mark.parametrize(("opened", "closed"), [("“", "”"), ('"', '"')], ids=["curly", "straight"])
def test_quote_over_two_paragraphs_is_one_quote(opened: str, closed: str) -> None:
    body = (
        "Maria Zakharova, the Russian foreign ministry spokeswoman, said the move was reckless.\n"
        f"{opened}This decision will cost lives for decades to come.\n"
        f"{opened}Nobody will be able to clear these fields quickly,{closed} she said."
    )
    (quote,) = _quotes(body)
    assert [p.block for p in quote.parts] == [1, 2]
    assert quote.text == (
        "This decision will cost lives for decades to come. Nobody will be able to clear these fields quickly"
    )
    assert (quote.speaker, quote.role) == ("Maria Zakharova", "the Russian foreign ministry spokeswoman")


def test_pull_quote_name_line_names_the_speaker() -> None:
    body = (
        "Anna Kovalenko, a deminer in Kharkiv, said the work would take decades.\n"
        "“We clear one field and they mine two more.”\n"
        "Anna Kovalenko\n"
        "The work continues every day."
    )
    document = _doc(body)
    assert document.blocks[2].reason == "name line of a pull quote"
    (quote,) = find_quotes(document)
    assert (quote.speaker, quote.role, quote.kind) == ("Anna Kovalenko", "a deminer in Kharkiv", "person")


def test_one_and_two_word_quotes_are_dropped() -> None:
    quotes = _quotes("Critics called it “reckless” and “very dangerous” but officials called it “a necessary step”.")
    assert [q.text for q in quotes] == ["a necessary step"]


@pytest.mark.parametrize("body", [
    "Russia’s army doesn’t stop, and the groups’ view is that Kyiv’s plan won’t work.",
    "The '90s were calmer, and rock 'n' roll played on.",
    "The 12\" guns and 6\" shells were stored away for the winter.",
])
def test_apostrophes_are_not_quotes(body: str) -> None:
    assert _quotes(body) == []


def test_quote_without_attribution_has_no_speaker() -> None:
    (quote,) = _quotes("The so-called “zone of special attention” was extended again.")
    assert (quote.speaker, quote.role, quote.kind) == (None, None, None)


def test_parts_anchors_and_text() -> None:
    document = _doc("Kyiv acted. “We cannot stay bound any longer,” he said. Nothing else happened.")
    (quote,) = find_quotes(document)
    (part,) = quote.parts
    assert part == QuotePart(0, 13, 44, "We cannot stay bound any longer")
    assert quote.text == part.text
    assert quote.anchors == (document.sentences[1].anchor,)
    assert quote.source_id == "t"


PIECES = st.sampled_from([
    "“", "”", "‘", "’", "'", '"', "«", "»", " said ", " he ", " the ministry ", ", ", ". ", "Zelensky",
    " according to ", "Dr. ", "’s ", " – ", ":", "\n", "President ", "word ",
])
BODY = st.lists(st.one_of(PIECES, st.text(max_size=6)), min_size=1, max_size=40).map("".join)


@given(BODY)
def test_parts_are_verbatim_for_any_text(body: str) -> None:
    if not body.strip():
        return
    document = _doc(body)
    for quote in find_quotes(document):
        for part in quote.parts:
            assert part.text and document.blocks[part.block].text[part.start : part.end] == part.text


# --- The five real articles ---------------------------------------------------------


@pytest.mark.parametrize("path", REAL, ids=[p.stem[:3] for p in REAL])
def test_real_quotes_are_verbatim_and_anchored(path: Path) -> None:
    document = build_document(load_source(path))
    quotes = find_quotes(document)
    assert quotes
    anchors = {s.anchor for s in document.sentences}
    for quote in quotes:
        assert quote.anchors and set(quote.anchors) <= anchors
        for part in quote.parts:
            assert document.blocks[part.block].kind == "text"
            assert document.blocks[part.block].text[part.start : part.end] == part.text
            assert part.text == part.text.strip()


REAL_CASES = [
    pytest.param("003", "I have just been informed", "Roman Kostenko",
                 "the secretary of the Rada’s Committee on National Security, Defense and Intelligence", "person",
                 id="003-kostenko-facebook"),
    pytest.param("003", "Ukrainian forces appear", "Steve Goose",
                 "Arms Division director at Human Rights Watch", "person", id="003-goose-1"),
    pytest.param("003", "Russian forces have repeatedly", "Steve Goose",
                 "Arms Division director at Human Rights Watch", "person", id="003-goose-2"),
    pytest.param("001", "This is a hallmark", "Volodymyr Zelenskyy", "Ukrainian President", "person",
                 id="001-zelenskyy-pull-quote"),
    pytest.param("001", "Russia … uses mines", "Roman Kostenko",
                 "Secretary of the parliament’s defense committee", "person", id="001-kostenko-pull-quote"),
    pytest.param("000", "We cannot remain bound", "Roman Kostenko", "a member of Ukraine’s parliament", "person",
                 id="000-kostenko"),
    pytest.param("000", "Ukraine is compelled", "the Ukrainian foreign ministry", None, "body",
                 id="000-statement-read"),
    pytest.param("002", "Russian forces have used", "Human Rights Watch",
                 "the international non-governmental organisation", "body", id="002-hrw-report"),
    pytest.param("002", "Russia has never been", "Volodymyr Zelenskyy", "Ukrainian President", "person",
                 id="002-zelenskyy"),
    pytest.param("002", "We are also aware", "Volodymyr Zelenskyy", "Ukrainian President", "person",
                 id="002-the-ukrainian-president"),
    pytest.param("004", "unequal and unjust", "Ukraine’s foreign ministry", None, "body",
                 id="004-according-to"),
]


@pytest.mark.parametrize(("prefix", "opening", "speaker", "role", "kind"), REAL_CASES)
def test_real_speakers(prefix: str, opening: str, speaker: str, role: str | None, kind: str) -> None:
    quote = next(q for q in find_quotes(_real(prefix)) if q.text.startswith(opening))
    assert (quote.speaker, quote.role, quote.kind) == (speaker, role, kind)


def test_real_pull_quote_spans_two_paragraphs() -> None:
    document = _real("001")
    quote = _quote(find_quotes(document), "This is a hallmark")
    assert len(quote.parts) == 2
    assert quote.text.endswith("when it is conducted during war.")
    assert document.blocks[quote.parts[-1].block + 1].text == "Volodymyr Zelenskyy"


# --- Attribution across sentences and paragraphs --------------------------------------


def test_said_colon_ending_a_paragraph_names_the_next_quotation() -> None:
    body = (
        "Anna Berg, who runs the harbour pilots' office, said the channel had been closed twice.\n"
        "She said:\n"
        "“Nobody takes a ship in there until the wreck is marked.”"
    )
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.kind) == ("Anna Berg", "person")


def test_who_said_then_he_wrote_over_two_unclosed_paragraphs() -> None:
    body = (
        "The plan was first revealed by Piotr Nowak, deputy head of the transport committee, who said on "
        "Monday that he had seen the draft. He wrote:\n"
        "“The line will close for a year.\n"
        "“Nobody has told the commuters what comes instead.”"
    )
    (quote,) = _quotes(body)
    assert len(quote.parts) == 2
    assert (quote.speaker, quote.role) == ("Piotr Nowak", "deputy head of the transport committee")


def test_pronoun_goes_to_the_person_who_opens_the_sentence_before() -> None:
    body = (
        "“The river is rising fast,” said Karl Imre, a hydrologist.\n"
        "Lena Voss, a senior engineer at the water board, went further. “The dikes were not built for this,” "
        "she said."
    )
    quotes = _quotes(body)
    assert [q.speaker for q in quotes] == ["Karl Imre", "Lena Voss"]
    assert quotes[1].role == "a senior engineer at the water board"


def test_pronoun_after_a_who_clause() -> None:
    body = (
        "“We are ready,” said the harbour master, Olaf Brandt.\n"
        "Mira Holm, who chairs the council's finance committee, promised an answer. He said nothing. "
        "“The money will be found,” she said."
    )
    assert [q.speaker for q in _quotes(body)][-1] == "Mira Holm"


def test_quotation_signed_after_a_dash() -> None:
    """A text paragraph that ends with a dash and a name (the classifier may also keep one as text)."""
    text = "“Nobody should have to breathe this air.” — Tessa Lund, Clean Air Network"
    document = Document(Source("t", Path("t.md"), SourceMeta(), text, 1), (Block("text", text, 1),), ())
    (quote,) = find_quotes(document)
    assert (quote.speaker, quote.role, quote.kind) == ("Tessa Lund", "Clean Air Network", "person")


def test_quotation_paragraphs_after_reported_speech_of_the_speaker() -> None:
    body = (
        "Jonas Petit, a spokesman for the residents' association, said families had been told nothing.\n"
        "“We found out from the radio.\n"
        "“Nobody from the company has knocked on a single door.”"
    )
    (quote,) = _quotes(body)
    assert quote.speaker == "Jonas Petit"


def test_reported_speech_earlier_in_the_paragraph_does_not_name_a_later_quotation() -> None:
    body = (
        "Jonas Petit said families had been told nothing. The company did not reply.\n"
        "“We found out from the radio,” a neighbour wrote on a notice board."
    )
    (quote,) = _quotes(body)
    assert quote.speaker != "Jonas Petit"


def test_unnamed_spokesperson_speaks_for_the_body() -> None:
    body = (
        "A spokesperson for Northfield Rail, the operator of the line, said the timetable would change. "
        "“Trains will run every hour from Monday,” the spokesperson said."
    )
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.role, quote.kind) == ("Northfield Rail", "spokesperson", "body")


def test_apposition_with_an_article_is_the_role() -> None:
    (quote,) = _quotes("Edda Lind, a Social Democrat, urged members to act “before the winter sets in for good”.")
    assert (quote.speaker, quote.role) == ("Edda Lind", "a Social Democrat")


def test_role_before_the_name_is_only_its_noun_phrase() -> None:
    body = "The talks ended a day after the head of the Red Sea Pilots Guild, Omar Said, warned of delays."
    body += " “Ships are waiting for weeks,” he said."
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.role) == ("Omar Said", "the head of the Red Sea Pilots Guild")


def test_colon_after_the_sentence_subject() -> None:
    body = "The city's mayor, Ines Moreau, marked the reopening with a post online: “The bridge is ours again.”"
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.role) == ("Ines Moreau", "The city's mayor")


def test_the_company_stands_for_the_business_named_before() -> None:
    body = (
        "The Harbour Board said it would review the contract. Brennan Shipping denied any fault. "
        "The company said in a statement that its crews had “followed every procedure”."
    )
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.kind) == ("Brennan Shipping", "body")


def test_the_company_is_not_a_public_body() -> None:
    body = (
        "The Harbour Board said it would review the contract. "
        "The company said in a statement that its crews had “followed every procedure”."
    )
    (quote,) = _quotes(body)
    assert quote.speaker == "The company"


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    ("“We will not be blackmailed,” Latvia and Estonia said in a joint note.", "Latvia and Estonia", "body"),
    ("“We will not be blackmailed,” Anna Berg and Piotr Nowak said after the talks.", "Anna Berg and Piotr Nowak",
     None),
    ("“We will not be blackmailed,” officials said after the talks.", "officials", None),
    ("“We will not be blackmailed,” Anna Berg said after the talks.", "Anna Berg", "person"),
], ids=["countries", "two-people", "plural", "one-person"])
def test_groups_are_not_persons(body: str, speaker: str, kind: str | None) -> None:
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.kind) == (speaker, kind)


@pytest.mark.parametrize(("body", "setting"), [
    ("“The border will stay closed,” the ministry said in a statement on its website.",
     "in a statement on its website"),
    ("Anna Berg said in June that the plan was “a mistake we will all regret”.", "in June"),
    ("“The border will stay closed,” Anna Berg told lawmakers before the vote.", "told lawmakers before the vote"),
    ("“The border will stay closed,” Anna Berg said.", None),
    ("Anna Berg said that the plan was “a mistake we will all regret”.", None),
], ids=["statement", "month", "told", "none", "that-clause"])
def test_setting_of_the_attribution(body: str, setting: str | None) -> None:
    (quote,) = _quotes(body)
    assert quote.setting == setting


def test_a_person_named_before_opening_a_sentence_again_is_the_antecedent() -> None:
    body = (
        "John Carter, a local shopkeeper, said trade had fallen by half.\n"
        "Maria Lopez, who chairs the transport committee, defended the decision. Carter disagreed. "
        "“She has never run a business,” he said."
    )
    (quote,) = _quotes(body)
    assert quote.speaker == "John Carter"


def test_a_pronoun_skips_a_person_whose_role_says_the_other_gender() -> None:
    body = (
        "Karl Imre, a local farmer, said the water came at night.\n"
        "“The fields are lost,” said Petra Lind, a spokeswoman for the farmers’ union. "
        "“Nobody warned us,” he said."
    )
    quotes = _quotes(body)
    assert [q.speaker for q in quotes] == ["Petra Lind", "Karl Imre"]


def test_an_aside_between_commas_is_not_the_subject() -> None:
    body = (
        "The opposition leader, Sarah Kent, was scathing.\n"
        "Chancellor Rachel Moss rejected the findings. Moss, however, told MPs that the vote would go ahead. "
        "“We will not be blown off course,” she said."
    )
    assert _quotes(body)[0].speaker == "Rachel Moss"


def test_people_at_a_body_are_a_group() -> None:
    (quote,) = _quotes("Analysts at Barclays said the rise was modest. “It is a small change,” they wrote in a note.")
    assert (quote.speaker, quote.kind) == ("Analysts at Barclays", None)


def test_quotation_sentence_after_reported_speech_in_the_same_paragraph() -> None:
    body = (
        "Paul Grant, 52, a professor at the city university, said the report was fair. "
        "“The numbers are right, even if the politics are awkward.”"
    )
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.role) == ("Paul Grant", "a professor at the city university")


def test_reported_speech_two_sentences_back_names_no_quotation() -> None:
    body = (
        "Paul Grant, a professor at the city university, said the report was fair. The vote is on Friday. "
        "“The numbers are right, even if the politics are awkward.”"
    )
    (quote,) = _quotes(body)
    assert quote.speaker is None


def test_words_printed_again_are_one_quotation() -> None:
    body = (
        "The ministry called the treaty “unequal and unjust” in a statement.\n"
        "The ministry’s rhetoric about “unequal and unjust” terms was noted abroad.\n"
        "“We will not be bound by unequal and unjust terms,” said Ivan Petrenko, a deputy. "
        "“We will not be bound by unequal and unjust terms,” he said again."
    )
    quotes = _quotes(body)
    assert len(quotes) == 4  # the finder keeps every one: other stages look them up by sentence
    assert [(q.text, q.speaker) for q in without_repeats(quotes)] == [
        ("unequal and unjust", "The ministry"),
        ("We will not be bound by unequal and unjust terms", "Ivan Petrenko"),
    ]


def test_an_unnamed_one_of_a_group_is_no_speaker() -> None:
    body = (
        "Diplomats said the next meeting would take place in June. "
        "One, who asked not to be named, said: “Nobody wants to be blamed for the failure.”"
    )
    (quote,) = _quotes(body)
    assert quote.speaker is None


def test_a_name_with_an_age_is_a_person_and_an_antecedent() -> None:
    body = (
        "The port's operator, Eastgate Terminals, said the offer was fair.\n"
        "Mike Ellis, 58, has driven lorries to the port for thirty years. He is not impressed.\n"
        "“I have never seen it this bad,” he said."
    )
    (quote,) = _quotes(body)
    assert quote.speaker == "Mike Ellis"


def test_a_name_in_a_sentence_with_a_personal_pronoun_is_an_antecedent() -> None:
    body = (
        "When the floodwater reached her kitchen, Aisha Rahman grabbed her children and climbed onto the roof.\n"
        "“I thought we would die there,” she said."
    )
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.kind) == ("Aisha Rahman", "person")


def test_an_honorific_is_not_a_role() -> None:
    body = "David Lee, the local MP, was angry. “We have heard it all before,” Mr Lee said."
    (quote,) = _quotes(body)
    assert (quote.speaker, quote.role) == ("David Lee", "the local MP")


def test_a_lower_case_role_right_before_the_name() -> None:
    (quote,) = _quotes("“Our thoughts are with the families of our staff,” chief executive Petra Lind said.")
    assert (quote.speaker, quote.role) == ("Petra Lind", "chief executive")
