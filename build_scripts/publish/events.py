"""MkDocs event handlers, reached through the shim `build_scripts/hook.py`."""

from __future__ import annotations

import logging
import posixpath
import re
import sys
from collections.abc import Callable, MutableMapping
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from build_scripts.errors import InputError
from build_scripts.infra.cache import StageCache
from build_scripts.infra.disk_store import FOLDER as CACHE_FOLDER
from build_scripts.infra.disk_store import DiskStore
from build_scripts.model import Project, SiteContent
from build_scripts.pipeline import generate
from build_scripts.publish import (
    atomic_stand_ins,
    direct_pages,
    footnotes,
    inline_stash,
    search_sections,
    search_skip,
    search_tokens,
)
from build_scripts.publish.build_error import error_banner, error_site
from build_scripts.publish.nav import build_nav
from build_scripts.publish.page_cache import ContentCache, RenderCache, SearchCache, TemplateCache
from build_scripts.publish.search_strip import install as install_search_strip
from build_scripts.publish.shared_partials import share_partials
from build_scripts.publish.site_writer import SiteWriter
from build_scripts.publish.watcher import watch_folders_natively
from build_scripts.render.backlinks import name_backlinks
from build_scripts.render.cite_page import CITE_SLOT, cite_this_page

_content: SiteContent | None = None
_inserts: dict[str, tuple[tuple[str, str], ...]] = {}
_late: dict[str, tuple[tuple[str, str], ...]] = {}
"""Each page's ``GeneratedPage.late``, put into its final HTML (``on_post_page``)."""
_files: Files | None = None
_cites: dict[str, str] = {}
"""Each page's "Cite this page" box, put in after its conversion (``CITE_SLOT``)."""
_notes = footnotes.Pages()
"""Each page's footnotes, written as HTML and put in after its conversion (``footnotes.SLOT``)."""
_stashed = inline_stash.Pages()
"""Lines of each page written as HTML, put in after its conversion in place of their stand-ins."""
_own_nav = False
"""Whether ``mkdocs.yml`` writes its own ``nav:``."""
_direct = False
"""Whether the site's Markdown settings let source pages be written as HTML here (``direct_pages``)."""
_banner = ""
"""Under ``mkdocs serve``, the problems that stopped the build, opening every page."""
_serving = False
_renders = RenderCache()
"""Under ``mkdocs serve``, each page's conversion, reused while its markdown is unchanged."""
_search = SearchCache()
"""Under ``mkdocs serve``, each page's search entries, reused while the page is unchanged."""
_templates = TemplateCache()
"""Under ``mkdocs serve``, each page as the theme made it, reused while all it shows is unchanged."""
_contents = ContentCache()
"""Under ``mkdocs serve``, what ``on_page_content`` made of each page, reused while its input is unchanged."""
_finals = ContentCache(owns_digests=False)
"""Under ``mkdocs serve``, what ``on_post_page`` made of each page, reused while the theme's output
is the very object it was (``_templates`` reused it) and the late inserts are the same."""
_writer = SiteWriter()
"""Under ``mkdocs serve``, the site's files written only when they changed."""

# Citations, furniture and the "Cite this page" box stay out of the search
# index, so a search for a quotation lands on the statement, not on a list of
# footnotes, and the index does not repeat them on every page.
_log = logging.getLogger("mkdocs.hooks.build_scripts")
_SEARCH_EXCLUDED = ('<div class="footnote"', '<details class="furniture"', '<details class="cite"',
                    '<sup id="fnref')
"""The start tags marked ``data-search-exclude`` (by ``str.replace``, which finds them by a fast scan: a
regular expression starting with "<" was tried at every tag, 0.7 s at 10,000 sources). A
footnote's number stays out of the search text too: a snippet read "land.45" for "land."."""


def _project(config: MkDocsConfig) -> Project:
    root = Path(config.config_file_path).resolve().parent
    return Project(root / "sources", Path(config.docs_dir))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The navigation of every page kind, unless ``mkdocs.yml`` writes one of its own: then the
    generated pages it leaves out are built but not listed (strict mode would stop on them).
    Material's search plugin stops scanning pages that hold nothing for it to strip (``search_strip``),
    its parser reads simple HTML with one regular expression (``search_tokens``) and keeps counts
    where it intersected sets (``search_sections``). Python-Markdown passes over the stand-ins of
    stashed lines (``atomic_stand_ins``)."""
    global _own_nav, _direct
    install_search_strip()
    search_skip.install()
    search_tokens.install()
    search_sections.install()
    extensions = [e for e in config.markdown_extensions if e != atomic_stand_ins.NAME]  # the site's own
    _notes.configure(extensions, config.mdx_configs)
    _stashed.configure(extensions, config.mdx_configs)
    _direct = direct_pages.applies(extensions, config.mdx_configs)
    if inline_stash.applies(extensions) and atomic_stand_ins.NAME not in config.markdown_extensions:
        config.markdown_extensions.append(atomic_stand_ins.NAME)
    _own_nav = config.nav is not None
    if config.nav is None:
        config.nav = build_nav(Path(config.docs_dir))
    return config


def _listed(nav: object) -> set[str]:
    if isinstance(nav, dict):
        return set().union(*(_listed(v) for v in nav.values())) if nav else set()
    if isinstance(nav, list):
        return set().union(*(_listed(v) for v in nav)) if nav else set()
    return {str(nav)}


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """The server's folders (``docs/``, ``sources/``) watched by the system's notices of
    changes instead of polling (``watcher``): a saved source's rebuild starts at once."""
    return watch_folders_natively(server)


def on_pre_build(config: MkDocsConfig, live: MutableMapping[str, Any] | None = None, serving: bool = False) -> None:
    """Generate before MkDocs empties the site folder, so bad input stops the build first
    (when ``serving``, it makes a site that shows the problems instead: see ``build_error``).

    The analysis of each source is kept in ``.cache/build_scripts`` beside ``mkdocs.yml``, and
    ``live`` keeps it unpickled from one build to the next under ``mkdocs serve`` (see
    ``StageCache``).
    """
    global _content, _inserts, _late, _banner, _serving
    _content, _inserts, _late, _banner, _serving = None, {}, {}, "", serving
    _cites.clear()
    _notes.start()
    _stashed.start()
    search_skip.start()
    _renders.start()
    _writer.start(config.site_dir, serving)
    if serving:
        _search.start(config)
        _templates.start()
        _contents.start()
        _finals.start()
    root = Path(config.config_file_path).resolve().parent
    store = DiskStore(root / CACHE_FOLDER)
    cache = StageCache(store, live)
    try:
        _content = generate(_project(config), cache, progress=_log.info, another_follows=serving)
        _inserts = {page.src_uri: page.inserts for page in _content.pages if page.inserts}
        _late = {page.src_uri: page.late for page in _content.pages if page.late}
    except InputError as exc:
        if not serving:
            raise PluginError(exc.report()) from None
        # Not through MkDocs' log: in strict mode an error there would stop the site that shows it.
        print(f"ERROR    -  {exc.report()}\nThe pages show the problems until they are fixed.", file=sys.stderr)
        _banner = error_banner(exc)
        _content = error_site(exc, Path(config.docs_dir), config.nav or [])
    finally:
        store.close()
        store.sweep()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    assert _content is not None, "on_pre_build runs first"
    _files = files
    root = Path(config.config_file_path).resolve().parent
    listed = _listed(config.nav) if _own_nav else None
    for page in _content.pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            raise PluginError(f"docs/{page.src_uri} would hide a generated page; rename or remove it")
        file = File.generated(
            config, page.src_uri, content=page.markdown,
            inclusion=InclusionLevel.INCLUDED if (page.src_uri in listed if listed is not None else page.in_nav)
            else InclusionLevel.NOT_IN_NAV,
        )
        if page.edit_path and config.repo_url and config.edit_uri:
            file.edit_uri = _edit_uri(config, root, page.edit_path)
        files.append(file)
    for uri, content in _content.files.items():
        files.append(File.generated(config, uri, content=content))
    _rendering.start(sum(1 for f in files if f.is_documentation_page()))
    if _serving:
        _writer.files(f.abs_dest_path for f in files)
    return files


class _Rendering:
    """Where MkDocs is in rendering the pages, a line every tenth for a large site: a build of
    1,000 sources was otherwise silent for twenty seconds after the generator's last line."""

    FROM = 500

    def __init__(self) -> None:
        self.total = self.done = 0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        if total >= self.FROM:
            _log.info(f"rendering {total:,} pages")

    def advance(self) -> None:
        self.done += 1
        if self.total >= self.FROM and (self.done % max(1, self.total // 10) == 0 or self.done == self.total):
            _log.info(f"rendered {self.done:,} of {self.total:,} pages")


_rendering = _Rendering()


def _edit_uri(config: MkDocsConfig, root: Path, edit_path: str) -> str:
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    ups = "../" * len(Path(docs).parts)
    return f"{ups}{edit_path}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's markdown with what the generator adds. A source page is then written as HTML
    here, not converted by Python-Markdown (``direct_pages``); of another page, the lines written
    as HTML here are stand-ins (``inline_stash``); under ``mkdocs serve``, a page whose markdown
    is the same as in the last build gets that build's conversion (``RenderCache``)."""
    if _banner:
        markdown = _after_heading(markdown, _banner)
    else:
        if _content is not None:
            markdown += _content.additions.get(page.file.src_uri, "")
        _cites[page.file.src_uri] = cite_this_page(page.title or "", config.site_name, config.site_url, page.url,
                                                   get_build_datetime().date())
        markdown += f"\n\n{CITE_SLOT}\n"
        markdown = _notes.apart(page.file.src_uri, markdown)
    direct = _direct and not _banner
    if _serving:  # looked at, and written here, only when not kept from the last build
        if not _banner:
            markdown = _stashed.apart(page.file.src_uri, markdown, direct_pages.write if direct else None)
        _renders.prepare(page, markdown, config, files, direct_pages.renderer if direct else None)
    elif direct and (written := direct_pages.renderer(markdown)) is not None:
        page.render = lambda config, files: written(page, config, files)  # type: ignore[method-assign]
    elif not _banner:
        markdown = _stashed.apart(page.file.src_uri, markdown)
    return markdown


def _after_heading(markdown: str, banner: str) -> str:
    """The banner after the page's first heading (or first, if it has none)."""
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", banner, *lines[at:]])


# Material wraps every table in a box that scrolls sideways when the table is wider than the screen;
# a focusable table inside lets a keyboard reach and scroll it (axe: scrollable-region-focusable).
_TABLE = re.compile(r"<table(?=[\s>])")


_ID = re.compile(r'id(?<!\wid)="([^"]+)"')
"""An ``id`` attribute's value: its literal start lets ``re`` scan for it quickly (written with a
leading ``\\b`` it was tried at every character, 1.2 s at 10,000 sources); the look-behind is that
``\\b``: no word character before the name."""
_MD_LINK = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')
"""A link of an insert to another page's markdown file (no scheme: not an address elsewhere)."""


_Links = dict[str, dict[str, str]]
"""The links of inserts to anchors: by the src_uri of the page linked to, each anchor and the
link as written (the shape of MkDocs' ``Page.links_to_anchors``, by src_uri)."""


def _resolve_links(insert: str, page: Page, files: Files, links: _Links, what: str = "a generated link"
                   ) -> tuple[str, bool]:
    """The links of a generated insert to markdown files, made addresses as MkDocs makes them of
    a page's markdown links (it does not see inside raw HTML), and whether every one found its
    page; a link to no page is a warning (naming it as ``what``). A link to an anchor is added to
    ``links``, for MkDocs to check that the anchor is there."""
    missing = []
    base = posixpath.dirname(page.file.src_uri)
    targets: dict[str, tuple[File, str] | None] = {}  # a footnote links its source's page twice
    found = _linked_files.of(files)

    def address(match: re.Match[str]) -> str:
        written = match[1]
        if written not in targets:
            key = (base, written)
            file = found[key] if key in found else found.setdefault(key, files.get_file_from_path(
                posixpath.normpath(posixpath.join(base, unquote(unescape(written))))))
            targets[written] = None if file is None else (file, escape(file.url_relative_to(page.file)))
        target = targets[written]
        if target is None:
            _log.warning(f"{page.file.src_uri}: {what} to '{written}' finds no page")
            missing.append(written)
            return match[0]
        if match[2]:
            links.setdefault(target[0].src_uri, {}).setdefault(unescape(match[2][1:]), unescape(written + match[2]))
        return f'href="{target[1]}{match[2] or ""}"'

    return (_MD_LINK.sub(address, insert) if 'href="' in insert else insert), not missing


class _LinkedFiles:
    """The file each link of a generated insert names, by the linking page's folder and the link as
    written: the pages of one folder link to the same sources' pages again and again (looking a
    file up by its path, ``Files.get_file_from_path``: about 0.5 s at 10,000 sources, py-spy).
    For one build's ``Files``."""

    def __init__(self) -> None:
        self._files: Files | None = None
        self._found: dict[tuple[str, str], File | None] = {}

    def of(self, files: Files) -> dict[tuple[str, str], File | None]:
        if files is not self._files:
            self._files, self._found = files, {}
        return self._found


_linked_files = _LinkedFiles()


def _insert(html: str, page: Page, files: Files, cite: str | None, inserts: tuple[tuple[str, str], ...],
            notes: str | None, parts: tuple[str, ...] | None = None) -> tuple[str, tuple[str, ...], _Links, bool]:
    """The lines written as HTML before conversion (``parts``), the "Cite this page" box, the
    footnotes and each generated insert (a source's card and article) where their placeholders
    are; the anchors the inserts hold and their links to anchors, which MkDocs checks; and whether
    every link of the inserts found its page."""
    anchors: list[str] = []
    links: _Links = {}
    all_found = True
    if parts is not None:
        # No part holds a NUL. A line may be the researcher's own (a topic page's), so the warning
        # for a link to no page does not call it generated.
        resolved, all_found = _resolve_links("\0".join(parts), page, files, links, "a link")
        html, every = inline_stash.put(html, tuple(resolved.split("\0")))
        if not every:
            _log.warning(f"{page.file.src_uri}: a line written before conversion was not found after it; "
                         "please report it with this page's markdown")
            all_found = False
        anchors += _ID.findall(resolved)
    if cite is not None:
        before, slot, after = html.rpartition(CITE_SLOT)
        html = before + cite.removesuffix("\n") + after if slot else html
    for slot, insert in inserts:
        insert, found = _resolve_links(insert, page, files, links)
        all_found = all_found and found
        html = html.replace(slot.strip(), insert, 1)
        anchors += _ID.findall(insert)
    if notes is not None:
        notes, found = _resolve_links(notes, page, files, links)
        all_found = all_found and found
        if footnotes.SLOT not in html:  # never seen: the place is a block of its own (``footnotes.apart``)
            _log.warning(f"{page.file.src_uri}: the place of the footnotes was not found after conversion; "
                         "they are missing from the page")
            all_found = False
        html = footnotes.put(html, notes)
        anchors += _ID.findall(notes)
    return html, tuple(anchors), links, all_found


def _search_excluded(html: str) -> str:
    """``html`` with the start tags of ``_SEARCH_EXCLUDED`` marked ``data-search-exclude`` (after the
    tag's class, or before a footnote reference's id)."""
    for start_tag in _SEARCH_EXCLUDED:
        if start_tag in html:
            name, _, rest = start_tag.partition(" ")
            html = html.replace(start_tag, f"{name} data-search-exclude {rest}" if name == "<sup"
                                else f"{start_tag} data-search-exclude")
    return html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    cite, inserts, notes, parts = _cites.pop(uri, None), _inserts.get(uri, ()), _notes.block(uri), _stashed.parts(uri)
    extra = (cite, notes, parts, _renders.site)
    found = _contents.get(uri, html, inserts, extra) if _serving else None
    if found is None:
        out, anchors, links, all_found = _insert(html, page, files, cite, inserts, notes, parts)
        out = _search_excluded(out)
        out = name_backlinks(_TABLE.sub('<table tabindex="0"', out))
        if _serving and all_found:  # a page that warned is made again (strict mode must see it)
            _contents.put(uri, html, inserts, extra, out, (anchors, links))
    else:
        out, (anchors, links) = found
    search_skip.mark(out, *(["footnotes"] if notes is not None else []), *(["cite"] if cite is not None else []))
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(anchors)
    if page.links_to_anchors is not None:
        for src_uri, anchors_linked in links.items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                continue
            known = page.links_to_anchors.get(target)
            if known is None:
                page.links_to_anchors[target] = dict(anchors_linked)
            else:  # the page's own markdown links first, as MkDocs keeps the first of each anchor
                page.links_to_anchors[target] = {**anchors_linked, **known}
    return out


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Parts of the theme's pages made once for the pages that get the same (``shared_partials``);
    under ``mkdocs serve``, a page the theme would make as in the last build is reused."""
    if _serving:
        env = _templates.wrap(env, config)
    share_partials(env, config)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if _serving:
        _renders.finish()
        _search.finish()
        _templates.finish()
        _contents.finish()
        _finals.finish()
        _writer.finish()
        _log.debug(f"pages converted: {_renders.converted}, reused: {_renders.reused}; "
                   f"indexed for search: {_search.indexed}, reused: {_search.reused}; "
                   f"made by the theme: {_templates.rendered}, reused: {_templates.reused}; "
                   f"files written: {_writer.written}, unchanged: {_writer.kept}, deleted: {_writer.deleted}")


def comments_replaced(text: str, replace: Callable[[str], str]) -> str:
    """``re.sub(r"<!--.*?-->", …, text, flags=re.S)`` with ``replace`` of each comment as written,
    the comments found by ``str.find``: every source page has a late row put in, and ``re``'s scan
    of each whole page for the pattern's start was about 0.7 s at 10,000 sources (py-spy)."""
    out: list[str] = []
    done = 0
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        end += 3
        out += (text[done:start], replace(text[start:end]))
        done = end
        start = text.find("<!--", end)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _put_late(output: str, page: Page, files: Files, late: tuple[tuple[str, str], ...]) -> tuple[str, bool]:
    """``late`` put in place of the first of each of its placeholders, in one pass however
    many there are (a table of a thousand sources has a count for each row); and whether every
    placeholder was found."""
    wanted = dict(late)
    found: set[str] = set()

    def put(comment: str) -> str:
        insert = wanted.get(comment)
        if insert is None or comment in found:
            return comment
        found.add(comment)
        return _resolve_links(insert, page, files, {})[0]

    output = comments_replaced(output, put)
    for slot, _ in late:
        if slot not in found:
            _log.warning(f"{page.file.src_uri}: the place of a generated part ({slot}) was not found; "
                         "it is missing from the page")
    return output, len(found) == len(wanted)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's late inserts (``GeneratedPage.late``) put in."""
    _rendering.advance()
    uri = page.file.src_uri
    late = _late.get(uri)
    extra = (late, _renders.site)
    found = _finals.get(uri, output, None, extra) if _serving else None
    if found is not None:
        _writer.same_as_last(page.file.abs_dest_path)
        return found[0]
    final, all_found = output, True
    if late and _files is not None:
        final, all_found = _put_late(output, page, _files, late)
    if _serving and all_found:  # a page that warned is made again (strict mode must see it)
        _finals.put(uri, output, None, extra, final, None)
    return final
