"""Sentences of different sources that report the same claim are grouped; copies count once."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.copies import shared_run
from build_scripts.analyse.same_fact import specific_figures
from build_scripts.analyse.topics import eligible
from build_scripts.model import Source, SourceMeta
from build_scripts.pipeline import analyse
from build_scripts.text.document import build_document

# IDF weights need a corpus: each test article gets a few unrelated sentences, as real ones have.
FILLER = [
    "The central bank kept interest rates unchanged for the third month running.",
    "A new bridge over the river opened to traffic after four years of work.",
    "Farmers expect a late harvest because of the cold spring weather.",
    "The football club announced the signing of a young striker from Brazil.",
    "Museum visitors can now book tickets online for the summer exhibition.",
    "Railway workers called off a strike planned for the holiday weekend.",
    "The city council approved a budget for repairing school buildings.",
    "Scientists described a new species of beetle found in the mountains.",
    "The orchestra will tour five cities in the autumn with a new conductor.",
    "A software update fixed the bug that drained phone batteries overnight.",
]


def _claims(*bodies: str):
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(),
                                  b + "\n" + "\n".join(FILLER[i * 3:i * 3 + 3]), 1))
            for i, b in enumerate(bodies)]
    return group_claims([s for d in docs for s in d.sentences if eligible(s)])


def _groups(claims) -> list[list[str]]:
    return sorted(sorted(m.text for m in c.members) for c in claims)


def test_paraphrases_and_translations_are_one_claim_unrelated_sentences_are_not():
    claims = _claims(
        "We cannot remain bound by conditions when the enemy has no restrictions, the deputy said.\n"
        "The harvest in the southern regions was the largest in a decade.",
        "“We cannot stay bound when the enemy has no limitations,” he wrote on Facebook.\n"
        "Heavy rain flooded several villages near the northern border overnight.",
    )
    assert [g for g in _groups(claims) if len(g) > 1] == [
        ["We cannot remain bound by conditions when the enemy has no restrictions, the deputy said.",
         "“We cannot stay bound when the enemy has no limitations,” he wrote on Facebook."],
    ]
    assert len(claims) == 10 - 1  # ten sentences; only the two translations merge


def test_a_shared_run_of_words_alone_is_not_a_copy():
    claims = _claims(
        "Before it takes effect, the decision must be ratified by the national parliament and notified to the "
        "United Nations.",
        "To enter into force, the decision still must be ratified by the national parliament and notified to the UN.",
        "The national parliament must still ratify the decision, and the United Nations must then be notified of it.",
    )
    [claim] = [c for c in claims if len(c.sources) > 1]
    assert claim.sources == ("s0", "s1", "s2")
    # One run of words in one sentence of texts that are otherwise their own is not a copied
    # text (a copy is a text reused nearly verbatim: see the wire story test below).
    assert claim.copy_groups == () and claim.independent == 3


def test_the_same_quotation_in_two_sources_is_not_copying():
    quote = "“This is a step that the reality of war has long demanded and we will take it,”"
    assert shared_run(f"{quote} said the deputy.", f"The minister agreed: {quote} he said.") is None


def test_seed_claims_group_the_decree_and_the_translations_and_keep_other_facts_apart(seed_project):
    analysis = analyse(seed_project)
    multi_source = [c for c in analysis.claims if len(c.sources) > 1]
    texts = {c.id: " | ".join(m.text for m in c.members) for c in analysis.claims}
    decree = next(c for c in analysis.claims if "pull Ukraine out of the Ottawa Convention" in texts[c.id])
    # 000, 001 and 003 report the decree in an article sentence; 004's line of it is a summary bullet,
    # page furniture since the junk rules of issue 16.
    assert len(decree.sources) >= 3 and decree.independent == len(decree.sources)
    kostenko = next(c for c in analysis.claims if "We cannot stay bound" in texts[c.id])
    assert {"000_183601ec9612ed3f", "001_03d95e605726db09", "003_c1aef827e21e06e1"} <= set(kostenko.sources)
    biden = next(c for c in analysis.claims if "Biden administration in 2024" in texts[c.id])
    # The two share a phrase ("approved the provision of anti-personnel mines to Ukraine") but
    # not their text (3 % of their passages): two reports in their own words, independent.
    assert len(biden.sources) == 2 and biden.copy_groups == () and biden.independent == 2
    # Not one fact: 000's neighbours acted first, 004's followed Ukraine; what each says the decree
    # underscores; a plan to notify the UN against a condition of parliament's approval.
    for words in ("The move follows similar actions", "underscores the pressing need",
                  "Full withdrawal from the treaty is subject"):
        claim = next(c for c in analysis.claims if words in texts[c.id])
        assert len(claim.sources) == 1, texts[claim.id]
    # Nor is a denial the fact another sentence affirms (004: Russia is not a signatory; 001: more
    # than 160 countries are), nor are two sentences of one article that share only its story (003:
    # Russia is not a party; Ukraine used mines in violation of the pact).
    for words in ("Russia, notably, is not a signatory", "Ukraine has used prohibited landmines"):
        claim = next(c for c in analysis.claims if words in texts[c.id])
        assert len(claim.members) == 1, texts[claim.id]
    assert len(multi_source) >= 12


# --- Copies are reused texts; one fact per claim -----------------------------------

WIRE = ("The port authority said a fire broke out in a warehouse on the eastern quay late on Tuesday night. "
        "Two workers died and nine people were taken to hospital with burns and smoke injuries. "
        "Crews from three districts fought the blaze until the early hours of Wednesday morning. "
        "The cause of the fire is not yet known, and an inquiry will be opened once the site is safe.")


def test_a_light_edit_of_a_wire_story_counts_once_a_shared_phrase_does_not():
    edit = WIRE.replace("fought the blaze", "battled the flames").replace("is not yet known", "remains unknown")
    own_words = ("Two dock workers were killed when fire swept through a quayside warehouse on Tuesday night, "
                 "the port authority said. Nine people were taken to hospital with burns and smoke injuries.")
    claims = _claims(WIRE, edit, own_words)
    [died] = [c for c in claims if any("Two workers died" in m.text for m in c.members)]
    # The edit counts once with the wire; the third source shares a phrase, not its text.
    assert died.copy_groups == (("s0", "s1"),)
    assert died.independent == len(died.sources) - 1
    [crews] = [c for c in claims if any("Crews from three districts" in m.text for m in c.members)]
    assert crews.sources == ("s0", "s1") and crews.independent == 1


def test_sentences_naming_different_countries_or_dating_one_event_differently_stay_apart():
    claims = _claims(
        "Lithuania ratified the mine ban treaty in 2003, the defence ministry said.\n"
        "The Baltic withdrawals take effect on 27 December 2025.",
        "Poland ratified the mine ban treaty in 2012, the defence ministry said.\n"
        "The Baltic withdrawals take effect on 20 February 2026.",
    )
    assert all(len(c.sources) == 1 for c in claims)


def test_an_intention_is_not_the_deed_and_a_change_is_not_the_value():
    claims = _claims(
        "The National Port Safety Authority said it would investigate the warehouse fire.\n"
        "Police set up a 2-kilometre exclusion zone around the eastern quay of the port.",
        "The National Port Safety Authority opened a formal investigation into the warehouse fire.\n"
        "The exclusion zone around the eastern quay of the port was reduced from 2 kilometres to 500 metres.",
    )
    assert all(len(c.sources) == 1 for c in claims)


def test_a_shared_name_is_not_a_shared_fact_and_figures_must_fit():
    claims = _claims(
        "Chief Fire Officer Maren Holt said the battery bay had been cooled overnight.\n"
        "Fourteen people were injured in the warehouse fire, the fire service said.",
        "Chief Fire Officer Maren Holt said crews expected to stay on the quay for days.\n"
        "More than 20 people were injured in the warehouse fire, the fire service said.",
    )
    assert all(len(c.sources) == 1 for c in claims)


# --- Evidence beyond shared words, and what is not one fact -------------------------------


def test_one_specific_figure_joins_reports_worded_differently(monkeypatch):
    bodies = (
        "The upper chamber backed the pension bill 212 to 37 on Thursday evening.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "11 March: the senate passes the pension reform by 212 votes to 37, with two abstentions.\n"
        "The ferry company added a second daily crossing to the islands.",
    )
    [merged] = [c for c in _claims(*bodies) if len(c.sources) > 1]
    assert all("212" in m.text for m in merged.members)
    # Their words alone would not join them: the figure does.
    monkeypatch.setattr("build_scripts.analyse.claims.FIGURE_BONUS", 0.0)
    assert all(len(c.sources) == 1 for c in _claims(*bodies))


def test_counts_that_one_number_fits_are_one_figure_and_counts_that_none_fits_are_not(monkeypatch):
    bodies = (
        "More than 60 ambulances were sent to the stadium after a stand gave way during the derby.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "Sixty-four ambulances were sent to the stadium from across the county, emergency officials said.\n"
        "The ferry company added a second daily crossing to the islands.",
    )
    assert [len(c.sources) for c in _claims(*bodies) if any("ambulances" in m.text for m in c.members)] == [2]
    monkeypatch.setattr("build_scripts.analyse.claims.FIGURE_BONUS", 0.0)
    assert all(len(c.sources) == 1 for c in _claims(*bodies))


def test_a_small_figure_a_year_a_day_a_name_number_or_an_aside_is_no_such_evidence():
    from build_scripts.analyse.same_fact import specific_figures

    assert specific_figures("Nine people were hurt at Gate 12 on 14 March in 2024.") == frozenset()
    assert specific_figures("The senate voted 212 to 37, with a turnout of 1,250 delegates.") == {"212", "37", "1250"}
    # A figure in an aside is background: "…, which 160 states have signed, …".
    assert specific_figures("The accord, which 160 states have signed, bans cluster bombs.") == frozenset()
    assert specific_figures("Losses reached €90 million, covering the hall and its 4,000 seats.") == {"90"}


def test_a_decimal_of_four_characters_is_a_figure_not_a_year():
    """"12.5" and "9.50" are written with four characters, as a year is: they once stopped the build."""
    from build_scripts.analyse.same_fact import specific_figures

    assert specific_figures("The river rose 12.5 metres and tickets cost 9.50 euros.") == {"12.5"}
    assert specific_figures("Prices rose 2.5% in 2025 and 1900.5 tonnes were shipped.") == {"1900.5"}
    assert _claims("Tickets rose to 19.50 euros on Monday, officials said.",
                   "Tickets rose to 19.50 euros on Monday, the council said.")  # grouped without an error


def test_figures_that_conflict_beside_a_figure_both_give_are_one_fact_in_dispute():
    claims = _claims(
        "The two climbers who died on the north face were Ana Ruiz, 29, and Tomas Brenner, 44.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "The two climbers who died on the north face have been named as Ana Ruiz, 29, and Tomas Brenner, 45.\n"
        "The ferry company added a second daily crossing to the islands.",
    )
    assert [len(c.sources) for c in claims if any("Brenner" in m.text for m in c.members)] == [2]


def test_one_event_in_opposite_orders_is_not_one_fact():
    claims = _claims(
        "The strike follows similar walkouts by dock workers in neighbouring ports, including Hull and Leith.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "The strike has prompted dock workers in neighbouring ports, including Hull and Leith, to plan walkouts.\n"
        "The ferry company added a second daily crossing to the islands.",
    )
    assert all(len(c.sources) == 1 for c in claims)


def test_the_same_date_for_one_event_outweighs_a_difference_in_tense():
    claims = _claims(
        "The new tariffs will take effect on 1 September 2026, the trade ministry said.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "The new tariffs take effect on 1 September 2026, and the first review is due a year later.\n"
        "The ferry company added a second daily crossing to the islands.",
    )
    assert [len(c.sources) for c in claims if any("tariffs" in m.text for m in c.members)] == [2]


def test_words_shared_only_in_an_aside_do_not_join_two_facts(monkeypatch):
    # The story's own words ("flood", "Mill Lane") are common in its sources, as in any story.
    bodies = (
        "The flood began late on Sunday in Mill Lane, a street beside the 300-year-old stone bridge that the "
        "council owns.\nVolunteers from Mill Lane filled sandbags through the flood night.\n"
        "Insurers expect flood claims from Mill Lane to take months.",
        "The flood that ruined Mill Lane has cut off about a third of the town's shops and closed its "
        "300-year-old stone bridge, which carries most of the market traffic.\n"
        "Schools near Mill Lane stayed shut after the flood.\nThe flood left mud in every cellar of Mill Lane.",
    )

    def bridge(claims):
        return [len(c.sources) for c in claims if any("300-year-old" in m.text for m in c.members)]

    assert bridge(_claims(*bodies)) == [1, 1]
    # With the asides read as part of the sentence, the shared bridge would join them.
    monkeypatch.setattr("build_scripts.analyse.same_fact._outside_asides", lambda text: [(0, len(text))])
    specific_figures.cache_clear()  # it remembers each text's figures, found with the asides
    try:
        assert bridge(_claims(*bodies)) == [2]
    finally:
        specific_figures.cache_clear()


def test_an_introductory_phrase_before_a_comma_is_no_aside():
    from build_scripts.analyse.same_fact import _outside_asides

    text = "Under the club's rules, a member who resigns still pays the fee for the season."
    assert _outside_asides(text) == ((0, len(text)),)
    named = "The fire spread to Pier 9, a store for timber and grain, within minutes."
    assert [named[a:b] for a, b in _outside_asides(named)] == ["The fire spread to Pier 9", ", within minutes."]


def test_a_plan_is_not_a_condition_that_names_no_plan_but_a_promise_is_a_plan(monkeypatch):
    bodies = (
        "Final approval of the port merger is subject to a shareholder vote, which is not expected to delay it.\n"
        "The old harbour bridge will stay open to cyclists, the mayor said.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "With the contract signed, the port will likely inform the regulator of the merger after the shareholder "
        "vote.\nThe mayor has promised to keep the old harbour bridge open to cyclists.\n"
        "The ferry company added a second daily crossing to the islands.",
    )

    def groups():
        return [sorted(m.text[:20] for m in c.members) for c in _claims(*bodies) if len(c.sources) > 1]

    # A plan against a condition: two facts. A plan and a promise of it: one.
    assert groups() == [["The mayor has promis", "The old harbour brid"]]
    monkeypatch.setattr("build_scripts.analyse.same_fact._Facts._plan_and_other", lambda self, x, y: False)
    assert len(groups()) == 2


def test_two_people_quoted_alike_are_two_statements():
    from build_scripts.analyse.features import Features, extract

    bodies = (
        "“The company has never paid its suppliers on time and treats them with contempt,” Mayor Ines Kalder said.\n"
        "Snow closed the mountain pass for the second time this winter.",
        "“The company does not pay its suppliers on time and treats them with contempt,” said Paul Brandt, a "
        "supplier.\nThe ferry company added a second daily crossing to the islands.",
        "“The company has never paid its suppliers on time and treats them with great contempt,” "
        "Mayor Ines Kalder said.\nThe town library extended its opening hours on Saturdays.",
    )
    docs = [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(),
                                  b + "\n" + "\n".join(FILLER[i * 3:i * 3 + 3]), 1))
            for i, b in enumerate(bodies)]
    sentences = [s for d in docs for s in d.sentences if eligible(s)]
    with_speakers = group_claims(sentences, Features([extract(d) for d in docs]))
    merged = [c for c in with_speakers if len(c.sources) > 1]
    assert len(merged) == 1 and all("Kalder" in m.text for m in merged[0].members)
    # Without knowing who speaks, the supplier's words would join the mayor's.
    assert any(any("Brandt" in m.text for m in c.members) and len(c.members) > 1 for c in group_claims(sentences))


def test_figures_one_number_fits_are_one_figure_only_when_close():
    from build_scripts.analyse.quantities import find_quantities
    from build_scripts.analyse.same_fact import _close

    def one(text):
        [q] = find_quantities(text)
        return q

    assert _close(one("More than 40 fire crews"), one("Forty-three fire crews"))
    assert _close(one("about 10 percent of the storage"), one("roughly a tenth of the storage"))
    # A lower bound one day and a count three days later: both can be true, but two counts.
    assert not _close(one("at least 11 people were injured"), one("Fourteen people were injured"))


def test_an_ordinal_counts_as_its_number_but_first_and_second_do_not():
    from build_scripts.analyse.similarity import terms

    assert "3" in terms("Divers found the body of a third fisherman") & terms("The toll rose to three")
    assert not {"1", "2"} & terms("For the first time, a second crane was used")


def test_what_an_aside_says_is_not_the_sentences_predicate():
    from build_scripts.analyse.features import Features
    from build_scripts.analyse.same_fact import _Facts
    from build_scripts.analyse.similarity import Weights, terms
    from build_scripts.model import Sentence

    texts = ["The repairs are now expected to cost €9 million, according to Norland Bank, the stadium's main lender.",
             "Oslo, which is also outside the pact, approved the supply of rescue boats to Iceland."]
    facts = _Facts([Sentence("s", f"a{i}", t, i, 0) for i, t in enumerate(texts)], Features(),
                   Weights(terms(t) for t in texts))
    first, second = set(facts.predicate(0)), set(facts.predicate(1))
    assert {"repair", "cost", "expect"} <= first and not {"lender", "stadiu"} & first
    assert {"approv", "supply", "rescue"} <= second and not {"outsid", "pact"} & second


def test_two_sentences_that_say_something_shows_different_things_are_two_claims(monkeypatch):
    bodies = (
        "The mayor's new budget underscores the urgent need to protect the jobs of local bus drivers amid the long "
        "dispute with the county council.\nSnow closed the mountain pass for the second time this winter.",
        "Approved by the council, the mayor's new budget underscores the city's wish to rethink the routes of its "
        "night buses amid the long dispute with the county council.\n"
        "The ferry company added a second daily crossing to the islands.",
    )

    def merged():
        return [c for c in _claims(*bodies) if len(c.sources) > 1]

    assert merged() == []
    monkeypatch.setattr("build_scripts.analyse.same_fact._Facts._show_different_things", lambda self, x, y: False)
    assert len(merged()) == 1


def _pair_facts(first: str, second: str, sources: tuple[str, str]):
    from build_scripts.analyse.features import Features
    from build_scripts.analyse.same_fact import _Facts
    from build_scripts.analyse.similarity import Weights, terms
    from build_scripts.model import Sentence

    texts = [first, second]
    return _Facts([Sentence(src, f"a{i}", t, i, 0) for i, (t, src) in enumerate(zip(texts, sources, strict=True))],
                  Features(), Weights(terms(t) for t in [*texts, *FILLER]))


def test_a_sentence_that_denies_what_another_affirms_reports_another_fact():
    facts = _pair_facts("Norway, notably, is not a member of the customs union.",
                        "More than 20 countries are members of the customs union, though neither Norway nor Iceland "
                        "has joined.", ("s", "t"))
    assert facts._denies_what_other_affirms(0, 1) and not facts._denies_what_other_affirms(1, 0)
    assert not facts.compatible(0, 1)


def test_a_denial_of_a_name_or_of_what_the_other_does_not_say_is_no_opposite():
    # "Nor is Iceland a member": what is denied is membership, not Iceland; the other sentence's
    # first clause says who is outside and names no members.
    facts = _pair_facts("Nor is Iceland a member.", "The ministry counts 12 states outside the customs union, Iceland "
                        "and Norway among them; 30 countries are members.", ("s", "t"))
    assert not facts._denies_what_other_affirms(0, 1) and not facts._denies_what_other_affirms(1, 0)


def test_two_sentences_of_one_article_need_more_shared_words_to_be_one_fact():
    first = "Rescue crews searched the river banks for the missing boy on Sunday."
    second = "Rescue crews searched the river banks and the nearby forest for two days."
    assert _pair_facts(first, second, ("s", "t")).compatible(0, 1)
    assert not _pair_facts(first, second, ("s", "s")).compatible(0, 1)
