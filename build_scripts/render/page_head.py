"""The start of every generated page: frontmatter title, heading, introduction."""

from __future__ import annotations

from build_scripts.render.escape import html_text, md_text, yaml_string


def page_head(title: str, *intro: str) -> list[str]:
    """Lines of markdown. The frontmatter title is HTML-escaped because themes print it as
    HTML (header, ``<title>``); the heading is markdown-escaped; intro lines are markdown."""
    lines = ["---", f"title: {yaml_string(html_text(title))}", "---", "", f"# {md_text(title)}", ""]
    for paragraph in intro:
        lines += [paragraph, ""]
    return lines
