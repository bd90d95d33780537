"""The yardstick of the full build: plain MkDocs on simple pages of the same page count and words.

The pages are prose from the corpus's own articles, in paragraphs with a heading every few,
built with the same theme, search plugin and Markdown extensions as the case, but no hook.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
NAV_PAGES = 25
"""Pages listed in the navigation, about as many as the case lists (its sources' pages are not
listed); the rest are built but not listed. Listing every page would make each page carry a
navigation of thousands of entries: a plain build of 10,000 such pages took over half an hour."""
PARAGRAPH_WORDS = 60
PARAGRAPHS_PER_SECTION = 4


def site_pages(site: Path) -> tuple[int, int]:
    """The number of pages of a built site and the words of their articles."""
    pages = words = 0
    for page in site.rglob("index.html"):
        pages += 1
        html = page.read_text(encoding="utf-8")
        words += sum(len(_TAG.sub(" ", m).split()) for m in _ARTICLE.findall(html))
    return pages, words


def _vocabulary(sources: Path) -> list[str]:
    words: list[str] = []
    for path in sorted(sources.glob("*.md"))[:200]:
        text = path.read_text(encoding="utf-8")
        words += (text.split("\n---\n", 1)[1] if text.startswith("---\n") else text).split()
    return words


def write_plain_project(dest: Path, sources: Path, pages: int, words: int, config: str) -> None:
    """A project of ``pages`` pages holding ``words`` words in all; ``config`` is the case's
    ``mkdocs.yml``, whose theme, plugins and extensions it keeps."""
    shutil.rmtree(dest, ignore_errors=True)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    vocabulary = _vocabulary(sources)
    at = 0
    listed: list[str] = []
    for i in range(pages):
        quota = words // pages + (1 if i < words % pages else 0)
        lines = [f"# Page {i}", ""]
        paragraphs = 0
        while quota > 0:
            n = min(PARAGRAPH_WORDS, quota)
            if paragraphs and paragraphs % PARAGRAPHS_PER_SECTION == 0:
                lines += [f"## Part {paragraphs // PARAGRAPHS_PER_SECTION}", ""]
            chunk = [vocabulary[(at + k) % len(vocabulary)] for k in range(n)]
            at += n
            lines += [" ".join(chunk), ""]
            quota -= n
            paragraphs += 1
        uri = "index.md" if i == 0 else f"section-{i // 100}/page-{i}.md"
        if i < NAV_PAGES:
            listed.append(uri)
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
    nav = "nav:\n" + "".join(f"  - {uri}\n" for uri in listed)
    (dest / "mkdocs.yml").write_text(_plain_config(config) + nav, encoding="utf-8")


def _plain_config(config: str) -> str:
    """The case's configuration without its hook, its own folders and validation of links."""
    keep: list[str] = []
    skipping = False
    for line in config.splitlines():
        top = line[:1] not in (" ", "-", "#", "")
        if top:
            skipping = line.split(":")[0] in {"hooks", "watch", "exclude_docs", "extra_css", "extra_javascript",
                                              "validation", "nav"}
        if not skipping and not line.lstrip().startswith("custom_dir:"):
            keep.append(line)
    return "\n".join(keep) + "\n"
