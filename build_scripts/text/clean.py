"""Remove characters that are never article text.

C0 and C1 control characters (other than tab and newline), and Unicode
non-characters, carry no words. They must not reach a page: Python-Markdown
marks its own placeholders with \\x02 and \\x03, so a source holding them
could forge a placeholder.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)
