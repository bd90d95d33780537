"""Reuse the analysis of sources whose bytes have not changed.

Under ``mkdocs serve`` every edit rebuilds the site; re-reading, re-splitting
and re-extracting thousands of unchanged articles would make each edit cost
as much as the first build. A source's document, features and page are
keyed by its file name, its bytes and the code that analyses it and writes
its page, and stored pickled,
so they survive the reload of the ``build_scripts`` modules between builds;
MkDocs builds store them on disk (``disk_store``), so that a fresh
``mkdocs build`` analyses only the sources added or changed since the last.
Stages that read across sources may keep a memo here too (``memo``): what
they worked out per sentence, for the next build to look up.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Iterator, MutableMapping
from importlib import metadata
from pathlib import Path
from typing import Any

from build_scripts.analyse.features import DocumentFeatures
from build_scripts.model import Document
from build_scripts.render.source_page import SourcePage

_PACKAGE = Path(__file__).resolve().parent
_ANALYSIS_CODE = ("model.py", "load", "text", "analyse", "render")
Cached = tuple[Document, DocumentFeatures, SourcePage]
"""A source's document, what its sentences hold, and its page but for the citations."""
_MEMO = "memo:"


def _code_version() -> bytes:
    """The analysis code, its data files, Python's version and the sentence splitter's.

    What the cache holds on disk outlives the code: a pull or an upgrade must miss it.
    """
    digest = hashlib.sha256()
    for part in _ANALYSIS_CODE:
        target = _PACKAGE / part
        files = sorted(p for p in target.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and p.suffix != ".pyc") if target.is_dir() else [target]
        for path in files:
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    digest.update(f"python {sys.version_info[:3]} nupunkt {_version('nupunkt')}".encode())
    return digest.digest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


class Forgetful(MutableMapping[str, bytes]):
    """A store that keeps nothing: for a one-off generation, whose results no later build reads,
    holding every source's pickled analysis in memory would only cost memory."""

    def __getitem__(self, key: str) -> bytes:
        raise KeyError(key)

    def __setitem__(self, key: str, value: bytes) -> None:
        pass

    def __delitem__(self, key: str) -> None:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


class DocumentCache:
    """Pickled documents and their features by content key; ``prune`` drops what the last build did not use."""

    def __init__(self, store: MutableMapping[str, bytes] | None = None,
                 live: MutableMapping[str, Any] | None = None) -> None:
        """``live`` keeps the unpickled objects too, saving the unpickling on the next build; its
        owner must empty it whenever the ``build_scripts`` modules are imported afresh (objects
        of the old classes would not compare equal to the new)."""
        self.store: MutableMapping[str, bytes] = {} if store is None else store
        self.live: MutableMapping[str, Any] = {} if live is None else live
        self._used: dict[str, None] = {}
        """The keys this build asked for, in order."""
        self._version = _code_version()
        self.hits = 0
        self.misses = 0

    def key(self, name: str, raw: bytes) -> str:
        return hashlib.sha256(self._version + name.encode() + b"\0" + raw).hexdigest()

    def get(self, key: str) -> Cached | None:
        self._used[key] = None
        cached = self.live.get(key)
        if cached is None:
            data = self.store.get(key)
            if data is None:
                self.misses += 1
                return None
            try:
                cached = pickle.loads(data)  # noqa: S301 - written by this program (see disk_store)
            except Exception:  # noqa: BLE001 - a damaged entry is analysed again
                self.misses += 1
                return None
            self.live[key] = cached
        self.hits += 1
        return cached

    def put(self, key: str, cached: Cached) -> None:
        self.store[key] = pickle.dumps(cached, protocol=pickle.HIGHEST_PROTOCOL)
        self.live[key] = cached
        self._used[key] = None

    def put_pickled(self, key: str, data: bytes) -> Cached:
        """Keep a result that comes pickled (as worker processes send them); returns it unpickled."""
        self.store[key] = data
        cached = self.live[key] = pickle.loads(data)  # noqa: S301 - made by this program's own workers
        self._used[key] = None
        return cached

    def sources_read(self) -> list[str]:
        """The keys of the sources this build read so far, in the order read: what they were,
        byte for byte, under this code."""
        return [key for key in self._used if not key.startswith(_MEMO)]

    def memo(self, name: str) -> dict:
        """A dict kept with the unpickled objects from one build to the next, while used.

        ``name`` must say everything its values depend on besides the code (the code's own
        changes empty ``live``): for term hits, the terms.
        """
        key = _MEMO + hashlib.sha256(name.encode()).hexdigest()
        self._used[key] = None
        memo = self.live.get(key)
        if memo is None:
            memo = self.live[key] = {}
        return memo

    def prune(self) -> None:
        for key in [k for k in self.store if k not in self._used]:
            self.store.pop(key, None)  # another build may have removed it meanwhile
        for key in [k for k in self.live if k not in self._used]:
            del self.live[key]
        self._used = {}
