"""Inline markdown in a line of article text: the sentences are its plain words; the marks are
remembered for the source page; text that only looks like markup, and HTML, stay as written."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.text.anchors import anchor_for
from build_scripts.text.inline import Run, definitions, plain_and_runs
from build_scripts.text.lines import body_lines, marked_line, squeeze
from tests.unit.markup_text import TEXT


def _marked(text: str) -> tuple[str, list[tuple[str, bool, bool, str | None]]]:
    plain, runs = plain_and_runs(text)
    return plain, [(plain[r.start:r.end], r.strong, r.em, r.href) for r in runs]


def test_emphasis_links_and_images_become_their_words():
    line = ("The **East Shield** plan, *in italics*, __bold__, _italic_, ***both***, as "
            "[our earlier report](https://example.org/a_(b) \"Title\") showed ![a photo](p.jpg) here.")
    assert _marked(line) == (
        "The East Shield plan, in italics, bold, italic, both, as our earlier report showed here.",
        [("East Shield", True, False, None), ("in italics", False, True, None), ("bold", True, False, None),
         ("italic", False, True, None), ("both", True, True, None),
         ("our earlier report", False, False, "https://example.org/a_(b)")])


def test_a_link_holding_emphasis_is_one_link_and_escapes_are_their_character():
    plain, runs = plain_and_runs(r"See [the **full** text](<https://a.org/x y>) and \*this\* or <https://b.org/>.")
    assert plain == "See the full text and *this* or https://b.org/."
    assert [(plain[r.start:r.end], r.strong, r.href, r.link) for r in runs] == [
        ("the", False, "https://a.org/x y", 1), ("full", True, "https://a.org/x y", 1),
        ("text", False, "https://a.org/x y", 1), ("https://b.org/", False, "https://b.org/", 2)]


def test_a_reference_link_is_a_link_and_its_definition_no_line():
    body = ("As [our earlier report][1] showed, and [Reuters] said, the [plan][] is costly [here][X].\n"
            "[1]: https://example.org/r \"Title\"\n  [Plan]: <https://example.org/p>\n[x]: javascript:alert(1)\n")
    refs = definitions(body)
    assert refs == {"1": "https://example.org/r", "plan": "https://example.org/p", "x": "javascript:alert(1)"}
    [line] = body_lines(body)
    assert line.text == "As our earlier report showed, and [Reuters] said, the plan is costly here."
    marked = marked_line(body.split("\n")[0], refs)
    assert marked is not None and marked.text == line.text
    assert [(line.text[r.start:r.end], r.href, r.link) for r in marked.runs] == [
        ("our earlier report", "https://example.org/r", 1), ("plan", "https://example.org/p", 2),
        ("here", "javascript:alert(1)", 3)]
    # Without its definition, a reference is the text as written.
    assert plain_and_runs("the [plan][] and [a **b**][c]") == ("the [plan][] and [a b][c]", (Run(20, 21, strong=True),))


def test_text_that_only_looks_like_markup_is_left_as_it_is():
    for line in ["5 * 3 = 15 and 2*4", "file_name and snake_case_words", "Ukraine* and Poland**",
                 "a ** b ** c", "https://a.org/x_y_z and 3_000", "[1] and [note]", "[a] (b)", "* not a list here",
                 "<b>bold</b> and <script>alert(1)</script>", "x < y > z", "C:\\path\\file"]:
        assert plain_and_runs(line) == (squeeze(line), ()), line


def test_hostile_markup_stays_text_and_an_address_is_only_remembered():
    plain, runs = plain_and_runs("**<img src=x onerror=alert(1)>** and [x](javascript:alert(1)) <script>y</script>")
    assert plain == "<img src=x onerror=alert(1)> and x <script>y</script>"
    assert runs == (Run(0, 28, strong=True), Run(33, 34, href="javascript:alert(1)", link=1))


@given(TEXT)
def test_any_line_gives_squeezed_words_and_runs_inside_them(line):
    plain, runs = plain_and_runs(line)
    assert plain == squeeze(plain)
    ends = [(r.start, r.end) for r in runs]
    assert all(0 <= a < b <= len(plain) for a, b in ends)
    assert all(ends[i][1] <= ends[i + 1][0] for i in range(len(ends) - 1))  # in order, apart
    assert all(plain[a] != " " and plain[b - 1] != " " for a, b in ends)


@given(st.text(alphabet=st.characters(blacklist_characters="*_[\\<>\n", blacklist_categories=("Cs", "Cc"))))
def test_a_line_without_markup_reads_as_before(line):
    """Sentence anchors hash the line's words: without markup they are what they were."""
    assert plain_and_runs(line) == (squeeze(line), ())
    lines = body_lines(line)
    marked = marked_line(line)
    assert [x.text for x in lines] == ([marked.text] if marked and lines else [])


def test_a_block_quote_is_marked_and_its_marks_cut():
    lines = body_lines("> “We cannot spend what we do not have.” — Mayor\n> > *Nested* quote.\nPlain > text.\n")
    assert [(line.text, line.quote) for line in lines] == [
        ("“We cannot spend what we do not have.” — Mayor", True), ("Nested quote.", True), ("Plain > text.", False)]
    assert marked_line("> > *Nested* quote.") == marked_line("> > *Nested* quote.")
    nested = marked_line("> > *Nested* quote.")
    assert nested is not None and nested.quote and nested.runs == (Run(0, 6, em=True),)


def test_the_anchor_of_a_marked_sentence_is_that_of_its_words():
    [line] = body_lines("The **East Shield** plan was announced.")
    assert anchor_for(line.text) == anchor_for("The East Shield plan was announced.")


def test_long_lines_of_marks_are_read_at_once():
    started = time.monotonic()
    for line in ["*a " * 50_000, "**" * 50_000, "_a " * 50_000, "[" * 100_000, "[a](" + "b " * 50_000,
                 "**a" + " *" * 50_000, "![" + "a" * 100_000 + "](" + "b" * 100_000]:
        plain_and_runs(line)
    assert time.monotonic() - started < 5  # each pattern stops at its next mark: linear in the line
