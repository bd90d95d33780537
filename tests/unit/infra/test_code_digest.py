"""A stage's cache key covers its own code (and what it imports), not the rest of the package."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.per_source import STAGE as ANALYSIS
from build_scripts.infra import code_digest
from build_scripts.infra.cache import StageCache
from build_scripts.infra.code_digest import modules_used
from build_scripts.infra.stage import Stage
from build_scripts.pages.source import STAGE as SOURCE_PAGE

PACKAGE = Path(code_digest.__file__).resolve().parents[1]


def _names(paths: list[Path]) -> set[str]:
    return {p.relative_to(PACKAGE).as_posix() for p in paths}


def test_the_analysis_depends_on_no_page_code():
    used = _names(modules_used(ANALYSIS.code))
    assert {"analyse/per_source.py", "analyse/features.py", "text/document.py", "load/sources.py",
            "model/source.py"} <= used
    assert not any(name.startswith(("pages/", "render/", "publish/", "pipeline/")) for name in used)


def test_a_source_page_depends_on_its_own_code_not_on_other_page_kinds():
    used = _names(modules_used(SOURCE_PAGE.code))
    assert "pages/source.py" in used and "render/templates.py" in used
    assert not {"pages/topics.py", "pages/timeline.py", "pages/quotes.py", "analyse/claims.py"} & used


def test_keys_differ_by_stage_and_input_and_follow_the_code(monkeypatch):
    a = Stage("a", len, ("build_scripts.infra.stage",))
    b = Stage("b", len, ("build_scripts.infra.stage",))
    assert StageCache.key(a, b"x") != StageCache.key(b, b"x") != StageCache.key(b, b"y")
    before = StageCache.key(a, b"x")
    real = code_digest.modules_used
    extra = PACKAGE / "infra" / "stage.py"
    monkeypatch.setattr(code_digest, "modules_used", lambda roots: [*real(roots)] + [extra])  # as if its code grew
    code_digest.code_digest.cache_clear()
    try:
        assert StageCache.key(a, b"x") != before
    finally:
        code_digest.code_digest.cache_clear()


def test_data_files_a_stage_names_are_part_of_its_key(tmp_path, monkeypatch):
    plain = code_digest.code_digest(("build_scripts.infra.stage",))
    with_templates = code_digest.code_digest(("build_scripts.infra.stage",), ("templates/source*.j2",))
    assert plain != with_templates
