"""Keep the results of per-item stages, and memos of the stages that read across items.

Under ``mkdocs serve`` every edit rebuilds the site; working out again what
thousands of unchanged items give would make each edit cost as much as the
first build. A stage's result is keyed by the stage's name, its own code
(``code_digest``) and a key of its input, and stored pickled, so it survives
the reload of the ``build_scripts`` modules between builds; MkDocs builds
store them on disk (``disk_store``), so that a fresh ``mkdocs build`` works
only on what was added or changed since the last. A stage that reads across
items may keep a memo here too (``memo``), for the next build to look up.
The cache knows nothing of what the stages make.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pathlib
import pickle
from collections.abc import Iterator, MutableMapping
from typing import Any, Protocol, runtime_checkable

from build_scripts.infra.code_digest import code_digest
from build_scripts.infra.stage import Stage

_MEMO = "memo:"
_MODEL = "build_scripts.model."
_PATHS = {("pathlib", "PosixPath"): pathlib.PosixPath, ("pathlib", "PurePosixPath"): pathlib.PurePosixPath,
          ("pathlib", "WindowsPath"): pathlib.PureWindowsPath, ("pathlib", "PureWindowsPath"): pathlib.PureWindowsPath}


class _Unpickler(pickle.Unpickler):
    """Makes the data classes of ``model``, paths and the stage's own declared types, and nothing
    else: a pickle naming any other callable (``os.system``, ``builtins.eval``) is refused before
    it can be called. Plain data (strings, numbers, tuples, lists, dicts, sets) needs no class."""

    def __init__(self, data: bytes, allowed: tuple[type, ...]) -> None:
        super().__init__(io.BytesIO(data))
        self.allowed = {(t.__module__, t.__qualname__): t for t in allowed}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.allowed:
            return self.allowed[(module, name)]
        if (module, name) in _PATHS:
            return _PATHS[(module, name)]
        if module.startswith(_MODEL):
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"the cache may not hold {module}.{name}")


def safe_loads(data: bytes, allowed: tuple[type, ...] = ()) -> Any:
    """Unpickle what only this program's stages write: see ``_Unpickler``."""
    return _Unpickler(data, allowed).load()


@runtime_checkable
class Flushing(Protocol):
    """A store whose entries reach their files only when flushed (``disk_store.DiskStore``)."""

    def flush(self) -> None: ...


class Forgetful(MutableMapping[str, bytes]):
    """A store that keeps nothing: for a one-off generation, whose results no later build reads,
    holding every item's pickled results in memory would only cost memory."""

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


class StageCache:
    """Pickled stage results by key; ``prune`` drops what the last build did not use."""

    def __init__(self, store: MutableMapping[str, bytes] | None = None,
                 live: MutableMapping[str, Any] | None = None) -> None:
        """``live`` keeps the unpickled objects too, saving the unpickling on the next build; its
        owner must empty it whenever the ``build_scripts`` modules are imported afresh (objects
        of the old classes would not compare equal to the new)."""
        self.store: MutableMapping[str, bytes] = {} if store is None else store
        self.live: MutableMapping[str, Any] = {} if live is None else live
        self._used: dict[str, None] = {}
        """The keys this build asked for, in order."""
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(stage: Stage, input_key: bytes) -> str:
        """The key of ``stage``'s result for an input that ``input_key`` identifies."""
        digest = hashlib.sha256(code_digest(stage.code, stage.data) + stage.name.encode() + b"\0")
        digest.update(input_key)
        return digest.hexdigest()

    def get(self, key: str, stage: Stage) -> Any | None:
        """``stage``'s result kept under ``key``, or None: a damaged entry, one naming a class
        the stage does not make, or one of the wrong shape counts as missing and is remade."""
        self._used[key] = None
        value = self.live.get(key)
        if value is None:
            data = self.store.get(key)
            if data is None:
                self.misses += 1
                return None
            try:
                value = safe_loads(data, stage.types)
                valid = stage.valid(value)
            except Exception:  # noqa: BLE001 - a damaged or foreign entry is worked out again
                valid = False
            if not valid:
                self.misses += 1
                return None
            self.live[key] = value
        self.hits += 1
        return value

    def pickled(self, key: str) -> bytes | None:
        """The stored bytes of ``key`` (to hand to a worker without pickling again)."""
        return self.store.get(key)

    def put_pickled(self, key: str, data: bytes) -> Any:
        """Keep a result that comes pickled (as worker processes send them); returns it unpickled."""
        self.store[key] = data
        value = self.live[key] = pickle.loads(data)  # noqa: S301 - made just now by this program's own workers
        self._used[key] = None
        return value

    def results_read(self) -> list[str]:
        """The keys of the results this build read or made, in order: a digest of them says
        what every item was, byte for byte, under this code."""
        return [key for key in self._used if not key.startswith(_MEMO)]

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict kept with the unpickled objects from one build to the next, while used.

        ``name`` must say everything its values depend on besides the code (the code's own
        changes empty ``live``).
        """
        key = _MEMO + hashlib.sha256(name.encode()).hexdigest()
        self._used[key] = None
        memo = self.live.get(key)
        if memo is None:
            memo = self.live[key] = {}
        return memo

    def prune(self) -> None:
        """Drop what this build did not ask for; a store that keeps its entries in files
        (``Flushing``) then writes them out, for the next build to find."""
        for key in [k for k in self.store if k not in self._used]:
            self.store.pop(key, None)  # another build may have removed it meanwhile
        for key in [k for k in self.live if k not in self._used]:
            del self.live[key]
        self._used = {}
        if isinstance(self.store, Flushing):
            self.store.flush()
