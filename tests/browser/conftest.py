"""Fixtures of the browser tests: the seed site built once, served on 127.0.0.1, and one Chromium.

The site is served twice: at the root of a server (``/``) and under a sub-path
(``/project/``), as a project's GitHub Pages site is. Every page a test opens is
watched: a request to any host but 127.0.0.1, a console error, an uncaught
exception or an HTTP error fails the test that caused it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser import support
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Watch, require
from tests.integration.site_build import make_project, run_mkdocs_build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # "format": the base class's name
        pass


@pytest.fixture(name="site_dir", scope="session")
def fixture_site_dir(tmp_path_factory) -> Path:
    """The seed corpus built with the real `mkdocs build --strict`, from a copy of the project (the
    build keeps its cache beside ``mkdocs.yml``: in the copy, not in the checkout)."""
    site = tmp_path_factory.mktemp("browser") / "site"
    build = run_mkdocs_build(make_project(tmp_path_factory.mktemp("project")), site)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{build.output}", pytrace=False)
    return site


def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(name="site_url", scope="session")
def fixture_site_url(site_dir: Path) -> Iterator[str]:
    """The site served at the root: http://127.0.0.1:PORT/"""
    yield from _serve(site_dir)


@pytest.fixture(name="subpath_url", scope="session")
def fixture_subpath_url(site_dir: Path, tmp_path_factory) -> Iterator[str]:
    """The site served under a sub-path, as on GitHub Pages: http://127.0.0.1:PORT/project/"""
    parent = tmp_path_factory.mktemp("pages")
    try:
        (parent / "project").symlink_to(site_dir, target_is_directory=True)
    except OSError:
        shutil.copytree(site_dir, parent / "project")
    for url in _serve(parent):
        yield url + "project/"


@pytest.fixture(name="base", params=["root", "sub-path"])
def fixture_base(request) -> str:
    """Each reader test runs against the site at the server's root and under /project/."""
    return request.getfixturevalue("site_url" if request.param == "root" else "subpath_url")


@pytest.fixture(name="browser", scope="session")
def fixture_browser():
    require(support.sync_playwright is not None,
            "Playwright is not installed: pip install -e '.[test]' (or pip install playwright==1.65.2)")
    require(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK),
            f"Chromium not found at {CHROMIUM}: install Debian's package with "
            "`sudo apt-get install chromium` (Playwright's own browser download is not used)")
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    support.expect.set_options(timeout=10_000)  # a loaded 2-core machine is slow to paint
    with support.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(name="open_page")
def fixture_open_page(browser) -> Iterator[Callable[..., tuple]]:
    """open_page(viewport=DESKTOP, color_scheme="light", **context_options) -> (page, watch), in a fresh context.

    At the end of the test, any request off 127.0.0.1, console error or HTTP
    error seen by any page it opened fails the test.
    """
    opened = []

    def open_page(viewport: dict = DESKTOP, color_scheme: str = "light", **options):
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, **options)
        context.set_default_timeout(10_000)
        watch = Watch()
        watch.attach(context)
        opened.append((context, watch))
        return context.new_page(), watch

    yield open_page
    problems = [p for _, watch in opened for p in watch.problems()]
    for context, _ in opened:
        context.close()
    if problems:
        pytest.fail("the pages this test opened misbehaved:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture(name="axe_js", scope="session")
def fixture_axe_js() -> Path:
    require(support.AXE_JS.is_file(),
            f"axe-core is not installed ({support.AXE_JS} is missing): run `npm ci --prefix tests/browser`")
    return support.AXE_JS


@pytest.fixture(name="artifacts", scope="session")
def fixture_artifacts(tmp_path_factory) -> Path:
    """Screenshots of this run, in pytest's temporary folder (kept for its last three runs): the tests
    write nothing into the checkout unless asked to (UPDATE_DOCS_IMAGES=1)."""
    return tmp_path_factory.mktemp("artifacts")
