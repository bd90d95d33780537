"""Lines of a page written as HTML before conversion (``publish.inline_stash``, with
``publish.inline_markdown``): the page comes out as Python-Markdown alone writes it, on every
generated page of the seed case and on made-up pages full of markdown; what it cannot write is
left to Python-Markdown."""

from __future__ import annotations

import random
import re

import pytest

from build_scripts.publish import atomic_stand_ins, footnotes, inline_stash
from build_scripts.publish.inline_markdown import inline
from tests.unit.publish.python_markdown import EXTENSIONS, GOLDEN, body, convert


def _leaks(html: str) -> str:
    """Python-Markdown's own placeholders for raw HTML where they leak out (raw HTML inside
    emphasis that spans it, say), without their numbers: they count the raw HTML before them, of
    which there is less once lines are written here."""
    return re.sub(r"(klzzwx[^0-9]{0,12}?)[0-9]{4}", r"\1N", html)  # ("klzzwx</em>:0003" when emphasis cut it)


def _by_us(text: str) -> tuple[str, int]:
    """The page converted with its lines stashed, and how many were; with the stand-ins passed over
    by the inline processing (``atomic_stand_ins``) or not, the same."""
    stashed = inline_stash.stash(text)
    if stashed is None:
        return convert(text), 0
    converted = convert(stashed.markdown)
    assert convert(stashed.markdown, [atomic_stand_ins.NAME]) == converted
    html, every = inline_stash.put(converted, stashed.parts)
    assert every
    return html, len(stashed.parts)



def test_the_project_settings_are_ones_it_writes_for():
    assert inline_stash.applies(EXTENSIONS)
    assert not inline_stash.applies([*EXTENSIONS, "smarty"])  # would change quotes in the text
    assert not inline_stash.applies([*EXTENSIONS, "md_in_html"])  # markdown inside raw HTML


def test_every_generated_page_of_the_seed_is_written_as_python_markdown_writes_it():
    stashed = 0
    pages = sorted(GOLDEN.rglob("*.md"))
    assert len(pages) >= 15
    for page in pages:
        text = body(page)
        split = footnotes.apart(text)  # as the hook hands it over: references raw HTML
        text = split.markdown if split is not None else text
        html, n = _by_us(text)
        assert html == convert(text), page.name
        stashed += n
    assert stashed > 300  # the timeline, countries, topics, quotations: most of their lines


_WRITTEN = ["a", "word", " ", "“", "”", "/", "Ω", "é", "ł", ".", ",", ":", "(", ")", "!", ">", "&", "'", '"',
            "\\*", "\\[", "\\(", "\\|", "\\_", "&amp;", "&#47;", "&copy;", "<mark>", "</mark>", "*emphasis*",
            "**strong**", "[a link](page.md)", "[to an anchor](../a/b.md#s-1)", '[with a title](page.md "a title")',
            "[an address](https://x.org/a?b=1&c=2)", "<mark>a date</mark>",
            '<span class="quote-text">“*a* quote”</span>',
            '<sup id="fnref:a-s-0123456789"><a class="footnote-ref" href="#fn:a-s-0123456789">1</a></sup>']
"""Pieces of the text the generator writes: a line of them alone is written here, mostly."""
_TRICKY = ["  ", "*", "**", "_", "`", "[", "]", "<", ";", "#", "|", "{", "}", "\\", "^", "~", "=", "-", "+",
           "<b>", "</p>", '<span class="quote-text">', "</span>", "[x](/abs.md)", "1.", "1. ", "- ", "> ",
           "{: #id }", "<!-- c -->", "![i](p.png)", "[^1]",
           "[a](b.md 'title')", "\ue000", "\t"]
"""Markup written otherwise, and characters that leave a line or a page to Python-Markdown."""


def _text(rng: random.Random) -> str:
    pieces = _WRITTEN if rng.random() < 0.7 else _WRITTEN + _TRICKY
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))


def _line(rng: random.Random) -> str:
    kind = rng.randrange(20)
    if kind < 10:
        return "    " * rng.choice([0, 0, 0, 1, 1, 2]) + rng.choice(["- ", "* ", "+ "]) + _text(rng)
    if kind < 14:
        return rng.choice(["", "    "]) + _text(rng)
    if kind < 17:
        return rng.choice(["", "", "", "   ", "\u00a0"])  # a no-break space is no blank line
    if kind < 19:
        return rng.choice(["{: .corroboration }", "    {: .note }", "# " + _text(rng), "1. " + _text(rng), "---",
                           "===", "a | b", "--- | ---", "<!--footnotes-->", "!!! note", "???+ details", "  - x",
                           "      - " + _text(rng), "        " + _text(rng), "[x]: https://x.org"])
    return rng.choice(["<div>", "</div>", "```", "<!-- a -->text", "\t- tabbed"])  # the rest of the page is left


def test_made_up_pages_full_of_markdown_are_written_as_python_markdown_writes_them():
    rng = random.Random(20)
    stashed = 0
    for _ in range(3000):
        page = "\n".join(_line(rng) for _ in range(rng.randint(1, 12))) + "\n"
        html, n = _by_us(page)
        assert _leaks(html) == _leaks(convert(page)), repr(page)
        stashed += n
    assert stashed > 300  # the comparison is not only of pages left alone


@pytest.mark.parametrize("text, html", [
    ("**August 2025** *(“last month”)*: a <mark>date</mark>.", "<strong>August 2025</strong> "
     "<em>(“last month”)</em>: a <mark>date</mark>."),
    ('[Gazette](../sources/a.md "publisher unknown:  first words") [b](https://x.org/?a=1&b=2)',
     '<a href="../sources/a.md" title="publisher unknown:  first words">Gazette</a> '
     '<a href="https://x.org/?a=1&amp;b=2">b</a>'),
    ("Wow! 3 &lt; 4 &amp; 5 > 2 \\*", "Wow! 3 &lt; 4 &amp; 5 &gt; 2 *"),
])
def test_a_line_is_written_as_python_markdown_writes_it(text, html):
    assert inline(text, tables=True, tags=True) == html
    assert convert(text) == f"<p>{html}</p>"


@pytest.mark.parametrize("text", [
    "**a*b**", "***a***", "*a [b](c.md)*", "[a *b*](c.md)", "<b>raw</b>", "![image](a.png)", "`code`",
    "[a](page.html)", "[a](/abs.md)", "[a](b.md 'title')", '[a](b.md "t(x)")', "a_b", "x  ", "{: .x }",
])
def test_what_it_does_not_write_is_left_to_python_markdown(text):
    assert inline(text, tables=True, tags=True) is None


@pytest.mark.parametrize("page", [
    "Text\twith a tab\n\n- an item\n",
    "```\n- in code\n```\n",
    "- \ue0001\ue001 a stand-in already\n",
    "- before\n\n<figure>\n\n- inside raw HTML\n\n</figure>\n\n- after\n",  # a parser reads it all
    "- an *item* with a <b>tag</b>\n",
    "- an item\ncontinued lazily\n",
    "- an item\n        - two levels down\n",
    "A paragraph\n---\n",  # a heading, its id made of its text
    "# A heading\n",
    "- a | b\n- --- | ---\n",  # a table
    "- an item\n\n<!--slot-->\n\n    code, not the item's continuation\n",
    "   \n- an item continued: spaces on the first line make no blank line\n",
    "- an item\n\u00a0\n- continued by a line of a no-break space\n",
])
def test_pages_or_lines_it_cannot_write_are_left_to_python_markdown(page):
    stashed = inline_stash.stash(page)
    assert stashed is None or not any(text in part for part in stashed.parts
                                      for text in ("continued", "down", "code", "inside"))
    assert _by_us(page)[0] == convert(page)


def test_an_indented_block_after_a_paragraph_is_code():
    page = "Intro\n\n    - code, not an item\n\n- an item\n\n    a paragraph of the item\n"
    stashed = inline_stash.stash(page)
    assert stashed is not None and stashed.parts == ("Intro", "an item", "a paragraph of the item")
    assert _by_us(page)[0] == convert(page)


def test_a_stand_in_not_found_after_conversion_is_reported():
    assert inline_stash.put("<p>\ue0000\ue001</p>", ("a", "b")) == ("<p>a</p>", False)
    assert inline_stash.put("<p>\ue0001\ue001 \ue0000\ue001</p>", ("a", "b")) == ("<p>b a</p>", True)


def test_a_page_under_serve_is_stashed_once_while_its_markdown_is_unchanged(monkeypatch):
    pages = inline_stash.Pages()
    pages.configure(EXTENSIONS)
    pages.start()
    first = pages.apart("a.md", "- *one*\n- two\n")
    parts = pages.parts("a.md")
    assert parts == ("<em>one</em>", "two") and "\ue000" in first
    calls = []
    monkeypatch.setattr(inline_stash, "stash", lambda *args: calls.append(args))
    pages.start()
    assert pages.apart("a.md", "- *one*\n- two\n") == first
    assert pages.parts("a.md") is parts and not calls
    pages.configure([*EXTENSIONS, "smarty"])
    pages.start()
    assert pages.apart("b.md", "- two\n") == "- two\n" and pages.parts("b.md") is None


def test_a_page_written_otherwise_is_left_as_it_is():
    """Under ``mkdocs serve`` a source page is looked at by ``direct_pages`` only when its
    markdown changed: the stash asks it then, and remembers the answer with the markdown."""
    pages = inline_stash.Pages()
    pages.configure(EXTENSIONS)
    pages.start()
    asked = []

    def written_otherwise(markdown: str) -> object:
        asked.append(markdown)
        return object() if markdown.startswith("# Source") else None

    assert pages.apart("s.md", "# Source\n\n- *an item*\n", written_otherwise) == "# Source\n\n- *an item*\n"
    assert pages.parts("s.md") is None
    assert pages.apart("t.md", "- *an item*\n", written_otherwise) == "- \ue0000\ue001\n"
    pages.start()
    pages.apart("s.md", "# Source\n\n- *an item*\n", written_otherwise)
    assert asked == ["# Source\n\n- *an item*\n", "- *an item*\n"]  # not asked again while unchanged


_CELLS = [*_WRITTEN[:20], "", "a \\| b", "<!--statements-3-->", "[a source](../sources/a.md)", "*e*", "**s**"]
_ODD_CELLS = ["`code`", "\\\\", "<b>", "<!-- a -- b -->", "[^1]", "x\\", "a `|` b", "\\`"]
"""Cells that leave a table to Python-Markdown."""
_SEPARATORS = ["---", ":---", "---:", ":---:", "-", " --- ", ":-:"]
_ODD_SEPARATORS = ["", ":", "-- -", "x"]


def _cell(rng: random.Random) -> str:
    return rng.choice(_ODD_CELLS if rng.random() < 0.03 else _CELLS)


def _table(rng: random.Random) -> str:
    columns = rng.randint(1, 4)
    rows = [[_cell(rng) for _ in range(columns)] for _ in range(rng.randint(0, 4))]
    if rng.random() < 0.1 and rows:
        rows[-1] = rows[-1][:-1]  # a row short of a cell
    lines = ["| " + " | ".join(rng.choice(["Title", "A b", "*c*", "", "n"]) for _ in range(columns)) + " |",
             "|" + "|".join(rng.choice(_ODD_SEPARATORS if rng.random() < 0.03 else _SEPARATORS)
                            for _ in range(columns)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if rng.random() < 0.1:
        lines[rng.randrange(len(lines))] += rng.choice([" ", "x", " \\|"])  # no pipe at the end
    return "\n".join(rng.choice(["", "    ", " "]) + line if rng.random() < 0.05 else line for line in lines)


def test_tables_are_written_as_the_tables_extension_writes_them():
    rng = random.Random(21)
    tables = 0
    for _ in range(1500):
        blocks = [_table(rng) if rng.random() < 0.7 else "\n".join(_line(rng) for _ in range(rng.randint(1, 3)))
                  for _ in range(rng.randint(1, 3))]
        page = "\n\n".join(blocks) + "\n"
        html, _ = _by_us(page)
        assert _leaks(html) == _leaks(convert(page)), repr(page)
        stashed = inline_stash.stash(page)
        tables += sum(part.startswith("<table>") for part in stashed.parts) if stashed else 0
    assert tables > 300  # the comparison is not only of tables left to Python-Markdown


def test_a_table_is_left_to_python_markdown_unless_the_extension_has_its_defaults():
    page = "Intro\n\n| a | b |\n|---|--:|\n| *x* | <!--n--> |\n"
    written = inline_stash.stash(page)
    assert written is not None and written.parts[0].startswith("<table>") and written.markdown.count("\n") == 3
    assert inline_stash.stash(page, table_blocks=False) is None  # and its comment is raw HTML
    pages = inline_stash.Pages()
    pages.configure(EXTENSIONS, {"tables": {"use_align_attribute": True}})
    pages.start()
    assert "| a | b |" in pages.apart("t.md", page)
    pages.configure(EXTENSIONS, {"toc": {"permalink": True}})
    pages.start()
    assert "| a | b |" not in pages.apart("t.md", page) and pages.parts("t.md")[0].startswith("<table>")


def test_a_table_stand_in_inside_a_paragraph_is_reported_not_put():
    table = "<table>\n<thead>\n</thead>\n<tbody>\n</tbody>\n</table>"
    assert inline_stash.put("<p>\ue0000\ue001</p>", (table,)) == (table, True)
    assert inline_stash.put("<p>a \ue0000\ue001</p>", (table,)) == ("<p>a \ue0000\ue001</p>", False)
