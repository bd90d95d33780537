"""Page furniture is found by general rules; article text and headings are kept."""

from __future__ import annotations

from build_scripts.model import SourceMeta
from build_scripts.text.furniture import classify_lines
from build_scripts.text.lines import body_lines


def _kinds(body: str, meta: SourceMeta | None = None) -> list[tuple[str, str, str]]:
    blocks = classify_lines(body_lines(body), meta or SourceMeta())
    return [(b.kind, b.reason, b.text) for b in blocks]


def test_scraped_page_furniture_is_found_with_reasons():
    body = "\n".join([
        "Storm Hits Coast",
        "by | Mar 3, 2024",
        "Storm Hits Coast",
        "storm",
        "Photo: Jane Roe / Getty Images",
        "A storm hit the coast on Sunday, cutting power to thousands of homes in the region.",
        "“We lost everything in one night,” said a fisherman who lives by the harbour.",
        "READ ALSO: Ten things to know about storms",
        "Officials said repairs would take at least two weeks to finish across the province.",
        "John Smith",
        "John Smith is a staff reporter at the Coast Herald covering weather and climate.",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Recent Posts",
        "Pin It on Pinterest",
    ])
    kinds = _kinds(body, SourceMeta(title="Storm Hits Coast", author="John Smith"))
    assert kinds == [
        ("furniture", "headline (shown as the page title)", "Storm Hits Coast"),
        ("furniture", "byline", "by | Mar 3, 2024"),
        ("furniture", "headline (shown as the page title)", "Storm Hits Coast"),
        ("furniture", "caption or image text", "storm"),
        ("furniture", "image credit", "Photo: Jane Roe / Getty Images"),
        ("text", "", "A storm hit the coast on Sunday, cutting power to thousands of homes in the region."),
        ("text", "", "“We lost everything in one night,” said a fisherman who lives by the harbour."),
        ("furniture", "link to other stories", "READ ALSO: Ten things to know about storms"),
        ("text", "", "Officials said repairs would take at least two weeks to finish across the province."),
        ("furniture", "byline", "John Smith"),
        ("furniture", "author bio", "John Smith is a staff reporter at the Coast Herald covering weather and climate."),
        ("furniture", "share button", "Share on Facebook"),
        ("furniture", "promotion", "Subscribe to our newsletter"),
        ("furniture", "link to other stories", "Recent Posts"),
        ("furniture", "share button", "Pin It on Pinterest"),
    ]


def test_pull_quote_name_line_is_furniture_but_a_heading_is_not():
    body = "\n".join([
        "Mayor Ana Lopez opened the new bridge across the river on Monday morning.",
        "“This bridge joins two halves of one city that were apart for too long.”",
        "Ana Lopez",
        "A Bridge Long Awaited",
        "Work on the bridge started in 2019 and cost more than the city had planned.",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""), ("text", ""), ("furniture", "name line of a pull quote"), ("heading", ""), ("text", ""),
    ]


def test_lines_without_metadata_still_lose_trailing_furniture():
    body = "\n".join([
        "The council approved the budget after a long debate that lasted into the night.",
        "Jane Doe",
        "Our Books",
        "Shop books published by the institute.",
        "cb0cb1ef 3fcb 417d 80d8 4eef7bbd8290",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""),
        ("furniture", "page furniture after the article"),
        ("furniture", "promotion"),
        ("furniture", "promotion"),
        ("furniture", "identifier"),
    ]


def test_commentary_section_is_marked_as_opinion():
    body = "\n".join([
        "The treaty bans anti-personnel mines in every state that joined it.",
        "Commentary",
        "This decision could have cascading effects on global disarmament treaties.",
    ])
    blocks = classify_lines(body_lines(body), SourceMeta())
    assert [b.opinion for b in blocks] == [False, True, True]


def test_markdown_headings_and_bullets_are_read_as_lines():
    lines = body_lines("## A heading\n\n- first point of the summary.\n* second point.\n", first_line=5)
    assert [(line.text, line.number, line.marked_heading) for line in lines] == [
        ("A heading", 5, True), ("first point of the summary.", 7, False), ("second point.", 8, False),
    ]


# The speed-ups in furniture.py must give exactly what the plain patterns give.

_EDGE_TEXTS = [
    "", " ", "a", ".", "”", "Done.", "Done.”", "Done.”)", "Done?!", "Done…", "Done。", "Done।", "Done.\n",
    "Done\n", "Done.\n\n", "“Quoted”", "it's'", "(aside)", "(aside.)", "list]", "Why? he asked",
    "Storm Hits Coast", "STORM — hits “coast”", "İstanbul ſhutterstock K ß ﬁ ΑΣ ΐ ͅ", "Київ, Україна!",
    "snake_case and 3.5% of x_y", "  spaced   out  ", "tab\there", "a\u00a0b", "___", "—", "©2024",
]


def test_sentence_ending_check_agrees_with_its_pattern():
    from build_scripts.text.furniture_context import _SENTENCE_END, looks_like_sentence

    for text in _EDGE_TEXTS:
        assert looks_like_sentence(text) == (_SENTENCE_END.search(text) is not None), repr(text)


def test_normalised_text_agrees_with_its_definition():
    import re

    from build_scripts.text.furniture_context import _PUNCTUATION, _norm

    for text in _EDGE_TEXTS:
        assert _norm(text) == re.sub(r"\W+", " ", text.casefold()).strip(), repr(text)
    # Marks put as spaces must be non-word characters that casefold to themselves.
    assert all(not c.isalnum() and c != "_" and c.casefold() == c for c in _PUNCTUATION)


def test_case_insensitive_prefilters_only_rely_on_letters_that_lower_cleanly():
    # Under re.I, every character matching an ASCII letter other than i and s lowers to
    # that letter, so a lower-cased needle without i or s is found whenever the pattern matches.
    import re

    from build_scripts.text.furniture_patterns import _BYLINE_STARTS, _CREDIT_NEEDLES

    every_character = "".join(map(chr, range(0x110000)))
    non_ascii = {c for c in re.findall("[a-z]", every_character, re.I) if not c.isascii()}
    assert non_ascii == set("\u0130\u0131\u017f\u212a")  # İ ı ſ and the Kelvin sign
    for c in re.findall("[a-hj-rt-z]", every_character, re.I):
        assert c.lower() in "abcdefghjklmnopqrtuvwxyz" and re.fullmatch(c.lower(), c, re.I), hex(ord(c))
    assert not any(c in "is" for needle in _CREDIT_NEEDLES for c in needle.lower())
    assert not any(c in "is" for start in _BYLINE_STARTS for c in start.lower())


def test_prefilters_pass_every_line_their_pattern_matches():
    from build_scripts.text.furniture_patterns import (
        _BIO,
        _BYLINE,
        _CREDIT,
        _may_be_bio,
        _may_be_byline,
        _may_be_credit,
    )

    credits = [
        "Photo: Jane Roe", "İMAGE CREDIT: x", "source : AP", "CC-BY 4.0", "cc by-sa", "CC0", "Own work",
        "GETTY IMAGES", "ſhutterſtock", "AP Photo/Jo", "AFP PHOTO", "upload.wikimedia.org/x", "© 2024",
        "(Photo by Jo)", "All Rights Reserved", "ALL RIGHTS RESERVED.",
    ]
    bylines = ["by Jane", "BY | Mar 3", "Posted on May 5", "PUBLISHED BY staff", "Updated on", "News | 4 min read"]
    bios = ["John Smith is a staff reporter.", "Ana is the editor", "Ann Bee Cee is our senior fellow"]
    for text in credits:
        assert _CREDIT.search(text) and _may_be_credit(text), text
    for text in bylines:
        assert _BYLINE.match(text) and _may_be_byline(text), text
    for text in bios:
        assert _BIO.match(text) and _may_be_bio(text), text
    for text in _EDGE_TEXTS:
        assert _may_be_credit(text) or not _CREDIT.search(text), text
        assert _may_be_byline(text) or not _BYLINE.match(text), text
        assert _may_be_bio(text) or not _BIO.match(text), text


def test_squeeze_agrees_with_split_and_join():
    from build_scripts.text.lines import squeeze

    for text in _EDGE_TEXTS + ["a\x1cb", "a\rb", "a\x0bb", "a\u3000b", "a \u2028 b", "x\x85y", "ok fine"]:
        assert squeeze(text) == " ".join(text.split()), repr(text)


def test_every_control_character_is_unprintable():
    # body_lines strips controls only from lines with an unprintable character.
    from build_scripts.text.clean import _CONTROLS

    removed = _CONTROLS.findall("".join(map(chr, range(0x110000))))
    assert removed and "\n" not in removed and not any(c.isprintable() for c in removed)


def test_the_top_of_a_page_headline_standfirst_summary_and_byline_are_furniture():
    body = "\n".join([
        "Explainer: floods close the coast road",
        "Floods close the coast road",
        "Three towns are cut off as the river rises",
        "Three towns are cut off as the river rises",
        "- The river rose two metres overnight",
        "- Schools are closed until Monday.",
        "By Ann Lee | 3 March 2024",
        "The river rose two metres overnight and closed the coast road between the three towns.",
        "- Pumps were brought in from the next county.",
        "Repairs will start when the water falls, the council said.",
    ])
    kinds = _kinds(body, SourceMeta(title="Explainer: floods close the coast road", author="Ann Lee"))
    assert [k[:2] for k in kinds] == [
        ("furniture", "headline (shown as the page title)"),
        ("furniture", "headline (shown as the page title)"),
        ("furniture", "headline or standfirst (the page shows it twice)"),
        ("furniture", "repeated line (headline, byline or name)"),
        ("furniture", "summary at the top of the article"),
        ("furniture", "summary at the top of the article"),
        ("furniture", "byline"),
        ("text", ""),
        ("text", ""),  # a list item in the body is article text
        ("text", ""),
    ]


def test_a_line_without_a_full_stop_is_no_article_text_unless_it_leads_into_a_quotation():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Councillors in the chamber during the debate. Photo: Town Gazette / Jo Moss",
        "The mayor opened the debate with a warning to the members about the deficit. She said:",
        "“We cannot spend what we do not have.”",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""),
        ("furniture", "no full stop (headline, standfirst, summary line or caption)"),
        ("text", ""),
        ("text", ""),
    ]


def test_the_outlet_speaking_to_its_reader_and_the_authors_bio_are_furniture():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Town Gazette subscribers can download our guide to the budget.",
        "Support independent local journalism. Become a member from 5 euros a month.",
        "This story will be updated.",
        "The vote is on Friday, when the council will also elect a new chair for the year.",
        "Ann Lee covers local politics for the Town Gazette.",
        "Ann Lee is the Town Gazette's politics correspondent.",
    ])
    kinds = _kinds(body, SourceMeta(publisher="Town Gazette", author="Ann Lee"))
    assert [k[:2] for k in kinds] == [
        ("text", ""),
        ("furniture", "promotion"),
        ("furniture", "promotion"),
        ("furniture", "note to the reader (update, credit or continuation)"),
        ("text", ""),
        ("furniture", "author bio"),
        ("furniture", "author bio"),
    ]


def test_a_reporter_quoted_in_the_text_is_no_bio_and_a_paper_quoted_is_no_promotion():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Ann Lee, a councillor, said the members had read the report before the vote.",
        "The mayor told the Town Gazette that the budget would be balanced by next year.",
    ])
    kinds = _kinds(body, SourceMeta(publisher="Town Gazette", author="Jo Moss"))
    assert [k[0] for k in kinds] == ["text", "text", "text"]


def test_a_pull_quote_set_apart_is_furniture_and_its_sentence_in_the_text_is_not():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "> “We cannot spend what we do not have.” — Mayor Ana Lopez",
        "> A budget is a promise to the town.",
        "“We cannot spend what we do not have,” the mayor said. A budget is a promise to the town.",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""), ("furniture", "pull quote"), ("furniture", "pull quote"), ("text", ""),
    ]


def test_opinion_is_marked_by_a_comment_heading_or_the_outlets_own_view_but_not_by_analysis():
    body = "\n".join([
        "ANALYSIS",
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "The deficit is larger than last year. In our view, the council waited too long.",
        "The vote is on Friday, when the council will also elect a new chair for the year.",
        "Comment",
        "The council should publish its accounts every month, not once a year.",
    ])
    blocks = classify_lines(body_lines(body), SourceMeta())
    assert [(b.kind, b.opinion) for b in blocks] == [
        ("heading", False), ("text", False), ("text", True), ("text", False), ("heading", True), ("text", True),
    ]


def test_a_summary_without_list_marks_under_a_labelled_headline_is_furniture():
    body = "\n".join([
        "Coast road: floods cut off three towns as the river rises.",
        "Pumps are brought in from the next county.",
        "The council warns of more rain.",
        "What happened",
        "The river rose two metres overnight and closed the coast road between the three towns.",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("furniture", "summary at the top of the article"),
        ("furniture", "summary at the top of the article"),
        ("furniture", "summary at the top of the article"),
        ("heading", ""),
        ("text", ""),
    ]


def test_short_opening_paragraphs_without_a_labelled_headline_stay_text():
    body = "\n".join([
        "The mayor signed the decree on Sunday.",
        "He called it a necessary step.",
        "What happens next",
        "The council must now approve the decree before it can take effect in the town.",
    ])
    assert [k[0] for k in _kinds(body)] == ["text", "text", "heading", "text"]


def test_news_that_speaks_to_the_reader_is_not_a_promotion():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Members of the public who saw the fire are asked to call police if you can help.",
        "“If you want to help, donate blood at the town hall,” the mayor said on Monday.",
        "“The hospital is full. Donate blood if you can,” the mayor said on Monday.",
    ])
    assert [k[0] for k in _kinds(body, SourceMeta(publisher="Town Gazette"))] == ["text"] * 4


def test_share_rows_datelines_with_a_bar_and_also_read_links_are_furniture():
    body = "\n".join([
        "Town Gazette | 19 March 2025, 07:15",
        "Share this article: Facebook | X | LinkedIn | Email",
        "Listen to this article · 4 min",
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Also read: The council's budget in ten charts",
        "The vote is on Friday, when the council will also elect a new chair for the year.",
        "Share on X · Share on Facebook · Copy link",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("furniture", "byline"),
        ("furniture", "share button"),
        ("furniture", "promotion"),
        ("text", ""),
        ("furniture", "link to other stories"),
        ("text", ""),
        ("furniture", "share button"),
    ]


def test_a_short_line_naming_x_or_email_in_a_sentence_is_not_a_share_row():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Budrys shared the news on X and by email.",
        "Results | Turnout was 64 percent.",
    ])
    assert [k[0] for k in _kinds(body)] == ["text", "text", "text"]


def test_a_first_paragraph_the_page_also_shows_as_its_summary_is_kept_once():
    line = "The council approved the budget on Tuesday after a debate that lasted into the night."
    body = "\n".join([line, "By Ann Lee | 3 March 2024", line,
                      "The vote was 12 to 3, the clerk said after the meeting."])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""), ("furniture", "byline"), ("furniture", "repeated line (headline, byline or name)"), ("text", ""),
    ]


def test_notes_to_the_reader_credits_and_calls_to_click_are_furniture():
    body = "\n".join([
        "The council met on Tuesday to discuss the budget for the coming year in full.",
        "Story continues below advertisement.",
        "The vote is on Friday, when the council will also elect a new chair for the year.",
        "Click here to read the full budget.",
        "Additional reporting by Jo Moss in Riga.",
        "This article was amended on 4 March 2024 to correct the date of the vote.",
        "Reporting by the Town Gazette found that the council had overspent in 2023.",
    ])
    assert [k[:2] for k in _kinds(body)] == [
        ("text", ""),
        ("furniture", "note to the reader (update, credit or continuation)"),
        ("text", ""),
        ("furniture", "promotion"),
        ("furniture", "note to the reader (update, credit or continuation)"),
        ("furniture", "note to the reader (update, credit or continuation)"),
        ("text", ""),
    ]
