"""A source written in markdown, built by the real `mkdocs build`: its page shows the emphasis, the
block quote and each link's text with its address, as text; its hostile markup stays inert; no page
shows the marks themselves."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.integration.site_build import ROOT, build_with_script, make_project, run_mkdocs_build

MARKDOWN_SOURCE = """---
title: Ukraine leaves the mine ban treaty
publisher: Test Gazette
date: 2025-06-30
notes: A test fixture; its sentences restate seed sentences in markdown.
---
Ukraine announced its withdrawal from the **Ottawa Convention** on Sunday, the *foreign ministry* said.
> The ministry called the decision to withdraw from the Ottawa Convention “difficult but necessary”.
As [our earlier report](https://example.org/report) showed, the withdrawal must be ratified by parliament.
The [decree][1] takes effect six months after the United Nations is notified.
[1]: https://example.org/decree
The decree was signed on **<img src=x onerror=alert(1)>** and [the text](javascript:alert(1)) was published.
Officials said <script>alert(2)</script> the treaty still binds Ukraine until the withdrawal takes effect.
"""


def test_markdown_in_a_source_renders_and_stays_inert(tmp_path):
    sources = {path.name: path.read_bytes() for path in sorted((ROOT / "sources").glob("*.md"))}
    sources["test-gazette-markdown.md"] = MARKDOWN_SOURCE
    build = run_mkdocs_build(make_project(tmp_path, sources), tmp_path / "site")
    assert build.returncode == 0, build.output

    pages = {path: path.read_text(encoding="utf-8") for path in (tmp_path / "site").rglob("*.html")}
    [source] = [p for p, html in pages.items() if p.parent.parent.name == "sources" and "Test Gazette" in html]
    article = BeautifulSoup(pages[source], "html.parser").select_one("article")
    text = article.get_text()

    strong = [s.get_text() for s in article.select("p.article-text strong")]
    assert strong == ["Ottawa Convention", "<img src=x onerror=alert(1)>"]
    assert [e.get_text() for e in article.select("p.article-text em")] == ["foreign ministry"]
    assert [q.get_text() for q in article.select("blockquote.article-quote p.article-text")] == [
        "The ministry called the decision to withdraw from the Ottawa Convention “difficult but necessary”."]
    assert [a.get_text() for a in article.select("span.article-link")] == [
        "our earlier report", "decree", "the text"]
    assert [a.get_text() for a in article.select("span.link-address")] == [
        "(link: https://example.org/report)", "(link: https://example.org/decree)", "(link: javascript:alert(1))"]
    assert "[1]: https://example.org/decree" not in text
    assert "<script>alert(2)</script>" in text

    # Inert: the page's article holds no element a source could have slipped in.
    assert not article.select("p.article-text a, script, [onerror], img")
    assert not re.search(r"<(script|img)\b", pages[source].split('<article', 1)[1].split('</article>', 1)[0])
    # No page shows the marks themselves, cited statements included.
    for path, html in pages.items():
        shown = BeautifulSoup(html, "html.parser").get_text()
        for mark in ("**Ottawa Convention**", "*foreign ministry*", "[our earlier report](", "> The ministry",
                     "[decree][1]"):
            assert mark not in shown, (path, mark)
    cited = [p for p, html in pages.items() if "topics" in p.parts and "foreign ministry said" in html]
    assert cited, "the source's first sentence is cited on no topic page"


_BOTH_WAYS = """
import copy, json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
config = config.plugins.on_config(config)  # the hook imports its package
direct = sys.modules["build_scripts.publish.direct_pages"]
written_by_hook = direct.render
pages, differ = [], []

def state(page):
    toc = [(a.title, a.id, a.level, [(c.title, c.id, c.level) for c in a.children]) for a in page.toc]
    links = None if page.links_to_anchors is None else {f.src_uri: a for f, a in page.links_to_anchors.items()}
    return [page.content, toc, page._title_from_render, sorted(page.present_anchor_ids), links]

def both(page, written, config, files):
    converted = copy.copy(page)
    Page.render(converted, config, files)
    written_by_hook(page, written, config, files)
    pages.append(page.file.src_uri)
    if state(page) != state(converted):
        differ.append(page.file.src_uri)

direct.render = both
build(config)
print(json.dumps({"pages": pages, "differ": differ}))
"""


def test_source_pages_written_as_html_are_what_python_markdown_makes_of_them(tmp_path):
    """The hook writes a source page's HTML itself (``direct_pages``): on every page of the seed
    site and of a source in markdown it did so, the page converted by Python-Markdown is the same."""
    sources = {path.name: path.read_bytes() for path in sorted((ROOT / "sources").glob("*.md"))}
    sources["markdown-source.md"] = MARKDOWN_SOURCE.encode()
    found = build_with_script(_BOTH_WAYS, make_project(tmp_path, sources), tmp_path / "site")
    assert found["differ"] == []
    assert "sources/markdown-source.md" in found["pages"] and len(found["pages"]) >= 3, found["pages"]
