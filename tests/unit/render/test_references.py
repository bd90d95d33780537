"""References as on Wikipedia (issue 17): a short label per footnote, the quoted sentence only where it
is not the statement shown, and who reports a statement as a line of source chips."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from build_scripts.model import Claim, Document, PartialDate, Sentence, Source, SourceMeta, Statement
from build_scripts.render.citation import card_anchor, footnote, plain_title, short_label, short_name
from build_scripts.render.corroboration import UNKNOWN_TITLE, corroboration_line
from build_scripts.render.escape import md_text
from build_scripts.render.sources_used import one_definition_each, sources_used
from build_scripts.render.statement import render_statement
from build_scripts.text.document import build_document

PAGE = "topics/treaty.md"
CARD = "../sources/src.md#untitled-article-opening-words-some-words-of-the-article"
"""Where a label of the source "src" (no title, its text "Some words of the article. …") links."""


def _doc(sid: str, body: str = "Some words of the article. And more.", **meta) -> Document:
    return build_document(Source(sid, Path(f"{sid}.md"), SourceMeta(**meta), body, 1))


def _sentence(sid: str, text: str, anchor: str = "s-0123456789") -> Sentence:
    return Sentence(sid, anchor, text, 0, 0)


# --- the short label -------------------------------------------------------------------------------

def test_a_known_publisher_is_the_short_name_and_the_label_gives_the_date():
    doc = _doc("a", publisher="The Vaultz News", title="A long title", date=PartialDate(2025, 6, 30))
    assert short_name(doc) == "The Vaultz News"
    assert short_label(doc) == "The Vaultz News, 30 June 2025"


def test_an_unknown_publisher_is_named_by_the_titles_first_words_marked_as_such():
    doc = _doc("a", title="Ukraine, Eastern European NATO Countries to Leave")
    assert short_name(doc) == "“Ukraine, Eastern European…”"
    assert short_label(doc) == "“Ukraine, Eastern European…”, publisher unknown, n.d."


def test_an_untitled_article_without_publisher_is_named_by_its_opening_words():
    doc = _doc("a", "Ukraine is joining other countries in withdrawing. More text follows.",
               date=PartialDate(2025))
    assert short_name(doc) == "“Ukraine is joining…”"
    assert short_label(doc) == "“Ukraine is joining…”, publisher unknown, 2025"


def test_a_short_name_keeps_a_short_title_whole_and_drops_a_dangling_comma():
    assert short_name(_doc("a", title="Mines")) == "“Mines”"
    three = "“Ukrainian President, Volodymyr…”"
    assert short_name(_doc("a", title="Ukrainian President, Volodymyr Zelenskyy")) == three
    assert short_name(_doc("b", "Ukrainian President, Volodymyr signed it today.")) == three
    assert short_name(_doc("c", "In Kyiv, officials said so today.")) == "“In Kyiv, officials…”"
    assert short_name(_doc("d", "One, two, three, four.")) == "“One, two, three…”"


def test_the_short_name_is_the_same_on_every_call():
    doc = _doc("a", "Ukraine is joining other countries in withdrawing.")
    assert {short_name(doc) for _ in range(3)} == {"“Ukraine is joining…”"}


# --- the footnote ----------------------------------------------------------------------------------

def test_a_footnote_links_its_label_to_the_source_page_and_its_sentence_to_the_archive():
    doc = _doc("src", publisher="Paper", date=PartialDate(2025, 6, 30), url="https://example.org/a")
    sentence = _sentence("src", "Russia is not a party to the convention.")
    note = footnote(PAGE, doc, sentence)
    assert note.startswith(f"[^src-s-0123456789]: [Paper, 30 June 2025]({CARD}) — “Russia is not a party")
    assert "[archived sentence](../sources/src.md#s-0123456789)" in note
    assert " · [original ↗](<https://example.org/a#:~:text=Russia%20is%20not%20a%20party" in note


def test_a_footnote_quotes_its_sentence_only_where_it_is_not_the_statement_shown():
    doc = _doc("src", publisher="Paper")
    sentence = _sentence("src", "Russia is not a party to the convention.")
    same = footnote(PAGE, doc, sentence, "Russia is not a party to the  convention.")  # whitespace aside
    assert same == f"[^src-s-0123456789]: [Paper, n.d.]({CARD}) · [archived sentence](../sources/src.md#s-0123456789)"
    other = footnote(PAGE, doc, sentence, "Moscow never joined the treaty.")
    assert " — “Russia is not a party to the convention.” [archived sentence]" in other
    assert "“" in footnote(PAGE, doc, sentence)  # nothing shown: quoted


def test_an_unknown_publishers_label_says_so_and_is_escaped():
    doc = _doc("src", title="*Breaking* [news](http://evil.example) about mines today")
    note = footnote(PAGE, doc, _sentence("src", "x"))
    label = note.split("](../sources/src.md#")[0].split("]: [", 1)[1]
    assert label == "“\\*Breaking\\* \\[news\\]\\(http://evil.example\\) about…”, publisher unknown, n.d."
    html = markdown.markdown(note.split("]: ", 1)[1])
    assert "<em>" not in html and "evil.example\"" not in html


def test_a_merged_statement_quotes_the_other_members_only():
    docs = {sid: _doc(sid, publisher=f"Paper {sid}") for sid in ("a", "b", "c")}
    shown = _sentence("a", "Russia is not a party to the convention.", "s-000000000a")
    same_words = _sentence("b", "Russia is not a party to the convention.", "s-000000000b")
    own_words = _sentence("c", "Moscow has never joined the treaty.", "s-000000000c")
    claim = Claim("c-1", (shown, same_words, own_words))
    lines, notes = render_statement(Statement(shown, 1, claim), PAGE, docs, 3)
    assert lines[0] == "- Russia is not a party to the convention.[^a-s-000000000a][^b-s-000000000b][^c-s-000000000c]"
    assert [("“" in n) for n in notes] == [False, False, True]
    assert "“Moscow has never joined the treaty.”" in notes[2]


def test_a_footnote_cited_twice_keeps_its_quotation():
    """The same sentence shown as a statement (no quotation) and cited by a box (quoted): one
    definition stays, the quoted one, where the first was."""
    doc = _doc("src", publisher="Paper")
    sentence = _sentence("src", "Russia is not a party to the convention.")
    short = footnote(PAGE, doc, sentence, sentence.text)
    full = footnote(PAGE, doc, sentence)
    other = footnote(PAGE, doc, _sentence("src", "Other.", "s-1111111111"))
    page = f"- {sentence.text}[^src-s-0123456789]\n\n{short}\n{other}\n{full}\n"
    merged = one_definition_each(page)
    assert merged == f"- {sentence.text}[^src-s-0123456789]\n\n{full}\n{other}\n"
    assert one_definition_each(merged) == merged
    assert one_definition_each(f"x[^a]\n\n{short}\n") == f"x[^a]\n\n{short}\n"


def test_a_footnote_defined_over_several_lines_is_left_as_it_is():
    page = "x[^a]\n\n[^a]: one\n    more of it\n[^a]: another, longer\n"
    assert one_definition_each(page) == page


def test_the_sources_used_section_follows_one_definition_each():
    doc = _doc("src", publisher="Paper")
    sentence = _sentence("src", "Russia is not a party to the convention.")
    notes = [footnote(PAGE, doc, sentence, sentence.text), footnote(PAGE, doc, sentence)]
    page = f"- {sentence.text}[^src-s-0123456789]\n\n" + "\n".join(notes) + "\n"
    out = sources_used(page, PAGE, {"src": doc})
    assert out.count("[^src-s-0123456789]:") == 1 and "“Russia is not a party" in out


# --- the source chips ------------------------------------------------------------------------------

def _claim(n: int, copy_groups: tuple[tuple[str, ...], ...] = (), **meta) -> tuple[Statement, dict[str, Document]]:
    docs = {f"s{i}": _doc(f"s{i}", f"Opening words number {i} of it. More.", **meta) for i in range(n)}
    members = tuple(_sentence(sid, "Russia is not a party.") for sid in docs)
    claim = Claim("c", members, copy_groups, tuple("is not a party" for _ in copy_groups))
    return Statement(members[0], 1, claim), docs


def test_one_source_has_no_chips():
    st, docs = _claim(1, publisher="Paper")
    assert corroboration_line(st, docs, 5, PAGE) == ""
    assert corroboration_line(Statement(st.sentence, 1), docs, 5, PAGE) == ""


def test_independent_sources_are_chips_linking_to_their_pages():
    st, docs = _claim(3, publisher="Paper")
    line = corroboration_line(st, docs, 5, PAGE)
    assert line == ("Reported by 3 of 5 sources, all independent: [Paper](../sources/s0.md) [Paper](../sources/s1.md) "
                    "[Paper](../sources/s2.md)")


def test_copies_stand_together_at_the_end_and_count_once():
    st, docs = _claim(4, (("s1", "s3"),), publisher="Paper")
    line = corroboration_line(st, docs, 4, PAGE)
    assert line == ("Reported by 4 of 4 sources, 3 of them independent: [Paper](../sources/s0.md) "
                    "[Paper](../sources/s2.md); [Paper](../sources/s1.md) = [Paper](../sources/s3.md) "
                    "share the words “is not a party…” and count once")


def test_one_publishers_sources_stand_together_dated_and_count_once():
    st, docs = _claim(3, publisher="Paper", date=PartialDate(2025, 10, 15))
    st = Statement(st.sentence, 1, Claim("c", st.claim.members, publisher_groups=(("s0", "s2"),)))
    line = corroboration_line(st, docs, 3, PAGE)
    assert line == ("Reported by 3 of 3 sources, 2 of them independent: [Paper](../sources/s1.md); "
                    "[Paper, 15 October 2025](../sources/s0.md) = [Paper, 15 October 2025](../sources/s2.md) "
                    "come from one publisher and count once")


def test_a_copy_and_a_publisher_sharing_a_source_are_one_voice():
    members = tuple(_sentence(f"s{i}", "Russia is not a party.") for i in range(4))
    claim = Claim("c", members, (("s0", "s1"),), ("is not a party",), publisher_groups=(("s1", "s2"),))
    assert claim.independent == 2


def test_an_unknown_publishers_chip_shows_its_first_words_with_a_tooltip_saying_so():
    st, docs = _claim(2)
    line = corroboration_line(st, docs, 2, PAGE)
    assert f'[“Opening words number…”](../sources/s0.md "{UNKNOWN_TITLE}")' in line
    html = markdown.markdown(line)
    assert f'title="{UNKNOWN_TITLE}"' in html and "“Opening words number…”</a>" in html


@pytest.mark.parametrize("publisher", ["[x](http://evil.example)", "<script>alert(1)</script>", "{: .evil }"])
def test_a_chip_is_inert(publisher):
    st, docs = _claim(2, publisher=publisher)
    html = markdown.markdown(corroboration_line(st, docs, 2, PAGE), extensions=["attr_list"])
    assert "<script" not in html and "evil.example\"" not in html and 'class="evil"' not in html


# --- the card's anchor -----------------------------------------------------------------------------

@pytest.mark.parametrize("meta", [
    {"title": "Ukraine, Eastern European NATO Countries to Leave Anti-Landmine Treaty"},
    {"title": "Київ виходить з Оттавської конвенції"},
    {"title": "*Breaking*: 165 [states] & <b>parties</b> — “quoted”"},
    {},
])
def test_a_labels_anchor_is_the_id_the_source_pages_heading_gets(meta):
    """The heading is ``# <title>`` (``page-head.md.j2``); MkDocs' ``toc`` names it."""
    doc = _doc("src", "Київ заявив про вихід. Another sentence.", **meta)
    html = markdown.markdown(f"# {md_text(plain_title(doc))}", extensions=["toc", "attr_list"])
    assert f'<h1 id="{card_anchor(doc)}">' in html, html


def test_a_quoted_sentence_with_quotation_marks_of_its_own_is_set_in_italics_not_doubled():
    doc = _doc("src", publisher="Paper")
    sentence = _sentence("src", "“We cannot remain bound when the enemy has no limits,” he said.")
    note = footnote(PAGE, doc, sentence, "Another statement.")
    assert "— *“We cannot remain bound when the enemy has no limits,” he said.* [archived sentence]" in note
    assert "““" not in note
    plain = footnote(PAGE, doc, _sentence("src", "The treaty bans anti-personnel mines."), "Another statement.")
    assert "— “The treaty bans anti-personnel mines.” [archived sentence]" in plain
