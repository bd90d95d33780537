"""Grouping one speaker's quotations: renderings and translations join, a group never holds two
quotations of one source; a speaker's differing wordings are flagged, spelling variants are not."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.disagreements import quote_wording
from build_scripts.analyse.quote_groups import _groups, group_quotes, spelling_neutral
from build_scripts.model import CitedQuote, PartialDate, Quote, QuotePart, Sentence, Source, SourceMeta
from build_scripts.text.document import build_document

FULL = "This is a step that the reality of war has long demanded. We cannot stay bound by these rules."
EXCERPT = "This is a step that the reality of war has long demanded."
OTHER = "Farmers will be paid for the fields they cannot plough this spring."


def _quote(source: str, text: str, n: int = 0) -> CitedQuote:
    quote = Quote(source, (QuotePart(0, 0, len(text), text),), "Roman Kostenko", None, "person", (f"s-{n}",))
    return CitedQuote(quote, Sentence(source, f"s-{n}", text, 0, 0))


def _docs(*bodies: str):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(date=PartialDate(2025, 6, 30)), b, 1))
            for i, b in enumerate(bodies)]


def _shape(groups) -> list[list[tuple[str, str]]]:
    return [[(q.quote.source_id, q.quote.text[:12]) for q in g.quotes] for g in groups]


def test_many_sources_quoting_the_same_words_are_one_group():
    quotes = [_quote(f"src{i:04d}", FULL if i % 2 else EXCERPT) for i in range(2000)]
    [group] = _groups(quotes)
    assert len(group.quotes) == 2000
    assert len(group.sources) == 2000


def test_a_source_quoting_the_words_twice_leaves_one_rendering_apart():
    quotes = [_quote("a", FULL, 1), _quote("a", EXCERPT, 2), _quote("b", EXCERPT), _quote("c", EXCERPT)]
    groups = _groups(quotes)
    assert _shape(groups) == [[("a", FULL[:12]), ("b", EXCERPT[:12]), ("c", EXCERPT[:12])], [("a", EXCERPT[:12])]]
    for g in groups:
        assert len(g.sources) == len(g.quotes)


def test_different_words_stay_apart():
    groups = _groups([_quote("a", FULL), _quote("b", OTHER), _quote("c", OTHER)])
    assert _shape(groups) == [[("a", FULL[:12])], [("b", OTHER[:12]), ("c", OTHER[:12])]]


def test_translations_are_grouped_and_flagged_but_spelling_is_not():
    docs = _docs(
        "“We cannot remain bound by conditions when the enemy has no restrictions,” said Roman Kostenko, a deputy.\n"
        "The ministry said: “Ukraine must give priority to the defence of the state.”",
        "“We cannot stay bound when the enemy has no limitations,” wrote Roman Kostenko, a lawmaker.\n"
        "The ministry said: “Ukraine must give priority to the defense of the state.”",
    )
    speakers = {s.name: s for s in group_quotes(docs)}
    kostenko = speakers["Roman Kostenko"]
    assert [len(g.quotes) for g in kostenko.groups] == [2]
    assert [r.quote.role for r in kostenko.roles] == ["a deputy", "a lawmaker"]
    [wording] = quote_wording(list(speakers.values()))
    assert wording.subject == "Roman Kostenko’s words"
    assert spelling_neutral("the defence of the colour") == spelling_neutral("the defense of the color")


def test_a_surname_joins_the_one_person_of_that_name():
    docs = _docs(
        "“The port will reopen next week,” said Ilse Marquardt, the harbour master.",
        "Speaking in the morning, Marquardt, who runs the harbour, was confident. “Ships will be back soon,” she said.",
    )
    speakers = {s.name: s for s in group_quotes(docs)}
    assert list(speakers) == ["Ilse Marquardt"]
    assert sum(len(g.quotes) for g in speakers["Ilse Marquardt"].groups) == 2


def test_a_surname_shared_by_two_people_stays_apart():
    docs = _docs(
        "“The port will reopen next week,” said Ilse Marquardt, the harbour master.",
        "“The port stays shut,” said Jonas Marquardt, a pilot.",
        "“Ships will be back soon,” Marquardt told reporters.",
    )
    assert "Marquardt" in {s.name for s in group_quotes(docs)}


def test_a_role_is_cited_to_the_sentence_that_states_it():
    docs = _docs(
        "Lena Voss, a senior engineer at the water board, went further. “The dikes were not built for this,” "
        "she said."
    )
    [speaker] = group_quotes(docs)
    [role] = speaker.roles
    assert role.quote.role == "a senior engineer at the water board"
    assert role.sentence.text.startswith("Lena Voss, a senior engineer")
    [group] = speaker.groups
    assert group.quotes[0].sentence.text.startswith("“The dikes")


def test_the_same_description_in_two_sources_is_one_speaker_only_when_they_quote_alike():
    bodies = (
        "In Riga, the foreign ministry said: “Leaving the treaty gives us the freedom to defend the country.”\n"
        "The ministers wrote: “Our countries are prepared to defend every metre of our territory.”",
        "In Kyiv, the foreign ministry said: “Russia uses these weapons against civilians every single day.”\n"
        "The ministers wrote: “Our countries are prepared to defend every metre of our territory.”",
    )
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(publisher=p), b, 1))
            for i, (p, b) in enumerate(zip(("Alpha Post", "Beta News"), bodies, strict=True))]
    speakers = {s.name: s for s in group_quotes(docs)}
    assert "The ministers" in speakers and [len(g.sources) for g in speakers["The ministers"].groups] == [2]
    ministries = sorted(n for n in speakers if "foreign ministry" in n)
    assert ministries == ["the foreign ministry (in Alpha Post)", "the foreign ministry (in Beta News)"]
