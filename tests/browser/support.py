"""What the browser tests share that is not a fixture: paths, viewports, and page helpers.

Import it as ``tests.browser.support`` (the conftest does too), so there is one copy.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # the `browser` fixture skips (or, in CI, fails) with a message
    Page = expect = sync_playwright = None  # type: ignore[assignment,misc]

HERE = Path(__file__).resolve().parent
DOCS_IMAGES = HERE.parents[1] / "docs" / "images"  # committed copies, for the README
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path("/usr/bin/chromium")      # Debian's package; Playwright cannot download its own here
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# The context options of a reader's screen: a desktop window, or a phone (touch, a dense display).
SCREENS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}

# One page of each kind the generator makes, by URL under the site's root.
PAGE_KINDS = {
    "home": "",
    "topic-treaty": "topics/treaty/",
    "topic-withdrawals": "topics/withdrawals/",
    "topic-russian-mine-use": "topics/russian-mine-use/",
    "topic-humanitarian-criticism": "topics/humanitarian-criticism/",
    "source": "sources/2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to/",
    # has its address: "Read the original ↗"
    "source-with-original": (
        "sources/2025-06-30-the-vaultz-news-ukrainian-president-volodymyr-zelenskyy-has-signed/"),
    "sources-index": "sources/",
    "timeline": "timeline/",
    "countries-overview": "countries/",
    "country": "countries/ua/",
    "quotes": "quotes/",
    "disagreements": "disagreements/",
    "methodology": "about/methodology/",
    "how-to-read": "about/how-to-read/",
    "data": "data/",
}

# Pages that are not a folder's index.html: Material's 404 page, and the page at a renamed source's old
# address that leads to its new one (not a Material page: a few lines of HTML).
NOT_FOUND = "404.html"
REDIRECT = "sources/000_183601ec9612ed3f/"

# Checked again in the dark palette, which readers get from prefers-color-scheme: dark.
DARK_KINDS = ["home", "topic-treaty", "source-with-original", "countries-overview"]


def kind_of(url: str) -> tuple[str, int]:
    """A page's kind, told by its first folder and depth: ('topics', 2) for 'topics/treaty/'."""
    parts = [p for p in url.split("/") if p]
    return (parts[0] if parts else "", len(parts))


def require(ok: bool, message: str) -> None:
    """Skip when something the browser tests need is missing; in CI (CI=true), fail instead."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{message} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(message)


def is_local(url: str) -> bool:
    """True for a request that stays on this machine's 127.0.0.1 (data: and blob: URLs carry no request)."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    if parts.scheme == "blob":
        return is_local(url[len("blob:"):])
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname == "127.0.0.1"


@dataclass
class Watch:
    """Everything the pages of one browser context requested or complained about."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("response", self._response)
        context.on("page", self._page)

    def _page(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(
            f"{page.url}: console.error: {msg.text} ({msg.location.get('url', '')})"))
        page.on("pageerror", lambda exc: self.console_errors.append(f"{page.url}: uncaught {exc}"))

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def problems(self) -> list[str]:
        return ([f"request left 127.0.0.1: {u}" for u in self.foreign_requests()]
                + self.console_errors
                + [f"HTTP error: {r}" for r in self.failed_responses])

    def clear(self) -> None:
        self.requests.clear()
        self.console_errors.clear()
        self.failed_responses.clear()


def wait_for_search_ready(page: Page) -> None:
    """Material's search worker has fetched and indexed search/search_index.json."""
    expect(page.locator(".md-search-result__meta")).not_to_have_text(
        re.compile("Initializing search"), timeout=15_000)


def search(page: Page, query: str):
    """Open the search box as a reader does, type, return the result items.

    On a wide screen the box is in the header; on a narrow one the magnifier opens it.
    """
    box = page.locator("input.md-search__input")
    magnifier = page.locator('label.md-header__button[for="__search"]')
    (magnifier if magnifier.is_visible() else box).click()
    expect(box).to_be_focused()
    box.press_sequentially(query)
    items = page.locator("li.md-search-result__item")
    expect(items.first).to_be_visible(timeout=15_000)
    return items


def page_path(url: str, base: str) -> str:
    """The part of ``url``'s path below the site's base URL, e.g. 'topics/treaty/'."""
    path, root = urlsplit(url).path, urlsplit(base).path
    assert path.startswith(root), (url, base)
    return path[len(root):]


def axe_violations(page: Page, axe_js: Path = AXE_JS, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (tests/browser/node_modules/axe-core) in the page; its violations of the given impacts."""
    page.add_script_tag(path=str(axe_js))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html,
                                          summary: n.failureSummary || ""})),
            }));
        }"""
    )
    return [v for v in violations if v["impact"] in impacts]


def describe_violations(violations: list[dict], limit: int = 3) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s)) {v['helpUrl']}")
        for node in v["nodes"][:limit]:
            summary = " / ".join(s.strip() for s in node["summary"].splitlines()[1:] if s.strip())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)
