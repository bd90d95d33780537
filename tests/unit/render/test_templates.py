"""Templates escape every value by the kind of text they write; only Markup passes as it is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from build_scripts.render.escape import html_text, md_text
from build_scripts.render.templates import _environment, _finalize, render

HOSTILE = '<script>alert("x")</script> *em* [link](javascript:alert(1)) & `code`'


def test_markdown_templates_markdown_escape_every_value():
    out = _environment("md").from_string("{{ value }}").render(value=HOSTILE)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert r"\*em\*" in out and r"\[link\]" in out and r"\`code\`" in out


def test_html_templates_html_escape_every_value_attributes_included():
    out = _environment("html").from_string('<p title="{{ value }}">{{ value }}</p>').render(value=HOSTILE)
    assert "<script>" not in out and '"x"' not in out
    assert out.count("&lt;script&gt;") == 2


def test_markup_is_written_as_it_is():
    assert _environment("md").from_string("{{ value }}").render(value=Markup("**bold**")) == "**bold**"


def test_page_head_escapes_the_title_for_yaml_html_and_markdown():
    out = render("page-head.md.j2", title='A "quoted" <b>title</b> #1', intro=[])
    assert out.splitlines()[1] == 'title: "A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; #1"'
    assert out.splitlines()[4] == r'# A "quoted" &lt;b&gt;title&lt;/b&gt; \#1'


def test_a_code_span_holds_any_backticks():
    out = _environment("md").from_string("{{ value|code }}").render(value="a `b` c")
    assert out == "``a `b` c``"


@given(st.text())
def test_a_value_is_made_markup_as_markup_makes_it(text: str) -> None:
    for escape in (html_text, md_text):
        made = _finalize(escape)(text)
        assert type(made) is Markup and made == Markup(escape(text))
