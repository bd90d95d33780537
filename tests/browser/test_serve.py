"""`make serve` shows a build error in the browser (issue 17, item 10), in Chromium at desktop and phone
sizes: while a source has a problem, the page names the file, the line and what to fix; once the file is
fixed and saved, the same browser tab shows the site again by itself (MkDocs' live reload), with no
reload by the reader.

`open_page` fails the test if a page requests anything off 127.0.0.1 or logs a console error.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.support import DESKTOP, PHONE, expect
from tests.integration.site_build import make_project

BROKEN = "---\ntitle: [oops\n---\nThe treaty bans anti-personnel mines in every state party.\n"
FIXED = "---\ntitle: Fixed now\n---\nThe treaty bans anti-personnel mines in every state party.\n"
PROBLEM = "sources/broken.md:2"


@dataclass
class Served:
    url: str
    broken: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, needle: str, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture(name="serving")
def fixture_serving(tmp_path) -> Iterator[Served]:
    """`mkdocs serve --strict` (what `make serve` runs) on a copy of the project with a broken source."""
    config = make_project(tmp_path)
    broken = tmp_path / "sources" / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        if not _wait_for(url, PROBLEM):
            proc.terminate()
            pytest.fail("mkdocs serve never showed the problem:\n" + proc.communicate(timeout=30)[0], pytrace=False)
        yield Served(url, broken)
    finally:
        if proc.poll() is None:
            proc.terminate()
            output = proc.communicate(timeout=30)[0]
            assert "Traceback" not in output, output


SCREENS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}


def test_a_build_error_shows_in_the_browser_and_the_site_replaces_it_once_fixed(open_page, serving):
    """One server, a desktop and a phone tab open on it at once (each serve costs a build)."""
    pages = {}
    for screen, options in SCREENS.items():
        page, _ = open_page(**options)
        page.goto(serving.url + "topics/treaty/")
        pages[screen] = page
    for screen, page in pages.items():
        box = page.locator("article .admonition.failure").first
        expect(box).to_be_visible()
        expect(box).to_be_in_viewport()  # at the top, not below the fold
        expect(box).to_contain_text("The site could not be built")
        # the file, the line and what to fix
        expect(box).to_contain_text(PROBLEM + ": the frontmatter is not valid YAML")
        expect(box).to_contain_text("Fix it, save, and this page reloads by itself")
        # The topic page is the researcher's own text under the banner; the evidence is not there.
        expect(page.locator("article div.footnote")).to_have_count(0)
        width = page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
        assert width, f"{screen}: the error page scrolls sideways"

    serving.broken.write_text(FIXED, encoding="utf-8")
    for page in pages.values():
        # The same tab, not reloaded by the test: the live reload brings the topic page back.
        expect(page.locator("article div.footnote li").first).to_be_attached(timeout=90_000)
        expect(page.locator("article .admonition.failure")).to_have_count(0)
        expect(page.locator("article")).not_to_contain_text("could not be built")
        expect(page.locator("article h1")).to_contain_text("The treaty")
    page = pages["desktop"]
    page.goto(serving.url + "sources/broken/")
    expect(page.locator("article h1").first).to_contain_text("Fixed now")
