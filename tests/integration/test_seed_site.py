"""The site built from the seed articles, checked by parsing its HTML."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from build_scripts.model import Project
from build_scripts.pipeline import analyse
from tests.integration.site_build import ROOT, Build, make_project, run_mkdocs_build

TOPICS = ["treaty", "withdrawals", "russian-mine-use", "humanitarian-criticism"]


@pytest.fixture(name="built", scope="module")
def fixture_built(tmp_path_factory) -> Build:
    site = tmp_path_factory.mktemp("site")
    build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("project")), site)  # its cache stays there too
    assert build.returncode == 0, build.output
    return build


def _page(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(soup: BeautifulSoup):
    """The page's content, without its closing "Sources used" section and "Cite this page" box."""
    article = soup.select_one("article.md-content__inner")
    heading = article.find("h2", id="sources-used-on-this-page")
    if heading is not None:
        for node in list(heading.find_next_siblings()):
            node.decompose()
        heading.decompose()
    for box in article.select("details.cite"):
        box.decompose()
    return article


def _statements(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(statement text, first footnote id) for each cited list item outside the footnotes."""
    return [(text, refs[0]) for text, refs in _statements_with_all_notes(soup)]


def _statements_with_all_notes(soup: BeautifulSoup) -> list[tuple[str, list[str]]]:
    out = []
    for li in _article(soup).select("li"):
        if li.find_parent("div", class_="footnote") or li.find_parent("div", class_="admonition"):
            continue
        para = li.find("p") or li
        refs = [a["href"].lstrip("#") for a in para.select("sup a.footnote-ref")]
        if refs:
            para = BeautifulSoup(str(para), "html.parser")
            for sup in para.select("sup, strong.speaker"):  # a quotation's speaker is shown before it
                sup.decompose()
            out.append((para.get_text().strip(), refs))
    return out


def _archived_link(soup: BeautifulSoup, fn_id: str) -> str:
    note = soup.find(id=fn_id)
    [link] = [a["href"] for a in note.select("a") if a.get_text() == "archived sentence"]
    return link


def test_build_is_strict_clean(built):
    assert "WARNING" not in built.output
    assert "ERROR" not in built.output


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_page_has_cited_statements_that_are_the_source_sentences(built, topic):
    soup = _page(built, f"topics/{topic}")
    statements = _statements(soup)
    assert len(statements) >= 8
    for text, fn_id in statements:
        link = _archived_link(soup, fn_id)
        path, anchor = urlsplit(link).path, urlsplit(link).fragment
        target = (built.site / f"topics/{topic}" / path / "index.html").resolve()
        assert target.is_file(), link
        source = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        sentence = source.find(id=anchor)
        assert sentence is not None and "sentence" in sentence["class"], link
        assert text.strip() in sentence.get_text(), (text, sentence.get_text())
        # The footnote opens with its short label, a link to the source's page (issue 17).
        label = soup.find(id=fn_id).select_one("a")
        to = urlsplit(label["href"])  # the source's page, at its heading above its card
        assert to.path == urlsplit(link).path and to.fragment == source.find("h1")["id"], (label, link)
        assert re.search(r", (n\.d\.|(\d{1,2} )?(\w+ )?\d{4})$", label.get_text()), label.get_text()


@pytest.mark.parametrize("topic", TOPICS)
def test_every_footnote_of_a_statement_quotes_its_linked_sentence_unless_the_statement_shows_it(built, topic):
    soup = _page(built, f"topics/{topic}")
    omitted = quoted = 0
    for text, refs in _statements_with_all_notes(soup):
        for fn_id in refs:
            link = _archived_link(soup, fn_id)
            target = (built.site / f"topics/{topic}" / urlsplit(link).path / "index.html").resolve()
            sentence = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=urlsplit(link).fragment)
            note = soup.find(id=fn_id)
            # Quoted in quotation marks, or in italics when it has quotation marks of its own.
            if f"“{sentence.get_text()}”" in note.get_text() or any(
                    em.get_text() == sentence.get_text() for em in note.find_all("em")):
                quoted += 1
            else:  # not quoted again: it is the statement's own text
                assert " ".join(sentence.get_text().split()) == " ".join(text.split()), (fn_id, text)
                omitted += 1
    assert omitted and quoted, (omitted, quoted)


@pytest.mark.parametrize("topic", TOPICS)
def test_corroboration_is_a_line_of_source_chips(built, topic):
    soup = _page(built, f"topics/{topic}")
    lines = _article(soup).select("p.corroboration")
    assert lines
    sources = {p.name for p in (built.site / "sources").iterdir() if p.is_dir()}
    for line in lines:
        head = re.match(r"Reported by (\d+) of 5 sources, (all|\d+ of them) independent:", line.get_text())
        assert head, line.get_text()
        chips = line.select("a[href]")
        assert chips and all(re.search(r"sources/([^/]+)/$", a["href"])[1] in sources for a in chips)
        assert len(chips) == int(head[1]) or "more" in line.get_text()


def test_every_footnote_link_on_every_page_resolves(built):
    checked = 0
    for html in built.site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("div.footnote a[href]"):
            href = a["href"]
            if href.startswith(("http://", "https://", "#")):
                continue
            parts = urlsplit(href)
            target = (html.parent / unquote(parts.path) / "index.html").resolve()
            assert target.is_file(), (html, href)
            ids = {t["id"] for t in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select("[id]")}
            assert parts.fragment in ids, (html, href)
            checked += 1
    assert checked >= 40


def test_original_links_carry_a_text_fragment(built):
    soup = _page(built, "topics/withdrawals")
    originals = [a["href"] for a in soup.select("div.footnote a") if a.get_text() == "original ↗"]
    assert originals
    assert all(h.startswith("https://thevaultznews.com/") and "#:~:text=" in h for h in originals)


def test_each_article_is_cited_on_at_least_two_topic_pages(built):
    pages_citing: dict[str, set[str]] = {}
    for topic in TOPICS:
        soup = _page(built, f"topics/{topic}")
        for _, fn_id in _statements(soup):
            source_id = re.search(r"sources/([^/]+)/", _archived_link(soup, fn_id)).group(1)
            pages_citing.setdefault(source_id, set()).add(topic)
    ids = sorted(p.stem for p in (ROOT / "sources").glob("*.md"))
    assert sorted(pages_citing) == ids
    assert all(len(topics) >= 2 for topics in pages_citing.values()), pages_citing


def test_each_source_card_says_where_it_is_cited_and_search_leaves_that_out(built):
    """The "Cited on" row is put into the final page (``GeneratedPage.late``): its links are
    addresses of the topic pages, with the counts, and search indexes the card without it."""
    for path in sorted((ROOT / "sources").glob("*.md")):
        soup = _page(built, f"sources/{path.stem}")
        label = soup.find("strong", string="Cited on")
        assert label is not None, path.stem
        links = label.find_parent("tr").find_all("a")
        assert links, path.stem
        for link in links:
            assert re.fullmatch(r"\.\./\.\./topics/[a-z-]+/", link["href"]), link
            assert (built.site / "sources" / path.stem / link["href"] / "index.html").exists()
            assert re.match(r" \(\d+\)", link.next_sibling)
    html = [p.read_text(encoding="utf-8") for p in built.site.rglob("*.html")]
    assert not [h for h in html if "<!--cited-on-->" in h]
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    cards = [d["text"] for d in index["docs"] if re.fullmatch(r"sources/[^/#]+/", d["location"])]
    assert len(cards) == 5 and not [t for t in cards if "Cited on" in t]


KNOWN_FURNITURE = [
    "READ ALSO", "Pin It on Pinterest", "Share This", "View all posts", "Our Books",
    "Kyle Anzalone is news editor", "Own work", "longsleeve shirt", "by | Jun 30, 2025", "Recent Articles",
]


def test_no_page_furniture_on_topic_or_home_pages(built):
    analysis = analyse(Project.at(ROOT))
    furniture = [b.text for d in analysis.documents for b in d.blocks
                 if b.kind == "furniture" and len(b.text.split()) >= 3]
    assert len(furniture) >= 10
    for url in ["", *(f"topics/{t}" for t in TOPICS)]:
        article = _article(_page(built, url))
        article.select_one("div.footnote").decompose()  # citations name titles, which is right
        text = article.get_text(" ")
        for line in [*KNOWN_FURNITURE, *furniture]:
            assert line not in text, (url, line)


def test_source_page_anchors_sentences_and_folds_furniture(built):
    soup = _page(built, "sources/2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to")
    article = _article(soup)
    assert article.find("h1").get_text(strip=True).startswith("Ukraine, Eastern European NATO Countries")
    sentences = article.select("span.sentence[id^=s-]")
    assert len(sentences) == 16
    folded = article.select_one("details.furniture")
    assert folded is not None and folded.has_attr("data-search-exclude") and not folded.has_attr("open")
    assert "Not part of the article" in folded.summary.get_text()
    assert "Pin It on Pinterest" in folded.get_text()
    assert not any("Pin It" in s.get_text() for s in sentences)
    card = article.select_one("table").get_text(" ")
    assert "Kyle Anzalone" in card and "Libertarian Institute" in card and "30 June 2025" in card


def test_missing_metadata_is_shown_as_unknown(built):
    soup = _page(built, "sources/undated-ukrainian-president-volodymyr-zelensky-has-officially")
    article = _article(soup)
    assert article.find("h1").get_text(strip=True).startswith("Untitled article (opening words: “Ukrainian President")
    card = article.select_one("table").get_text(" ")
    assert "publisher unknown" in card and "n.d." in card and "no address recorded" in card
    assert "Read the original" not in article.get_text()


def test_sentence_target_is_highlighted_by_the_stylesheet(built):
    css = (built.site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert ".sentence:target" in css
    assert _page(built, "").select_one('link[href$="stylesheets/extra.css"]') is not None


def test_sources_index_lists_every_source_with_counts(built):
    """Each row's count of statements is put into the final page (``GeneratedPage.late``) and
    is the one the data file gives; search indexes the table without the counts."""
    soup = _page(built, "sources")
    rows = _article(soup).select("table tbody tr")
    assert len(rows) == 5
    counts = {r.select_one("td a")["href"].strip("/"): int(r.select("td")[-1].get_text()) for r in rows}
    data = json.loads((built.site / "data" / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert counts == {row["id"]: row["statements"] for row in data}
    assert all(c > 0 for c in counts.values())
    assert any("publisher unknown" in r.get_text() for r in rows)
    assert "<!--statements-" not in (built.site / "sources" / "index.html").read_text(encoding="utf-8")
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    [table] = [d["text"] for d in index["docs"] if d["location"] == "sources/"]
    assert "Statements Ukraine" in table and not re.findall(r"(?:\b\d{4}|n\.d\.) \d", table)  # no count after a date


def test_every_table_can_be_reached_by_keyboard(built):
    """Material makes wide tables scroll sideways; a keyboard user reaches the scroll box through the table."""
    tables = [t for page in built.site.rglob("index.html")
              for t in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article table")]
    assert len(tables) >= 3
    assert all(t.get("tabindex") == "0" for t in tables)


def test_home_page_has_key_facts_topics_and_counts(built):
    soup = _page(built, "")
    article = _article(soup)
    facts = _statements(soup)
    assert len(facts) >= 4
    links = {a["href"] for a in article.select("a[href]")}
    for topic in TOPICS:
        assert f"topics/{topic}/" in links
    assert re.search(r"5 sources, \d+ cited statements", article.get_text())


def test_navigation_shows_topics_and_sources_but_not_each_source(built):
    soup = _page(built, "topics/treaty")
    nav = soup.select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    labels = {a.get_text(strip=True) for a in nav.select("a[href]")}
    assert {"The treaty", "Countries withdrawing", "Russian mine use", "Humanitarian criticism", "Sources"} <= labels
    assert not any(re.search(r"sources/\d{3}_", h) for h in hrefs)


def test_footnotes_are_not_in_the_search_index(built):
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    treaty = [d for d in index["docs"] if d["location"].startswith("topics/treaty/")]
    assert treaty
    text = " ".join(d["text"] for d in treaty)
    assert "archived sentence" not in text
    assert "More than 160 countries and territories are signatories" in text


def test_site_loads_nothing_from_the_network(built):
    for html in built.site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", url), (html, url)


def _sentence_of(built: Build, page: str, soup: BeautifulSoup, fn_id: str):
    link = _archived_link(soup, fn_id)
    target = (built.site / page / urlsplit(link).path / "index.html").resolve()
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=urlsplit(link).fragment)


def test_disagreements_page_lists_each_side_in_the_sources_words(built):
    soup = _page(built, "disagreements")
    boxes = _article(soup).select("div.admonition")
    titles = [b.select_one(".admonition-title").get_text() for b in boxes]
    # Compatible values are a quiet note, not a warning (issue 21): "over 160" and 165 fit one number,
    # and one person may hold both of Kostenko's titles.
    assert "Compatible accounts: the number of countries" in titles
    assert "Compatible accounts: Roman Kostenko’s title or role" in titles
    assert "Sources differ: Volodymyr Zelenskyy’s words" in titles
    for box in boxes:
        for li in box.select("li"):
            value = (li.find("strong") or li).get_text().strip("“”")
            ref = li.select_one("sup a.footnote-ref")["href"].lstrip("#")
            if "words" in box.select_one(".admonition-title").get_text():  # a quotation may span sentences
                source = _source_text(built, "disagreements", soup, ref)
                assert all(part in source for part in value.split(" ¶ ")), value
            else:
                assert value in _sentence_of(built, "disagreements", soup, ref).get_text()
            assert re.search(r"\(as reported (on \d+ \w+ \d{4} by|by .*, undated)", li.get_text())


def test_topic_page_flags_the_count_of_states_parties(built):
    soup = _page(built, "topics/treaty")
    [box] = [b for b in _article(soup).select("div.admonition")
             if "number of countries" in b.get_text()]
    assert "warning" not in box["class"]  # compatible figures: a note, never a warning
    text = box.get_text(" ")
    assert "over 160" in text and "165" in text and "consistent" in text
    assert "as reported on 30 June 2025 by The Vaultz News" in text


def test_timeline_page_is_chronological_and_cited(built):
    soup = _page(built, "timeline")
    article = _article(soup)
    years = [int(h.get_text(strip=True).rstrip("¶")) for h in article.select("h2")]
    assert years == sorted(years) and years[0] == 1999 and years[-1] == 2025
    items = [li for li in article.select("li") if not li.find_parent("div", class_="footnote")]
    assert len(items) >= 10
    for li in items:
        assert li.select_one("mark") is not None and li.select_one("sup a.footnote-ref") is not None
    sunday = next(li for li in items if "on Sunday" in li.get_text())
    assert sunday.get_text().startswith("29 June 2025 (“on Sunday”, counted from the article’s publication date)")
    texts = [li.get_text() for li in items]
    assert not any(t.startswith("29 June 2025") and "in March" in t for t in texts)


def _source_text(built: Build, page: str, soup: BeautifulSoup, fn_id: str) -> str:
    link = _archived_link(soup, fn_id)
    target = (built.site / page / urlsplit(link).path / "index.html").resolve()
    source = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    return "\n".join(p.get_text() for p in source.select("p.article-text"))


def test_every_quotation_shown_is_verbatim_in_the_source_it_cites(built):
    soup = _page(built, "quotes")
    items = [li for li in _article(soup).select("li") if not li.find_parent("div", class_="footnote")]
    assert len(items) >= 20
    for li in items:
        quoted = li.select_one("span.quote-text").get_text()
        ref = li.select_one("sup a.footnote-ref")["href"].lstrip("#")
        source = _source_text(built, "quotes", soup, ref)
        for part in quoted.split(" ¶ "):
            assert part in source, part
    headings = [h.get_text(strip=True).rstrip("¶") for h in _article(soup).select("h2")]
    assert headings[:3] == ["Volodymyr Zelenskyy", "Ukraine’s foreign ministry", "Roman Kostenko"]
    assert "Steve Goose" in headings and "Human Rights Watch" in headings
    kostenko = _article(soup).get_text()
    assert "a member of Ukraine’s parliament" in kostenko and "Arms Division director at Human Rights Watch" in kostenko


def test_translations_of_one_quotation_are_flagged(built):
    soup = _page(built, "disagreements")
    boxes = [(b.select_one(".admonition-title").get_text(), b.get_text())
             for b in _article(soup).select("div.admonition")]
    zelenskyy = [t for title, t in boxes if title == "Sources differ: Volodymyr Zelenskyy’s words"]
    assert any("utmost cynicism" in t and "extreme cynicism" in t for t in zelenskyy)
    kostenko = [t for title, t in boxes if title == "Sources differ: Roman Kostenko’s words"]
    assert any("This step has been demanded by the reality of war long ago." in t for t in kostenko)


def test_country_pages_and_overview(built):
    pages = sorted(p.name for p in (built.site / "countries").iterdir() if p.is_dir())
    assert pages == ["cn", "ee", "fi", "kp", "kr", "lt", "lv", "pl", "ru", "ua", "us"]  # no Canada, no Ghana
    overview = _article(_page(built, "countries"))
    svg = overview.select_one("figure.country-map svg")
    assert svg is not None and svg.get("role") == "group"  # its country links stay links (test_countries_site)
    assert "map-withdrawing" in svg.select_one('path[data-code="ua"]')["class"]
    assert "map-non-party" in svg.select_one('path[data-code="ru"]')["class"]
    rows = {r.select("td")[0].get_text(): r.select("td")[1].get_text() for r in overview.select("table tbody tr")}
    for withdrawing in ("Ukraine", "Poland", "Finland", "Estonia", "Latvia", "Lithuania"):
        assert rows[withdrawing] == "Withdrawal announced or under way"
    assert rows["Russia"] == "Not a party to the treaty"
    ukraine = _article(_page(built, "countries/ua")).get_text()
    assert "Ukrainian, Ukraine, Kiev" not in ukraine  # only names of the country are listed as its names
    assert "Party to the treaty" in ukraine and "29 June 2025" in ukraine
