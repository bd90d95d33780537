"""Fetch a web page for ``add URL``. The site build itself never uses the network."""

from __future__ import annotations

import time
import urllib.request
from urllib.parse import urlsplit

MAX_PAGE_BYTES = 5 * 1024 * 1024
"""Largest page ``add`` reads, fetched or saved: a news page is well under a megabyte."""
READ_TIMEOUT_SECONDS = 15
"""Longest wait for the next bytes from the server."""
TOTAL_SECONDS = 60
"""Longest a whole fetch may take: a server sending a byte every few seconds is given up on."""
_CHUNK = 64 * 1024
USER_AGENT = "research-microsite/0.1 (+add command)"


def fetch(url: str, total: float = TOTAL_SECONDS) -> tuple[bytes, str]:
    """The page's bytes and its final address after redirects; raises ValueError on failure."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{url}: only http and https addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + total
    chunks: list[bytes] = []
    size = 0
    try:
        with urllib.request.urlopen(request, timeout=min(READ_TIMEOUT_SECONDS, total)) as response:
            final = response.geturl()
            while chunk := response.read1(_CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise ValueError(f"{url}: the page is larger than {MAX_PAGE_BYTES // 1048576} MB")
                if time.monotonic() > deadline:
                    raise ValueError(f"{url}: the server took more than {total:g} s to send the page; "
                                     "save the page in a browser and add the saved file")
    except OSError as exc:
        raise ValueError(f"{url}: could not be fetched ({exc})") from None
    return b"".join(chunks), final
