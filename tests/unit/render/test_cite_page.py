"""The "Cite this page" box is rendered once a build with stand-ins, then filled in page by page:
it must be what the template writes for that page."""

from __future__ import annotations

import datetime as dt
from html import unescape

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from build_scripts.render import cite_page
from build_scripts.render.templates import render

TEXT = st.lists(st.sampled_from(list("aZ é<>&\"'’\0\x07{}|=\\/") + ["&amp;", "&lt;", "&#39;", "\0title\0", "\0key\0"]),
               max_size=30).map("".join)


def _written(title: str, site_name: str, site_url: str | None, page_url: str, built: dt.date) -> str:
    address = (site_url.rstrip("/") + "/" + page_url) if site_url else f"/{page_url}"
    return render("cite-page.html.j2", title=unescape(title), site_name=site_name, address=address,
                  absolute=bool(site_url), built=cite_page._dates(built), year=built.year,
                  key=Markup(cite_page._bibtex_key(site_name, page_url, built.year)))


@given(TEXT, TEXT, st.one_of(st.none(), st.sampled_from(["https://example.org/", "https://a.example/x y/"])),
       st.sampled_from(["", "sources/a/", "topics/the treaty/", "x&y/"]), st.dates())
def test_the_box_is_what_the_template_writes(title, site_name, site_url, page_url, built):
    assert cite_page.cite_this_page(title, site_name, site_url, page_url, built) == _written(
        title, site_name, site_url, page_url, built)
