"""Reading the inputs: each source's stages run (over worker processes on large corpora) or come from the
cache, and every problem is collected, naming its file."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from build_scripts.analyse import per_source
from build_scripts.analyse.per_source import STAGE as ANALYSIS
from build_scripts.infra import code_digest, workers
from build_scripts.infra.cache import StageCache
from build_scripts.load.sources import load_sources
from build_scripts.pages import source as source_page
from build_scripts.pages.source import STAGE as SOURCE_PAGE
from build_scripts.pipeline import inputs as inputs_module
from build_scripts.pipeline import load_inputs
from build_scripts.pipeline.inputs import CHAIN, run_per_source


def test_the_chain_is_the_analysis_then_the_source_page():
    assert CHAIN == (ANALYSIS, SOURCE_PAGE)


@pytest.mark.parametrize(("module", "function", "source_id", "stage"), [
    pytest.param(per_source, "build_document", lambda source: source.id, "source analysis", id="analysis"),
    pytest.param(source_page, "source_page", lambda document: document.source.id, "source page", id="source page"),
])
def test_a_source_whose_stage_fails_becomes_a_problem_naming_it(seed_project, monkeypatch, module, function,
                                                                source_id, stage):
    real = getattr(module, function)

    def fail_on_one(value):
        if source_id(value).startswith("002"):
            raise ValueError("splitter gave up")
        return real(value)

    monkeypatch.setattr(module, function, fail_on_one)
    inputs, problems = load_inputs(seed_project, StageCache())
    assert len(inputs.documents) == 4
    assert not any(d.source.id.startswith("002") for d in inputs.documents)
    assert sorted(inputs.made[SOURCE_PAGE.name]) == [d.source.id for d in inputs.documents]
    [problem] = problems
    assert problem.path.name.startswith("002")
    assert f"the {stage} failed (ValueError: splitter gave up)" in problem.message


def test_a_long_analysis_reports_its_progress_in_tenths(seed_project, monkeypatch):
    monkeypatch.setattr(inputs_module, "PROGRESS_FROM", 2)
    lines: list[str] = []
    load_inputs(seed_project, StageCache(), lines.append)
    assert lines == [f"analysed {n} of 5 new or changed sources" for n in range(1, 6)]
    lines.clear()
    monkeypatch.setattr(inputs_module, "PROGRESS_FROM", 6)
    load_inputs(seed_project, StageCache(), lines.append)
    assert lines == []


def test_a_file_the_workers_cannot_parse_is_reported_as_reading_it_alone_reports_it(seed_copy, monkeypatch):
    sources = seed_copy.sources_dir
    (sources / "003b-broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    (sources / "003c-no-text.md").write_text("---\ntitle: Only a title\n---\n\n", encoding="utf-8")
    _, alone = load_sources(sources)
    assert [p.line for p in alone] == [2, 4]
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_workers", lambda: 2)
    inputs, problems = load_inputs(seed_copy, StageCache())
    assert problems == alone
    assert len(inputs.documents) == 5


def _module_file(package, module: str):
    """The file of ``build_scripts.x.y`` in a copy of the package."""
    return package.joinpath(*module.split(".")[1:]).with_suffix(".py")


@pytest.mark.parametrize(("edited", "ran_again"), [
    pytest.param(SOURCE_PAGE, [SOURCE_PAGE.name], id="source page code"),
    pytest.param(ANALYSIS, [ANALYSIS.name, SOURCE_PAGE.name], id="analysis code"),
])
def test_editing_a_stages_code_makes_only_its_results_stale(seed_project, tmp_path, monkeypatch, edited, ran_again):
    """The package is copied and its copy edited, so each stage's key is worked out from real code. An
    edit to the source page's code runs that stage again from the analysis the cache kept; an edit to
    the analysis' code runs the analysis again, and so the page made from it."""
    package = tmp_path / "build_scripts"
    shutil.copytree(code_digest._ROOT, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(code_digest, "_ROOT", package)
    ran: list[str] = []

    def counted(stage):
        return replace(stage, run=lambda value: ran.append(stage.name) or stage.run(value))

    chain = tuple(counted(stage) for stage in CHAIN)
    store: dict[str, bytes] = {}

    def build():
        ran.clear()
        cache = StageCache(store)
        results, problems = run_per_source(seed_project.sources_dir, cache, chain=chain)
        assert problems == []
        cache.prune()
        return results, cache

    code_digest.code_digest.cache_clear()
    try:
        first, _ = build()
        assert sorted(ran) == sorted([stage.name for stage in CHAIN] * 5)
        again, cache = build()
        assert ran == [] and (cache.hits, cache.misses) == (10, 0)
        assert again == first

        code = _module_file(package, edited.code[0])
        code.write_text(code.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        code_digest.code_digest.cache_clear()
        after_edit, cache = build()
        assert ran == ran_again * 5  # source by source, each from its first stale stage on
        kept = 5 * (len(CHAIN) - len(ran_again))
        assert (cache.hits, cache.misses) == (kept, 5)
        assert after_edit == first  # an edit that changes nothing the stages do gives the same results
        assert len(store) == 10  # the stale results were let go
    finally:
        code_digest.code_digest.cache_clear()
