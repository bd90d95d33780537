"""A country named by very many sources: its first page stays small and cites the first sources of
each evidence line, and the further sources and lines continue on pages of their own, each source
cited once, linked from the line they continue and from each other."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.countries import profile_countries
from build_scripts.analyse.timeline import build_timeline
from build_scripts.model import PartialDate, Source, SourceMeta, StanceRule
from build_scripts.pages import continued, countries
from build_scripts.pages.continued import continuation_uri
from build_scripts.pages.countries import MAX_CITED, MAX_EVIDENCE, render_country_pages
from build_scripts.pipeline import generate
from build_scripts.text.document import build_document

_REF = re.compile(r"\[\^([\w-]+)\](?!:)")
_DEF = re.compile(r"^\[\^([\w-]+)\]:", re.MULTILINE)
_LINK = re.compile(r"\]\(([^)#\s]+\.md)\)")

RULES = [StanceRule("Leaving the treaty", "leaving", (("withdraw*", "leave"), ("treaty",)))]
SAME = "Latvia's parliament voted on 16 April 2025 to leave the treaty."
PLACES = ["Riga", "Vienna", "Geneva", "Oslo", "Madrid", "Lisbon", "Dublin", "Prague", "Warsaw", "Vilnius",
          "Tallinn", "Helsinki"]


def _docs(count: int) -> dict[str, object]:
    """``count`` sources printing the same sentence, and one more sentence of the stance in each of
    the first few (every one in other words): more sources and more wordings than the first page shows."""
    docs = []
    for i in range(count):
        body = SAME
        if i < len(PLACES):
            body += f"\n\nAt talks in {PLACES[i]}, Latvia said it would withdraw from the treaty."
        docs.append(build_document(Source(f"s{i:03d}", Path(f"s{i:03d}.md"),
                                          SourceMeta(title=f"T{i}", publisher=f"P{i}", date=PartialDate(2025, 6, 30)),
                                          body, 1)))
    return {d.source.id: d for d in docs}


def _pages(count: int) -> tuple[list[tuple[str, str]], list[str]]:
    docs = _docs(count)
    sentences = [s for d in docs.values() for s in d.sentences]  # type: ignore[attr-defined]
    claims = group_claims(sentences)
    latvia = next(p for p in profile_countries(sentences, claims, build_timeline(list(docs.values()), claims), RULES)
                  if p.code == "lv")
    labels = sorted(f"{s.source_id}-{s.anchor}" for st in latvia.stances for s in st.sentences)
    return render_country_pages(latvia, docs, True), labels  # type: ignore[arg-type]


def _resolves(page: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link))


def _stance_refs(markdown: str) -> list[str]:
    """The footnote references of the evidence lines (the stance sections, not the summary or statements)."""
    body = markdown.split("\n## Leaving the treaty\n", 1)[-1] if "stance evidence" in markdown.split("\n", 3)[1] \
        else markdown.split("## Stance in the sources", 1)[1].split("## What the sources say", 1)[0]
    return _REF.findall(body.split("\n[^", 1)[0])


def test_many_sources_continue_on_further_pages_each_source_cited_once(monkeypatch):
    monkeypatch.setattr(continued, "PAGE_BUDGET", 20_000)
    pages, labels = _pages(150)
    uris = [uri for uri, _ in pages]
    assert len(uris) > 2
    assert uris == [continuation_uri("countries/lv.md", n) for n in range(1, len(uris) + 1)]
    first = pages[0][1]
    line = next(line for line in first.splitlines() if line.startswith("- **16 April 2025**: Latvia"))
    assert line.count("[^") == MAX_CITED  # the first sources of the line, then where the rest are
    spanned = [uri for uri, md in pages[1:] if "Latvia's parliament voted" in md]
    assert len(spanned) > 1  # its further sources fill more than a page: named as a range, linked to the first
    last = spanned[-1].rsplit("-", 1)[1].removesuffix(".md")
    assert line.endswith(f" *(and {150 - MAX_CITED} more sources in the same words, "
                         f"cited on [pages 2 to {last}](lv/page-2.md))*")
    unlisted = len(PLACES) + 1 - MAX_EVIDENCE
    assert f"- *and {unlisted} more sentences, on [page " in first
    # every sentence of the stance is cited once over the pages: none dropped, none twice
    cited = [ref for _, md in pages for ref in _stance_refs(md)]
    assert sorted(cited) == labels
    for uri, md in pages:
        assert set(_REF.findall(md)) == set(_DEF.findall(md)), uri  # each page's footnotes on that page
        assert len(_DEF.findall(md)) == len(set(_DEF.findall(md))), uri
        for other in uris:  # every page links to every other
            if other != uri:
                assert any(_resolves(uri, link) == other for link in _LINK.findall(md)), (uri, other)
    for _, md in pages[1:]:
        assert "](../lv.md)" in md and "## Leaving the treaty" in md
        assert len(md) < 3 * continued.PAGE_BUDGET  # a page holds whole lines, up to the budget


def test_the_first_page_does_not_grow_with_the_sources():
    small, large = _pages(40)[0][0][1], _pages(400)[0][0][1]
    assert len(_REF.findall(large)) == len(_REF.findall(small))
    assert abs(len(large) - len(small)) < 200  # only the counts differ


def test_a_country_within_the_first_page_has_no_continuation():
    pages, labels = _pages(5)
    assert len(pages) == 1 and "continues over several pages" not in pages[0][1]
    assert sorted(_stance_refs(pages[0][1])) == labels


def test_continuation_pages_are_generated_out_of_the_navigation(seed_project, monkeypatch):
    monkeypatch.setattr(countries, "MAX_EVIDENCE", 1)
    pages = {p.src_uri: p for p in generate(seed_project).pages}
    more = sorted(u for u in pages if re.fullmatch(r"countries/\w\w/page-\d+\.md", u))
    assert more and not any(pages[u].in_nav for u in more)
    for uri in more:
        code = uri.split("/")[1]
        first = pages[f"countries/{code}.md"].markdown
        assert f"]({code}/{uri.rsplit('/', 1)[1]})" in first  # reached from the country's page
        assert "Sources used on this page" in pages[uri].markdown
