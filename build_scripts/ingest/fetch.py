"""Fetch a web page for ``add URL``. The site build itself never uses the network."""

from __future__ import annotations

import urllib.request
from urllib.parse import urlsplit

MAX_PAGE_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 30
USER_AGENT = "research-microsite/0.1 (+add command)"


def fetch(url: str) -> tuple[bytes, str]:
    """The page's bytes and its final address after redirects; raises ValueError on failure."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{url}: only http and https addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            final = response.geturl()
    except OSError as exc:
        raise ValueError(f"{url}: could not be fetched ({exc})") from None
    if len(data) > MAX_PAGE_BYTES:
        raise ValueError(f"{url}: the page is larger than {MAX_PAGE_BYTES // 1048576} MB")
    return data, final
