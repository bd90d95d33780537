"""Links between pages (as ``.md`` paths, which MkDocs checks) and to originals."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

SOURCES_DIR = "sources"


def source_src_uri(source_id: str) -> str:
    return f"{SOURCES_DIR}/{source_id}.md"


def relative(from_src_uri: str, to_src_uri: str, anchor: str = "") -> str:
    """Link from one page to another, both given by their path in ``docs/``."""
    path = _relative_path(posixpath.dirname(from_src_uri) or ".", to_src_uri)
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=1 << 16)
def _relative_path(base: str, to_src_uri: str) -> str:
    """Remembered: a page links to the same few folders thousands of times."""
    return posixpath.relpath(to_src_uri, base)


def _fragment_part(text: str) -> str:
    # The text-fragment syntax reserves '-', ',' and '&': they must be percent-encoded.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment(sentence: str) -> str:
    """``:~:text=`` directive that makes a browser scroll to and highlight the sentence."""
    words = sentence.split()
    if len(words) <= 10:
        return ":~:text=" + _fragment_part(" ".join(words))
    return ":~:text=" + _fragment_part(" ".join(words[:5])) + "," + _fragment_part(" ".join(words[-5:]))


def safe_url(url: str) -> str:
    """An http(s) URL with characters that could break markdown link syntax encoded."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def original_link(url: str, sentence: str) -> str:
    """The source's address with a text fragment for the sentence (any old fragment dropped)."""
    parts = urlsplit(url)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    return safe_url(base) + "#" + text_fragment(sentence)
