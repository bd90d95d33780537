"""The shortcuts that make rendering fast give what the plain computations give."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from build_scripts.model import (
    Block,
    Claim,
    CountryProfile,
    DateMention,
    Document,
    Event,
    PartialDate,
    Report,
    Sentence,
    Source,
    SourceMeta,
    Statement,
    Topic,
    TopicEvidence,
    TopicSection,
)
from build_scripts.pages.countries import source_count
from build_scripts.pages.source import _escape_all, _pieces, _spans, render_source_page
from build_scripts.pages.timeline import MAX_FOOTNOTES, _cited
from build_scripts.pages.topics import _last_sections
from build_scripts.render.bibliography import indented_json
from build_scripts.render.escape import html_text, md_text, yaml_string
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


def test_timeline_cites_the_first_distinct_sentences():
    mention = DateMention(0, 4, "2025", PartialDate(2025), False)
    sentences = [_sentence(f"s{i}", "a") for i in range(MAX_FOOTNOTES + 3)]
    reports = [Report(s, mention) for s in (sentences[0], sentences[0], *sentences[1:])]
    event = Event(PartialDate(2025), tuple(reports))
    assert _cited(event) == sentences[:MAX_FOOTNOTES]


def test_escape_all_keeps_pieces_apart_even_with_newlines():
    pieces = ["a & b", "", "<i>\n</i>", "\x00\"'"]
    assert _escape_all(pieces) == [html_text(p) for p in pieces]
    assert _escape_all(pieces[:2]) == [html_text(p) for p in pieces[:2]]


def _paragraph(text: str, sentences: list[Sentence]) -> str:
    return _spans(sentences, iter(_escape_all(_pieces(text, sentences))))


def test_paragraph_spans_each_sentence():
    text = "One <b>. Two & three.  Four."
    ones = [Sentence("s", "s-1", "One <b>.", 0, 0), Sentence("s", "s-2", "Two & three.", 0, 9),
            Sentence("s", "s-3", "Four.", 0, 23)]
    assert _paragraph(text, ones) == (
        '<span class="sentence" id="s-1">One &lt;b&gt;.</span> '
        '<span class="sentence" id="s-2">Two &amp; three.</span>  '
        '<span class="sentence" id="s-3">Four.</span>')
    assert _paragraph("Just text.", []) == "Just text."


def test_source_page_escapes_each_paragraph():
    text = "A <x>. B\nC."
    blocks = (Block("heading", "H & h", 1), Block("furniture", "Menu", 2), Block("text", text, 3),
              Block("text", "No sentence & more.", 4, opinion=True))
    doc = Document(Source("s", Path("s.md"), SourceMeta(title="T"), text, 1), blocks,
                   (Sentence("s", "s-1", "A <x>.", 2, 0), Sentence("s", "s-2", "B\nC.", 2, 7)))
    page = render_source_page(doc, [])
    assert ('<h3 class="article-heading" lang="en">H &amp; h</h3>\n\n'
            '<p class="article-text" lang="en"><span class="sentence" id="s-1">A &lt;x&gt;.</span> '
            '<span class="sentence" id="s-2">B\nC.</span></p>\n\n'
            '<p class="article-text opinion" lang="en">No sentence &amp; more.</p>') in page


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


def test_last_sections_are_those_of_every_member_kept_for_the_wanted():
    s = [_sentence(f"s{i % 4}", f"a{i % 3}", f"Text {i}.") for i in range(12)]
    claims = [Claim("c1", (s[0], s[1], s[2])), Claim("c2", (s[3], s[1], s[4])), Claim("c3", (s[5], s[6]))]
    section = TopicSection("H", (("x",),))
    evidence = TopicEvidence(Topic("t", "T", "topics/t.md", (section,)), [
        (section, [Statement(s[0], 1, claims[0]), Statement(s[7], 1)]),
        (section, [Statement(s[4], 1, claims[1]), Statement(s[8], 1)]),
        (section, [Statement(s[6], 1, claims[2])]),
    ])
    wanted = {s[1], s[5], s[8], s[9], _sentence("s1", "a1", "Text 1."), _sentence("s0", "a0", "Other text.")}
    plain = {m: i for i, (_, sts) in enumerate(evidence.sections) for st in sts for m in st.members}
    assert _last_sections(evidence, wanted) == {m: i for m, i in plain.items() if m in wanted}


def test_source_count_is_the_number_of_sources():
    profile = CountryProfile("fr", "France", sentences=[_sentence(f"s{i % 3}", f"a{i}") for i in range(7)])
    assert source_count(profile) == len(profile.sources) == 3
