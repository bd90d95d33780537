"""Find an existing source that a new one duplicates: same address, or nearly the same text.

Texts are compared by their sets of five-word passages (shingles). Only a
fixed sample of the shingles (those whose hash falls in one of eight buckets)
is indexed, which keeps the index small at thousands of sources while
estimating the overlap well for articles of a few hundred words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SHINGLE_WORDS = 5
SAMPLE = 8
NEAR_IDENTICAL = 0.8
"""Share of a text's passages found in another for the two to count as one article."""
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref)$")


def without_tracking(url: str) -> str:
    """The address without tracking parameters (``utm_source``, ``fbclid`` …), otherwise as given."""
    parts = urlsplit(url.strip())
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _TRACKING.match(k)]
    if len(kept) == len(pairs):
        return url.strip()
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment))


def url_key(url: str) -> str:
    """An address in a form where trivial differences (case of host, tracking, slash) vanish."""
    parts = urlsplit(url.strip())
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, path, query, ""))


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.casefold())
    out = set()
    for i in range(max(1, len(words) - SHINGLE_WORDS + 1)):
        digest = hashlib.blake2b(" ".join(words[i:i + SHINGLE_WORDS]).encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "big")
        if value % SAMPLE == 0:
            out.add(value)
    return out


@dataclass(frozen=True)
class Duplicate:
    name: str
    reason: str


class DuplicateIndex:
    """The sources known so far, to test new ones against."""

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}
        self._postings: dict[int, list[str]] = {}
        self._sizes: dict[str, int] = {}

    def add(self, name: str, url: str | None, text: str) -> None:
        if url:
            self._urls.setdefault(url_key(url), name)
        sample = shingles(text)
        self._sizes[name] = len(sample)
        for s in sample:
            self._postings.setdefault(s, []).append(name)

    def find(self, url: str | None, text: str) -> Duplicate | None:
        if url and (name := self._urls.get(url_key(url))):
            return Duplicate(name, "the same address")
        sample = shingles(text)
        if not sample:
            return None
        shared = Counter(name for s in sample for name in self._postings.get(s, ()))
        for name, count in shared.most_common(3):
            overlap = count / max(1, min(len(sample), self._sizes[name]))
            if overlap >= NEAR_IDENTICAL:
                return Duplicate(name, f"nearly the same text ({overlap:.0%} of its passages)")
        return None
