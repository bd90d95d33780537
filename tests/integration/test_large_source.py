"""A source of tens of thousands of sentences builds in time proportional to its size: its
article HTML goes into the page after Python-Markdown, whose raw-HTML handling grew faster
than the page (issue 18, case 5: 100,000 one-line sentences took over 240 s there alone)."""

from __future__ import annotations

import re
import time

from build_scripts.load.sources import parse_source
from build_scripts.pages.source import ARTICLE_SLOT, source_page
from build_scripts.text.document import build_document
from tests.integration.site_build import make_project, run_mkdocs_build

SENTENCES = 20_000


def _big_source() -> str:
    lines = ["---", "title: A very long record", "---"]
    lines += [f"Entry {i} of the harbour log notes a ship called Vessel {i} at the quay." for i in range(SENTENCES)]
    return "\n".join(lines) + "\n"


def test_the_article_stays_out_of_the_markdown_and_comes_back_whole(tmp_path):
    path = tmp_path / "big.md"
    path.write_text(_big_source(), encoding="utf-8")
    document = build_document(parse_source(path, path.read_bytes()))
    page = source_page(document)
    assert ARTICLE_SLOT in page.markdown and 'class="sentence"' not in page.markdown
    assert page.article.count('class="sentence"') == len(document.sentences) >= SENTENCES


def test_a_source_of_twenty_thousand_sentences_builds_with_every_anchor(tmp_path):
    config = make_project(tmp_path / "project", {"big.md": _big_source()})
    started = time.monotonic()
    build = run_mkdocs_build(config, tmp_path / "site")
    elapsed = time.monotonic() - started
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "sources" / "big" / "index.html").read_text(encoding="utf-8")
    assert "<!--article-->" not in html
    assert len(re.findall(r'<span class="sentence" id="s-', html)) >= SENTENCES
    assert elapsed < 180, f"{elapsed:.0f} s for {SENTENCES:,} sentences"
