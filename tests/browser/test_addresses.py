"""Old addresses keep working: a link made before the seeds were renamed
(``sources/000_183601ec9612ed3f/#s-…``) lands on the source's new page at that sentence, at the
server's root and under a sub-path."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from build_scripts.load.sources import load_source, load_sources
from build_scripts.text.document import build_document
from tests.browser.support import SCREENS, expect, page_path
from tests.integration.site_build import ROOT
from tests.seed import SOURCES

OLD = "000_183601ec9612ed3f"


def _new_id(old: str) -> str:
    sources, _ = load_sources(ROOT / "sources")
    return next(s.id for s in sources if old in s.meta.former_ids)


def _last_anchor(old: str) -> tuple[str, str]:
    """The anchor and text of the last sentence of the seed as it was named before the rename: far
    down its page, so landing on it means scrolling to it."""
    sentence = build_document(load_source(SOURCES / f"{old}.md")).sentences[-1]
    return sentence.anchor, sentence.text


@pytest.mark.parametrize("screen", list(SCREENS))
def test_an_old_sentence_link_lands_on_the_new_page_at_that_sentence(open_page, base, screen):
    new = _new_id(OLD)
    anchor, text = _last_anchor(OLD)
    page, _ = open_page(**SCREENS[screen])
    page.goto(f"{base}sources/{OLD}/#{anchor}")
    page.wait_for_url(lambda url: page_path(url, base) == f"sources/{new}/" and urlsplit(url).fragment == anchor)
    sentence = page.locator(f'span.sentence[id="{anchor}"]')
    expect(sentence).to_have_text(text)
    expect(sentence).to_be_in_viewport()
    assert sentence.evaluate("el => el.matches(':target')"), "the sentence is not the page's target"
    assert page.evaluate("() => scrollY") > 0, "the new page did not scroll to the sentence"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_without_scripts_the_old_address_still_leads_to_the_new_page(open_page, base, screen):
    new = _new_id(OLD)
    page, _ = open_page(java_script_enabled=False, **SCREENS[screen])
    page.goto(f"{base}sources/{OLD}/")
    page.wait_for_url(lambda url: page_path(url, base) == f"sources/{new}/")
    expect(page.locator("h1").first).to_be_visible()


READABLE = re.compile(r"^(\d{4}(-\d{2}){0,2}|undated)(-[a-z0-9]+){3,}$")
"""A source's id: its date (or "undated"), then publisher and title words, as 2025-06-30-libertarian-…"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_source_has_a_readable_address_the_seeds_too(open_page, base, screen):
    """The sources index links each source at its readable address; every seed is among them under its
    new id, and its old address is not what the site links to."""
    sources, _ = load_sources(ROOT / "sources")
    page, _ = open_page(**SCREENS[screen])
    page.goto(base + "sources/")
    hrefs = page.locator("article table a[href]").evaluate_all("els => els.map(a => a.href)")
    ids = {page_path(h, base).split("/")[1] for h in hrefs if re.match(r"sources/[^/#]+/$", page_path(h, base))}
    assert ids == {s.id for s in sources}, ids ^ {s.id for s in sources}
    assert all(READABLE.match(i) for i in ids), [i for i in ids if not READABLE.match(i)]
    seeds = {s.id for s in sources if s.meta.former_ids}
    assert len(seeds) == 5, seeds  # the five seeds, renamed
    # The address shown is the address the page is at: follow one.
    link = page.locator(f'article table a[href*="{sorted(seeds)[0]}"]').first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(lambda url: page_path(url, base) == f"sources/{sorted(seeds)[0]}/")
    expect(page.locator("article h1").first).to_be_visible()
