"""The cache folder behaves as a mapping and never leaves a half-written entry."""

from __future__ import annotations

import hashlib

import pytest

from build_scripts.infra.disk_store import DiskStore

KEY = hashlib.sha256(b"a").hexdigest()
OTHER = hashlib.sha256(b"b").hexdigest()


def test_values_are_kept_as_files_named_by_their_key(tmp_path):
    store = DiskStore(tmp_path / "cache")
    assert list(store) == [] and store.get(KEY) is None and KEY not in store
    store[KEY] = b"one"
    store[OTHER] = b"two"
    store[KEY] = b"three"
    assert store[KEY] == b"three" and store[OTHER] == b"two"
    assert sorted(store) == sorted([KEY, OTHER]) and len(store) == 2
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(f"{k}.pickle" for k in (KEY, OTHER))
    del store[KEY]
    assert list(store) == [OTHER]
    with pytest.raises(KeyError):
        del store[KEY]


def test_a_key_that_is_not_a_digest_can_name_no_file(tmp_path):
    store = DiskStore(tmp_path)
    for key in ("../escape", "", KEY.upper(), KEY + "0"):
        with pytest.raises(KeyError):
            store[key] = b"x"
        assert key not in store
    assert list(tmp_path.iterdir()) == []


def test_other_files_in_the_folder_are_not_entries(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / f"{KEY}.tmp").write_bytes(b"half")
    assert list(DiskStore(tmp_path)) == []


def test_an_unwritable_folder_loses_the_entry_not_the_build(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = DiskStore(blocker / "cache")
    store[KEY] = b"x"  # no error
    assert store.get(KEY) is None and list(store) == []


def test_pruning_an_entry_another_build_removed_meanwhile_is_no_error(tmp_path):
    from build_scripts.infra.cache import StageCache

    store = DiskStore(tmp_path)
    store[KEY] = b"stale"

    class Vanishing(DiskStore):
        def __iter__(self):
            keys = list(super().__iter__())
            (tmp_path / f"{KEY}.pickle").unlink()  # removed by a concurrent build after the listing
            return iter(keys)

    StageCache(Vanishing(tmp_path)).prune()
    assert list(store) == []


def test_a_write_that_fails_half_way_leaves_no_temporary_file(tmp_path, monkeypatch):
    import os

    store = DiskStore(tmp_path)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    store[KEY] = b"x" * 1000  # no error
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_sweep_removes_the_temporary_files_of_stopped_builds_only(tmp_path):
    import os
    import time

    store = DiskStore(tmp_path)
    store[KEY] = b"kept"
    stopped = tmp_path / "tmpab12cd.tmp"  # a build killed mid-write, hours ago
    stopped.write_bytes(b"half")
    hours_ago = time.time() - 3 * 3600
    os.utime(stopped, (hours_ago, hours_ago))
    writing = tmp_path / "tmpef34gh.tmp"  # another build writing right now
    writing.write_bytes(b"half")
    assert store.sweep() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{KEY}.pickle", "tmpef34gh.tmp"]
    assert store[KEY] == b"kept"
    assert DiskStore(tmp_path / "missing").sweep() == 0
