"""The project's committed sources hold each seed article's words exactly."""

from __future__ import annotations

from build_scripts.load.sources import load_sources


def test_seed_sources_are_the_seeds_unchanged(root):
    """The committed sources hold each seed article's words exactly, under its name or a readable id."""
    seeds = root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        import pytest

        pytest.skip("../shared/seeds is not beside this checkout")
    sources, problems = load_sources(root / "sources")
    assert problems == []
    # A seed keeps its file name as its id until rename-sources gives it a readable one; then the old
    # name is among its former ids.
    by_id = {name: s for s in sources for name in (s.id, *s.meta.former_ids)}
    for seed in sorted(seeds.glob("*.txt")):
        assert by_id[seed.stem].body.rstrip("\n") == seed.read_text(encoding="utf-8").rstrip("\n")
