"""Material's search plugin skips its ``data-search-*`` substitution on pages without such an
attribute with a value (``search_strip``); pages with one are stripped as before, other calls go
to ``re``."""

from __future__ import annotations

import random
import re

import material.plugins.search.plugin as plugin

from build_scripts.publish import search_strip

_PAGES = [
    '<p>No attribute here, "quoted" words and data-search.</p>',
    '<h2 data-search-exclude="true" id="a">Title</h2><p data-search-boost="2">Text</p>',
    "",
    '<p>Text<sup data-search-exclude id="fnref:a"><a href="#fn:a">1</a></sup></p>'
    '<details class="cite" data-search-exclude><summary>Cite</summary></details>',
    '<div data-search-exclude data-search-boost="3" data-search-x="" data-search-="1">\n\tdata-search-y="z"</div>',
]


def test_the_plugin_strips_what_it_stripped_and_skips_pages_without_attributes(monkeypatch):
    monkeypatch.setattr(plugin, "re", re)
    before = [re.sub(search_strip._STRIPPED, "", page) for page in _PAGES]
    search_strip.install()
    search_strip.install()  # once is enough
    assert isinstance(plugin.re, search_strip._SkippingRe) and plugin.re._re is re
    assert [plugin.re.sub(search_strip._STRIPPED, "", page) for page in _PAGES] == before
    assert before[1] == '<h2 id="a">Title</h2><p>Text</p>'
    assert plugin.re.sub(search_strip._STRIPPED, "", _PAGES[0]) is _PAGES[0]
    assert plugin.re.sub(search_strip._STRIPPED, "", _PAGES[3]) is _PAGES[3]  # bare marks: skipped
    assert plugin.re.split(r",\s*", "a, b") == ["a", "b"]
    assert plugin.re.sub(r"a", "b", "a data-search-x=\"1\"") == "b dbtb-sebrch-x=\"1\""


def test_skipping_never_changes_what_the_substitution_makes(monkeypatch):
    """Pages made of the pieces the expression could catch on, at random: skipped or not, the
    same string."""
    monkeypatch.setattr(plugin, "re", re)
    search_strip.install()
    pieces = ["data-search-", "exclude", "boost", "=", '"', "2", " ", "\n", "<p ", ">", "x", "-", "_", '=""']
    rng = random.Random(20)
    for _ in range(3000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert plugin.re.sub(search_strip._STRIPPED, "", page) == re.sub(search_strip._STRIPPED, "", page), page


def test_the_expression_is_the_plugins_own():
    """If a later Material strips otherwise, the skip never applies (and this says so)."""
    import inspect

    assert 'r"\\s?data-search-\\w+=\\"[^\\"]+\\""' in inspect.getsource(plugin.SearchPlugin.on_page_context)
