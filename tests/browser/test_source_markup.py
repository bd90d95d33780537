"""A source written in markdown, on its page in Chromium at desktop and phone sizes: emphasis, a block
quote and links (their text, then their address as text) show as the article meant them; its hostile
markup runs nothing; the page stays within the screen and passes axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import _serve
from tests.browser.support import DESKTOP, PHONE, axe_violations, describe_violations, expect
from tests.integration.site_build import ROOT, make_project, run_mkdocs_build

ADDRESS = "https://example.org/reports/2025/06/30/ukraine-announces-its-withdrawal-from-the-mine-ban-treaty.html"
MARKDOWN_SOURCE = f"""---
title: Ukraine leaves the mine ban treaty
publisher: Test Gazette
date: 2025-06-30
notes: A test fixture; its sentences restate seed sentences in markdown.
---
Ukraine announced its withdrawal from the **Ottawa Convention** on Sunday, the *foreign ministry* said.
> The ministry called the decision to withdraw from the Ottawa Convention “difficult but necessary”.
As [our earlier report]({ADDRESS}) showed, the withdrawal must be ratified by parliament.
The decree was signed on **<img src=x onerror=alert(1)>** and [the text](javascript:alert(1)) was published.
Officials said <script>alert(2)</script> the treaty still binds Ukraine until the withdrawal takes effect.
"""


@pytest.fixture(name="markup_site", scope="module")
def fixture_markup_site(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The seed site with the markdown source, served at the root; and the address of its page."""
    sources = {path.name: path.read_bytes() for path in sorted((ROOT / "sources").glob("*.md"))}
    sources["test-gazette-markdown.md"] = MARKDOWN_SOURCE
    project = make_project(tmp_path_factory.mktemp("markup-project"), sources)
    site = tmp_path_factory.mktemp("markup") / "site"
    build = run_mkdocs_build(project, site)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{build.output}", pytrace=False)
    [page] = [p for p in site.glob("sources/*/index.html") if "Test Gazette" in p.read_text(encoding="utf-8")]
    for url in _serve(site):
        yield url, url + Path(page.relative_to(site)).parent.as_posix() + "/"


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_markdown_in_a_source_shows_as_meant_and_runs_nothing(open_page, markup_site, axe_js, screen):
    _, url = markup_site
    if screen == "phone":
        page, _ = open_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    else:
        page, _ = open_page(DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    article = page.locator("article")

    strong = article.locator("p.article-text strong", has_text="Ottawa Convention")
    expect(strong).to_be_visible()
    assert int(strong.evaluate("el => getComputedStyle(el).fontWeight")) >= 600
    italic = article.locator("p.article-text em", has_text="foreign ministry")
    expect(italic).to_be_visible()
    assert italic.evaluate("el => getComputedStyle(el).fontStyle") == "italic"
    quote = article.locator("blockquote.article-quote")
    expect(quote).to_contain_text("“difficult but necessary”")
    assert quote.evaluate("el => parseFloat(getComputedStyle(el).borderLeftWidth)") > 0  # set off as a quote
    expect(article.locator("span.article-link", has_text="our earlier report")).to_be_visible()
    address = article.locator("span.link-address", has_text=ADDRESS)
    expect(address).to_be_visible()
    expect(article.locator("span.link-address", has_text="javascript:alert(1)")).to_be_visible()
    expect(article.get_by_text("<script>alert(2)</script>")).to_be_visible()

    # Inert: no link, image or script came from the source; nothing ran.
    assert article.locator("p.article-text a, p.article-text img, p.article-text script").count() == 0
    assert dialogs == []
    # The long address wraps: nothing is wider than the screen.
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert address.evaluate("el => el.getBoundingClientRect().right") <= width
    violations = axe_violations(page, axe_js)
    assert not violations, describe_violations(violations)
