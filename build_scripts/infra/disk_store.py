"""A folder of pack files used as a mapping from keys to bytes: the cache that outlives a build.

``mkdocs build`` starts a fresh process every time, so without it every build
would clean, split and extract every source again (about a minute at 10,000
sources). The entries a build writes go into one pack file: the values one
after another, then an index of their keys, offsets and lengths, then a
trailer. One file per entry cost the main process 4.5 s of CPU at 10,000
sources (20,000 files made, written and renamed; issue 20), and writing each
entry by itself about 3 s of system time more than writing them 8 MB at a
time. A pack is written to a temporary file and renamed
when complete (``flush``), so a build stopped half-way never leaves a
truncated pack (``sweep`` removes its temporary file later); a pack that
cannot be read, or whose trailer is wrong, counts as missing, and an entry
that cannot be read back as missing too: the source is analysed again.

Removing an entry (``StageCache.prune`` removes what a build did not use)
takes it out of this store's index; ``flush`` then deletes the packs left
with no entry in use and rewrites the entries still in use of packs that are
mostly unused, or of the smallest packs when there are more than
``MAX_PACKS`` (each ``mkdocs serve`` rebuild writes a small one). A removed
entry of a pack kept as it is stays readable: keys name their content (the
stage's code and its input), so a later build that asks for it gets what it
would have worked out.

Two builds may share the folder: each writes its own pack, and a pack that
another build removed meanwhile loses this build its entries, not the build.
Packs are read in the order of their names, which start with the time they
were written: a key found in two packs is the later one's.

The values are pickles, read back by ``cache.safe_loads``, which makes only
the data classes of ``model`` and the types a stage declares: an entry naming
any other callable is refused, not run, and its source analysed again. So a
cache folder carried between CI runs, or copied from elsewhere, cannot run
code; it still shapes the pages (a crafted entry could change a source's page),
so keep only a cache that this project's own builds wrote.
"""

from __future__ import annotations

import os
import re
import struct
import tempfile
import time
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

FOLDER = Path(".cache") / "build_scripts"
"""Where the analysis of each source is kept, relative to the project's root (ignored by git)."""
MAX_PACKS = 8
"""Packs kept at most after ``flush``: the smallest beyond are merged into the new one."""
STALE_AFTER = 3600.0
"""Seconds after which a temporary file is taken as left by a stopped build."""
_SUFFIX = ".pack"
_TEMPORARY = ".tmp"
_OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
"""A file of the layout before packs (one per entry), removed by ``sweep``."""
_KEY = re.compile(r"[0-9a-f]{64}")
_HEAD = b"build_scripts cache pack 1\n"
_TAIL = b"\nend of pack 1\n"
_ENTRY = struct.Struct("<64sQQ")
"""An index record: the key in ASCII, the value's offset and length."""
_COUNT = struct.Struct("<Q")
_BUFFER = 8 << 20
"""Bytes of values gathered before they are written to the pack's file."""


def _remove(path: Path | str) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True


@dataclass
class _Pack:
    """A pack file read or being written, and how many of its bytes hold entries still in use."""

    path: str
    fd: int | None
    size: int = 0
    live: int = 0
    keys: set[str] = field(default_factory=set)


def _read_index(path: str) -> tuple[int, dict[str, tuple[int, int]]] | None:
    """The open file and the index of a complete pack, or None when it is not one."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        end = len(_TAIL) + _COUNT.size
        if size < len(_HEAD) + end or os.pread(fd, len(_HEAD), 0) != _HEAD:
            raise ValueError(path)
        tail = os.pread(fd, end, size - end)
        (count,) = _COUNT.unpack_from(tail)
        start = size - end - count * _ENTRY.size
        if tail[_COUNT.size:] != _TAIL or start < len(_HEAD):
            raise ValueError(path)
        index: dict[str, tuple[int, int]] = {}
        for raw_key, offset, length in _ENTRY.iter_unpack(os.pread(fd, count * _ENTRY.size, start)):
            key = raw_key.decode("ascii")
            if not _KEY.fullmatch(key) or offset < len(_HEAD) or offset + length > start:
                raise ValueError(path)
            index[key] = (offset, length)
        return fd, index
    except (OSError, ValueError, UnicodeDecodeError, struct.error):
        os.close(fd)
        return None


class DiskStore(MutableMapping[str, bytes]):
    """Bytes by key (a hex SHA-256 digest), in pack files under ``folder``; ``close`` when done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._packs: list[_Pack] | None = None
        """The complete packs found, in the order of their names; read on first use."""
        self._where: dict[str, tuple[_Pack, int, int]] = {}
        """Each entry's pack, offset and length."""
        self._writing: _Pack | None = None
        self._entries: list[tuple[str, int, int]] = []
        """What the pack being written holds: key, offset, length."""
        self._unwritable = False
        self._buffer = bytearray()
        """The values not yet written to the pack's file, which holds ``_flushed`` bytes of values."""
        self._flushed = 0

    # --- reading ---------------------------------------------------------------

    def _index(self) -> dict[str, tuple[_Pack, int, int]]:
        if self._packs is None:
            self._packs = []
            try:
                names = sorted(e.name for e in os.scandir(self.folder) if e.name.endswith(_SUFFIX))
            except OSError:
                names = []
            for name in names:
                found = _read_index(str(self.folder / name))
                if found is None:
                    continue
                pack = _Pack(str(self.folder / name), found[0])
                for key, (offset, length) in found[1].items():
                    self._forget(key)
                    self._where[key] = (pack, offset, length)
                    pack.keys.add(key)
                    pack.live += length
                    pack.size += length
                self._packs.append(pack)
        return self._where

    def _forget(self, key: str) -> None:
        old = self._where.pop(key, None)
        if old is not None:
            old[0].keys.discard(key)
            old[0].live -= old[2]

    def __getitem__(self, key: str) -> bytes:
        try:
            pack, offset, length = self._index()[key]
        except KeyError:
            raise KeyError(key) from None
        if pack is self._writing and offset >= len(_HEAD) + self._flushed:
            start = offset - len(_HEAD) - self._flushed
            return bytes(self._buffer[start:start + length])
        try:
            if pack.fd is None:
                raise OSError(pack.path)
            value = os.pread(pack.fd, length, offset)
        except OSError:
            raise KeyError(key) from None
        if len(value) != length:  # cut short by something other than this program
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._index()))

    def __len__(self) -> int:
        return len(self._index())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._index()

    # --- writing ---------------------------------------------------------------

    def __setitem__(self, key: str, value: bytes) -> None:
        if not _KEY.fullmatch(key):
            raise KeyError(key)
        index = self._index()
        pack = self._writing or self._start()
        if pack is None or pack.fd is None:  # a read-only or full disk costs the next build time, not this build
            return
        self._buffer += value
        if len(self._buffer) >= _BUFFER and not self._write_buffer():
            return
        self._forget(key)
        offset = len(_HEAD) + pack.size
        index[key] = (pack, offset, len(value))
        pack.keys.add(key)
        pack.size += len(value)
        pack.live += len(value)
        self._entries.append((key, offset, len(value)))

    def _write_buffer(self) -> bool:
        """Write the values gathered to the pack's file; False when the disk refused them."""
        pack = self._writing
        assert pack is not None and pack.fd is not None
        try:
            view = memoryview(self._buffer)
            written = 0
            while written < len(view):
                written += os.write(pack.fd, view[written:])
            view.release()
        except OSError:
            self._abandon()
            return False
        self._flushed += len(self._buffer)
        self._buffer = bytearray()
        return True

    def _start(self) -> _Pack | None:
        """A new temporary pack to write to, or None when the folder takes no file."""
        if self._unwritable:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f"{time.time_ns():020d}-",
                                                 suffix=_TEMPORARY)
        except OSError:
            self._unwritable = True
            return None
        try:
            os.write(handle, _HEAD)
        except OSError:
            os.close(handle)
            _remove(temporary)
            self._unwritable = True
            return None
        self._writing = _Pack(temporary, handle)
        self._entries, self._buffer, self._flushed = [], bytearray(), 0
        return self._writing

    def _abandon(self) -> None:
        """Give up the pack being written (a full disk): its entries are lost, not half kept."""
        pack = self._writing
        if pack is None:
            return
        for key in list(pack.keys):
            self._forget(key)
        if pack.fd is not None:
            os.close(pack.fd)
            pack.fd = None
        _remove(pack.path)
        self._writing, self._entries, self._unwritable = None, [], True
        self._buffer = bytearray()

    def __delitem__(self, key: str) -> None:
        if key not in self._index():
            raise KeyError(key)
        self._forget(key)

    def flush(self) -> None:
        """Finish the pack being written, so that later builds find its entries, after adding the
        entries still in use of the packs it replaces; remove the packs left with none."""
        self._index()
        assert self._packs is not None
        in_use = [p for p in self._packs if p.keys]
        mostly_unused = [p for p in in_use if p.live * 2 < p.size]
        rest = sorted((p for p in in_use if p not in mostly_unused), key=lambda p: p.size, reverse=True)
        self._move_entries(mostly_unused + rest[MAX_PACKS - 1:])
        if self._writing is not None:
            self._finish()
        for pack in [p for p in self._packs if not p.keys]:
            if pack.fd is not None:
                os.close(pack.fd)
                pack.fd = None
            _remove(pack.path)
        self._packs = [p for p in self._packs if p.keys]

    def _move_entries(self, packs: list[_Pack]) -> None:
        for pack in packs:
            for key in sorted(pack.keys):
                try:
                    value = self[key]
                except KeyError:
                    self._forget(key)
                    continue
                self[key] = value
                if self._writing is None:  # the folder takes no file: keep the old pack
                    return

    def _finish(self) -> bool:
        """Write the index and trailer of the pack being written, and give it its name."""
        pack = self._writing
        assert pack is not None and pack.fd is not None
        if self._buffer and not self._write_buffer():
            return False
        index = b"".join(_ENTRY.pack(key.encode("ascii"), offset, length) for key, offset, length in self._entries)
        final = pack.path.removesuffix(_TEMPORARY) + _SUFFIX
        try:
            os.write(pack.fd, index + _COUNT.pack(len(self._entries)) + _TAIL)
            os.replace(pack.path, final)
        except OSError:
            self._abandon()
            return False
        pack.path = final
        assert self._packs is not None
        self._packs.append(pack)
        self._writing, self._entries = None, []
        return True

    def close(self) -> None:
        """``flush``, and close the files this store holds open."""
        self.flush()
        for pack in self._packs or []:
            if pack.fd is not None:
                os.close(pack.fd)
                pack.fd = None
        self._packs, self._where = None, {}

    def sweep(self, older_than: float = STALE_AFTER) -> int:
        """Remove the temporary files that builds stopped in mid-write left (a build writes its
        pack for less than ``older_than`` seconds, so a concurrent build's file is left alone),
        and the entries of the layout before packs; returns how many files were removed."""
        try:
            entries = [e for e in os.scandir(self.folder)
                       if e.name.endswith(_TEMPORARY) or _OLD_ENTRY.fullmatch(e.name)]
        except OSError:
            return 0
        now = time.time()
        removed = 0
        for entry in entries:
            try:
                stale = not entry.name.endswith(_TEMPORARY) or now - entry.stat().st_mtime > older_than
            except OSError:  # gone meanwhile
                continue
            if stale and _remove(entry.path):
                removed += 1
        return removed
