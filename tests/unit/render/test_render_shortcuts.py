"""The shortcuts that make rendering fast give what the plain computations give."""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.model import (
    Claim,
    Sentence,
    Statement,
)
from build_scripts.render.bibliography import indented_json
from build_scripts.render.escape import md_text, yaml_string
from build_scripts.render.links import relative, text_fragment
from build_scripts.render.sources_used import cited_sources
from build_scripts.render.statement import (
    all_members,
    claim_counts,
    claim_sources,
    first_members,
)
from build_scripts.text.clean import strip_controls

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
_LEADING_MARK = re.compile(r"^(\s*)([-=>:~])")


def _md_text_plain(text: str) -> str:
    """``md_text`` as first written: every pattern applied with ``sub``."""
    text = " ".join(strip_controls(text).split())
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return _LEADING_MARK.sub(lambda m: m.group(1) + "&#" + str(ord(m.group(2))) + ";", text)


_TRICKY = st.text(alphabet=st.sampled_from(list("ab 12.)-=>:~\\`*_[]()#+!|&<>\t\n\x00\x85\u00a0\u0661")), max_size=12)


@given(_TRICKY)
def test_md_text_is_the_plain_escape(text):
    assert md_text(text) == _md_text_plain(text)


def test_md_text_escapes_a_leading_number_and_mark():
    assert md_text("  12. x") == "12\\. x"
    assert md_text("- x") == "&#45; x"
    assert md_text("\u0661) x") == "\u0661\\) x"


_PART = st.sampled_from(["a", "b", "x.md", "index.md", ".", "..", "", "sources"])


@given(st.lists(_PART, min_size=1, max_size=4), st.lists(_PART, min_size=1, max_size=4), st.booleans())
def test_relative_is_posix_relpath(frm, to, absolute):
    from_uri, to_uri = "/".join(frm), ("/" if absolute else "") + "/".join(to)
    if to_uri:
        assert relative(from_uri, to_uri) == posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def test_relative_links_between_folders():
    assert relative("topics/treaty.md", "sources/a.md", "s-1") == "../sources/a.md#s-1"
    assert relative("index.md", "sources/index.md") == "sources/index.md"
    assert relative("sources/a.md", "sources/a.md") == "a.md"


def _sentence(source: str, anchor: str, text: str = "Text.", start: int = 0) -> Sentence:
    return Sentence(source, anchor, text, 0, start)


def test_first_members_are_the_statements_members_cut_short():
    s = [_sentence(f"s{i}", f"a{i}") for i in range(12)]
    claim = Claim("c", (s[3], s[0], s[3], *s[4:], _sentence("s3", "a3")), (("s0", "s4"),), ("w",))
    for shown in (s[3], s[0], s[11], _sentence("s9", "zz")):
        statement = Statement(shown, 0, claim)
        for limit in (0, 1, 2, 8, 20):
            assert first_members(statement, limit) == (list(statement.members[:limit]), len(statement.members))
        assert all_members(statement) == statement.members
    assert first_members(Statement(s[0], 0), 8) == ([s[0]], 1)
    assert all_members(Statement(s[0], 0)) == (s[0],)


def test_a_sentence_of_the_same_source_and_anchor_but_other_text_is_another_member():
    shown = _sentence("s1", "a", "One text.")
    other = _sentence("s1", "a", "Another text.")
    claim = Claim("c", (other, shown, _sentence("s2", "a", "One text.")))
    statement = Statement(shown, 0, claim)
    assert all_members(statement) == statement.members == (shown, other, claim.members[2])
    assert first_members(statement, 2) == ([shown, other], 3)


def test_claim_counts_are_the_claims():
    claim = Claim("c", tuple(_sentence(f"s{i % 3}", f"a{i}") for i in range(7)), (("s0", "s1"),), ("w",))
    assert claim_counts(claim) == (len(claim.sources), claim.independent) == (3, 2)
    assert claim_counts(claim) == (3, 2)  # remembered
    assert claim_sources(claim) == ("s0", "s1", "s2")


def _text_fragment_plain(sentence: str) -> str:
    """``text_fragment`` as first written: each run of words quoted at once."""
    def part(text: str) -> str:
        return quote(text, safe="").replace("-", "%2D")
    words = sentence.split()
    if len(words) <= 10:
        return ":~:text=" + part(" ".join(words))
    return ":~:text=" + part(" ".join(words[:5])) + "," + part(" ".join(words[-5:]))


@given(st.text(alphabet=st.sampled_from(list("ab -,&.%#\t\n\u00a0é字🙂")), max_size=60))
def test_text_fragment_quotes_word_by_word_as_at_once(sentence):
    assert text_fragment(sentence) == _text_fragment_plain(sentence)


_LABEL_MULTILINE = re.compile(r"^\[\^(?P<id>[A-Za-z0-9][A-Za-z0-9._-]*?)-s-[0-9a-f]{10}(?:-\d+)?\]:", re.M)


@given(st.lists(st.sampled_from(["\n", "[^", "a", "b.c", "-s-", "0123456789", "abcdef0123", "]:", "-1", " ",
                                 "\r", "[^a-s-0123456789]:", "[^b.c-s-abcdef0123-2]: x"]), max_size=14))
def test_cited_sources_finds_the_labels_at_line_starts(chunks):
    markdown = "".join(chunks)
    expected = list(dict.fromkeys(m.group("id") for m in _LABEL_MULTILINE.finditer(markdown)))
    assert cited_sources(markdown) == expected


def test_yaml_string_writes_unprintable_characters_as_codes():
    assert yaml_string('A "quoted" \\ title') == '"A \\"quoted\\" \\\\ title"'
    assert yaml_string("Line\nbreak\u2028") == '"Line\\u000abreak\\u2028"'
    assert yaml_string("") == '""'


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: (st.lists(inner, max_size=3) | st.lists(inner, max_size=2).map(tuple)
                   | st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=12,
)


@given(_JSON)
def test_indented_json_is_the_standard_encoders(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)
