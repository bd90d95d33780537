"""Unchanged sources are not analysed again and unchanged inputs give back the last pages; what changed is
worked out again, the same as afresh."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.infra.cache import StageCache
from build_scripts.model import Project
from build_scripts.pipeline import analyse

ROOT = Path(__file__).resolve().parents[2]
UKRAINIAN = ROOT / "tests" / "fixtures" / "sources" / "uk-zelenskyy-decree.md"


def test_second_analysis_reuses_every_unchanged_source(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    project = Project(tmp_path / "sources", ROOT / "docs")
    store: dict[str, bytes] = {}
    first = analyse(project, StageCache(store))
    cache = StageCache(store)
    second = analyse(project, cache)
    assert (cache.hits, cache.misses) == (5, 0)
    assert [d.sentences for d in first.documents] == [d.sentences for d in second.documents]
    edited = tmp_path / "sources" / "000_183601ec9612ed3f.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("officially", "formally"), encoding="utf-8")
    cache = StageCache(store)
    third = analyse(project, cache)
    assert (cache.hits, cache.misses) == (4, 1)
    assert "formally" in third.documents[0].sentences[0].text
    assert len(store) == 5  # the stale entry was pruned


def test_kept_objects_are_reused_as_they_are_and_the_bytes_serve_after_a_reload(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    project = Project(tmp_path / "sources", ROOT / "docs")
    store: dict[str, bytes] = {}
    live: dict = {}
    first = analyse(project, StageCache(store, live))
    second = analyse(project, StageCache(store, live))
    assert all(a is b for a, b in zip(first.documents, second.documents, strict=True))
    live.clear()  # what the hook does when it imports the generator afresh
    cache = StageCache(store, live)
    third = analyse(project, cache)
    assert (cache.hits, cache.misses) == (5, 0)
    assert [d.sentences for d in third.documents] == [d.sentences for d in first.documents]
    assert not any(a is b for a, b in zip(first.documents, third.documents, strict=True))


def test_term_hits_are_found_once_per_sentence_across_builds_while_the_terms_stay(tmp_path, monkeypatch):
    from build_scripts.analyse import terms as terms_module

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    project = Project(tmp_path / "sources", tmp_path / "docs")
    live: dict = {}
    searched: list[str] = []
    original = terms_module.TermIndex._find
    monkeypatch.setattr(terms_module.TermIndex, "_find",
                        lambda self, text: searched.append(text) or original(self, text))
    first = analyse(project, StageCache({}, live))
    assert searched
    searched.clear()
    second = analyse(project, StageCache({}, live))
    assert searched == []
    assert _statements(first) == _statements(second)
    memos = {k for k in live if k.startswith("memo:")}
    assert len(memos) == 2  # the term hits and the claims
    topic = tmp_path / "docs" / "topics" / "treaty.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("ratified, signator*", "ratified, treaty-bound, signator*"), encoding="utf-8")
    analyse(project, StageCache({}, live))
    assert searched  # new terms: every sentence is looked at again
    after = {k for k in live if k.startswith("memo:")}
    assert len(after) == 2 and len(after & memos) == 1  # the claims' memo stays, the old term hits were let go


def _statements(analysis) -> list[tuple[str, str, str, int]]:
    return [(e.topic.src_uri, st.sentence.source_id, st.sentence.anchor, st.score)
            for e in analysis.evidence for _, statements in e.sections for st in statements]


def test_source_pages_are_rewritten_only_for_edited_sources_and_match_a_fresh_generation(tmp_path):
    from build_scripts.pipeline import generate

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    project = Project(tmp_path / "sources", ROOT / "docs")
    live: dict = {}
    first = {p.src_uri: p for p in generate(project, StageCache({}, live)).pages}
    edited = tmp_path / "sources" / "000_183601ec9612ed3f.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("officially", "formally"), encoding="utf-8")
    second = {p.src_uri: p for p in generate(project, StageCache({}, live)).pages}
    fresh = {p.src_uri: p for p in generate(project).pages}
    assert second == fresh
    source_pages = [uri for uri in first if uri.startswith("sources/") and uri != "sources/index.md"]
    assert len(source_pages) == 5
    rewritten = [uri for uri in source_pages if second[uri] is not first[uri]]
    assert "sources/000_183601ec9612ed3f.md" in rewritten
    assert len(rewritten) < 5
    assert "formally" in second["sources/000_183601ec9612ed3f.md"].markdown


def test_unchanged_inputs_give_back_the_last_pages_and_any_change_gives_a_fresh_generation(tmp_path, monkeypatch):
    from build_scripts.analyse import terms as terms_module
    from build_scripts.pipeline import generate

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    project = Project(tmp_path / "sources", tmp_path / "docs")
    live: dict = {}

    def pages(content) -> dict[str, str]:
        return {p.src_uri: p.markdown for p in content.pages} | {f"+{k}": v for k, v in content.additions.items()}

    first = generate(project, StageCache({}, live))
    methodology = tmp_path / "docs" / "about" / "methodology.md"
    methodology.write_text(methodology.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert generate(project, StageCache({}, live)) is first  # no stage reads that page

    searched: list[str] = []
    original = terms_module.TermIndex._find
    monkeypatch.setattr(terms_module.TermIndex, "_find",
                        lambda self, text: searched.append(text) or original(self, text))
    edited = tmp_path / "sources" / "000_183601ec9612ed3f.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("officially", "formally"), encoding="utf-8")
    after_edit = generate(project, StageCache({}, live))
    assert searched and all("formally" in text for text in searched)  # the other term hits were kept
    assert after_edit is not first and pages(after_edit) == pages(generate(project))

    topic = tmp_path / "docs" / "topics" / "treaty.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("ratified, signator*", "ratified, treaty-bound, signator*"),
                     encoding="utf-8")
    after_topic = generate(project, StageCache({}, live))
    assert after_topic is not after_edit and pages(after_topic) == pages(generate(project))
    (tmp_path / "sources" / "004_21c2e34f33b076b3.md").unlink()
    after_removal = generate(project, StageCache({}, live))
    assert after_removal is not after_topic and pages(after_removal) == pages(generate(project))


def test_source_pages_made_with_the_analysis_are_the_pages_made_when_writing():
    """A source's page comes from its analysis (worker processes, the cache) but for its
    citations; without it the page is made on the spot, the same."""
    from dataclasses import replace

    from build_scripts.pipeline import render

    analysis = analyse(Project(ROOT / "sources", ROOT / "docs"))
    assert len(analysis.source_pages) == 5
    made = {p.src_uri: p.markdown for p in render(analysis, ROOT / "docs").pages}
    on_the_spot = {p.src_uri: p.markdown for p in render(replace(analysis, source_pages={}), ROOT / "docs").pages}
    assert made == on_the_spot
    cited = [md for uri, md in made.items() if uri.startswith("sources/0") and "| **Cited on** | [" in md]
    assert cited and all(md.endswith("\n") and "## Sources used on this page" in md for md in cited)


def test_a_one_off_analysis_keeps_no_pickled_analysis():
    from build_scripts.infra.cache import Forgetful

    store = Forgetful()
    cache = StageCache(store)
    first = analyse(Project(ROOT / "sources", ROOT / "docs"), cache)
    assert (cache.hits, cache.misses, len(store), list(store)) == (0, 5, 0, [])
    again = StageCache(store)
    second = analyse(Project(ROOT / "sources", ROOT / "docs"), again)
    assert (again.hits, again.misses) == (0, 5)
    assert [d.sentences for d in first.documents] == [d.sentences for d in second.documents]
