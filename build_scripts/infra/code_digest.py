"""A digest of the code a stage depends on: its modules, every module of this package they
import (found by reading their source, not by importing them), and the data files it names."""

from __future__ import annotations

import ast
import hashlib
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from importlib.util import resolve_name
from pathlib import Path

PACKAGE = "build_scripts"
_ROOT = Path(__file__).resolve().parents[1]


def _file_of(module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = _ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, module: str) -> set[str]:
    """The modules of this package that ``module`` imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = module if path.name == "__init__.py" else module.rpartition(".")[0]
            prefix = resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{a.name}" for a in node.names)
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


def modules_used(roots: Iterable[str]) -> list[Path]:
    """The files of ``roots`` and of every module of the package they import, transitively."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        path = _file_of(module)
        if path is None:  # a name imported from a module, not a module
            continue
        seen[module] = path
        parent = module.rpartition(".")[0]
        if parent.startswith(PACKAGE):
            todo.append(parent)  # importing a module runs its package's __init__
        todo.extend(_imports(path, module))
    return sorted(set(seen.values()))


@cache
def code_digest(code: tuple[str, ...], data: tuple[str, ...] = ()) -> bytes:
    """The digest of the modules ``code`` names and all they import from this package, the
    files the ``data`` globs match, and Python's and the sentence splitter's versions.

    What the cache holds on disk outlives the code: a pull or an upgrade must miss it.
    """
    digest = hashlib.sha256()
    files = modules_used(code) + sorted({p for pattern in data for p in _ROOT.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(str(path.relative_to(_ROOT)).encode() + b"\0" + path.read_bytes())
    digest.update(f"python {sys.version_info[:3]} nupunkt {_version('nupunkt')}".encode())
    return digest.digest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"
