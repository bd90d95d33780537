"""The start of every generated page: frontmatter title, heading, introduction."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.render.templates import render


def page_head(title: str, *intro: str) -> list[str]:
    """Lines of markdown (``templates/page-head.md.j2``). The frontmatter title is HTML-escaped
    because themes print it as HTML (header, ``<title>``); the heading is markdown-escaped;
    ``intro`` paragraphs are markdown already."""
    return render("page-head.md.j2", title=title, intro=[Markup(p) for p in intro]).removesuffix("\n").split("\n")
