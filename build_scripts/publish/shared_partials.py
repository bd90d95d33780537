"""Parts of the theme's pages that many pages share, made once for all of them.

Material writes the whole navigation into every page (``partials/nav.html``): about 0.4 ms a
page (py-spy, 1,000 sources; issue 20), though every source page gets the same HTML.
Of its page, the navigation reads only whether the page is one of its items (that item is marked
active, with the page's table of contents) and, through MkDocs' ``url`` filter, the page's
address: every link is written relative to the folder of the page
(``mkdocs.utils.get_relative_url``). The footer reads the page's neighbours in the navigation
(a page outside it has none); the search box, the colour switch and the "Back to top" button
read nothing of the page. Of the page template's blocks, the styles, the scripts and the
configuration for Material's JavaScript (``base.html``: ``styles``, ``scripts``, ``config``) read
only the page's address (links to the theme's assets, ``base_url``).

So two pages outside the navigation whose folders have one parent folder get the same links to
every address that is in neither folder: ``sources/a/`` and ``sources/b/`` link to
``topics/treaty/`` as ``../../topics/treaty/`` and to ``sources/`` as ``../``. Such a page gets
the partial as made for the first page of its parent folder, unless an address the partials link
to lies in its own folder (the navigation's addresses, the homepage, the logo, and the assets the
templates write through ``url``, ``extra_css`` or ``extra_javascript``); any other page (one in
the navigation, above all) gets its own.

All this is true of Material's own templates: with another theme, or a ``custom_dir`` that
overrides Material's page template or any of its partials, nothing is shared. The partials are
made by the theme as ever: a template loaded afresh (a theme file edited under ``mkdocs serve``)
is simply rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Navigation

SHARED = ("partials/nav.html", "partials/footer.html", "partials/search.html", "partials/palette.html",
          "partials/top.html")
"""The theme's partials that read of their page no more than described above."""
SHARED_BLOCKS: dict[str, tuple[str, ...]] = {"base.html": ("styles", "scripts", "config")}
"""Blocks of the theme's templates that read of their page no more than described above."""

Key = tuple[str, ...]
_URL_LITERAL = re.compile(r"""(["'])([^"'{}]+)\1\s*\|\s*url\b""")
"""An address written in a template and made relative to the page: ``'assets/….css' | url``."""


def share_partials(env: Any, config: Any, names: tuple[str, ...] = SHARED,
                   blocks: dict[str, tuple[str, ...]] = SHARED_BLOCKS) -> None:
    """Make each of ``names`` and of ``blocks`` once per group of pages that get the same HTML
    (see above), for the builds of the template environment ``env`` (one build's, in MkDocs)."""
    if not _materials_own(config):
        return
    templates = [_template(env, name) for name in [*names, *blocks]]
    assets = [m[2] for t in templates for m in _URL_LITERAL.finditer(_source(env, t))]
    assets += [str(path) for path in config.extra_css]
    assets += [str(getattr(script, "path", script)) for script in config.extra_javascript]
    folders = _Folders(config, assets)
    for template in templates[:len(names)]:
        template.root_render_func = _shared(template.root_render_func, folders)
    for template, block_names in zip(templates[len(names):], blocks.values(), strict=True):
        for block in block_names:
            if block in template.blocks:
                template.blocks[block] = _shared(template.blocks[block], folders)


def _materials_own(config: Any) -> bool:
    """Whether the theme is Material with its own page template and partials (a ``custom_dir`` may
    add templates, such as a ``main.html`` that extends Material's, but not replace those)."""
    if config.theme.name != "material":
        return False
    dirs = [Path(d) for d in config.theme.dirs]
    ours = next((i for i, d in enumerate(dirs) if d.parent.name == "material" and d.name == "templates"), None)
    return ours is not None and not any((d / "partials").exists() or (d / "base.html").exists() for d in dirs[:ours])


def _template(env: Any, name: str) -> Any:
    template = env.get_template(name)
    return getattr(template, "template", template)  # under ``mkdocs serve``: see ``page_cache``


def _source(env: Any, template: Any) -> str:
    return str(env.loader.get_source(env, template.name)[0])


def _shared(render: Callable[[Any], Iterator[str]], folders: _Folders) -> Callable[[Any], Iterator[str]]:
    made: dict[Key, str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        key = folders.key(context.get("page"), context.get("nav"))
        if key is None:
            yield from render(context)
            return
        html = made.get(key)
        if html is None:
            html = made[key] = "".join(render(context))
        yield html

    return root_render_func


class _Folders:
    """Which pages get the same partials: by their parent folder, as said above."""

    def __init__(self, config: Any, assets: Sequence[str] = ()) -> None:
        self._config = config
        self._assets = list(assets)
        self._nav: Navigation | None = None
        self._in_nav: set[int] = set()
        self._linked: list[list[str]] = []
        """The folder parts of every address in the site the navigation links to."""

    def key(self, page: Any, nav: Any) -> Key | None:
        """The parent folder's parts, or None when the page needs a partial of its own."""
        if page is None or not isinstance(nav, Navigation):
            return None
        if nav is not self._nav:
            self._learn(nav)
        if id(page) in self._in_nav:
            return None
        return self.of_address(page.url)

    def of_address(self, url: str) -> Key | None:
        """The key of a page outside the navigation at ``url``: its parent folder's parts, unless
        the navigation links to an address in the page's own folder (None)."""
        folder = _folder(url)
        if not folder or any(parts[:len(folder)] == folder for parts in self._linked):
            return None
        return tuple(folder[:-1])

    def _learn(self, nav: Navigation) -> None:
        self._nav = nav
        self._in_nav = {id(page) for page in nav.pages}
        addresses = [self._config.extra.get("homepage"), self._config.theme.get("logo"), *self._assets]
        if nav.homepage is not None:
            addresses.append(nav.homepage.url)
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            addresses.append(getattr(item, "url", None))
            stack.extend(getattr(item, "children", None) or ())
        # Full addresses ("https://…") are written as they are; taken for paths, they only make
        # fewer pages share.
        self._linked = [_parts(a) for a in addresses if isinstance(a, str)]


def _folder(url: str) -> list[str]:
    """The parts of the folder the page's links are written relative to (``get_relative_url``)."""
    folder, _, last = url.rpartition("/")
    return _parts(url if "." not in last else folder)


def _parts(path: str) -> list[str]:
    """``mkdocs.utils._norm_parts``: a path's parts, with ``.`` and ``..`` resolved."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts
