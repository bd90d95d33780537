"""Fuzzing the inputs (issue 18): whatever a source file or a topic file holds, the generator
either builds or names the file at fault, ends in time proportional to the input, and never
writes into sources/ or docs/."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.errors import InputError
from build_scripts.model import Project
from build_scripts.pipeline import generate
from tests.seed import SEED

FIELD = st.sampled_from(["title", "publisher", "author", "date", "url", "retrieved", "language", "notes",
                         "tags", "match", "topic", "sections"])
YAML_BITS = st.sampled_from(["[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!int ", "!!timestamp ", "|", ">", "'",
                             '"', "#", "\t", "  ", "\n", "---\n", "...\n", "%YAML 1.1\n", "\u202e", "\ufeff", "\x00",
                             "2025-02-30", "https://", "x" * 50])
TEXT_BITS = st.sampled_from(["The council approved the harbour wall on Monday. ", "He said: ", "“", "”", "\n\n",
                             "# ", "> ", "* ", "1. ", "<script>alert(1)</script>", "///Footnotes Go Here///",
                             "[^x]", "{: .x }", "\r\n", "\u202e", "\x02", "\x03", "a" * 200, " " * 300, "!", "?"])


def _frontmatter() -> st.SearchStrategy[str]:
    line = st.tuples(FIELD, st.lists(YAML_BITS, max_size=6)).map(lambda t: f"{t[0]}: {''.join(t[1])}")
    return st.lists(line, max_size=6).map(lambda lines: "---\n" + "\n".join(lines) + "\n---\n")


SOURCE = st.one_of(
    st.tuples(_frontmatter(), st.lists(TEXT_BITS, max_size=30)).map(lambda t: t[0] + "".join(t[1])),
    st.lists(st.one_of(YAML_BITS, TEXT_BITS), max_size=40).map("".join),
    st.text(max_size=300),
).map(lambda text: text.encode("utf-8", "surrogatepass"))

TOPIC = st.one_of(
    st.tuples(_frontmatter(), st.just("# A topic\n")).map(lambda t: t[0] + t[1]),
    st.sampled_from([
        "---\ntitle: T\ntopic:\n  sections:\n    - heading: H\n      match: [['*']]\n---\n",
        "---\ntitle: T\ntopic:\n  sections:\n    - heading: H\n      match: [[]]\n---\n",
        "---\ntitle: T\ntopic:\n  sections: []\n---\n",
        "---\ntitle: T\ntopic:\n  require: [[[x]]]\n  sections:\n    - heading: H\n      match: [[x]]\n---\n",
    ]),
).map(lambda text: text.encode("utf-8", "surrogatepass"))


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _check(project: Project, fuzzed: Path, size: int) -> None:
    before = {"sources": _digest(project.sources_dir), "docs": _digest(project.docs_dir)}
    started = time.monotonic()
    try:
        generate(project)
    except InputError as exc:
        named = {p.path.resolve() for p in exc.problems}
        assert fuzzed.resolve() in named, exc.report()
    elapsed = time.monotonic() - started
    assert elapsed < 20 + size / 10_000, f"{elapsed:.1f} s for a {size}-byte file"
    assert {"sources": _digest(project.sources_dir), "docs": _digest(project.docs_dir)} == before


def _project(tmp: Path) -> Project:
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(SEED / "sources", tmp / "sources")
    shutil.copytree(SEED / "docs", tmp / "docs")
    return Project.at(tmp)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=SOURCE)
def test_any_source_file_builds_or_is_named(tmp_path, raw):
    project = _project(tmp_path / "p")
    fuzzed = project.sources_dir / "fuzzed.md"
    fuzzed.write_bytes(raw)
    _check(project, fuzzed, len(raw))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=TOPIC)
def test_any_topic_file_builds_or_is_named(tmp_path, raw):
    project = _project(tmp_path / "p")
    fuzzed = project.docs_dir / "topics" / "fuzzed.md"
    fuzzed.write_bytes(raw)
    _check(project, fuzzed, len(raw))
