"""What a reader does on the built site, in Chromium: search, read a footnote, follow it, use a phone.

Every test runs twice, with the site at the server's root and under /project/
(as on a project's GitHub Pages site); `open_page` fails a test whose pages
request anything off 127.0.0.1 or log a console error.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.support import (
    PHONE,
    SCREENS,
    expect,
    page_path,
    search,
    wait_for_search_ready,
)

# Two seed sources quoting Kostenko, by their ids (opening words when untitled; date, publisher, title)
UNTITLED = "undated-ukrainian-president-volodymyr-zelensky-has-officially"
VAULTZ = "2025-06-30-the-vaultz-news-ukrainian-president-volodymyr-zelenskyy-has-signed"
QUOTED = re.compile(r" — “([^“”\"]*)”\s*archived sentence", re.S)
"""The cited sentence, as a footnote quotes it in quotation marks (one with marks of its own is in italics)."""


def _quoted_sentence(footnote) -> str:
    match = QUOTED.search(footnote.inner_text())
    assert match, footnote.inner_text()
    return match.group(1)


@pytest.mark.parametrize(("query", "expected", "heading"), [
    pytest.param("Kostenko", "quotes/", "Roman Kostenko", id="person"),
    pytest.param("Lithuania", "countries/lt/", "Lithuania", id="place"),
])
def test_search_for_a_person_or_a_place_lands_on_its_page(open_page, base, query, expected, heading):
    page, _ = open_page()
    page.goto(base)
    wait_for_search_ready(page)
    items = search(page, query)
    first = items.first.locator("a.md-search-result__link").first
    # Results show while the query is typed: wait for those of the whole query.
    expect(first).to_have_attribute("href", re.compile(r"(^|/)" + re.escape(expected) + r"(\?[^#]*)?(#.*)?$"))
    assert page_path(first.get_attribute("href"), base) == expected
    first.click()
    page.wait_for_url(lambda url: page_path(url, base) == expected)
    article = page.locator("article.md-content__inner")
    expect(article.locator("h1, h2", has_text=heading).first).to_be_visible()


def test_search_for_a_phrase_finds_the_pages_quoting_it_and_lands_on_it(open_page, base):
    phrase = "cannot remain bound"
    page, _ = open_page()
    page.goto(base)
    wait_for_search_ready(page)
    search(page, phrase)
    # A result shows the matching section's text, the phrase's words each in a <mark>.
    hits = page.locator("a.md-search-result__link", has_text=phrase)
    expect(hits.first).to_be_visible()
    pages = {page_path(a.get_attribute("href"), base) for a in hits.all()}
    assert {"quotes/", f"sources/{UNTITLED}/", f"sources/{VAULTZ}/"} <= pages, pages
    quotes = hits.filter(has=page.locator("h2", has_text="Roman Kostenko")).first
    quotes.click()
    page.wait_for_url(lambda url: page_path(url, base) == "quotes/" and urlsplit(url).fragment == "roman-kostenko")
    quotation = page.locator("article .quote-text", has_text=phrase).first
    expect(quotation).to_be_in_viewport()
    # search.highlight marks the words searched for on the page reached
    expect(quotation.locator("mark[data-md-highlight]").first).to_have_text(re.compile("remain|bound"))


def test_hovering_a_footnote_shows_its_citation(open_page, base):
    page, _ = open_page()
    page.goto(base + "topics/treaty/")
    # A footnote that quotes its sentence: one of a merged statement's other reports (issue 17: the
    # statement's own report does not quote the words shown above it).
    footnote = page.locator("div.footnote li").filter(has_text=QUOTED).first
    ref = page.locator(f'article a.footnote-ref[href="#{footnote.get_attribute("id")}"]').first
    sentence = _quoted_sentence(footnote)
    label = footnote.locator("a").first.inner_text()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(0)
    ref.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_be_in_viewport()
    expect(tooltip).to_contain_text(label)
    expect(tooltip).to_contain_text(f"“{sentence}”")
    expect(tooltip.get_by_role("link", name="archived sentence")).to_be_visible()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_archived_sentence_link_lands_on_the_sentence_highlighted(open_page, base, screen):
    page, _ = open_page(**SCREENS[screen])
    page.goto(base + "topics/withdrawals/")
    # The last footnote of the page: its sentence is far down its source page.
    footnote = page.locator("div.footnote li").filter(
        has=page.get_by_role("link", name="original ↗", exact=True)).filter(has_text=QUOTED).last
    sentence_text = _quoted_sentence(footnote)

    original = footnote.get_by_role("link", name="original ↗", exact=True).get_attribute("href")
    assert "#:~:text=" in original, original
    # A text fragment is "start,end" or the whole text, commas inside it percent-encoded.
    start, _, end = (unquote(part) for part in original.split("#:~:text=", 1)[1].partition(","))
    assert sentence_text.startswith(start) and sentence_text.endswith(end or start), (original, sentence_text)

    archived = footnote.get_by_role("link", name="archived sentence", exact=True)
    target_id = urlsplit(archived.get_attribute("href")).fragment
    assert target_id.startswith("s-"), target_id
    archived.click()
    page.wait_for_url(lambda url: page_path(url, base).startswith("sources/") and urlsplit(url).fragment == target_id)

    sentence = page.locator(f'span.sentence[id="{target_id}"]')
    expect(sentence).to_have_text(sentence_text)
    expect(sentence).to_be_in_viewport()
    assert page.evaluate("() => scrollY") > 0, "the source page did not scroll to the sentence"
    # Not hidden under the sticky header: the sentence itself is what shows at its first line.
    state = sentence.evaluate("""el => {
        const line = el.getClientRects()[0];
        const header = document.querySelector(".md-header").getBoundingClientRect();
        const shown = document.elementFromPoint(line.left + 4, line.top + line.height / 2);
        return {top: line.top, headerBottom: header.bottom, visible: el.contains(shown),
                target: el.matches(":target")};
    }""")
    assert state["target"] and state["visible"] and state["top"] >= state["headerBottom"], state
    # Highlighted: its background differs from that of a sentence that is not the target.
    other = page.locator("span.sentence:not(:target)").first
    background = "el => getComputedStyle(el).backgroundColor"
    assert sentence.evaluate(background) != other.evaluate(background), (
        sentence.evaluate(background), other.evaluate(background))


def test_phone_reader_opens_the_drawer_and_follows_a_topic(open_page, base):
    page, _ = open_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(base)
    nav = page.locator("nav.md-nav--primary")
    section = nav.locator("label.md-nav__link", has_text="Topics")
    topic = nav.locator("a.md-nav__link", has_text="Russian mine use")
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
    page.locator('label.md-header__button[for="__drawer"]').tap()
    expect(section).to_be_in_viewport()
    expect(topic).not_to_be_in_viewport()  # on a phone, a section is a panel of its own
    section.tap()
    expect(topic).to_be_in_viewport()
    topic.tap()
    page.wait_for_url(lambda url: page_path(url, base) == "topics/russian-mine-use/")
    expect(page.locator("article h1")).to_contain_text("Russian mine use")
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_how_to_read_this_site_is_a_short_page_the_navigation_leads_to(open_page, base, site_dir, screen):
    """Issue 17, item 7: a short page for readers, in the navigation at both sizes; notes on building
    and benchmarking the site are not pages of it."""
    page, _ = open_page(**SCREENS[screen])
    page.goto(base)
    nav = page.locator("nav.md-nav--primary")
    link = nav.locator("a.md-nav__link", has_text="How to read this site")
    if screen == "phone":
        page.locator('label.md-header__button[for="__drawer"]').tap()
        nav.locator("label.md-nav__link", has_text="About").tap()
        expect(link).to_be_in_viewport()
        link.tap()
    else:
        expect(link).to_be_visible()
        link.click()
    page.wait_for_url(lambda url: page_path(url, base) == "about/how-to-read/")
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text(re.compile("How to read this site"))
    words = len(article.inner_text().split())
    assert 150 <= words <= 1500, words  # short, and not empty
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "page scrolls sideways"
    # Nothing for developers among the pages: no build or benchmark notes.
    titles = nav.locator("a.md-nav__link, label.md-nav__link").evaluate_all(
        "els => els.map(e => e.textContent.trim())")
    assert not [t for t in titles if re.search(r"(?i)bench|build|changelog|developer|results", t)], titles
    paths = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")]
    assert not [p for p in paths if re.search(r"(?i)bench|results|build", p)], paths
    assert not list(site_dir.rglob("RESULTS*")), "the benchmark's results were copied into the site"


def test_on_a_phone_tapping_a_footnote_shows_its_citation_and_the_back_link_returns(open_page, base):
    """A phone has no hover: a tap on the marker brings its footnote into view, and its back-link returns
    to the marker."""
    page, _ = open_page(**SCREENS["phone"])
    page.goto(base + "topics/treaty/")
    ref = page.locator("article sup a.footnote-ref").nth(2)
    ref.scroll_into_view_if_needed()
    note_id = ref.get_attribute("href").lstrip("#")
    note = page.locator(f'[id="{note_id}"]')
    ref.tap()
    page.wait_for_url(lambda url: urlsplit(url).fragment == note_id)
    expect(note).to_be_in_viewport()
    expect(note.get_by_role("link", name="archived sentence", exact=True)).to_be_in_viewport()
    back = note.locator("a.footnote-backref").first
    back.tap()
    expect(page.locator(f'[id="{back.get_attribute("href").lstrip("#")}"]')).to_be_in_viewport()
    expect(note).not_to_be_in_viewport()
