"""Material's search plugin strips ``data-search-*`` attributes from every page's HTML after
indexing it, with ``re.sub(r'\\s?data-search-\\w+="[^"]+"', "", page.content)``. The expression
starts with an optional space, so it is tried at every character of the page: 0.8 s of CPU
(profiled) on each build after an edit at 4,000 sources, most pages being unchanged. It removes
only attributes with a value: the hook's own marks (``data-search-exclude``, on every footnote
reference and the "Cite this page" box) have none, so on the generated pages it never changed
anything and still read every character.

Every match holds ``data-search-`` followed by a name, ``="``, a value and ``"``; where nothing
of the page matches that (``_VALUED``, an expression with a literal start, which ``re`` finds by
a fast scan: 0.04 s for the 1,047 pages of the 1,000-source bench site, against 0.65 s for the
substitution), the substitution would return the page unchanged, and it is skipped. ``install``
gives the plugin's module a ``re`` that does this; any other call, or another expression (a
later Material), goes to ``re`` itself.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_STRIPPED = r"\s?data-search-\w+=\"[^\"]+\""
_VALUED = re.compile(r"data-search-\w+=\"[^\"]+\"")
"""What every match of ``_STRIPPED`` holds, but its optional first space."""
_PLUGIN = "material.plugins.search.plugin"


class _SkippingRe:
    """``re``, but for the plugin's substitution on a page it cannot change."""

    def __init__(self, module: Any) -> None:
        self._re = module

    def sub(self, pattern: Any, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        if pattern == _STRIPPED and not args and not kwargs and type(string) is str and _VALUED.search(string) is None:
            return string
        return self._re.sub(pattern, repl, string, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._re, name)


def install() -> None:
    """Once per process, if Material's search plugin is loaded."""
    module = sys.modules.get(_PLUGIN)
    if module is not None and getattr(module, "re", None) is re:
        setattr(module, "re", _SkippingRe(re))  # noqa: B010 (the module's attributes are not typed)
