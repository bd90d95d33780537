"""The "Cite this page" box at the end of every page."""

from __future__ import annotations

import datetime as dt
from html import unescape

from build_scripts.model import PartialDate
from build_scripts.render.templates import markup, render


def cite_this_page(title: str, site_name: str, site_url: str | None, page_url: str, built: dt.date) -> str:
    """Title, site name, address and build date; the address is site-relative when the site's is unknown."""
    address = (site_url.rstrip("/") + "/" + page_url) if site_url else f"/{page_url}"
    when = PartialDate(built.year, built.month, built.day).display()
    # The address is written as it is: markdown takes no escapes inside an autolink or a code span.
    return render("cite-page.md.j2", title=unescape(title), site_name=site_name, on_site=bool(site_url),
                  address=markup(address), when=when)
