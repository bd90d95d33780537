"""The search index of the built seed site: no footnote number stuck to a word, and every page loads
the script that reads quoted phrases and cuts a result to its matching sentences (from the site)."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from tests.integration.site_build import build_with_script, make_project, run_mkdocs_build

GLUED = re.compile(r"[^\W\d_]{2}[.,;:!?”’\"»)\]]?\[?\d")
"""A word with a number stuck to its end, as a footnote's number once was ("land.45")."""


def test_search_index_keeps_footnote_numbers_apart_and_pages_load_the_search_script(tmp_path):
    build = run_mkdocs_build(make_project(tmp_path), tmp_path / "site")
    assert build.returncode == 0, build.output
    site = tmp_path / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    glued = [(doc["location"], m.group(0)) for doc in index["docs"] for m in GLUED.finditer(doc["text"])]
    assert not glued, glued[:10]
    # The footnote markers are on the topic pages, left out of the index (not missing from the page).
    topic = (site / "topics" / "treaty" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<sup[^>]*\bdata-search-exclude\b[^>]*id=\"fnref", topic)

    script = site / "javascripts" / "search.js"
    assert script.is_file()
    pages = [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in sorted(site.rglob("*.html"))]
    pages = [soup for soup in pages if soup.select_one("article")]  # not a page that only redirects
    assert len(pages) > 10
    for soup in pages:
        sources = [s["src"] for s in soup.select("script[src]")]
        assert any(src.endswith("javascripts/search.js") and "//" not in src for src in sources), (soup.title, sources)


def test_glued_pattern_finds_a_stuck_number_and_not_a_number_in_its_place():
    assert GLUED.search("our land.45 and") and GLUED.search("Kostenko3") and GLUED.search("said[2]")
    assert not GLUED.search("Article 20 of the treaty, signed on 29 June 2025.")


_BOTH_WAYS = """
import json, sys
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from build_scripts.publish import search_skip

search_skip.install()
skipping = SearchIndex.add_entry_from_context
whole = skipping._original
pages, differ = [], []

def both(self, page):
    alone = SearchIndex(**self.config)
    whole(alone, page)
    skip = sys.modules[search_skip.__name__]  # the hook's own import of the package
    mark = skip._marked.get(id(page.content))
    pages.append(skip.searched(page.content) is not page.content)
    if mark is not None:
        skip._marked[id(page.content)] = mark  # ``searched`` lets a mark go: put back for the real call
    before = len(self.entries)
    skipping(self, page)
    if self.entries[before:] != alone.entries:
        differ.append(page.file.src_uri)

both._skips = True
SearchIndex.add_entry_from_context = both
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(json.dumps({"pages": len(pages), "skipped": sum(pages), "differ": differ}))
"""


def test_the_index_is_the_same_when_the_blocks_the_hook_excludes_are_not_parsed(tmp_path):
    """The footnotes and the "Cite this page" box are handed to Material's parser removed
    (``search_skip``): each page of the seed site is also indexed whole, and the entries are the
    same. (In a process of its own: the hook imports the package afresh.)"""
    found = build_with_script(_BOTH_WAYS, make_project(tmp_path), tmp_path / "site")
    assert found["differ"] == []
    assert found["pages"] > 20 and found["skipped"] == found["pages"]  # every page has its box


_FED = """
import json, sys
from material.plugins.search import plugin as material_search
from mkdocs.commands.build import build
from mkdocs.config import load_config

fed = []
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
config = config.plugins.on_config(config)  # the hook installs its parser
fast = material_search.Parser
original = fast._original
assert fast.__module__ == "build_scripts.publish.search_sections" and original.__module__ == material_search.__name__

class Recording(fast):
    def feed(self, data):
        fed.append(data)
        super().feed(data)

material_search.Parser = Recording
build(config)

def sections(parser_class, html):
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.id, s.title, s.text, s.depth, s.el.tag, s.is_excluded()) for s in parser.data]

tokens = sys.modules["build_scripts.publish.search_tokens"]  # the hook's own import of the package
read = [tokens._readable(html, tokens._TOKENS.findall(html)) for html in fed]
differ = [i for i, html in enumerate(fed) if sections(fast, html) != sections(original, html)]
print(json.dumps({"pages": len(fed), "read": sum(read), "differ": differ}))
"""


def test_the_index_is_the_same_when_pages_are_read_without_html_parser(tmp_path):
    """Material's parser reads the seed site's pages with ``search_tokens`` (nearly all are simple
    enough) and the handlers of ``search_sections``, and finds the same sections on each as with
    its own tokenizer and handlers."""
    found = build_with_script(_FED, make_project(tmp_path), tmp_path / "site")
    assert found["differ"] == []
    assert found["pages"] > 20 and found["read"] >= 0.9 * found["pages"], found
