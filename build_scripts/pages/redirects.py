"""A page at each old address of a renamed source (``sources/OLD/index.html``, one for each id
in its ``former_ids``) that sends the reader on to its page, at the same sentence: links and
citations made before the rename keep working.

The page is plain HTML, not a page of the site: a script replaces the address keeping its
``#s-…`` anchor, a meta refresh does the same without scripts (less the anchor), and a visible
link and a canonical link name the new page. Every address is relative, so the redirect works
under a sub-path as at a server's root. An old id that is a page's address now, or the old id of
two sources, is an error of the inputs (``load.sources.address_clashes``)."""

from __future__ import annotations

from build_scripts.errors import InputError
from build_scripts.load.sources import address_clashes
from build_scripts.pages.kind import PageKind, Rendered, SiteView, no_nav
from build_scripts.render.citation import plain_title
from build_scripts.render.templates import render

SOURCES_FOLDER = "sources"


def redirect_page(old: str, new: str, title: str) -> str:
    """The HTML of the page at ``sources/<old>/`` leading to ``sources/<new>/``."""
    return render("redirect.html.j2", old=old, target=f"../{new}/", title=title)


def render_redirects(view: SiteView) -> Rendered:
    docs = view.analysis.documents
    problems = address_clashes(d.source for d in docs)
    if problems:
        raise InputError(problems, view.docs_dir.parent)
    files = {f"{SOURCES_FOLDER}/{old}/index.html": redirect_page(old, doc.source.id, plain_title(doc))
             for doc in docs for old in doc.source.meta.former_ids}
    return Rendered(files=files)


KIND = PageKind("redirects", 95, no_nav, render_redirects)
