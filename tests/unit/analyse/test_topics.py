"""Topic files define pages; sentences are assigned to their best section."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.terms import TermIndex, prepare, score, score_found
from build_scripts.analyse.topics import assign_topics as _assign
from build_scripts.analyse.topics import eligible
from build_scripts.load.topics import load_topics
from build_scripts.model import Source, SourceMeta
from build_scripts.text.document import build_document

TOPIC = """---
title: Withdrawals
description: Who is leaving.
topic:
  require: [withdraw*, leave]
  sections:
    - heading: The decree
      match:
        - [decree]
        - [sign*]
    - heading: Neighbours
      match:
        - [Poland, Finland, Baltic]
      exclude: [decree]
---

# Withdrawals
"""


def assign_topics(topics, docs):
    return _assign(topics, docs, group_claims([s for d in docs for s in d.sentences if eligible(s)]))


def _doc(source_id: str, body: str):
    return build_document(Source(source_id, Path(f"{source_id}.md"), SourceMeta(), body, 1))


def test_terms_match_whole_words_with_prefix_wildcards_and_capitals():
    assert score((("ratif*",),), "The parliament ratified it in 2005.") == 1
    assert score((("ratif*",),), "Gratification is not ratification.") == 1
    assert score((("mine",),), "Landmines were found.") == 0
    assert score((("US",),), "Let us go now.") == 0
    assert score((("US",),), "The US approved it.") == 1
    assert score((("Russia’s war",),), "Russia's war goes on.") == 1
    assert score((("decree",), ("sign*",)), "The decree was published.") == 0


CASES = [("ratif*", "The parliament ratified it in 2005."), ("ratif*", "Gratification is not ratification."),
         ("mine", "Landmines were found."), ("US", "Let us go now."), ("US", "The US approved it."),
         ("Russia’s war", "Russia's war goes on."), ("anti-personnel mine*", "Anti-personnel mines kill."),
         ("U.S.", "The U.S. did not sign."), ("“quoted", "He said “quoted words”."), ("160", "Over 160 states."),
         ("Zelensk*", "President Zelenskyy signed."), ("mine ban", "The mine  ban treaty.")]


def test_term_index_finds_what_the_patterns_find():
    index = TermIndex({term for term, _ in CASES})
    for term, text in CASES:
        text = prepare(text)
        assert score_found(((term,),), index.find(text)) == score(((term,),), text), (term, text)
    assert index.find(prepare("The U.S. and the US signed.")) == {"U.S.", "US"}


WORDS = ["mine", "mines", "Mine", "US", "us", "ratify", "ratif", "anti-personnel", "U.S.", "war", "Russia’s",
         "Russia's", "ban", "160", "1600", "Ottawa", "-", ",", "“", "ß", "SS"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), st.lists(st.sampled_from(WORDS), max_size=12))
def test_term_index_agrees_with_the_patterns_on_any_words(term_words, text_words):
    term = " ".join(term_words)
    for candidate in (term, term + "*"):
        if not candidate.rstrip("*").strip():
            continue
        text = prepare(" ".join(text_words))
        index = TermIndex({candidate})
        assert score_found(((candidate,),), index.find(text)) == score(((candidate,),), text)


def test_sentences_go_to_the_best_section_once(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    docs = [
        _doc("a", "The president signed a decree to withdraw from the treaty on Sunday.\n"
                  "Poland and Finland said in March they would leave the treaty too.\n"
                  "The weather in Kyiv was warm and sunny all week long."),
        _doc("b", "Poland will withdraw, and the Baltic states will leave as well this year.\n"
                  "A decree signed by the president in Warsaw says Poland will withdraw."),
    ]
    [evidence] = assign_topics(topics, docs)
    by_section = {sec.heading: [[m.text for m in st.members] for st in sts] for sec, sts in evidence.sections}
    assert by_section == {
        # Two sources report a signed decree: one statement, both sentences cited.
        "The decree": [[
            "The president signed a decree to withdraw from the treaty on Sunday.",
            "A decree signed by the president in Warsaw says Poland will withdraw.",
        ]],
        # Equal corroboration and scores: the order of the sources (dated first, then by id) decides.
        "Neighbours": [
            ["Poland and Finland said in March they would leave the treaty too."],
            ["Poland will withdraw, and the Baltic states will leave as well this year."],
        ],
    }


def test_opinion_and_short_sentences_are_not_statements(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    doc = _doc("c", "Poland will leave.\nThe decree was signed and Poland will withdraw from it soon.\n"
                    "Commentary\nPoland may regret its decision to leave the treaty one day.")
    [evidence] = assign_topics(topics, [doc])
    texts = [st.sentence.text for st in evidence.statements]
    # "Poland will leave." is too short; the commentary sentence is opinion.
    assert texts == ["The decree was signed and Poland will withdraw from it soon."]


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\t", "\n", "\u00a0", "\u2003", "’", "‘", "'"]), max_size=40),
       st.booleans())
def test_eligibility_and_prepared_text_match_their_plain_definitions(text, opinion):
    from build_scripts.analyse.eligible import MIN_WORDS, eligible
    from build_scripts.model import Sentence

    assert eligible(Sentence("s", "a", text, 0, 0, opinion)) == (not opinion and len(text.split()) >= MIN_WORDS)
    assert prepare(text) == text.replace("’", "'").replace("‘", "'")


def _topics(tmp_path, write, *files):
    for name, text in files:
        write(name, text, folder="docs/topics")
    topics, problems = load_topics(tmp_path / "docs")
    assert problems == []
    return topics


def _by_section(evidence):
    return {sec.heading: [st.sentence.text for st in sts] for sec, sts in evidence.sections}


def test_a_paragraph_keeps_its_subject_for_require(tmp_path, write):
    topics = _topics(tmp_path, write, ("withdrawals.md", TOPIC))
    doc = _doc("a", "Officials in Warsaw expect the cabinet to withdraw from the pact within weeks.\n"
                    "Officials confirmed it. The decree was signed by the president on Sunday evening.\n"
                    "The decree was signed by the central bank governor on Monday morning.")
    [evidence] = assign_topics(topics, [doc])
    # The first paragraph names the withdrawal but fits no section; the decree of the second
    # follows a sentence without a require term, and the third stands alone: none is taken.
    assert _by_section(evidence) == {}
    doc = _doc("b", "Poland said it would withdraw from the treaty. The decree was signed by the president "
                    "on Sunday evening.\nThe decree was signed by the central bank governor on Monday morning.")
    [evidence] = assign_topics(topics, [doc])
    assert _by_section(evidence) == {"The decree": ["The decree was signed by the president on Sunday evening."],
                                     "Neighbours": ["Poland said it would withdraw from the treaty."]}


OTHER = """---
title: Withdrawals
description: Governments leaving the treaty.
topic:
  require: [withdraw*, leave]
  sections:
    - heading: The decree
      match:
        - [decree]
        - [sign*]
---
"""

VOTES = """---
title: Votes
topic:
  sections:
    - heading: Parliament
      match: [[parliament]]
---
"""


def test_a_sentence_about_the_topic_that_no_section_takes_goes_to_other_reports(tmp_path, write):
    topics = _topics(tmp_path, write, ("withdrawals.md", OTHER))
    doc = _doc("a", "The decree to leave the treaty will be published on Friday in Kyiv.\n"
                    "The weather in Kyiv was warm enough to leave the windows open all week.")
    [evidence] = assign_topics(topics, [doc])
    # The first meets "The decree" but for its second group and holds a require term; the second
    # holds a require term but nothing of any section.
    assert _by_section(evidence) == {"Other reports": [
        "The decree to leave the treaty will be published on Friday in Kyiv."]}


def test_other_reports_do_not_repeat_what_a_section_of_another_topic_shows(tmp_path, write):
    topics = _topics(tmp_path, write, ("withdrawals.md", OTHER), ("votes.md", VOTES))
    text = "The parliament approved a decree to leave the treaty on Friday in Kyiv."
    doc = _doc("a", text)
    [alone] = assign_topics(topics[1:], [doc])
    assert _by_section(alone) == {"Other reports": [text]}
    votes, withdrawals = assign_topics(topics, [doc])
    assert _by_section(withdrawals) == {}
    assert _by_section(votes) == {"Parliament": [text]}


def test_pins_hides_and_notes_have_the_last_word(tmp_path, write):
    doc = _doc("a", "The president signed a decree to withdraw from the treaty on Sunday.\n"
                    "The president signed another decree to withdraw troops on Monday.\n"
                    "Reporters waited outside the palace for several long hours.")
    first, second, third = doc.sentences
    topic = OTHER.removesuffix("---\n") + (
        f'  pin:\n    - {{sentence: "a#{third.anchor}", section: The decree}}\n'
        f'  hide: ["a#{second.anchor}"]\n'
        f'  note:\n    - {{sentence: "a#{first.anchor}", text: "Some say Monday."}}\n---\n')
    topics = _topics(tmp_path, write, ("withdrawals.md", topic))
    [evidence] = assign_topics(topics, [doc])
    assert _by_section(evidence) == {"The decree": [third.text, first.text]}
    assert evidence.notes == {("a", first.anchor): "Some say Monday."}


def test_importance_puts_corroborated_lead_and_specific_statements_first(tmp_path, write):
    topics = _topics(tmp_path, write, ("votes.md", VOTES))
    docs = [
        _doc("a", "Members of parliament went home after a long and tiring day.\n"
                  "The weather stayed grey all day long over the old city.\n"
                  "Crowds gathered in the square to watch the evening news.\n"
                  "The speaker said parliament would sit again in the spring.\n"
                  "Parliament voted 107 to 0 on 8 May to leave the treaty, Speaker Anna Berg said."),
        _doc("b", "Members of parliament went home after a long and tiring day."),
        _doc("c", "It said parliament had done its duty, and that was all that needed saying."),
    ]
    [evidence] = assign_topics(topics, docs)
    texts = _by_section(evidence)["Parliament"]
    assert texts[0] == "Members of parliament went home after a long and tiring day."  # two sources
    assert texts.index("Parliament voted 107 to 0 on 8 May to leave the treaty, Speaker Anna Berg said.") \
        < texts.index("The speaker said parliament would sit again in the spring.")  # figures, date, names
    assert texts[-1].startswith("It said parliament")  # needs the sentence before it


def test_explain_says_where_a_sentence_went_and_why_not(tmp_path, write):
    from build_scripts.analyse.topic_explain import explain

    topics = _topics(tmp_path, write, ("withdrawals.md", TOPIC))
    doc = _doc("a", "The president signed a decree to withdraw from the treaty on Sunday.\n"
                    "The weather in Kyiv was warm and sunny all week long.\nShort one.")
    claims = group_claims([s for s in doc.sentences if eligible(s)])
    evidence = _assign(topics, [doc], claims)
    placed, off, short = (explain(evidence, [doc], claims, s, lambda ev: [15] * len(ev.sections))
                          for s in doc.sentences)
    assert placed[-1].startswith("Withdrawals (topics/withdrawals.md): in 'The decree', statement 1 of 1 "
                                 "(first page), shown in its own words: matches the rule of section 'The decree'")
    assert "importance" in placed[-1]
    assert off == ["Withdrawals (topics/withdrawals.md): not on the page: holds none of the topic's require terms "
                   "(nor does the sentence before it in its paragraph)"]
    assert short[0].startswith("not used as a statement anywhere: it has fewer than")


def test_explain_names_where_a_sentence_with_an_added_figure_is_shown_in_its_own_words(tmp_path, write):
    from build_scripts.analyse.topic_explain import explain

    topics = _topics(tmp_path, write, ("withdrawals.md", TOPIC))
    docs = [_doc("a", "The president signed a decree to withdraw from the treaty on Sunday evening."),
            _doc("b", "The president signed a decree to withdraw from the treaty on Sunday, affecting 1,200 guards.")]
    claims = group_claims([s for d in docs for s in d.sentences if eligible(s)])
    evidence = _assign(topics, docs, claims)
    [line] = [x for x in explain(evidence, docs, claims, docs[1].sentences[0], lambda ev: [15] * len(ev.sections))
              if x.startswith("Withdrawals")]
    assert ", shown in its own words: " in line, line


def test_needs_context_and_specifics():
    from build_scripts.analyse.importance import needs_context, specifics

    assert needs_context("However, the vote was delayed.")
    assert needs_context("It said the plan was sound.")
    assert not needs_context("“It is a dark day,” the mayor said.")
    assert not needs_context("Italy said the plan was sound.")
    assert specifics("The Seimas voted 107 to 0 on 8 May, Speaker Anna Berg said.") >= 4
    assert specifics("the vote was delayed again.") == 0


def test_a_plain_word_term_matches_its_regular_inflections_on_topic_pages(tmp_path, write):
    from build_scripts.analyse.topics import inflections

    assert inflections("ban") >= {"bans", "banned", "banning"}
    assert inflections("leave") == {"leaves", "leaved", "leaving"}
    assert inflections("party") == {"parties", "partied", "partying"}
    assert inflections("UN") == inflections("ratif*") == inflections("Russia") == inflections("mine ban") == set()
    topics = _topics(tmp_path, write, ("withdrawals.md", TOPIC))  # require: [withdraw*, leave]
    doc = _doc("a", "Poland is leaving the treaty, and Finland is leaving it too this year.\n"
                    "The decree was signed by the president on Sunday evening in Kyiv.")
    [evidence] = assign_topics(topics, [doc])
    assert _by_section(evidence) == {"Neighbours": ["Poland is leaving the treaty, and Finland is leaving it too "
                                                    "this year."]}


def test_an_opinion_piece_corroborates_a_report_but_is_never_the_statement(tmp_path, write):
    from build_scripts.analyse.eligible import long_enough

    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    docs = [_doc("a", "Commentary\nThe president signed a decree on Sunday to withdraw the country from the treaty."),
            _doc("b", "On Sunday the president signed the decree to withdraw the country from the treaty.\n"
                      "The weather in the capital was warm and sunny all week long.")]
    claims = group_claims([s for d in docs for s in d.sentences if long_enough(s)])
    [evidence] = _assign(topics, docs, claims)
    [statement] = evidence.statements
    assert statement.sentence.source_id == "b" and statement.claim is not None
    assert statement.claim.sources == ("a", "b")


def test_of_equal_members_the_one_adding_least_to_what_all_share_is_shown(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    docs = [_doc("a", "The president signed a decree to withdraw from the mine treaty, which bans mines, on "
                      "Sunday after a long meeting of his security council in the capital."),
            _doc("b", "The president signed a decree to withdraw from the mine treaty on Sunday.\n"
                      "The weather in the capital was warm and sunny all week long.")]
    [evidence] = assign_topics(topics, docs)
    [statement] = evidence.statements
    assert statement.sentence.source_id == "b" and len(statement.claim.sources) == 2


def test_a_figure_only_some_sources_add_is_shown_once_beside_the_shared_fact(tmp_path, write):
    topics = _topics(tmp_path, write, ("withdrawals.md", TOPIC))
    docs = [
        _doc("a", "The president signed a decree to withdraw from the treaty on Sunday evening."),
        _doc("b", "The president signed a decree to withdraw from the treaty on Sunday, affecting 1,200 guards."),
        _doc("c", "The president signed a decree on Sunday to withdraw from the treaty, affecting 1,200 guards."),
    ]
    [evidence] = assign_topics(topics, docs)
    shown = [(st.sentence.text, sorted(m.source_id for m in st.members)) for st in evidence.statements]
    # The shared fact through the sentence that adds nothing, all three cited; the figure two of
    # them add, once, cited to those two.
    assert shown[0] == ("The president signed a decree to withdraw from the treaty on Sunday evening.", ["a", "b", "c"])
    assert [s for s in shown[1:] if "1,200" in s[0]] == [
        ("The president signed a decree to withdraw from the treaty on Sunday, affecting 1,200 guards.",
         ["b", "c"])]
    assert len(shown) == 2


def test_an_opinion_piece_passing_on_a_named_sources_figures_is_shown_its_own_views_are_not():
    from build_scripts.analyse.eligible import eligible as is_eligible
    from build_scripts.analyse.eligible import reported
    from build_scripts.model import Sentence

    def opinion(text: str) -> Sentence:
        return Sentence("op", "s-1", text, 0, 0, True)

    passed_on = opinion("The Road Safety Council recorded at least 1,204 people killed on rural roads in 2023.")
    assert reported(passed_on) and is_eligible(passed_on)
    assert reported(opinion("According to the port's figures, 412 ships docked there last year, a record."))
    for text in ("We should remember that the council recorded 1,204 deaths on rural roads in 2023.",
                 "The council recorded 1,204 deaths, and you cannot ignore a figure like that.",
                 "Speed limits have never been enforced, and police found 30 cameras broken in 2023.",
                 "The Road Safety Council recorded a rise in deaths on rural roads last year.",
                 "Rural roads are the most dangerous in the country and need urgent investment now."):
        assert not is_eligible(opinion(text)), text
