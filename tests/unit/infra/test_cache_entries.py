"""What the cache reads back cannot run code, and an entry of the wrong shape is remade
(issue 18, cases 9 and 10)."""

from __future__ import annotations

import os
import pickle

from build_scripts.infra.cache import StageCache
from build_scripts.infra.disk_store import DiskStore
from build_scripts.pipeline import analyse


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def _entries(store: DiskStore) -> list[str]:
    return sorted(store)


def test_a_pickle_that_would_run_code_is_never_run_and_is_remade(seed_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = DiskStore(tmp_path / "cache")
    first = analyse(seed_copy, StageCache(store))
    for key in _entries(store):
        store[key] = pickle.dumps(_Exploit())
    cache = StageCache(store)
    again = analyse(seed_copy, cache)
    assert not (tmp_path / "pwned").exists()
    assert cache.hits == 0 and cache.misses == len(first.documents)  # the first stage missed: all run again
    assert [d.source.id for d in again.documents] == [d.source.id for d in first.documents]


def test_an_entry_of_the_wrong_shape_is_remade_not_a_failure_on_every_build(seed_copy, tmp_path):
    store = DiskStore(tmp_path / "cache")
    analyse(seed_copy, StageCache(store))
    for key in _entries(store):
        store[key] = pickle.dumps(("a tuple", "of the wrong things"))
    cache = StageCache(store)
    analysis = analyse(seed_copy, cache)
    assert cache.hits == 0 and len(analysis.documents) == 5
    cache = StageCache(store)
    analyse(seed_copy, cache)  # the remade entries are good again
    assert cache.misses == 0
