"""A source page's markdown written as HTML by the hook, as Python-Markdown would write it.

Each of the thousand source pages of the 1,000-source benchmark cost MkDocs about a millisecond to
convert (issue 20): a new ``Markdown`` object with its extensions, then every step of its pipeline,
for a page whose markdown is four lines around the slots where its card and article go (they are
HTML already). ``write`` reads such a page's markdown, as ``templates/source.md.j2`` and the hook
leave it, and writes what ``Page.render`` would set: the HTML, the table of contents, the title,
the anchors it holds and the links to anchors it makes (each link resolved and checked by MkDocs'
own code, so a link warns as it would). It reads only the form that template writes, with plain
text (letters and the punctuation Python-Markdown leaves alone, or escapes as the generator writes
them), an ``http(s)`` address without characters that HTML escapes, a block of page furniture
whose lines ``inline_stash`` writes (without links), the Markdown extensions MkDocs and this
project configure and the ``toc`` setting ``permalink: true``; any other page, or setting, is
converted by Python-Markdown as before. ``tests/unit/publish/test_direct_pages.py``
compares both on made-up pages, and tests/integration/test_source_markdown.py on the seed site's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

from build_scripts.publish.inline_markdown import inline
from build_scripts.publish.inline_stash import line_html
from build_scripts.publish.page_cache import Render

_TEXT = r"(?:[^\\`*_{}\[\]<>&!#|\s\x00-\x1f]|[ ](?! )|\\[\\`*_{}\[\]()#+\-.!])+"
"""Text Python-Markdown writes as it is but for its escapes: no character that starts markup or
that HTML escapes, single spaces inside, backslash escapes of its ``ESCAPED_CHARS`` but ``>``."""
_PLAIN = re.compile(rf"(?!\s){_TEXT}(?<!\s)")
_ESCAPE = re.compile(r"\\(.)")
_ADDRESS = r"https?://[A-Za-z0-9\-._~:/?#@$%+,;=]+"
_PAGE = re.compile(
    r"# (?P<title>[^\n]+)\n\n<!--card-->\n\n\n"
    rf"(?:\[Read the original ↗\]\(<(?P<url>{_ADDRESS})>\)\{{ \.md-button \}}\n\n)?"
    r"## Article text\n\n<!--article-->\n\n"
    r'(?:\?\?\? furniture "(?P<summary>[^"\n]+)"\n\n    (?P<note>[^\n]+)\n\n(?P<items>(?:    - [^\n]+\n)+)\n)?'
    r"## Sources used on this page \{ data-search-exclude \}\n\n"
    r"- \[(?P<label>[^\n\]]+)\]\((?P<target>[A-Za-z0-9._-]+\.md)\)(?P<rest>, [^\n]+)?\n\n\n"
    r"<!--cite-this-page-->\n"
)
_HEADINGS = (("Article text", "article-text"), ("Sources used on this page", "sources-used-on-this-page"))
_SETTINGS = {"toc": {"permalink": True}}
"""The only Markdown settings under which pages are written here (the project's ``mkdocs.yml``)."""
_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition", "attr_list", "footnotes", "pymdownx.details"})
"""The project's Markdown extensions (MkDocs adds the first three): the others leave such a page alone."""


def applies(extensions: Iterable[str], settings: Mapping[str, object]) -> bool:
    """Whether the site's Markdown writes a source page as ``write`` does."""
    names = set(extensions)
    return {"toc", "attr_list"} <= names <= _EXTENSIONS and dict(settings) == _SETTINGS


@dataclass(frozen=True)
class Written:
    """A source page as Python-Markdown would convert it, but for what depends on the build."""

    content: str
    title: str
    headings: tuple[tuple[int, str, str], ...]
    """Level, id and text of each heading, in order."""
    links: tuple[str, ...]
    """Each link's address as written, in order (MkDocs resolves and checks them)."""


def _text(written: str) -> str | None:
    """The text a run of markdown stands for, if it is plain (``_PLAIN``)."""
    return _ESCAPE.sub(r"\1", written) if _PLAIN.fullmatch(written) else None


def write(markdown: str) -> Written | None:
    """The page ``markdown`` as HTML, or None when it is not a source page as read here."""
    found = _PAGE.fullmatch(markdown)
    if found is None:
        return None
    title, label = _text(found["title"]), _text(found["label"])
    rest = _text(found["rest"][2:]) if found["rest"] else ""
    if title is None or label is None or rest is None:
        return None
    furniture = _furniture(found["summary"], found["note"], found["items"]) if found["summary"] else ""
    if furniture is None:
        return None
    used: set[str] = set()  # ids are made unique in the page as the ``toc`` extension makes them
    headings = [(1, unique(slugify(title, "-"), used), title)]
    headings += [(2, unique(slug, used), text) for text, slug in _HEADINGS]
    (_, top, _), (_, article, _), (_, sources, _) = headings
    url = found["url"]
    button = f'<p><a class="md-button" href="{url}">Read the original ↗</a></p>\n' if url else ""
    target = found["target"]
    content = (f'<h1 id="{top}">{title}{_permalink(top)}</h1>\n<!--card-->\n\n{button}'
               f'<h2 id="{article}">Article text{_permalink(article)}</h2>\n<!--article-->\n\n{furniture}'
               f'<h2 data-search-exclude id="{sources}">Sources used on this page{_permalink(sources)}</h2>\n'
               f'<ul>\n<li><a href="\0">{label}</a>{", " + rest if rest else ""}</li>\n</ul>\n<!--cite-this-page-->')
    links = (f"#{top}", *([url] if url else []), f"#{article}", f"#{sources}", target)
    return Written(content, title, tuple(headings), links)


def _furniture(summary: str, note: str, items: str) -> str | None:
    """The block of page furniture as ``pymdownx.details`` and Python-Markdown write it: a summary
    (inline markup, unless it starts as a heading), a paragraph and a tight list."""
    written = [inline(summary, True) if not summary.startswith("#") else None, line_html(note, True),
               *(line_html(item[6:], True) for item in items.splitlines())]
    if any(html is None or "<a " in html for html in written):
        return None  # (a link would need MkDocs to make its address)
    summary_html, note_html, *lines = written
    listed = "\n".join(f"<li>{html}</li>" for html in lines)
    return (f'<details class="furniture">\n<summary>{summary_html}</summary>\n<p>{note_html}</p>\n'
            f"<ul>\n{listed}\n</ul>\n</details>\n")


def _permalink(anchor: str) -> str:
    return f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a>'


def render(page: Page, written: Written, config: MkDocsConfig, files: Files) -> None:
    """Set what ``Page.render`` sets, from ``written``: the self link made an address by MkDocs."""
    links = _RelativePathTreeprocessor(page.file, files, config)
    addresses = [links.path_to_url(link) for link in written.links]
    page.content = written.content.replace("\0", addresses[-1], 1)
    (_, top, title), *subheadings = written.headings
    page.toc = get_toc([{"level": 1, "id": top, "name": title, "children": [
        {"level": level, "id": anchor, "name": text, "children": []} for level, anchor, text in subheadings]}])
    page._title_from_render = written.title
    page.present_anchor_ids = {anchor for _, anchor, _ in written.headings}
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:  # as ``Page.render``
        page.links_to_anchors = links.links_to_anchors


def renderer(markdown: str) -> Render | None:
    """What writes the page ``markdown`` as HTML here, or None when it is not a source page as
    read here (Python-Markdown converts it)."""
    written = write(markdown)
    if written is None:
        return None
    return lambda page, config, files: render(page, written, config, files)
