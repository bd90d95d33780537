"""Every page kind of this package, found by looking (as Pelican loops over its generators):
a module here that defines ``KIND`` is one. The site and its navigation are made by looping
over them in their ``order``; nothing here names a kind."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache, partial
from pathlib import Path
from typing import Any

from build_scripts import pages
from build_scripts.model import Analysis, GeneratedPage, SiteContent, Topic
from build_scripts.pages.kind import NavItem, PageKind, SiteView
from build_scripts.render.sources_used import sources_used


@cache
def kinds() -> tuple[PageKind, ...]:
    found = []
    for info in pkgutil.iter_modules(pages.__path__):
        module = importlib.import_module(f"{pages.__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, PageKind):
            found.append(kind)
    return tuple(sorted(found, key=lambda k: (k.order, k.name)))


def build_nav(docs_dir: Path, topics: list[Topic]) -> list[NavItem]:
    """The navigation: each kind's entries, in order."""
    return [item for kind in kinds() for item in kind.nav(docs_dir, topics)]


def render_site(analysis: Analysis, docs_dir: Path, memo: dict[str, Any] | None = None,
                made: dict[str, dict[str, Any]] | None = None) -> SiteContent:
    """Every page, addition and data file. ``memo`` is kept from one build to the next (under
    ``mkdocs serve``) for the kinds that reuse what they rendered; ``made`` holds what the
    per-source stages made, by stage name and source id."""
    view = SiteView(analysis, docs_dir, {} if memo is None else memo, made or {})
    page_list: list[GeneratedPage] = []
    additions: dict[str, str] = {}
    files: dict[str, str] = {}
    for kind in kinds():
        rendered = kind.render(view)
        page_list += rendered.pages if rendered.closed else [
            view.kept(f"closed {p.src_uri}", (p.src_uri, p.markdown, p.in_nav, p.edit_path), partial(_closed, p, view))
            for p in rendered.pages]
        additions.update(rendered.additions)
        files.update(rendered.files)
        for data in kind.data:
            content = data.write(view)
            if content is not None:
                files[f"{data.folder}/{data.name}" if data.folder else data.name] = content
    additions = {uri: view.kept(f"closed addition {uri}", md, partial(sources_used, md, uri, view.docs))
                 for uri, md in additions.items()}
    view.finish()
    return SiteContent(page_list, additions, analysis, files)


def _closed(page: GeneratedPage, view: SiteView) -> GeneratedPage:
    """The page with its closing "Sources used on this page" section."""
    markdown = sources_used(page.markdown, page.src_uri, view.docs,
                            empty="This page cites no source directly; the pages it links to do.")
    return GeneratedPage(page.src_uri, markdown, page.in_nav, page.edit_path)
