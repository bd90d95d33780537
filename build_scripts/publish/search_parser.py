"""Put a subclass of Material's search parser in its place, once per process.

``search_tokens`` and ``search_sections`` each make Material's parser do part of its work
faster. The hook imports the package afresh when its code changes under ``mkdocs serve``, so
each marks its subclass, and a class already marked is not subclassed again: the methods of
the subclass look up the module as ``sys.modules`` holds it when a page is parsed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

PLUGIN = "material.plugins.search.plugin"


def replace_parser(flag: str, make: Callable[[type], type]) -> None:
    """If Material's search plugin is loaded and its ``Parser`` is not marked ``flag``: put
    ``make(Parser)`` in its place, marked ``flag``, named as Material's, with Material's own class
    as ``_original``."""
    module = sys.modules.get(PLUGIN)
    parser = getattr(module, "Parser", None)
    if parser is None or getattr(parser, flag, False):
        return
    made = make(parser)
    setattr(made, flag, True)
    made.__qualname__ = made.__name__ = parser.__name__
    made._original = getattr(parser, "_original", parser)  # type: ignore[attr-defined]
    setattr(module, "Parser", made)  # noqa: B010
