"""The page "Who said what": each statement's versions in a list of their own."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.quote_groups import group_quotes
from build_scripts.model import Document, Source, SourceMeta
from build_scripts.pages.quotes import render_quotes_page
from build_scripts.text.document import build_document


def _doc(source_id: str, publisher: str, body: str) -> Document:
    return build_document(Source(source_id, Path(f"{source_id}.md"), SourceMeta(publisher=publisher), body, 1))


def _blocks(markdown: str) -> list[list[str]]:
    return [b.splitlines() for b in markdown.split("\n\n") if b.strip()]


def test_versions_of_one_statement_are_a_list_apart_from_other_quotations() -> None:
    docs = [
        _doc("a", "Alpha Post", "“The bridge will reopen in May after the repairs,” said Anna Berg, the mayor. "
             "“The buses will run as before,” she said later."),
        _doc("b", "Beta News", "“The bridge will reopen in May once repairs end,” Anna Berg said on Monday."),
    ]
    md = render_quotes_page(group_quotes(docs), {d.source.id: d for d in docs})
    blocks = _blocks(md)
    lists = [i for i, b in enumerate(blocks) if b[0].startswith("- ")]
    assert len(lists) == 2
    for i in lists:  # two lists never touch: Markdown would join them into one
        assert not blocks[i - 1][0].startswith("- ")
    grouped, single = (blocks[i] for i in lists)
    assert blocks[lists[0] - 1] == ["Quoted by 2 sources:"]
    assert len(grouped) == 2 and all("bridge will reopen" in line for line in grouped)
    assert blocks[lists[1] - 1] == ["Quoted by one source each:"]
    assert len(single) == 1 and "buses will run" in single[0]


def test_quotations_of_one_source_each_need_no_line() -> None:
    docs = [_doc("a", "Alpha Post", "“The bridge will reopen in May,” said Anna Berg, the mayor.")]
    md = render_quotes_page(group_quotes(docs), {d.source.id: d for d in docs})
    assert "Quoted by" not in md
    assert "bridge will reopen in May" in md


def test_the_setting_follows_the_source() -> None:
    docs = [_doc("a", "Alpha Post", "“The bridge will reopen in May,” Anna Berg told councillors on Monday.")]
    md = render_quotes_page(group_quotes(docs), {d.source.id: d for d in docs})
    assert "(Alpha Post; told councillors on Monday)" in md
