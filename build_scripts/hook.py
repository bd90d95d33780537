"""MkDocs hook (``hooks:`` in mkdocs.yml): a thin shim over ``build_scripts.publish``.

MkDocs loads a hook module once and never reloads it during ``mkdocs serve``
(mkdocs issue 3993). So this file holds no logic: at the start of a build, if
any file of the generator changed since the last import, it drops the
``build_scripts`` modules from ``sys.modules`` and imports them afresh, so an
edit to the generator shows on the next rebuild without a restart, while an
edit to a source does not pay for re-importing (and re-compiling) the code.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_ROOT = str(Path(__file__).resolve().parent.parent)
_PACKAGE = Path(__file__).resolve().parent
_events: ModuleType | None = None
_loaded_state: tuple[tuple[str, int], ...] | None = None
_serving = False
_live: dict[str, Any] = {}
"""Analysis of unchanged sources, unpickled, kept across rebuilds (the bytes are on disk);
emptied when the modules are imported afresh."""


def _code_state() -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in _PACKAGE.rglob("*.py")))


def _reload() -> ModuleType:
    if _ROOT not in sys.path:
        sys.path.insert(0, _ROOT)
    for name in [n for n in sys.modules if n == "build_scripts" or n.startswith("build_scripts.")]:
        del sys.modules[name]
    return importlib.import_module("build_scripts.publish.events")


def on_config(config: Any) -> Any:
    global _events, _loaded_state
    state = _code_state()
    if _events is None or state != _loaded_state:
        _live.clear()
        _events, _loaded_state = _reload(), state
    return _events.on_config(config)


def on_startup(command: str, dirty: bool) -> None:
    """MkDocs says once whether it serves or builds; a serve shows input problems in the browser."""
    global _serving
    _serving = command == "serve"


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    assert _events is not None
    return _events.on_serve(server, config, builder)


def on_pre_build(config: Any) -> None:
    assert _events is not None
    _events.on_pre_build(config, _live, serving=_serving)


def on_files(files: Any, config: Any) -> Any:
    assert _events is not None
    return _events.on_files(files, config)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    assert _events is not None
    return str(_events.on_page_markdown(markdown, page, config, files))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    assert _events is not None
    return str(_events.on_page_content(html, page, config, files))


def on_env(env: Any, config: Any, files: Any) -> Any:
    assert _events is not None
    return _events.on_env(env, config, files)


def on_post_build(config: Any) -> None:
    assert _events is not None
    _events.on_post_build(config)


def on_post_page(output: str, page: Any, config: Any) -> str:
    assert _events is not None
    return str(_events.on_post_page(output, page, config))
