"""Search as a reader uses it, in Chromium at desktop and phone sizes: a quoted phrase, Ukrainian and
Russian words, and snippets that show the sentence that matches.

The site is the seed corpus with two Cyrillic sources added (the seed holds Cyrillic only in
names): the Ukrainian fixture and a Russian one written here, both translating seed sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser.conftest import _serve
from tests.browser.support import DESKTOP, PHONE, expect, page_path, wait_for_search_ready
from tests.integration.site_build import LEFTOVER, ROOT, make_project, run_mkdocs_build

UKRAINIAN = ROOT / "tests" / "fixtures" / "sources" / "uk-zelenskyy-decree.md"
RUSSIAN = """---
title: Украина выходит из Оттавской конвенции
language: ru
notes: A test fixture; its sentences translate sentences of seed article 000 into Russian.
---
Министерство иностранных дел Украины назвало выход из договора трудным, но необходимым шагом.
Прежде чем выход вступит в силу, его должен ратифицировать украинский парламент.
"""

UKRAINIAN_APOSTROPHE = (
    "---\ntitle: Протипіхотні міни загрожують цивільним\nlanguage: uk\n"
    "notes: A test fixture; its sentence translates a sentence of seed article 000 into Ukrainian.\n---\n"
    "Ці пристрої часто приховані під землею і становлять довготривалу загрозу життю та здоров’ю "
    "цивільного населення навіть після завершення конфліктів.\n")

GLUED = re.compile(r"[^\W\d_]{2}[.,;:!?”’\"»)]?\d")
"""A word with a number stuck to its end, as a footnote's number once was ("land.45")."""


@pytest.fixture(name="search_site", scope="module")
def fixture_search_site(tmp_path_factory) -> Iterator[str]:
    """The seed site with a Ukrainian and a Russian source, served at the root."""
    sources = {path.name: path.read_bytes() for path in sorted((ROOT / "sources").glob("*.md"))}
    sources[UKRAINIAN.name] = UKRAINIAN.read_bytes()
    sources["ru-ministry-withdrawal.md"] = RUSSIAN
    sources["uk-mines-risk.md"] = UKRAINIAN_APOSTROPHE
    project = make_project(tmp_path_factory.mktemp("search-project"), sources)
    site = tmp_path_factory.mktemp("search") / "site"
    build = run_mkdocs_build(project, site)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{build.output}", pytrace=False)
    yield from _serve(site)


@pytest.fixture(name="reader", params=["desktop", "phone"])
def fixture_reader(request, open_page, search_site):
    """A page of the site at the home page, search ready, at a desktop or a phone's size."""
    if request.param == "phone":
        page, _ = open_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    else:
        page, _ = open_page(DESKTOP)
    page.goto(search_site)
    wait_for_search_ready(page)
    return page


def _results(page, query: str):
    """The result items for the whole query: typed at once (``fill``), not letter by letter, so the
    results shown are those of the whole query, not of a part typed so far."""
    box = page.locator("input.md-search__input")
    magnifier = page.locator('label.md-header__button[for="__search"]')
    (magnifier if magnifier.is_visible() else box).click()
    expect(box).to_be_focused()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"matching document", re.I))
    return page.locator("li.md-search-result__item")


def _snippet_pieces(page) -> list[list[str]]:
    """Each section's text in the pieces between the gaps the snippet marks (text left out)."""
    return page.locator("a.md-search-result__link article").evaluate_all(
        "els => els.map(a => Array.from(a.children).filter(c => !/^H[12]$/.test(c.tagName)).map(c => {"
        "  const copy = c.cloneNode(true);"
        "  copy.querySelectorAll('.search-gap').forEach(g => g.replaceWith('\\u0000'));"
        "  return copy.textContent; }).join('\\u0000').split('\\u0000')"
        ".map(p => p.trim()).filter(p => p.replace(/[\\s.,;:“”\"]/g, '')))")


def _snippets(page) -> list[str]:
    """The text of every section shown under a result (its title left out)."""
    return page.locator("a.md-search-result__link article").evaluate_all(
        "els => els.map(a => Array.from(a.children).filter(c => !/^H[12]$/.test(c.tagName))"
        ".map(c => c.textContent).join(' ').trim()).filter(Boolean)")


@pytest.mark.parametrize("query", ['"difficult but necessary"', "“difficult but necessary”"])
def test_a_quoted_phrase_finds_the_pages_quoting_it(reader, search_site, query):
    items = _results(reader, query)
    expect(items.first).to_be_visible()
    hrefs = reader.locator("a.md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    pages = {page_path(h, search_site) for h in hrefs}
    assert "quotes/" in pages, pages
    assert any(p.startswith("sources/") for p in pages), pages
    snippets = _snippets(reader)
    # Every section shown holds the phrase itself, not only its words somewhere.
    assert snippets and all("difficult but necessary" in re.sub(r"\s+", " ", s) for s in snippets), snippets


def test_a_quoted_phrase_needs_its_words_in_that_order(reader):
    """Each word is on many pages, "difficult but necessary" on several: in another order, on none."""
    _results(reader, '"necessary but difficult"')
    expect(reader.locator(".md-search-result__meta")).to_have_text(re.compile("No matching document", re.I))
    expect(reader.locator("li.md-search-result__item")).to_have_count(0)


@pytest.mark.parametrize(("query", "expected"), [
    pytest.param("Zelensky's", "Zelensky’s decree underscores", id="english"),
    pytest.param("здоров'ю", "життю та здоров’ю цивільного населення", id="ukrainian"),
])
def test_a_word_typed_with_a_straight_apostrophe_finds_it_written_with_another(reader, search_site, query, expected):
    items = _results(reader, query)
    expect(items.first).to_be_visible()
    expect(reader.locator("li.md-search-result__item", has_text=expected).first).to_be_visible()
    expect(reader.locator(".md-search-result__terms")).to_have_count(0)  # no form of it "missing"


@pytest.mark.parametrize(("query", "expected"), [
    pytest.param("Зеленський", "Президент України Володимир Зеленський", id="ukrainian"),
    pytest.param("конвенції", "вихід України з Оттавської конвенції", id="ukrainian-inflected"),
    pytest.param("необходимым", "трудным, но необходимым шагом", id="russian"),
])
def test_a_cyrillic_word_finds_its_source(reader, search_site, query, expected):
    items = _results(reader, query)
    expect(items.first).to_be_visible()
    first = items.first.locator("a.md-search-result__link").first
    assert page_path(first.get_attribute("href"), search_site).startswith("sources/")
    expect(items.first).to_contain_text(expected)
    expect(items.first.locator("mark").first).to_be_visible()


@pytest.mark.parametrize(("query", "sentence"), [
    # On a topic page the statements of a section form one long list; the snippet is the one that matches.
    pytest.param("ratified", re.compile(r"\bratified\b", re.I), id="topic-list"),
    pytest.param("Kostenko", re.compile(r"\bKostenko\b"), id="person"),
])
def test_a_snippet_shows_the_matching_sentence_with_no_number_glued_to_a_word(reader, query, sentence):
    items = _results(reader, query)
    expect(items.first).to_be_visible()
    snippets = _snippets(reader)
    assert snippets, "no section text shown"
    for snippet in snippets:
        assert not GLUED.search(snippet), snippet
    shown = [s for s in snippets if sentence.search(s)]
    assert shown, snippets
    for snippet in shown:
        # The matching sentences (two at most, a long one cut around the word), not the start of a
        # long section: each piece between the ellipses holds the word.
        assert len(snippet) <= 500, snippet
    for pieces in _snippet_pieces(reader):
        if any(sentence.search(p) for p in pieces):
            assert all(query.lower() in p.lower() for p in pieces), pieces
    marks = reader.locator("a.md-search-result__link article mark")
    expect(marks.first).to_be_visible()
    marked = marks.evaluate_all("els => els.map(m => m.textContent)")
    assert marked and all(query.lower() in m.lower() for m in marked), marked


def test_glued_pattern_catches_a_footnote_number():
    assert GLUED.search("the land.45 and")
    assert GLUED.search("Kostenko3 said")
    assert not GLUED.search("Article 20 of the treaty, 2025.")
    assert not GLUED.search("on 29 June 2025")



@pytest.mark.parametrize("query", ["treaty", "footnotes", "Kostenko"])
def test_no_markup_text_shows_in_search_results(reader, query):
    """Issue 17, item 1: what search shows of the index (titles and snippets) holds no template or
    markup text, such as a footnote left as "[^1]"."""
    items = _results(reader, query)
    expect(items.first).to_be_visible()
    shown = reader.locator(".md-search-result").inner_text()
    assert not LEFTOVER.search(shown), LEFTOVER.search(shown)
