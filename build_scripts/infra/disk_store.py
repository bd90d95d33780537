"""A folder of files used as a mapping from keys to bytes: the cache that outlives a build.

``mkdocs build`` starts a fresh process every time, so without it every build
would clean, split and extract every source again (about a minute at 10,000
sources). Each value is one file named by its key, written to a temporary
file first and then renamed, so a build stopped half-way never leaves a
truncated entry (``sweep`` removes its temporary file later). A file that
cannot be read counts as missing: the source is analysed again and the file
rewritten.

The files hold pickles, read back by ``cache.safe_loads``, which makes only
the data classes of ``model`` and the types a stage declares: a file naming
any other callable is refused, not run, and its source analysed again. So a
cache folder carried between CI runs, or copied from elsewhere, cannot run
code; it still shapes the pages (a crafted entry could change a source's page),
so keep only a cache that this project's own builds wrote.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator, MutableMapping
from pathlib import Path

FOLDER = Path(".cache") / "build_scripts"
"""Where the analysis of each source is kept, relative to the project's root (ignored by git)."""
_SUFFIX = ".pickle"
_TEMPORARY = ".tmp"
STALE_AFTER = 3600.0
"""Seconds after which a temporary file is taken as left by a stopped build."""
_KEY = re.compile(r"[0-9a-f]{64}")


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


class DiskStore(MutableMapping[str, bytes]):
    """Bytes by key (a hex SHA-256 digest), one file each under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise KeyError(key)
        return self.folder / (key + _SUFFIX)

    def __getitem__(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except OSError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: bytes) -> None:
        path = self._path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=_TEMPORARY)
        except OSError:  # a read-only disk costs the next build time, not this build
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(value)
            os.replace(temporary, path)
        except OSError:  # nor does a full one
            _remove(Path(temporary))

    def sweep(self, older_than: float = STALE_AFTER) -> int:
        """Remove the temporary files that builds stopped in mid-write left (a write takes far
        less than ``older_than`` seconds, so a concurrent build's file is left alone); returns
        how many were removed."""
        try:
            entries = [e for e in os.scandir(self.folder) if e.name.endswith(_TEMPORARY)]
        except OSError:
            return 0
        now = time.time()
        removed = 0
        for entry in entries:
            try:
                stale = now - entry.stat().st_mtime > older_than
            except OSError:  # gone meanwhile
                continue
            if stale and _remove(Path(entry.path)):
                removed += 1
        return removed

    def __delitem__(self, key: str) -> None:
        try:
            self._path(key).unlink()
        except FileNotFoundError:
            raise KeyError(key) from None
        except OSError:  # a read-only folder keeps its entries; they cost disk space only
            return

    def __iter__(self) -> Iterator[str]:
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder))
        except OSError:
            return
        for name in names:
            if name.endswith(_SUFFIX) and _KEY.fullmatch(key := name.removesuffix(_SUFFIX)):
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _KEY.fullmatch(key) is not None and self._path(key).is_file()
