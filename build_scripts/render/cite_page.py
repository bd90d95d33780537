"""The "Cite this page" box at the end of every page: the page's address, the date the reader
accessed it, and the page cited in APA, Chicago, MLA, BibTeX and Wikipedia's {{cite web}}.

The date of this version of the page is the build date. The access date is the reader's own:
the page is built with the build date in its place, and ``cite.js`` writes today's date there
in each form's own style. Without ``site_url`` the page knows only its path: the script writes
the address the reader sees instead.

The box is the same on every page but for the title and address, so it is written as HTML and
put into the page after Python-Markdown has converted the rest (``CITE_SLOT`` holds its place):
converting it took about 1.6 ms a page, a build of 10,000 sources 17 s of CPU (issue 20).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from html import unescape

from markupsafe import Markup

from build_scripts.model import MONTHS
from build_scripts.render.escape import html_text
from build_scripts.render.templates import render

_MONTHS_ABBREVIATED = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _dates(day: dt.date) -> dict[str, str]:
    """The date as each style writes it."""
    month = MONTHS[day.month - 1]  # not strftime: its month names follow the machine's locale
    short = _MONTHS_ABBREVIATED[day.month - 1]
    return {"iso": day.isoformat(), "apa": f"{month} {day.day}, {day.year}",
            "chicago": f"{month} {day.day}, {day.year}", "mla": f"{day.day} {short} {day.year}",
            "day_month": f"{day.day} {month} {day.year}"}


def _bibtex_key(site_name: str, page_url: str, year: int) -> str:
    words = re.findall(r"[a-z0-9]+", f"{site_name} {page_url}".lower())
    return "-".join(words[:8] + [str(year)])


CITE_SLOT = "<!--cite-this-page-->"
"""Where the box goes in a page's markdown: an HTML comment, which no escaped text can hold."""


_TITLE, _ADDRESS, _KEY = "\0title\0", "\0address\0", "\0key\0"
"""Stand-ins for the parts that differ from page to page, handed to the template as markup (not
escaped): no title or address escaped for HTML can hold a NUL (``html_text`` strips it)."""


@lru_cache(maxsize=64)
def _box(site_name: str, absolute: bool, built: dt.date) -> str:
    """The box's HTML with ``_TITLE``, ``_ADDRESS`` and ``_KEY`` in place of what differs from
    page to page: the template is rendered once a build, not once a page (0.3 ms a page)."""
    return render("cite-page.html.j2", title=Markup(_TITLE), site_name=site_name, address=Markup(_ADDRESS),
                  absolute=absolute, built=_dates(built), year=built.year, key=Markup(_KEY))


@lru_cache(maxsize=1 << 15)
def cite_this_page(title: str, site_name: str, site_url: str | None, page_url: str, built: dt.date) -> str:
    """The box's HTML; the address is the page's path when the site's address is unknown.

    Remembered: under ``mkdocs serve`` every rebuild asks again for every page's box.
    """
    address = (site_url.rstrip("/") + "/" + page_url) if site_url else f"/{page_url}"
    return (_box(site_name, bool(site_url), built).replace(_TITLE, html_text(unescape(title)))
            .replace(_ADDRESS, html_text(address)).replace(_KEY, _bibtex_key(site_name, page_url, built.year)))
