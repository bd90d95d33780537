"""The generator's footnotes written as HTML (``publish.footnotes``): what Python-Markdown's
``footnotes`` extension makes of the same markdown, on every generated page of the seed case and
on made-up text full of markdown; pages it cannot write so are left to Python-Markdown."""

from __future__ import annotations

import random
import re

import pytest

from build_scripts.publish import footnotes
from build_scripts.render.escape import md_text, quoted
from build_scripts.render.links import original_link
from tests.unit.publish.python_markdown import EXTENSIONS, GOLDEN, SETTINGS, body, convert


def _by_us(text: str) -> str:
    split = footnotes.apart(text)
    assert split is not None
    return footnotes.put(convert(split.markdown), split.html)



def _same_references(html: str) -> str:
    """Repeated references numbered alike (Python-Markdown numbers them in the order it walks
    its tree, which is not the reading order: see the test below)."""
    return re.sub(r"fnref\d*:", "fnref:", html)


def test_the_project_settings_are_ones_it_writes_for():
    assert footnotes.applies(EXTENSIONS, SETTINGS)
    assert not footnotes.applies([*EXTENSIONS, "smarty"], SETTINGS)  # would change a footnote's quotes
    assert not footnotes.applies(EXTENSIONS, {**SETTINGS, "footnotes": {"BACKLINK_TEXT": "^"}})
    assert not footnotes.applies(["toc", "tables"], {})  # no footnotes extension: references stay text


def test_every_generated_page_of_the_seed_is_written_as_python_markdown_writes_it():
    pages = [p for p in sorted(GOLDEN.rglob("*.md")) if "[^" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 15  # topics, countries, timeline, quotes, disagreements, home
    for page in pages:
        text = body(page)
        assert _same_references(_by_us(text)) == _same_references(convert(text)), page.name


_PIECES = ["a", "word", " ", "  ", "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", ";", "#", "!",
           "|", "{", "}", "\\", "^", "~", "=", ":", "-", ".", "+", '"', "'", "“", "”", "«", "»", "/", "Ω",
           "&amp;", "&#47;", "&copy;", "<b>", "</p>", "[^x-s-0123456789]", "///Footnotes Go Here///",
           "http://x.org/a?b=1&c=2", "1.", "- ", "> ", "{: #id }", "<!-- c -->", "\t", "é", "ł"]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))


def test_made_up_text_full_of_markdown_is_written_as_python_markdown_writes_it():
    rng = random.Random(20)
    lines, body = [], []
    for n in range(300):
        label = f"src-{n}-s-{n:010x}"
        name, sentence = _made_up(rng), _made_up(rng)
        if not md_text(name) or not md_text(sentence):
            continue
        text = f"[^{label}]: [{md_text(name)}](../sources/src-{n}.md#card)"
        text += (f" — {quoted(sentence)} [archived sentence](../sources/src-{n}.md#s-{n})" if n % 3
                 else f" · [archived sentence](../sources/src-{n}.md#s-{n})")
        if n % 2:
            text += f" · [original ↗](<{original_link('https://example.org/a b?x=1&y=2#old', sentence)}>)"
        lines.append(text)
        body.append(f"- {md_text(_made_up(rng))}[^{label}] {md_text(_made_up(rng))}")
    page = "# Page\n\n" + "\n".join(body) + "\n\n" + "\n".join(lines) + "\n\n" + footnotes.MARKER + "\n\n## End\n"
    assert footnotes.apart(page) is not None
    assert _by_us(page) == convert(page)


def test_repeated_references_are_numbered_in_reading_order():
    """Python-Markdown walks nested lists after their parents' text: the first citation of a
    note on the page could be its second (``fnref2``). Here the first read is the first."""
    label = "a-s-0123456789"
    page = (f"- Event one.\n    - *Other:* wording.[^{label}]\n- Event two.[^{label}]\n\n"
            f"[^{label}]: [A](../sources/a.md#t) · [archived sentence](../sources/a.md#s-1)\n")
    html = _by_us(page)
    assert html.index(f'id="fnref:{label}"') < html.index(f'id="fnref2:{label}"')
    back = '<a class="footnote-backref" href="#{}:{}" title="Jump back to footnote 1 in the text">&#8617;</a>'
    assert back.format("fnref", label) + back.format("fnref2", label) in html
    assert _same_references(html) == _same_references(convert(page))


_DEFINITION = "[^a-s-0123456789]: [A](../sources/a.md#t) · [archived sentence](../sources/a.md#s-1)"


@pytest.mark.parametrize("page", [
    "No footnotes here.",
    "Text.[^1]\n\n[^1]: A researcher's own note.\n",  # a label the generator does not write
    f"Text.[^a-s-0123456789][^1]\n\n{_DEFINITION}\n[^1]: Theirs.\n",  # one of the page's is not ours
    f"Text.[^a-s-0123456789]\n\n{_DEFINITION}\nand a line more of the same note.\n",
    f"Text.[^a-s-0123456789]\n\n{_DEFINITION}\n\n    an indented block of the same note\n",
    f"```\ncode [^a-s-0123456789]\n```\n\n{_DEFINITION}\n",
    f"Text.[^a-s-0123456789] ///Footnotes Go Here/// in a paragraph.\n\n{_DEFINITION}\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: [A](../sources/a.md#t) `code`\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: [A](page.html) a link to no markdown page\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: <b>raw</b>\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: ***strong and emphasised***\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: <mark>a tag a line of the body may hold</mark>\n",
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: [A](/docs/a.md) an absolute link: MkDocs' settings\n",
    # Python-Markdown reads this note as the definition of a link named "Foo\\", and drops it.
    "Text.[^a-s-0123456789]\n\n[^a-s-0123456789]: [Foo\\]: News](../sources/a.md#t) · [archived](a.md#s-1)\n",
    "# A heading cites[^a-s-0123456789]\n\n" + _DEFINITION + "\n",  # its id is made of its text
])
def test_what_it_does_not_write_is_left_to_python_markdown(page):
    assert footnotes.apart(page) is None


def test_a_page_under_serve_is_taken_apart_once_while_its_markdown_is_unchanged(monkeypatch):
    pages = footnotes.Pages()
    pages.configure(EXTENSIONS, SETTINGS)
    text = f"Text.[^a-s-0123456789]\n\n{_DEFINITION}\n"
    calls = []
    real = footnotes.apart
    monkeypatch.setattr(footnotes, "apart", lambda *a: calls.append(1) or real(*a))
    for _ in range(3):
        pages.start()
        assert footnotes.SLOT in pages.apart("t.md", text)
        assert pages.block("t.md").startswith('<div class="footnote">')
    assert len(calls) == 1
    pages.start()
    assert pages.apart("t.md", text + "More.\n") and len(calls) == 2
    pages.start()
    assert pages.block("t.md") is None  # a new build knows no page until it is handed over
    pages.configure(["toc", "smarty", "footnotes"], {})
    assert pages.apart("t.md", text) == text
