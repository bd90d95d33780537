"""Under ``mkdocs serve``: a page whose markdown did not change is not converted again.

After an edit, ``mkdocs serve`` rebuilds the whole site, and converting every page's markdown
with Python-Markdown was most of the wait (13 of 14.75 s at 1,000 sources, issue 20), though
an edit to one source changes the markdown of only a few pages. So each page's conversion is
kept for the next build of the session: what MkDocs 1.6's ``Page.render`` sets (the HTML, the
table of contents, the title found in it, the anchors it holds and the links to anchors it
makes), under a digest of everything that conversion reads: the page's markdown after every
``on_page_markdown``, where the page is, every file of the site and its address (links are
resolved and checked against them), and the Markdown and validation settings.

When a page's digest is known, its ``render`` is replaced, for this build only, by putting
back what was kept; otherwise the page is converted as usual and kept, unless the conversion
logged a warning (strict mode must see it again next time). Everything after the conversion
(``on_page_content``, the theme's templates, the search index) runs as in any build, so what
is served is what ``mkdocs build`` makes from the same files (a test compares them).

``mkdocs build`` does not use this: each build is a fresh process.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

Render = Callable[[Page, MkDocsConfig, Files], None]
"""What ``Page.render`` does, for one page."""


@dataclass(frozen=True)
class _Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """By the ``src_uri`` of the file linked to (MkDocs keys them by ``File``, made anew each build)."""


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class RenderCache:
    """The conversions of one ``serve`` session, by digest; only the last build's are kept."""

    def __init__(self) -> None:
        self._kept: dict[str, _Rendered] = {}
        self._used: dict[str, _Rendered] = {}
        self._site = ""
        self.reused = self.converted = 0

    def start(self) -> None:
        """A new build (the conversions of a build that stopped half-way are kept too)."""
        self._kept.update(self._used)
        self._used, self._site = {}, ""
        self.reused = self.converted = 0

    @property
    def site(self) -> str:
        """The digest of what every page's conversion reads besides its markdown, this build."""
        return self._site

    def finish(self) -> None:
        """Forget the conversions the last build did not use (pages gone or changed)."""
        self._kept, self._used = self._used, {}

    def _site_digest(self, config: MkDocsConfig, files: Files) -> str:
        """What every page's conversion reads besides its own markdown."""
        digest = hashlib.sha256()
        settings = (config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation,
                    config.docs_dir, logging.getLogger("mkdocs").getEffectiveLevel())
        digest.update(repr(settings).encode())
        for f in files:
            digest.update(f"\0{f.src_uri}\0{f.url}\0{f.inclusion.name}".encode())
        return digest.hexdigest()

    def prepare(self, page: Page, markdown: str, config: MkDocsConfig, files: Files,
                writer: Callable[[str], Render | None] | None = None) -> None:
        """Have ``page.render`` reuse a conversion of the same ``markdown``, or keep this one,
        made by what ``writer`` gives for the markdown (the page's HTML written otherwise) or
        else by ``Page.render``."""
        if not self._site:
            self._site = self._site_digest(config, files)
        key = hashlib.sha256(f"{self._site}\0{page.file.src_uri}\0{page.file.url}\0".encode()
                             + markdown.encode()).hexdigest()
        found = self._kept.get(key) or self._used.get(key)
        if found is not None:
            self._used[key] = found
            page.render = lambda config, files: self._restore(page, found, files)  # type: ignore[method-assign]
        else:
            page.render = lambda config, files: self._convert(  # type: ignore[method-assign]
                page, key, config, files, (writer(markdown) if writer is not None else None) or Page.render)

    def _restore(self, page: Page, kept: _Rendered, files: Files) -> None:
        page.content = kept.content
        page.toc = _copy_toc(kept.toc)
        page._title_from_render = kept.title
        page.present_anchor_ids = None if kept.anchors is None else set(kept.anchors)
        if kept.links_to_anchors is not None:
            page.links_to_anchors = {_file(files, uri): dict(links) for uri, links in kept.links_to_anchors.items()}
        self.reused += 1

    def _convert(self, page: Page, key: str, config: MkDocsConfig, files: Files, render: Render) -> None:
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            render(page, config, files)
        finally:
            logger.removeHandler(warnings)
        self.converted += 1
        if warnings.count or page.content is None:
            return
        links = page.links_to_anchors
        self._used[key] = _Rendered(
            page.content, copy.deepcopy(page.toc), page._title_from_render,
            None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids),
            None if links is None else {f.src_uri: dict(a) for f, a in links.items()})


_PLAIN = (str, int, float, bool, type(None))


def _copy_toc(toc: TableOfContents) -> TableOfContents:
    """A copy of a table of contents, as ``copy.deepcopy`` makes it when its entries hold plain
    values and their children (a quarter of the time: 0.54 s of 0.78, profiled, for the pages
    reused at 4,000 sources)."""
    if type(toc) is not TableOfContents:
        return copy.deepcopy(toc)
    try:
        return TableOfContents([_copy_link(item) for item in toc.items])
    except _NotPlain:
        return copy.deepcopy(toc)


class _NotPlain(Exception):
    pass


def _copy_link(link: AnchorLink) -> AnchorLink:
    if type(link) is not AnchorLink:
        raise _NotPlain
    made = AnchorLink.__new__(AnchorLink)
    for name, value in link.__dict__.items():
        if name == "children":
            value = [_copy_link(child) for child in value]
        elif not isinstance(value, _PLAIN):
            raise _NotPlain
        made.__dict__[name] = value
    return made


def _file(files: Files, src_uri: str) -> File:
    found = files.get_file_from_path(src_uri)
    if found is None:  # the digest covers every file: a kept link cannot point to a file now gone
        raise RuntimeError(f"kept conversion links to {src_uri}, which is not in this build")
    return found



class SearchCache:
    """Under ``mkdocs serve``, each page's entries in the search index, reused while what Material's
    search plugin reads of the page (its address, title, metadata, table of contents and final
    HTML) is unchanged. It wraps, for one build, the plugin's ``add_entry_from_context``."""

    def __init__(self) -> None:
        self._kept: dict[str, list[dict[str, Any]]] = {}
        self._used: dict[str, list[dict[str, Any]]] = {}
        self.reused = self.indexed = 0

    def start(self, config: MkDocsConfig) -> None:
        """A new build: wrap the search plugin's index of this build, if there is one."""
        self._kept.update(self._used)
        self._used = {}
        self.reused = self.indexed = 0
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and hasattr(index, "add_entry_from_context") and hasattr(index, "entries"):
                self._wrap(index)

    def finish(self) -> None:
        self._kept, self._used = self._used, {}

    def _wrap(self, index: Any) -> None:
        original = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            key = _search_key(page)
            found = self._kept.get(key) or self._used.get(key)
            if found is not None:
                self._used[key] = found
                index.entries.extend(map(_copy_entry, found))
                self.reused += 1
                return
            before = len(index.entries)
            original(page)
            self._used[key] = [_copy_entry(entry) for entry in index.entries[before:]]
            self.indexed += 1

        index.add_entry_from_context = add_entry_from_context


class ContentCache:
    """Under ``mkdocs serve``, what ``on_page_content`` made of a page, reused while it is handed
    the very same HTML object (a conversion ``RenderCache`` kept) with the same inserts object
    and the same other parts (``extra``). Its output is then the same object from build to
    build, so the digests the search and template caches take of a page's HTML are reused too
    (``content_digest``): hashing every page's HTML twice a build took about 0.3 s at 1,000
    sources, and the regular expressions over it about 0.2 s."""

    def __init__(self, owns_digests: bool = True) -> None:
        self._kept: dict[str, tuple[str, object, tuple[object, ...], str, Any]] = {}
        self._used: dict[str, tuple[str, object, tuple[object, ...], str, Any]] = {}
        self._owns_digests = owns_digests
        """Whether starting a build here starts it for the digests of pages' HTML (one cache does)."""

    def start(self) -> None:
        self._kept.update(self._used)
        self._used = {}
        if self._owns_digests:
            _DIGESTS.rotate()

    def finish(self) -> None:
        self._kept, self._used = self._used, {}

    def get(self, uri: str, html: str, inserts: object, extra: tuple[object, ...]) -> tuple[str, Any] | None:
        """The output and what else it made (``effects``), when ``html`` and ``inserts`` are the
        objects last seen."""
        found = self._used.get(uri) or self._kept.get(uri)
        if found is None or found[0] is not html or found[1] is not inserts or found[2] != extra:
            return None
        self._used[uri] = found
        return found[3], found[4]

    def put(self, uri: str, html: str, inserts: object, extra: tuple[object, ...], out: str, effects: Any) -> None:
        self._used[uri] = (html, inserts, extra, out, effects)


class _Digests:
    """Each text's digest by the text object, for the texts of this build and the last."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[str, str]] = {}
        self._next: dict[int, tuple[str, str]] = {}

    def of(self, text: str) -> str:
        found = self._next.get(id(text)) or self._by_id.get(id(text))
        if found is None or found[0] is not text:  # the text is held, so its id is not another's
            found = (text, hashlib.sha256(text.encode()).hexdigest())
        self._next[id(text)] = found
        return found[1]

    def rotate(self) -> None:
        self._by_id, self._next = self._next, {}


_DIGESTS = _Digests()


def content_digest(text: str) -> str:
    return _DIGESTS.of(text)


def _toc_key(items: Any) -> list[Any]:
    return [(item.title, item.id, item.level, item.url, _toc_key(item.children)) for item in items]


def _copy_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A search entry as Material makes it (strings, a number, a list of tags), copied: one copy
    per entry and build, where ``copy.deepcopy`` took a tenth of a millisecond a page."""
    return {k: list(v) if isinstance(v, list) else v for k, v in entry.items()}


def _search_key(page: Page) -> str:
    digest = hashlib.sha256()
    for part in (page.url, str(page.title), repr(sorted(page.meta.items())), repr(_toc_key(page.toc)),
                 content_digest(page.content or "")):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


class TemplateCache:
    """Under ``mkdocs serve``, each page as the theme's template made it, reused while everything
    the template reads is unchanged: the page (address, title, metadata, table of contents,
    final HTML, edit and canonical addresses, its neighbours and ancestors in the navigation),
    the whole navigation, the configuration file and the site's address, and the theme's own
    files outside the installed packages (its ``custom_dir``). It wraps, for one build, the
    template environment's ``get_template`` (MkDocs' ``on_env``)."""

    def __init__(self) -> None:
        self._kept: dict[str, str] = {}
        self._used: dict[str, str] = {}
        self._compiled = _CompiledTemplates()
        self.reused = self.rendered = 0

    def start(self) -> None:
        self._kept.update(self._used)
        self._used = {}
        self.reused = self.rendered = 0

    def finish(self) -> None:
        self._kept, self._used = self._used, {}

    def wrap(self, env: Any, config: MkDocsConfig) -> Any:
        if env.bytecode_cache is None:
            env.bytecode_cache = self._compiled
        original = env.get_template
        site = _config_digest(config)
        navs: dict[int, str] = {}

        def get_template(name: Any, *args: Any, **kwargs: Any) -> Any:
            template = original(name, *args, **kwargs)
            return _Cached(template, f"{site}\0{name}", navs, self)

        env.get_template = get_template
        return env

    def render(self, template: Any, prefix: str, navs: dict[int, str], context: Any) -> str:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None:
            output: str = template.render(context)
            return output
        if id(nav) not in navs:
            navs.clear()
            navs[id(nav)] = hashlib.sha256(repr(_nav_key(nav.items)).encode()).hexdigest()
        key = _page_key(page, f"{prefix}\0{navs[id(nav)]}")
        found = self._kept.get(key) or self._used.get(key)
        if found is not None:
            self._used[key] = found
            self.reused += 1
            return found
        output = template.render(context)
        self._used[key] = output
        self.rendered += 1
        return output


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once a session, not once a build: MkDocs makes a new
    template environment for every build, and compiling the forty templates of a page again
    took about 0.15 s of each edit's build at 1,000 sources. A template is compiled again when
    its text changes (the bucket's checksum) or the environment compiles otherwise."""

    def __init__(self) -> None:
        self._code: dict[tuple[object, str], tuple[str | None, Any]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        key = _compiling(bucket.environment)
        found = self._code.get((key, bucket.key)) if key is not None else None
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = _compiling(bucket.environment)
        if key is not None:
            self._code[(key, bucket.key)] = (bucket.checksum, bucket.code)


def _compiling(env: Any) -> object:
    """What an environment's compiled code depends on besides the template; None when it chooses
    escaping by a function (not comparable from build to build)."""
    if not isinstance(env.autoescape, bool):
        return None
    return (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            tuple(sorted(env.extensions)), env.optimized, env.autoescape, env.is_async, env.finalize is None)


class _Cached:
    """A template whose ``render`` goes through a ``TemplateCache``; anything else is the template's."""

    def __init__(self, template: Any, prefix: str, navs: dict[int, str], cache: TemplateCache) -> None:
        self._template, self._prefix, self._navs, self._cache = template, prefix, navs, cache

    @property
    def template(self) -> Any:
        """The template itself."""
        return self._template

    def render(self, context: Any) -> str:
        return self._cache.render(self._template, self._prefix, self._navs, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def _config_digest(config: MkDocsConfig) -> str:
    digest = hashlib.sha256()
    if config.config_file_path:
        with open(config.config_file_path, "rb") as f:
            digest.update(f.read())
    digest.update(f"\0{config.site_url}\0{config.theme.dirs}\0".encode())
    installed = sys.prefix
    for folder in config.theme.dirs:
        if os.path.abspath(folder).startswith(installed):
            continue  # an installed theme does not change during a session
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(f"{path}\0{path.stat().st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _nav_key(items: Any) -> list[Any]:
    return [(type(item).__name__, str(item.title), getattr(item, "url", None), _nav_key(item.children or []))
            for item in items]


def _neighbour(page: Any) -> tuple[str, str] | None:
    return None if page is None else (page.url, str(page.title))


def _page_key(page: Any, prefix: str) -> str:
    digest = hashlib.sha256(prefix.encode())
    parts = (page.url, page.file.src_uri, str(page.title), repr(sorted(page.meta.items())), repr(_toc_key(page.toc)),
             str(page.edit_url), str(page.canonical_url), str(page.is_homepage), repr(_neighbour(page.previous_page)),
             repr(_neighbour(page.next_page)), repr([str(a.title) for a in page.ancestors]),
             content_digest(page.content or ""))
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()
