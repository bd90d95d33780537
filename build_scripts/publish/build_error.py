"""Under ``mkdocs serve``, a source or topic file with a problem shows in the browser.

A failed build leaves ``mkdocs serve`` waiting with nothing but a line in the terminal, and the
browser showing the last good site as if nothing were wrong. So when serving, problems in the
inputs make a site of their own: every page opens with the problems (file, line, what to fix),
and each generated page of the navigation is a page saying the site could not be built. The
next build after the fix is the real site again, and the browser reloads by itself.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.errors import InputError
from build_scripts.model import GeneratedPage, SiteContent
from build_scripts.pages.registry import kinds
from build_scripts.render.templates import render


def _nav_pages(nav: list[object]) -> list[str]:
    pages: list[str] = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            pages += _nav_pages(value) if isinstance(value, list) else [str(value)]
    return pages


def error_banner(error: InputError) -> str:
    """Markdown opening every page while the inputs have problems."""
    problems = [p.format(error.root) for p in error.problems]
    return render("build-error.md.j2", problems=problems)


def error_site(error: InputError, docs_dir: Path, nav: list[object]) -> SiteContent:
    """The pages of the navigation that are generated, each saying the site could not be built."""
    missing = [uri for uri in _nav_pages(nav) if not (docs_dir / uri).exists()]
    text = "---\ntitle: The site could not be built\n---\n\n# The site could not be built\n\n"
    note = "The site could not be built: see its pages for the problems to fix.\n"
    files = {f"{data.folder}/{data.name}" if data.folder else data.name: note for kind in kinds() for data in kind.data}
    return SiteContent([GeneratedPage(uri, text, True) for uri in dict.fromkeys(missing)], files=files)
