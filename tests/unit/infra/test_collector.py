"""The cycle collector is paused for a generation and restored after it, even on error."""

from __future__ import annotations

import gc

import pytest

from build_scripts.infra.collector import collector_paused


def test_the_collector_is_off_inside_and_as_before_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it as the outer one set it
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("stage failed")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_generation_leaves_the_collector_on(seed_project):
    from build_scripts.pipeline import generate

    generate(seed_project)
    assert gc.isenabled()


def test_what_generation_leaves_alive_is_frozen_out_of_later_collections(seed_project):
    from build_scripts.pipeline import generate

    gc.unfreeze()
    try:
        content = generate(seed_project)
        assert gc.get_freeze_count() > 0
        tracked = {id(o) for o in gc.get_objects()}
        assert id(content.pages) not in tracked and id(content.analysis.documents) not in tracked
        fresh: list[object] = []
        assert id(fresh) in {id(o) for o in gc.get_objects()}  # made after: collected as usual
    finally:
        gc.unfreeze()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.parametrize("another_follows", [False, True])
def test_generation_is_frozen_before_the_collector_walks_it_unless_builds_follow(seed_project, monkeypatch,
                                                                                 another_follows):
    """No collection walks what generation made (frozen first) after a build that no build follows;
    under ``mkdocs serve`` the youngest generation is collected first, so cyclic garbage made in a
    generation is freed instead of kept for good."""
    import weakref

    from build_scripts import pipeline

    render = pipeline.render_site
    garbage: list[weakref.ref[_Cycle]] = []

    def render_leaving_a_cycle(*args, **kwargs):
        garbage.append(weakref.ref(_Cycle()))
        return render(*args, **kwargs)

    monkeypatch.setattr(pipeline, "render_site", render_leaving_a_cycle)
    walks: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            walks.append(info["generation"])

    gc.unfreeze()
    gc.collect()
    gc.callbacks.append(seen)
    try:
        pipeline.generate(seed_project, another_follows=another_follows)
        assert walks == ([0] if another_follows else [])
        assert (garbage[0]() is None) == another_follows  # freed, or frozen until the process ends
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()
        pipeline.keep_between_builds(True)
