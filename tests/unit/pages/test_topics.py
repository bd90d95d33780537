"""Topic pages stay readable: the strongest statements first, the rest on continuation pages."""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.model import (
    Claim,
    Document,
    Sentence,
    Source,
    SourceMeta,
    Statement,
    Topic,
    TopicEvidence,
    TopicSection,
)
from build_scripts.pages import topics
from build_scripts.pages.continued import pack as topics_pack
from build_scripts.pages.topics import SECTION_LIMIT, _last_sections, render_topic, section_limits, shown_limits
from build_scripts.text.document import build_document


def _sentence(source: str, anchor: str, text: str = "Text.", start: int = 0) -> Sentence:
    return Sentence(source, anchor, text, 0, start)


def _reasons(n: int, sources: int = 1) -> tuple[TopicEvidence, dict[str, Document]]:
    """A topic of one section of ``n`` statements, each reported in the same words by ``sources`` sources."""
    body = "\n".join(f"Statement number {i} says that the treaty matters for reason {i}." for i in range(n))
    docs = {f"src{k}": build_document(Source(f"src{k}", Path(f"src{k}.md"), SourceMeta(), body, 1))
            for k in range(sources)}
    section = TopicSection("Reasons", (("treaty",),))
    topic = Topic("t", "T", "topics/t.md", (section,))
    members = list(zip(*(doc.sentences for doc in docs.values()), strict=True))
    statements = [Statement(ms[0], 1, Claim(f"c{i}", ms)) for i, ms in enumerate(members)]
    return TopicEvidence(topic, [(section, statements)]), docs


def test_long_sections_continue_on_numbered_pages(monkeypatch):
    evidence, docs = _reasons(SECTION_LIMIT + 130)
    monkeypatch.setattr(topics, "pack", lambda sizes, budget: topics_pack(sizes, sum(sizes[:100])))
    pages = render_topic(evidence, docs)
    assert pages.addition.count("\n- Statement number") == SECTION_LIMIT
    assert [uri for uri, _ in pages.continuations] == ["topics/t/page-2.md", "topics/t/page-3.md"]
    assert pages.continuations[0][1].count("\n- Statement number") == 100
    assert pages.continuations[1][1].count("\n- Statement number") == 30
    assert "[page 2](t/page-2.md), [page 3](t/page-3.md)" in pages.addition
    assert "[Back to T](../t.md)" in pages.continuations[0][1]
    assert "(../../sources/src0.md#" in pages.continuations[1][1]  # links from the pages' own folder


def test_a_topic_page_and_its_continuations_keep_within_the_budget(monkeypatch):
    """Statements reported by many sources carry many footnotes: fewer fit on a page."""
    evidence, docs = _reasons(200, sources=8)
    assert section_limits(evidence) == [SECTION_LIMIT]
    monkeypatch.setattr(topics, "TOPIC_BUDGET", 30_000)  # about six such statements
    pages = render_topic(evidence, docs)
    for markdown in [pages.addition, *(md for _, md in pages.continuations)]:
        footnotes = markdown.count("\n[^")
        assert len(markdown) + footnotes * topics.FOOTNOTE_OVERHEAD <= 30_000 * 1.05
    shown = pages.addition.count("\n- Statement number")
    assert shown == shown_limits(evidence, docs)[0] and 1 < shown < SECTION_LIMIT
    assert sum(md.count("\n- Statement number") for _, md in pages.continuations) == 200 - shown


def test_generated_titles_are_valid_yaml_and_html_safe():
    import yaml

    from build_scripts.render.page_head import page_head

    title = 'Bolivia (Plurinational State of): "more" \\ <b>statements</b> (2)'
    frontmatter = "\n".join(page_head(title)).split("---")[1]
    assert yaml.safe_load(frontmatter)["title"] == (
        'Bolivia (Plurinational State of): &quot;more&quot; \\ &lt;b&gt;statements&lt;/b&gt; (2)')


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
    assert _last_sections(evidence, wanted, [2, 2, 1]) == {m: i for m, i in plain.items() if m in wanted}


def test_a_researchers_note_is_shown_with_its_statement_escaped():
    body = "The treaty bans the use of mines, officials said on Monday.\nThe treaty was signed in 1997 by many states."
    doc: Document = build_document(Source("src", Path("src.md"), SourceMeta(), body, 1))
    section = TopicSection("Facts", (("treaty",),))
    topic = Topic("t", "T", "topics/t.md", (section,))
    first, second = doc.sentences
    statements = [Statement(first, 1, Claim("c1", (first,))), Statement(second, 1, Claim("c2", (second,)))]
    evidence = TopicEvidence(topic, [(section, statements)], notes={("src", second.anchor): "Some say *1998* <b>"})
    addition = render_topic(evidence, {"src": doc}).addition
    assert addition.count("Researcher's note:") == 1
    note_line = next(line for line in addition.splitlines() if "Researcher's note:" in line)
    assert "*1998*" not in note_line and "<b>" not in note_line  # escaped, not markup
    assert addition.index("The treaty was signed in 1997") < addition.index("Researcher's note:")


def test_a_short_section_lends_its_room_on_the_page_to_longer_ones():

    def evidence(*sizes):
        sections = [(TopicSection(f"S{i}", (("x",),)), [Statement(_sentence("s", f"a{i}-{j}"), 1) for j in range(n)])
                    for i, n in enumerate(sizes)]
        return TopicEvidence(Topic("t", "T", "topics/t.md", tuple(s for s, _ in sections)), sections)

    assert section_limits(evidence(3)) == [3]
    assert section_limits(evidence(40)) == [SECTION_LIMIT]
    assert section_limits(evidence(2, 21, 5)) == [2, 21, 5]  # 45 places, 28 statements
    limits = section_limits(evidence(1, 40, 40))
    assert limits[0] == 1 and sum(limits) == 3 * SECTION_LIMIT and abs(limits[1] - limits[2]) <= 1


def test_disagreements_beyond_the_budget_are_left_to_the_disagreements_page(monkeypatch):
    from build_scripts.model import Disagreement, Side

    evidence, docs = _reasons(20, sources=2)
    src0, src1 = docs["src0"].sentences, docs["src1"].sentences
    disagreements = [Disagreement(f"d-{i}", "number", f"reason {i}", (Side(src0[i], f"{i}"), Side(src1[i], f"{i + 1}")),
                                  False) for i in range(12)]
    everything = render_topic(evidence, docs, disagreements).addition
    assert everything.count('Sources differ:') == 12 and "under [Where sources differ]" not in everything
    monkeypatch.setattr(topics, "TOPIC_BUDGET", 30_000)  # the statements fit in two thirds, not every box
    cut = render_topic(evidence, docs, disagreements).addition
    assert cut.count("\n- Statement number") == everything.count("\n- Statement number")
    kept = cut.count("Sources differ:")
    line = re.search(r"\*(\d+) more disagreements? about these statements (?:is|are) under "
                     r"\[Where sources differ\]\(\.\./disagreements\.md\)\.\*", cut)
    assert 0 < kept < 12 and line is not None and kept + int(line[1]) == 12
