"""Material's search plugin strips ``data-search-*`` attributes from every page's HTML after
indexing it, with ``re.sub(r'\\s?data-search-\\w+="[^"]+"', "", page.content)``. The expression
starts with an optional space, so it is tried at every character of the page: 0.8 s of CPU
(profiled) on each build after an edit at 4,000 sources, most pages being unchanged.

A page whose HTML does not contain ``data-search-`` cannot match, and the substitution would
return it unchanged; ``install`` gives the plugin's module a ``re`` that skips the expression
for such a page, found by a plain substring search. Any other call, or another expression (a
later Material), goes to ``re`` itself.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_STRIPPED = r"\s?data-search-\w+=\"[^\"]+\""
_PLUGIN = "material.plugins.search.plugin"


class _SkippingRe:
    """``re``, but for the plugin's substitution on a page it cannot change."""

    def __init__(self, module: Any) -> None:
        self._re = module

    def sub(self, pattern: Any, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        if pattern == _STRIPPED and not args and not kwargs and type(string) is str and "data-search-" not in string:
            return string
        return self._re.sub(pattern, repl, string, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._re, name)


def install() -> None:
    """Once per process, if Material's search plugin is loaded."""
    module = sys.modules.get(_PLUGIN)
    if module is not None and getattr(module, "re", None) is re:
        setattr(module, "re", _SkippingRe(re))  # noqa: B010 (the module's attributes are not typed)
