"""The cache folder behaves as a mapping, keeps its entries in a few pack files, and never
leaves a half-written one."""

from __future__ import annotations

import hashlib
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.infra.disk_store import MAX_PACKS, DiskStore

KEY = hashlib.sha256(b"a").hexdigest()
OTHER = hashlib.sha256(b"b").hexdigest()
KEYS = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(40)]


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_values_are_kept_in_one_pack_a_build(tmp_path):
    store = DiskStore(tmp_path / "cache")
    assert list(store) == [] and store.get(KEY) is None and KEY not in store
    store[KEY] = b"one"
    store[OTHER] = b"two"
    store[KEY] = b"three"
    assert store[KEY] == b"three" and store[OTHER] == b"two"
    assert sorted(store) == sorted([KEY, OTHER]) and len(store) == 2
    assert [n.endswith(".tmp") for n in _names(tmp_path / "cache")] == [True]  # not complete yet
    assert list(DiskStore(tmp_path / "cache")) == []  # so another build does not read it
    store.close()
    assert [n.endswith(".pack") for n in _names(tmp_path / "cache")] == [True]
    again = DiskStore(tmp_path / "cache")
    assert again[KEY] == b"three" and again[OTHER] == b"two" and sorted(again) == sorted([KEY, OTHER])
    del again[KEY]
    assert list(again) == [OTHER]
    with pytest.raises(KeyError):
        del again[KEY]
    again.close()
    assert list(DiskStore(tmp_path / "cache")) == [OTHER]  # the pack was mostly unused: rewritten


def test_a_key_that_is_not_a_digest_is_refused(tmp_path):
    store = DiskStore(tmp_path)
    for key in ("../escape", "", KEY.upper(), KEY + "0"):
        with pytest.raises(KeyError):
            store[key] = b"x"
        assert key not in store
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_other_files_in_the_folder_are_not_entries(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / f"{KEY}.tmp").write_bytes(b"half")
    (tmp_path / "1.pack").write_bytes(b"not a pack at all")
    (tmp_path / "2.pack").write_bytes(b"build_scripts cache pack 1\n" + b"\0" * 40)  # cut short
    assert list(DiskStore(tmp_path)) == []


def test_an_unwritable_folder_loses_the_entry_not_the_build(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = DiskStore(blocker / "cache")
    store[KEY] = b"x"  # no error
    store.close()
    assert store.get(KEY) is None and list(store) == []


def test_pruning_an_entry_another_build_removed_meanwhile_is_no_error(tmp_path):
    from build_scripts.infra.cache import StageCache

    first = DiskStore(tmp_path)
    first[KEY] = b"stale"
    first.close()
    store = DiskStore(tmp_path)
    assert list(store) == [KEY]
    for name in _names(tmp_path):  # removed by a concurrent build after this one read the index
        os.unlink(tmp_path / name)
    assert store.get(KEY) is not None  # the file this store holds open
    StageCache(store).prune()
    assert list(DiskStore(tmp_path)) == []


def test_a_write_that_fails_half_way_leaves_no_temporary_file(tmp_path, monkeypatch):
    store = DiskStore(tmp_path)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    store[KEY] = b"x" * 1000
    monkeypatch.setattr(os, "replace", disk_full)
    store.close()  # no error
    assert _names(tmp_path) == []
    assert store.get(KEY) is None


def test_a_disk_that_fills_up_while_writing_loses_this_builds_entries_only(tmp_path, monkeypatch):
    kept = DiskStore(tmp_path)
    kept[OTHER] = b"from the last build"
    kept.close()
    store = DiskStore(tmp_path)
    store[KEY] = b"first"
    real_write = os.write

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    store.flush()  # no error
    assert store.get(KEY) is None and store[OTHER] == b"from the last build"
    monkeypatch.setattr(os, "write", real_write)
    store[KEYS[1]] = b"third"  # nothing more is written this build
    store.close()
    assert list(DiskStore(tmp_path)) == [OTHER] and [n.endswith(".pack") for n in _names(tmp_path)] == [True]


def test_entries_read_back_while_written_in_pieces(tmp_path, monkeypatch):
    import build_scripts.infra.disk_store as disk_store

    monkeypatch.setattr(disk_store, "_BUFFER", 10)  # write to the file every ten bytes
    store = DiskStore(tmp_path)
    values = {KEYS[i]: bytes([65 + i]) * (3 + 2 * i) for i in range(8)}
    for key, value in values.items():
        store[key] = value
        assert all(store[k] == values[k] for k in store)
    store.close()
    assert {k: DiskStore(tmp_path)[k] for k in values} == values


def test_a_truncated_pack_reads_as_no_entry(tmp_path):
    store = DiskStore(tmp_path)
    store[KEY] = b"kept"
    store.close()
    (pack,) = tmp_path.iterdir()
    pack.write_bytes(pack.read_bytes()[:-3])
    assert list(DiskStore(tmp_path)) == []


def test_each_build_adds_a_pack_and_the_smallest_are_merged_beyond_the_limit(tmp_path):
    for i in range(MAX_PACKS + 3):
        store = DiskStore(tmp_path)
        store[KEYS[i]] = bytes([i]) * (100 + i)
        store.close()
        assert len(_names(tmp_path)) == min(i + 1, MAX_PACKS)
    store = DiskStore(tmp_path)
    assert sorted(store) == sorted(KEYS[: MAX_PACKS + 3])
    assert all(store[KEYS[i]] == bytes([i]) * (100 + i) for i in range(MAX_PACKS + 3))


def test_a_pack_whose_entries_are_all_unused_is_removed(tmp_path):
    first = DiskStore(tmp_path)
    first[KEY] = b"old analysis"
    first.close()
    second = DiskStore(tmp_path)
    second[OTHER] = b"new analysis"
    del second[KEY]
    second.close()
    assert len(_names(tmp_path)) == 1 and list(DiskStore(tmp_path)) == [OTHER]


def test_a_key_in_two_packs_is_the_later_ones(tmp_path):
    for value in (b"first", b"second"):
        store = DiskStore(tmp_path)
        store[KEY] = value
        store[KEYS[0] if value == b"first" else KEYS[1]] = b"y" * 50  # keeps both packs in use
        store.close()
    assert DiskStore(tmp_path)[KEY] == b"second"


def test_sweep_removes_stopped_builds_files_and_the_layout_before_packs(tmp_path):
    store = DiskStore(tmp_path)
    store[KEY] = b"kept"
    store.close()
    stopped = tmp_path / "tmpab12cd.tmp"  # a build killed mid-write, hours ago
    stopped.write_bytes(b"half")
    hours_ago = time.time() - 3 * 3600
    os.utime(stopped, (hours_ago, hours_ago))
    writing = tmp_path / "tmpef34gh.tmp"  # another build writing right now
    writing.write_bytes(b"half")
    (tmp_path / f"{OTHER}.pickle").write_bytes(b"one entry a file, as before")
    assert store.sweep() == 2
    assert [n for n in _names(tmp_path) if not n.endswith(".pack")] == ["tmpef34gh.tmp"]
    assert DiskStore(tmp_path)[KEY] == b"kept"
    assert DiskStore(tmp_path / "missing").sweep() == 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["set", "del"]), st.integers(0, 9), st.binary(max_size=40)),
                         max_size=8), min_size=1, max_size=12), st.sampled_from([7, 8 << 20]))
def test_builds_writing_and_removing_read_back_what_a_dict_holds(tmp_path_factory, builds, buffer):
    """A dict stands for what each build leaves; a removed entry may stay readable (see the
    module), so only what the dict holds is checked, and that nothing else appears."""
    import build_scripts.infra.disk_store as disk_store

    default, disk_store._BUFFER = disk_store._BUFFER, buffer
    try:
        _builds(tmp_path_factory.mktemp("cache"), builds)
    finally:
        disk_store._BUFFER = default


def _builds(folder, builds):
    expected: dict[str, bytes] = {}
    ever: set[str] = set()
    for build in builds:
        store = DiskStore(folder)
        for action, i, value in build:
            if action == "set":
                store[KEYS[i]] = expected[KEYS[i]] = value
                ever.add(KEYS[i])
            elif KEYS[i] in store:
                del store[KEYS[i]]
                expected.pop(KEYS[i], None)
        assert {k: store[k] for k in expected} == expected and set(store) <= ever
        store.close()
        again = DiskStore(folder)
        assert {k: again[k] for k in expected} == expected and set(again) <= ever
        assert len([n for n in _names(folder) if n.endswith(".pack")]) <= MAX_PACKS
        assert not [n for n in _names(folder) if n.endswith(".tmp")]
