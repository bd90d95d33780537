"""Unchanged sources are not analysed again and unchanged inputs give back the last pages; what changed is
worked out again, the same as afresh."""

from __future__ import annotations

from build_scripts.analyse import sentence_memo
from build_scripts.analyse import terms as terms_module
from build_scripts.infra.cache import Forgetful, StageCache
from build_scripts.pipeline import analyse, generate
from build_scripts.pipeline.inputs import CHAIN

STAGES = len(CHAIN)
"""Results kept per source: one per stage of the per-source chain."""
EDITED = "000_183601ec9612ed3f.md"


def _edit_a_source(project) -> None:
    edited = project.sources_dir / EDITED
    edited.write_text(edited.read_text(encoding="utf-8").replace("officially", "formally"), encoding="utf-8")


def _edit_the_treaty_topic(project) -> None:
    topic = project.docs_dir / "topics" / "treaty.md"
    text = topic.read_text(encoding="utf-8")
    assert "ratified, signator*" in text
    topic.write_text(text.replace("ratified, signator*", "ratified, treaty-bound, signator*"), encoding="utf-8")


def test_second_analysis_reuses_every_unchanged_source(seed_copy):
    store: dict[str, bytes] = {}
    first = analyse(seed_copy, StageCache(store))
    cache = StageCache(store)
    second = analyse(seed_copy, cache)
    assert (cache.hits, cache.misses) == (5 * STAGES, 0)
    assert [d.sentences for d in first.documents] == [d.sentences for d in second.documents]
    _edit_a_source(seed_copy)
    cache = StageCache(store)
    third = analyse(seed_copy, cache)
    # the edited source misses at its first stage and is worked out from there on, unasked
    assert (cache.hits, cache.misses) == (4 * STAGES, 1)
    assert "formally" in third.documents[0].sentences[0].text
    assert len(store) == 5 * STAGES  # the stale entries were pruned


def test_kept_objects_are_reused_as_they_are_and_the_bytes_serve_after_a_reload(seed_project):
    store: dict[str, bytes] = {}
    live: dict = {}
    first = analyse(seed_project, StageCache(store, live))
    second = analyse(seed_project, StageCache(store, live))
    assert all(a is b for a, b in zip(first.documents, second.documents, strict=True))
    live.clear()  # what the hook does when it imports the generator afresh
    cache = StageCache(store, live)
    third = analyse(seed_project, cache)
    assert (cache.hits, cache.misses) == (5 * STAGES, 0)
    assert [d.sentences for d in third.documents] == [d.sentences for d in first.documents]
    assert not any(a is b for a, b in zip(first.documents, third.documents, strict=True))


def test_term_hits_are_found_once_per_sentence_across_builds_while_the_terms_stay(seed_copy, monkeypatch):
    # As after ``mkdocs build``: no build follows, so the copies and the claim graph are not kept
    # (another test's ``generate`` may have left the flag either way).
    monkeypatch.setattr(sentence_memo, "_KEEP", [False])
    live: dict = {}
    searched: list[str] = []
    original = terms_module.TermIndex._find
    monkeypatch.setattr(terms_module.TermIndex, "_find",
                        lambda self, text: searched.append(text) or original(self, text))
    first = analyse(seed_copy, StageCache({}, live))
    assert searched
    searched.clear()
    second = analyse(seed_copy, StageCache({}, live))
    assert searched == []
    assert _statements(first) == _statements(second)
    memos = {k for k in live if k.startswith("memo:")}
    assert len(memos) == 3  # the term hits, the claims and what same_fact found without word weights
    _edit_the_treaty_topic(seed_copy)
    analyse(seed_copy, StageCache({}, live))
    assert searched  # new terms: every sentence is looked at again
    after = {k for k in live if k.startswith("memo:")}
    # The claims' memos stay, the old term hits were let go.
    assert len(after) == 3 and len(after & memos) == 2


def _statements(analysis) -> list[tuple[str, str, str, int]]:
    return [(e.topic.src_uri, st.sentence.source_id, st.sentence.anchor, st.score)
            for e in analysis.evidence for _, statements in e.sections for st in statements]


def test_source_pages_are_rewritten_only_for_edited_sources_and_match_a_fresh_generation(seed_copy):
    live: dict = {}
    first = {p.src_uri: p for p in generate(seed_copy, StageCache({}, live)).pages}
    _edit_a_source(seed_copy)
    second = {p.src_uri: p for p in generate(seed_copy, StageCache({}, live)).pages}
    fresh = {p.src_uri: p for p in generate(seed_copy).pages}
    assert second == fresh
    source_pages = [uri for uri in first if uri.startswith("sources/") and uri != "sources/index.md"]
    assert len(source_pages) == 5
    rewritten = [uri for uri in source_pages if second[uri] is not first[uri]]
    assert f"sources/{EDITED}" in rewritten
    assert len(rewritten) < 5
    assert "formally" in second[f"sources/{EDITED}"].markdown


def _pages(content) -> dict[str, str]:
    return {p.src_uri: p.markdown for p in content.pages} | {f"+{k}": v for k, v in content.additions.items()}


def _add_to_the_methodology(project) -> None:
    methodology = project.docs_dir / "about" / "methodology.md"
    methodology.write_text(methodology.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")


def test_unchanged_inputs_give_back_the_last_pages_and_any_change_gives_a_fresh_generation(seed_copy, monkeypatch):
    live: dict = {}
    first = generate(seed_copy, StageCache({}, live))  # a cold generation: nothing kept yet
    _add_to_the_methodology(seed_copy)
    second = generate(seed_copy, StageCache({}, live))
    assert second is first  # no stage reads that page
    assert generate(seed_copy, StageCache({}, live)) is first  # and again, from a warm cache

    searched: list[str] = []
    original = terms_module.TermIndex._find
    monkeypatch.setattr(terms_module.TermIndex, "_find",
                        lambda self, text: searched.append(text) or original(self, text))
    _edit_a_source(seed_copy)
    after_edit = generate(seed_copy, StageCache({}, live))
    assert searched and all("formally" in text for text in searched)  # the other term hits were kept
    assert after_edit is not first and _pages(after_edit) == _pages(generate(seed_copy))

    _edit_the_treaty_topic(seed_copy)
    after_topic = generate(seed_copy, StageCache({}, live))
    assert after_topic is not after_edit and _pages(after_topic) == _pages(generate(seed_copy))
    (seed_copy.sources_dir / "004_21c2e34f33b076b3.md").unlink()
    after_removal = generate(seed_copy, StageCache({}, live))
    assert after_removal is not after_topic and _pages(after_removal) == _pages(generate(seed_copy))


def test_a_one_off_analysis_keeps_no_pickled_analysis(seed_project):
    store = Forgetful()
    cache = StageCache(store)
    first = analyse(seed_project, cache)
    assert (cache.hits, cache.misses, len(store), list(store)) == (0, 5, 0, [])
    again = StageCache(store)
    second = analyse(seed_project, again)
    assert (again.hits, again.misses) == (0, 5)
    assert [d.sentences for d in first.documents] == [d.sentences for d in second.documents]
