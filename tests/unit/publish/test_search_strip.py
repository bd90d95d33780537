"""Material's search plugin skips its ``data-search-*`` substitution on pages without such an
attribute (``search_strip``); pages with one are stripped as before, other calls go to ``re``."""

from __future__ import annotations

import re

import material.plugins.search.plugin as plugin

from build_scripts.publish import search_strip

_PAGES = [
    '<p>No attribute here, "quoted" words and data-search.</p>',
    '<h2 data-search-exclude="true" id="a">Title</h2><p data-search-boost="2">Text</p>',
    "",
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
    assert plugin.re.split(r",\s*", "a, b") == ["a", "b"]
    assert plugin.re.sub(r"a", "b", "a data-search-x=\"1\"") == "b dbtb-sebrch-x=\"1\""


def test_the_expression_is_the_plugins_own():
    """If a later Material strips otherwise, the skip never applies (and this says so)."""
    import inspect

    assert 'r"\\s?data-search-\\w+=\\"[^\\"]+\\""' in inspect.getsource(plugin.SearchPlugin.on_page_context)
