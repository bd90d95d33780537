"""A sentence that cannot be read alone is given the sentences of its source it needs."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.standalone import passage, quoted_sentences, speaker, stands_alone
from build_scripts.model import Document, Source, SourceMeta
from build_scripts.text.document import build_document


def _doc(*paragraphs: str) -> Document:
    body = "\n\n".join(paragraphs)
    return build_document(Source("s", Path("s.md"), SourceMeta(), body, 1))


def _context(doc: Document, start: str) -> tuple[list[str], list[str]]:
    sentence = next(s for s in doc.sentences if s.text.startswith(start))
    found = passage(doc, sentence)
    return [s.text for s in found.before], [s.text for s in found.after]


def test_a_pronoun_or_a_connective_at_the_start_needs_the_sentence_before():
    doc = _doc(
        "The mayor signed the decree on Sunday. He called it a necessary step.",
        "The council must approve it before the end of the month. As such, the date is still unclear.",
        "Because it is at war, the town cannot hold the vote. Until then, the old rules apply.",
    )
    assert _context(doc, "He called") == (["The mayor signed the decree on Sunday."], [])
    assert _context(doc, "As such") == (["The council must approve it before the end of the month."], [])
    # "As such" leans back in turn: the chain reaches the sentence that stands alone.
    assert _context(doc, "Because it")[0] == ["The council must approve it before the end of the month.",
                                             "As such, the date is still unclear."]
    assert _context(doc, "Until then")[0][-1] == "Because it is at war, the town cannot hold the vote."


def test_a_pronoun_subject_after_a_leading_phrase_needs_the_sentence_before():
    doc = _doc(
        "The mayor signed the decree on Sunday. On Monday, he said the vote would follow.",
        "The council approved the plan in May. With this plan approved, the town can borrow.",
        "In March, the council voted on the budget. Calder Bay, a city of 180,000 people, has a port.",
    )
    assert _context(doc, "On Monday")[0] == ["The mayor signed the decree on Sunday."]
    assert _context(doc, "With this plan")[0] == ["The council approved the plan in May."]
    for start in ("In March", "Calder Bay"):
        sentence = next(s for s in doc.sentences if s.text.startswith(start))
        assert stands_alone(doc, sentence), start


def test_a_sentence_naming_its_subject_or_a_time_stands_alone():
    doc = _doc(
        "The mayor signed the decree on Sunday.",
        "This week the council will meet to approve it. Then Defence Secretary Ann Lee said the army agreed.",
        "The decree takes effect in June.",
    )
    for start in ("The mayor", "This week", "Then Defence", "The decree"):
        sentence = next(s for s in doc.sentences if s.text.startswith(start))
        assert stands_alone(doc, sentence), start


def test_the_second_sentence_of_a_quotation_needs_the_one_naming_the_speaker():
    doc = _doc(
        "Mayor Ana Lopez spoke after the vote. “We did what we had to do. Our town is safer now,” she said.",
    )
    before, after = _context(doc, "Our town")
    assert before == ["Mayor Ana Lopez spoke after the vote.", "“We did what we had to do."]
    assert after == []


def test_a_quotation_whose_speaker_is_named_at_its_end_is_shown_up_to_that_end():
    doc = _doc("“The fire will burn for days. We expect to be on the quay all week,” said fire chief Maren Holt.")
    assert _context(doc, "“The fire") == ([], ["We expect to be on the quay all week,” said fire chief Maren Holt."])


def test_a_quotation_over_paragraphs_after_he_said_reaches_back_to_the_name():
    doc = _doc(
        "The decision was announced by Roman Kostenko, a member of parliament, on Facebook. He wrote:",
        "“This is a step that the war has long demanded.",
        "“Russia is not a party to this convention and uses mines against our soldiers.”",
        "He added that the vote would follow in July.",
    )
    before, _ = _context(doc, "“Russia is not")
    assert before[0].startswith("The decision was announced by Roman Kostenko")
    assert "He wrote:" in before
    before, _ = _context(doc, "He added")
    assert before[0].startswith("The decision was announced by Roman Kostenko")


def test_a_quotation_given_to_its_speaker_by_name_in_the_same_sentence_stands_alone():
    doc = _doc("The mayor spoke first. “We did what we had to do,” Mayor Ana Lopez said.")
    sentence = doc.sentences[1]
    assert stands_alone(doc, sentence)


def test_a_sentence_of_nothing_but_quoted_words_is_marked_and_given_its_speaker():
    doc = _doc(
        "Mayor Ana Lopez spoke after the vote. She said:",
        "“We did what we had to do for the town and its people.”",
        "The council agreed with her and voted for the plan that evening.",
    )
    marked = [s.text for s in doc.sentences if s.quoted]
    assert marked == ["“We did what we had to do for the town and its people.”"]
    assert {doc.sentences[i].text for i in quoted_sentences(doc)} == set(marked)
    quoted = next(s for s in doc.sentences if s.quoted)
    assert speaker(doc, quoted) == "Ana Lopez"
    assert speaker(doc, doc.sentences[0]) is None


def test_context_is_capped_keeping_the_sentence_that_names_the_speaker():
    doc = _doc(
        "Ruth Abernethy, the chief inspector, spoke to reporters. She said:",
        "“The first step is to look at the batteries. The second is the alarms. The third is the staff.",
        "“The fourth is the building itself, and that will take the longest.”",
    )
    sentence = next(s for s in doc.sentences if s.text.startswith("“The fourth"))
    found = passage(doc, sentence)
    assert found.before[0].text.startswith("Ruth Abernethy")
    assert found.skipped and len(found.before) == 3
