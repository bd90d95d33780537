"""References as good as Wikipedia's (issue 17), in Chromium at phone and desktop sizes.

On every topic page: the footnotes take at most a fifth of the page's height; every footnote
marker and back-link is a tap target of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8); a footnote
opens with a short label (publisher or the source's first words, and the date) that links to the
source's page; hovering a marker still shows the citation; who reports a statement is a line of
source chips; axe-core finds no serious or critical violation.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.support import (
    DESKTOP,
    PAGE_KINDS,
    PHONE,
    axe_violations,
    describe_violations,
    expect,
    page_path,
)

TOPICS = [pytest.param(url, id=kind) for kind, url in PAGE_KINDS.items() if kind.startswith("topic-")]
SIZES = {
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    "desktop": {"viewport": DESKTOP},
}
MAX_SHARE = 0.20
MIN_TARGET = 24  # CSS px
LABEL = re.compile(r"^(“.+”, publisher unknown|[^“].*), (n\.d\.|(\d{1,2} )?([A-Z][a-z]+ )?\d{4})$")
"""A footnote's short label: "The Vaultz News, 30 June 2025", "“Ukraine is joining…”, publisher unknown, n.d."."""

_MEASURE = """() => {
    const notes = document.querySelector("article div.footnote");
    return {page: document.documentElement.scrollHeight,
            notes: notes ? notes.getBoundingClientRect().height : 0};
}"""

_TARGETS = """() => [...document.querySelectorAll("article a.footnote-ref, article a.footnote-backref")].map(a => {
    const box = a.getBoundingClientRect();
    return {what: a.className + " " + a.getAttribute("href"), width: box.width, height: box.height,
            opacity: getComputedStyle(a).opacity};
})"""


def _open(open_page, size: str):
    page, watch = open_page(**SIZES[size])
    return page, watch


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("url", TOPICS)
def test_footnotes_take_at_most_a_fifth_of_a_topic_page(open_page, site_url, url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + url)
    heights = page.evaluate(_MEASURE)
    assert heights["notes"] > 0, "no footnotes on a topic page"
    share = heights["notes"] / heights["page"]
    assert share <= MAX_SHARE, (
        f"/{url} at {size} size: footnotes {heights['notes']:.0f} of {heights['page']} px ({share:.1%})")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("url", TOPICS)
def test_every_footnote_marker_and_back_link_is_a_24_px_target(open_page, site_url, url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + url)
    targets = page.evaluate(_TARGETS)
    kinds = {t["what"].split()[0] for t in targets}
    assert kinds == {"footnote-ref", "footnote-backref"}, kinds
    small = [t for t in targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]
    assert not small, f"{len(small)} of {len(targets)} targets under {MIN_TARGET} px on /{url}: {small[:5]}"
    # Back-links show on a phone too (Material shows them on hover only).
    hidden = [t for t in targets if float(t["opacity"]) < 1]
    assert not hidden, hidden[:5]


@pytest.mark.parametrize("size", list(SIZES))
def test_targets_do_not_overlap(open_page, site_url, size):
    """Markers and back-links each keep their own 24 × 24 px, apart from their neighbours'."""
    page, _ = _open(open_page, size)
    page.goto(site_url + PAGE_KINDS["topic-treaty"])
    overlaps = page.evaluate("""() => {
        const boxes = [...document.querySelectorAll("article a.footnote-ref, article a.footnote-backref")]
            .map(a => [a.getAttribute("href"), a.getBoundingClientRect()]);
        const found = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [h1, a] = boxes[i], [h2, b] = boxes[j];
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 0.5 && y > 0.5) found.push([h1, h2]);
        }
        return found;
    }""")
    assert not overlaps, overlaps[:5]


@pytest.mark.parametrize("size", list(SIZES))
def test_a_footnote_shows_a_short_label_that_leads_to_the_sources_card(open_page, site_url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + PAGE_KINDS["topic-treaty"])
    notes = page.locator("article div.footnote > ol > li")
    assert notes.count() >= 8
    labels = [notes.nth(i).locator("a").first for i in range(notes.count())]
    texts = [label.inner_text() for label in labels]
    assert all(LABEL.match(t) and len(t) <= 60 for t in texts), [t for t in texts if not LABEL.match(t) or len(t) > 60]
    assert any("publisher unknown" in t for t in texts) and any("publisher unknown" not in t for t in texts)
    # No long source card in the list: that is on the source's page.
    assert not any("Untitled article (opening words" in notes.nth(i).inner_text() for i in range(notes.count()))
    label = labels[0]
    href = label.get_attribute("href")
    assert re.search(r"sources/[^/#]+/#[^/]+$", href), href  # at the heading above the card
    target = page_path(page.url, site_url)
    label.click()
    page.wait_for_url(lambda u: page_path(u, site_url) != target and page_path(u, site_url).startswith("sources/"))
    card = page.locator("article table").first
    expect(card).to_be_visible()
    expect(card).to_contain_text(re.compile("Publisher|publisher"))


@pytest.mark.parametrize("size", list(SIZES))
def test_the_quotation_is_left_out_where_the_statement_shows_it(open_page, site_url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + PAGE_KINDS["topic-withdrawals"])
    item = page.locator("article li").filter(has=page.locator("sup a.footnote-ref")).first
    ref = item.locator("a.footnote-ref").first
    note = page.locator(f'[id="{ref.get_attribute("href").lstrip("#")}"]')
    statement = item.locator("p").first.inner_text() if item.locator("p").count() else item.inner_text()
    words = statement.split("[")[0].strip()
    assert words and words[:40] not in note.inner_text(), (words, note.inner_text())
    expect(note.get_by_role("link", name="archived sentence", exact=True)).to_be_visible()


def test_hovering_a_footnote_marker_still_shows_the_citation(open_page, site_url):
    page, _ = _open(open_page, "desktop")
    page.goto(site_url + PAGE_KINDS["topic-withdrawals"])
    ref = page.locator("article sup a.footnote-ref").first
    note = page.locator(f'[id="{ref.get_attribute("href").lstrip("#")}"]')
    label = note.locator("a").first.inner_text()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(0)
    ref.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_be_in_viewport()
    expect(tooltip).to_contain_text(label)
    expect(tooltip.get_by_role("link", name="archived sentence")).to_be_visible()


@pytest.mark.parametrize("size", list(SIZES))
def test_who_reports_a_statement_is_a_line_of_source_chips(open_page, site_url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + PAGE_KINDS["topic-treaty"])
    lines = page.locator("article p.corroboration")
    assert lines.count() >= 1
    first = lines.first
    expect(first).to_have_text(re.compile(r"^Reported by \d+ of \d+ sources, (all|\d+ of them) independent:"))
    chips = first.locator("a")
    assert chips.count() >= 2
    for i in range(chips.count()):
        box = chips.nth(i).bounding_box()
        assert box and box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, box
    chip = chips.first
    href = chip.get_attribute("href")
    assert re.search(r"sources/[^/#]+/$", href), href
    chip.click()
    page.wait_for_url(lambda u: page_path(u, site_url).startswith("sources/"))


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("url", TOPICS)
def test_no_serious_or_critical_accessibility_violation_on_a_topic_page(open_page, site_url, axe_js, url, size):
    page, _ = _open(open_page, size)
    page.goto(site_url + url)
    violations = axe_violations(page, axe_js)
    assert not violations, f"axe-core on /{url} ({size}):\n" + describe_violations(violations)


@pytest.mark.parametrize("size", list(SIZES))
def test_a_reused_reference_has_lettered_back_links_to_each_place_it_is_cited(open_page, site_url, size):
    """One footnote for a sentence cited twice on the page, as Wikipedia does: back-links "a" and "b",
    each leading to its own citation."""
    page, _ = _open(open_page, size)
    page.goto(site_url + PAGE_KINDS["topic-treaty"])
    note = page.locator("article div.footnote > ol > li").filter(
        has=page.locator("a.footnote-backref + a.footnote-backref")).first
    expect(note).to_be_attached()
    backs = note.locator("a.footnote-backref")
    count = backs.count()
    note_id = note.get_attribute("id")
    refs = page.locator(f'article a.footnote-ref[href="#{note_id}"]')
    assert refs.count() == count >= 2, (refs.count(), count)  # one note, as many back-links as citations
    # Each back-link shows its letter (a CSS counter, lower-alpha, reset by each note) instead of the arrow.
    styles = backs.evaluate_all("""els => els.map(e => [getComputedStyle(e, '::after').content,
        getComputedStyle(e, '::before').display])""")
    assert all(s == ["counter(backref, lower-alpha)", "none"] for s in styles), styles
    assert note.evaluate("el => getComputedStyle(el).counterReset") == "backref 0"
    shots = [backs.nth(i).screenshot() for i in range(min(count, 3))]
    assert len(set(shots)) == len(shots), "the back-links look alike: no letters drawn"
    # ... and a screen reader tells them apart by name as well.
    for i, letter in enumerate("abc"[:min(count, 3)]):
        expect(backs.nth(i)).to_have_accessible_name(re.compile(rf"^Back to citation {letter} of note \d+$"))
    # The second back-link leads to the second citation, not the first.
    note.scroll_into_view_if_needed()
    backs.nth(1).click()
    second = page.locator(f'[id="{backs.nth(1).get_attribute("href").lstrip("#")}"]')
    expect(second).to_be_in_viewport()
    assert second.get_attribute("id").startswith("fnref2:"), second.get_attribute("id")
    assert page.evaluate("() => location.hash").startswith("#fnref2:")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("url", TOPICS)
def test_one_reference_per_cited_sentence(open_page, site_url, url, size):
    """A sentence cited twice on a page has one footnote, cited twice (not two footnotes that say the same)."""
    page, _ = _open(open_page, size)
    page.goto(site_url + url)
    sentences = page.locator("article div.footnote > ol > li").evaluate_all("""notes => notes.map(li => {
        const a = [...li.querySelectorAll("a")].find(a => a.textContent.trim() === "archived sentence");
        return a ? a.getAttribute("href") : null;
    })""")
    assert sentences and all(sentences), sentences
    repeated = sorted({s for s in sentences if sentences.count(s) > 1})
    assert not repeated, f"/{url}: sentences with more than one footnote: {repeated}"
