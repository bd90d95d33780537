"""Python-Markdown as MkDocs runs it for this project, for the tests that compare what the hook
writes itself with what Python-Markdown writes."""

from __future__ import annotations

import re

import markdown

from tests.seed import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seed"
# What MkDocs hands Python-Markdown for this project's mkdocs.yml (it adds toc, tables and fenced_code).
EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "footnotes", "pymdownx.details"]
SETTINGS = {"toc": {"permalink": True}}


def convert(text: str, more: list[str] | None = None) -> str:
    return markdown.Markdown(extensions=[*EXTENSIONS, *(more or [])], extension_configs=SETTINGS).convert(text)


def body(path) -> str:
    """A golden page's markdown without its front matter."""
    return re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
