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
    path = _page_to_page(from_src_uri, to_src_uri)
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=1 << 16)
def _page_to_page(from_src_uri: str, to_src_uri: str) -> str:
    """Remembered: a page cites the same source pages many times."""
    return _relative_path(posixpath.dirname(from_src_uri) or ".", to_src_uri)


@lru_cache(maxsize=1 << 16)
def _relative_path(base: str, to_src_uri: str) -> str:
    """Remembered: pages of one folder link to the same pages.

    Both paths are relative to ``docs/``, so they are compared by their parts:
    ``posixpath.relpath`` asks the working directory and makes both absolute first,
    at ten times the cost. Paths that climb with ``..`` or are absolute still go to it.
    """
    start, target = _parts(base), _parts(to_src_uri)
    if start is None or target is None:
        return posixpath.relpath(to_src_uri, base)
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    parts = [posixpath.pardir] * (len(start) - common) + target[common:]
    return "/".join(parts) if parts else posixpath.curdir


def _parts(path: str) -> list[str] | None:
    """The folders and name of a relative path, or None when it is absolute or climbs."""
    if path.startswith("/"):
        return None
    parts = [p for p in path.split("/") if p and p != posixpath.curdir]
    return None if posixpath.pardir in parts else parts


def _fragment_part(words: list[str]) -> str:
    """The words joined by spaces, percent-encoded (``quote`` encodes byte by byte, so word by word is the same)."""
    return "%20".join([_encoded_word(w) for w in words])


@lru_cache(maxsize=1 << 16)
def _encoded_word(word: str) -> str:
    """Remembered: words repeat across sentences, and ``quote`` is slow on anything it must encode."""
    # The text-fragment syntax reserves '-', ',' and '&': they must be percent-encoded.
    return quote(word, safe="").replace("-", "%2D")


def text_fragment(sentence: str) -> str:
    """``:~:text=`` directive that makes a browser scroll to and highlight the sentence."""
    words = sentence.split()
    if len(words) <= 10:
        return ":~:text=" + _fragment_part(words)
    return ":~:text=" + _fragment_part(words[:5]) + "," + _fragment_part(words[-5:])


def safe_url(url: str) -> str:
    """An http(s) URL with characters that could break markdown link syntax encoded."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


@lru_cache(maxsize=1 << 16)
def original_link(url: str, sentence: str) -> str:
    """The source's address with a text fragment for the sentence (any old fragment dropped).

    Remembered: the same sentence is cited on several pages.
    """
    return _without_fragment(url) + "#" + text_fragment(sentence)


@lru_cache(maxsize=1 << 16)
def _without_fragment(url: str) -> str:
    """The address, safe in a markdown link, without its fragment: the same for every sentence of a source."""
    parts = urlsplit(url)
    return safe_url(urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, "")))
