"""The "Cite this page" box at the end of every page."""

from __future__ import annotations

import datetime as dt
from html import unescape

from build_scripts.model import PartialDate
from build_scripts.render.escape import md_text


def cite_this_page(title: str, site_name: str, site_url: str | None, page_url: str, built: dt.date) -> str:
    """Title, site name, address and build date; the address is site-relative when the site's is unknown."""
    address = (site_url.rstrip("/") + "/" + page_url) if site_url else f"/{page_url}"
    where = f"<{address}>" if site_url else f"`{address}` (on the site where you read it)"
    when = PartialDate(built.year, built.month, built.day).display()
    text = f"“{md_text(unescape(title))}”. *{md_text(site_name)}*. {where}. Built on {when}."
    return f'\n\n??? cite "Cite this page"\n\n    {text}\n'
