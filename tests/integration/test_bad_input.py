"""A build with broken or hostile sources: clear errors, escaped text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.integration.site_build import make_project, run_mkdocs_build

GOOD = "---\ntitle: Fine\n---\nThe treaty bans anti-personnel mines in every state party to it.\n"


def test_broken_sources_fail_the_build_naming_each_file(tmp_path):
    config = make_project(tmp_path, {
        "good.md": GOOD,
        "bad-url.md": "---\nurl: javascript:alert(1)\n---\nSome text of the article here.\n",
        "bad-date.md": "---\ndate: June 2025\n---\nSome text of the article here.\n",
        "empty.md": "",
    })
    build = run_mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "3 problems in the inputs:" in build.output
    assert "sources/bad-date.md:2: 'date': 'June 2025' is not an ISO 8601 date" in build.output
    assert "sources/bad-url.md:2: 'url' must start with http:// or https://" in build.output
    assert "sources/empty.md: the file is empty" in build.output
    assert "Traceback" not in build.output


HOSTILE = """---
title: "<script>alert('title')</script> Treaty news"
publisher: "*Bold* [Pub](javascript:alert(1))"
---
The treaty bans anti-personnel mines <script>alert(1)</script> in every state.
Russia used mines, said [a link](javascript:alert(2)) and ![x](data:text/html,y) today.
Mines <img src=x onerror=alert(3)> harm civilians long after a war[^1] has ended.
"""


def test_hostile_text_renders_as_text_everywhere(tmp_path):
    config = make_project(tmp_path, {"hostile.md": HOSTILE})
    build = run_mkdocs_build(config, tmp_path / "site", check_leftovers=False)  # its "[^1]" is article text
    assert build.returncode == 0, build.output
    for page in ["sources/hostile", "topics/treaty", "topics/humanitarian-criticism", "sources", ""]:
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.select("article script, article img")
        assert not [s for s in soup.select("script") if "alert" in s.get_text()]
        assert not soup.select("[onerror], [onclick], [onload]")
        assert not [a for a in soup.select("a[href]") if a["href"].startswith(("javascript:", "data:"))]
    source = BeautifulSoup((tmp_path / "site/sources/hostile/index.html").read_text(encoding="utf-8"), "html.parser")
    texts = [s.get_text() for s in source.select("span.sentence")]
    assert "The treaty bans anti-personnel mines <script>alert(1)</script> in every state." in texts
    assert "Mines <img src=x onerror=alert(3)> harm civilians long after a war[^1] has ended." in texts
    title = "<script>alert('title')</script> Treaty news"
    assert source.find("h1").get_text(strip=True).removesuffix("¶") == title
    assert source.title.get_text().startswith(title)
    index = (tmp_path / "site/search/search_index.json").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index
    treaty = BeautifulSoup((tmp_path / "site/topics/treaty/index.html").read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text() for li in treaty.select("article li")]
    assert any(t.startswith("The treaty bans anti-personnel mines <script>alert(1)</script> in every state.")
               for t in items)
