"""``shared_partials``: pages that get the theme's navigation, search box and colour switch as
made for another page get exactly what the theme would make for them.

Two real MkDocs builds of one small site with Material, without and with the sharing (a hook
that calls ``share_partials``), are byte for byte the same: pages in the navigation and out of
it, in one folder and in folders nested in it, with folder addresses and with file addresses,
a navigation that links to a page of a shared folder and to addresses elsewhere, with the footer's
links to the neighbouring pages and the "Back to top" button on, pages in the folders of the
theme's scripts and of an extra style sheet (whose links to them are not their siblings'). And whenever
two pages get one key, every address gets the same relative link from both
(``mkdocs.utils.get_relative_url``, which the ``url`` filter uses).
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import get_relative_url

from build_scripts.publish import shared_partials
from build_scripts.publish.shared_partials import _Folders, _parts

_PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "topics/treaty.md": "# Treaty\n\n## Its rules\n\nText.\n",
    "sources/index.md": "# Sources\n\nAll of them.\n",
    "sources/a.md": "# Source A\n\nOne.\n",
    "sources/b.md": "# Source B\n\n## Part\n\nTwo.\n",
    "sources/listed.md": "# Listed source\n\nIn the navigation.\n",
    "sources/listed/child.md": "# Under a listed page's folder\n\nThree.\n",
    "sources/deep/c.md": "# Source C\n\nFour.\n",
    "about.md": "# About\n\nFive.\n",
    "about/more.md": "# More\n\nSix.\n",
    "assets/javascripts.md": "# In the folder of the theme's scripts\n\nSeven.\n",
    "assets/other.md": "# Beside it\n\nEight.\n",
    "stylesheets/extra.md": "# In the folder of an extra style sheet\n\nNine.\n",
    "stylesheets/other.md": "# Beside it\n\nTen.\n",
    "stylesheets/extra.css": "p { margin: 0; }\n",
    "javascripts/extra.js": "void 0;\n",
}
_NAV = """nav:
  - Home: index.md
  - Topics:
      - topics/treaty.md
  - Sources: sources/index.md
  - sources/listed.md
  - About: about.md
  - Elsewhere: https://example.org/sources/a/
"""
_HOOK = """from build_scripts.publish.shared_partials import share_partials


def on_env(env, config, files):
    share_partials(env, config)
    return env
"""


def _project(root: Path, directory_urls: bool, shared: bool, theme: str = "material",
             own_nav: bool = False) -> Path:
    for name, text in _PAGES.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "hook.py").write_text(_HOOK, encoding="utf-8")
    if own_nav:  # a custom_dir whose navigation shows its page's title
        (root / "overrides" / "partials").mkdir(parents=True)
        (root / "overrides" / "partials" / "nav.html").write_text("<nav>{{ page.title }}</nav>", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Shared partials\n"
        f"use_directory_urls: {str(directory_urls).lower()}\n"
        f"theme:\n  name: {theme}\n" + ("  custom_dir: overrides\n" if own_nav else "")
        + "  font: false\n"
        "  features: [navigation.footer, navigation.top, navigation.sections]\n"
        "  palette:\n    - scheme: default\n      toggle:\n"
        "        icon: material/brightness-7\n        name: Dark\n    - scheme: slate\n      toggle:\n"
        "        icon: material/brightness-4\n        name: Light\n"
        "plugins:\n  - search\n"
        "extra_css: [stylesheets/extra.css]\nextra_javascript: [javascripts/extra.js]\n"
        + ("hooks:\n  - hook.py\n" if shared else "") + _NAV,
        encoding="utf-8",
    )
    return config


def _build(root: Path, directory_urls: bool, shared: bool, **theme: object) -> Path:
    config = load_config(str(_project(root, directory_urls, shared, **theme)), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return root / "site"


def _differences(a: Path, b: Path) -> list[str]:
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    assert pages == sorted(p.relative_to(b) for p in b.rglob("*.html"))
    return [str(p) for p in pages if not filecmp.cmp(a / p, b / p, shallow=False)]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_sharing_changes_no_byte_of_any_page(tmp_path: Path, directory_urls: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3]))
    plain = _build(tmp_path / "plain", directory_urls, shared=False)
    made = []
    original = shared_partials._shared

    def counting(render, folders):  # type: ignore[no-untyped-def]
        wrapped = original(render, folders)

        def root_render_func(context):  # type: ignore[no-untyped-def]
            made.append(folders.key(context.get("page"), context.get("nav")))
            return wrapped(context)
        return root_render_func

    monkeypatch.setattr(shared_partials, "_shared", counting)
    shared = _build(tmp_path / "shared", directory_urls, shared=True)
    assert _differences(plain, shared) == []
    keys = [k for k in made if k is not None]
    assert len(keys) > len(set(keys)), "no partial was shared: the test compares nothing"
    assert None in made, "every page shared its partials: pages in the navigation must not"
    assert os.listdir(plain)  # the builds made a site


@pytest.mark.parametrize("theme", [{"theme": "mkdocs"}, {"own_nav": True}])
def test_nothing_is_shared_but_materials_own_partials(tmp_path: Path, theme: dict[str, object],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Another theme builds as it did; a ``custom_dir`` overriding a partial of Material's (here a
    navigation that shows its page's title) gets it made for every page."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")  # MkDocs' own theme writes the build's time
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3]))
    plain = _build(tmp_path / "plain", True, shared=False, **theme)
    shared = _build(tmp_path / "shared", True, shared=True, **theme)
    assert _differences(plain, shared) == []
    if theme.get("own_nav"):
        assert "<nav>Source A</nav>" in (shared / "sources" / "a" / "index.html").read_text(encoding="utf-8")


_SEGMENT = st.sampled_from(["sources", "a", "b", "c.html", "topics", "x", "..", "."])


@st.composite
def _address(draw: st.DrawFn) -> str:
    parts = draw(st.lists(_SEGMENT, max_size=4))
    return "/".join(parts) + ("/" if draw(st.booleans()) else "")


class _Config:
    extra: dict[str, str] = {}
    theme: dict[str, str] = {}


@settings(max_examples=500)
@given(st.lists(_address(), max_size=6), _address(), _address())
def test_one_key_means_the_same_relative_links(linked: list[str], first: str, second: str) -> None:
    folders = _Folders(_Config())
    folders._linked = [_parts(a) for a in linked]
    keys = [folders.of_address(first), folders.of_address(second)]
    if keys[0] is not None and keys[0] == keys[1]:
        for address in linked:
            assert get_relative_url(address, first) == get_relative_url(address, second)
