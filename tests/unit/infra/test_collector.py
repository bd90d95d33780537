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
