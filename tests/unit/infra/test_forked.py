"""A forked child gives what this process would, with the caller's own shared objects; a child that
fails, sends nothing readable or takes too long is replaced by the work done here, and one whose
result is not asked for is stopped."""

from __future__ import annotations

import os
import time

import pytest

from build_scripts.infra import forked


@pytest.fixture(autouse=True)
def _two_cores(monkeypatch):
    monkeypatch.setattr(forked, "possible", lambda: True)


class Thing:
    def __init__(self, name: str) -> None:
        self.name = name


SHARED = [Thing("a"), Thing("b"), Thing("c")]


def test_a_child_gives_the_result_with_the_callers_own_shared_objects():
    parent = os.getpid()
    with forked.Forked(lambda: [(os.getpid() != parent, SHARED[2], SHARED[0]), Thing("new")], SHARED) as child:
        assert child._pid  # forked
        (in_child, c, a), new = child.result()
    assert in_child
    assert c is SHARED[2] and a is SHARED[0]
    assert new.name == "new" and new not in SHARED
    assert child.result()[0][1] is SHARED[2]  # asked again: kept, not worked out again


def test_without_fork_the_work_is_done_at_once_here():
    calls: list[int] = []
    work = forked.Forked(lambda: calls.append(os.getpid()) or len(calls), SHARED, fork=False)
    assert calls == [os.getpid()] and work.result() == 1 and calls == [os.getpid()]


def test_a_child_that_fails_is_replaced_by_the_work_done_here():
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return "worked out here"

    assert forked.Forked(work, SHARED).result() == "worked out here"


def test_a_child_that_sends_what_does_not_pickle_is_replaced():
    parent = os.getpid()
    assert forked.Forked(lambda: (lambda: 1) if os.getpid() != parent else "here", SHARED).result() == "here"


def test_a_child_that_takes_too_long_is_stopped(monkeypatch):
    monkeypatch.setattr(forked, "WAIT", 0.2)
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            time.sleep(60)
        return "here"

    started = time.monotonic()
    child = forked.Forked(work, SHARED)
    pid = child._pid
    assert child.result() == "here"
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped


def test_a_child_whose_result_is_not_asked_for_is_stopped():
    with forked.Forked(lambda: time.sleep(60), SHARED) as child:
        pid = child._pid
    assert child._pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_forking_is_left_out_where_it_is_not_safe(monkeypatch):
    monkeypatch.undo()
    monkeypatch.setattr(forked.sys, "platform", "darwin")
    assert not forked.possible()
