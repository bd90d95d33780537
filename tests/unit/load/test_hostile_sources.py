"""Hostile or careless frontmatter ends in a clear ``file:line`` problem, in bounded time and memory
(issue 18: cases 6, 7, 9, 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.load.metadata import MAX_LENGTH, parse_metadata
from build_scripts.load.sources import MAX_NESTING, SourceProblem, load_sources, parse_source

BODY = b"The council approved the new harbour wall on Monday after a long debate.\n"


def _problem(raw: bytes, name: str = "a.md") -> SourceProblem:
    with pytest.raises(SourceProblem) as caught:
        parse_source(Path(name), raw)
    return caught.value


def test_brackets_nested_a_hundred_thousand_deep_are_refused_before_parsing():
    problem = _problem(b"---\nnotes: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\n" + BODY)
    assert problem.line == 2 and "KB" in str(problem)


def test_nesting_deeper_than_any_metadata_needs_is_refused_within_the_size_limit():
    depth = MAX_NESTING + 5
    problem = _problem(b"---\nnotes: " + b"[" * depth + b"]" * depth + b"\n---\n" + BODY)
    assert problem.line == 2 and "nests" in str(problem)


def test_anchors_and_aliases_are_refused_so_no_alias_expands():
    raw = b"---\ntitle: &x " + b"y" * 1000 + b"\nnotes: [" + b",".join([b"*x"] * 1000) + b"]\n---\n" + BODY
    problem = _problem(raw)
    assert problem.line == 2 and "anchor or alias" in str(problem)


@pytest.mark.parametrize("value", ["!!timestamp 2025-02-30", "!!int abc", "!!float x"])
def test_a_tag_whose_value_cannot_be_made_names_its_line(value):
    problem = _problem(f"---\ntitle: Fine\ndate: {value}\n---\n".encode() + BODY)
    assert problem.line == 3 and "without a YAML tag" in str(problem)


def test_bidirectional_controls_are_stripped_from_text_and_addresses():
    meta = parse_metadata({"url": "https://evil.example/\u202emoc.sserpdoog.www//:sptth",
                           "title": "Good\u2066 news\u2069", "publisher": "\u202eevil"})
    assert meta.url == "https://evil.example/moc.sserpdoog.www//:sptth"
    assert meta.title == "Good news" and meta.publisher == "evil"


@pytest.mark.parametrize("field", ["title", "publisher", "author", "notes", "url"])
def test_a_field_longer_than_its_limit_is_refused_with_its_line(field):
    value = "x" * (MAX_LENGTH[field] + 1)
    if field == "url":
        value = "https://example.org/" + value
    problem = _problem(f"---\n{field}: {value}\n---\n".encode() + BODY)
    assert problem.line == 2 and f"'{field}' is" in str(problem)


def test_a_source_named_like_a_web_file_is_refused(tmp_path):
    (tmp_path / "index.html.md").write_bytes(BODY)
    (tmp_path / "report.json.md").write_bytes(BODY)
    (tmp_path / "report.v2.md").write_bytes(BODY)
    sources, problems = load_sources(tmp_path)
    assert [s.id for s in sources] == ["report.v2"]
    assert sorted(p.path.name for p in problems) == ["index.html.md", "report.json.md"]
    assert all("rename the file" in p.message for p in problems)


def test_every_problem_of_a_file_is_listed_with_its_line(tmp_path):
    """Issue 19, item 4: `check` reported only the first problem of each file."""
    from build_scripts.infra.cache import StageCache
    from build_scripts.model import Project
    from build_scripts.pipeline.inputs import run_per_source

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_bytes(b"---\ndate: yesterday\ntitel: x\nurl: ftp://x\n---\n" + BODY)
    _, alone = load_sources(tmp_path / "sources")
    assert [p.line for p in alone] == [2, 3, 4]
    _, through_the_stages = run_per_source(Project.at(tmp_path).sources_dir, StageCache())
    assert through_the_stages == alone
