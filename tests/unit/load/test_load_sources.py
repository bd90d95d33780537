"""Loading and validating source files: every problem names the file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.errors import InputProblem
from build_scripts.load.dates import parse_date
from build_scripts.load.sources import load_sources
from build_scripts.model import PartialDate
from tests.unit.markup_text import TEXT

GOOD = """---
title: Ukraine to leave treaty
publisher: Example News
author: Jane Doe
date: 2025-06-30
url: https://example.org/story
language: en
---
Ukraine will leave the treaty. The decree was signed on Sunday.
"""


def _problems(tmp_path: Path) -> list[str]:
    _, problems = load_sources(tmp_path / "sources")
    return [p.format(tmp_path) for p in problems]


def test_valid_source_loads_with_its_metadata(tmp_path, write):
    write("2025-06-30-example.md", GOOD)
    sources, problems = load_sources(tmp_path / "sources")
    assert problems == []
    [source] = sources
    assert source.id == "2025-06-30-example"
    assert source.meta.title == "Ukraine to leave treaty"
    assert source.meta.date == PartialDate(2025, 6, 30)
    assert source.meta.url == "https://example.org/story"
    assert source.body.startswith("Ukraine will leave the treaty.")
    assert source.body_first_line == 9


def test_missing_metadata_is_allowed_and_stays_unknown(tmp_path, write):
    write("bare.md", "Just the article text, with no frontmatter at all.\n")
    [source], problems = load_sources(tmp_path / "sources")
    assert problems == []
    assert source.meta.title is None and source.meta.publisher is None
    assert source.meta.date is None and source.meta.author is None
    assert source.meta.language == "en"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025", PartialDate(2025)), ("2025-06", PartialDate(2025, 6)), (2025, PartialDate(2025)),
     ("2025-06-30", PartialDate(2025, 6, 30))],
)
def test_dates_keep_their_precision(value, expected):
    assert parse_date(value) == expected


def test_partial_dates_display_no_more_precision_than_known():
    assert PartialDate(2025).display() == "2025"
    assert PartialDate(2025, 6).display() == "June 2025"
    assert PartialDate(2025, 6, 30).display() == "30 June 2025"


@pytest.mark.parametrize(
    ("frontmatter", "message"),
    [
        ("date: 30/06/2025",
         "sources/a.md:2: 'date': '30/06/2025' is not an ISO 8601 date; write 2025, 2025-06 or 2025-06-30"),
        ("date: 2025-02-30", "sources/a.md:2: 'date': '2025-02-30' is not a real day of the calendar"),
        ("url: javascript:alert(1)",
         "sources/a.md:2: 'url' must start with http:// or https:// and name a host; got 'javascript:alert(1)'"),
        ("url: ftp://example.org/x", "sources/a.md:2: 'url' must start with http:// or https:// and name a host; got 'ftp://example.org/x'"),
        ("titel: Typo", "sources/a.md:2: unknown field 'titel'; did you mean 'title'?"),
        ("bad key!: x", "sources/a.md:2: unknown field 'bad key!'; the fields are: title, publisher, author, date, "
                        "url, retrieved, language, notes, former_ids (a field of another tool is kept when its "
                        "name is letters, digits, '-' and '_')"),
        ("title: [unclosed",
         "sources/a.md:2: the frontmatter is not valid YAML (did not find expected ',' or ']'); fix the syntax"),
        ("language: English", "sources/a.md:2: 'language' must be a language code such as en or uk; got 'English'"),
    ],
)
def test_invalid_fields_are_reported_with_file_line_and_fix(tmp_path, write, frontmatter, message):
    write("a.md", f"---\n{frontmatter}\n---\nSome article text here.\n")
    assert _problems(tmp_path) == [message]


def test_broken_files_each_get_one_clear_error(tmp_path, write):
    write("empty.md", "")
    write("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write("latin1.md", "Caf\xe9 society.\n".encode("latin-1"))
    write("nobody.md", "---\ntitle: Only a title\n---\n\n")
    write("unclosed.md", "---\ntitle: x\nText without a closing line.\n")
    assert _problems(tmp_path) == [
        "sources/binary.md: the file is binary, not text; save the article as UTF-8 markdown",
        "sources/empty.md: the file is empty; add the article text (and optional frontmatter) or delete it",
        "sources/latin1.md:1: byte 0xe9 is not valid UTF-8; re-save the file as UTF-8",
        "sources/nobody.md:4: the file has frontmatter but no article text after it",
        "sources/unclosed.md:1: the frontmatter opened with '---' on line 1 is never closed; add a '---' line after it",
    ]


def test_duplicate_ids_and_bad_names_are_refused(tmp_path, write):
    write("Story.md", "First article text.\n")
    write("story.md", "Second article text.\n")
    write("bad name.md", "Third article text.\n")
    problems = _problems(tmp_path)
    assert any("has the same id as" in p for p in problems)
    assert any(p.startswith("sources/bad name.md: the file name must start with a letter or digit") for p in problems)


def test_symlink_outside_sources_is_refused(tmp_path, write):
    outside = write("secret.md", "Outside text.\n", folder="elsewhere")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "link.md").symlink_to(outside)
    [problem] = _problems(tmp_path)
    assert problem.startswith("sources/link.md: the file is a link to ")
    assert problem.endswith("outside the sources folder; copy the article into the folder instead")


def test_oversized_file_is_refused(tmp_path, write):
    write("huge.md", "word " * (1_200_000))
    [problem] = _problems(tmp_path)
    assert problem == ("sources/huge.md: the file is 5.7 MB, more than the 5 MB a source may have; "
                       "keep only the article text")


def test_index_is_a_reserved_id(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "Index.md").write_text("Some article text here.\n", encoding="utf-8")
    _, [problem] = load_sources(tmp_path / "sources")
    assert problem.message == "'index' is the address of the sources list; rename the file"


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=300) | TEXT.map(lambda s: s.encode("utf-8")))
def test_loader_never_crashes_on_any_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("src")
    (folder / "any.md").write_bytes(data)
    sources, problems = load_sources(folder)
    assert len(sources) + len(problems) == 1
    assert all(isinstance(p, InputProblem) and p.message for p in problems)
