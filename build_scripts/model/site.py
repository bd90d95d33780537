"""The project's inputs, the whole analysis, and the pages made from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.model.findings import DocumentFeatures
from build_scripts.model.results import (
    Claim,
    CountryProfile,
    Disagreement,
    Event,
    Speaker,
    Statement,
    TopicEvidence,
)
from build_scripts.model.source import Document
from build_scripts.model.topic import StanceRule, Topic, TopicSection


@dataclass(frozen=True)
class Project:
    """Where the inputs are."""

    sources_dir: Path
    docs_dir: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        return cls(root / "sources", root / "docs")


@dataclass(frozen=True)
class GeneratedPage:
    """A page made by the generator, handed to MkDocs as if it were a file of ``docs/``."""

    src_uri: str
    markdown: str
    in_nav: bool
    edit_path: str | None = None
    """Path of the file to edit, relative to the project root, for "Edit this page"."""
    inserts: tuple[tuple[str, str], ...] = ()
    """(placeholder, HTML) pairs: the markdown holds each placeholder, and the HTML takes its
    place in the page once Python-Markdown has made it (``markdown_with_inserts`` gives the
    markdown with them in place, for another engine)."""
    late: tuple[tuple[str, str], ...] = ()
    """(placeholder, HTML) pairs put into the page's final HTML, after the theme has made it: a
    part that changes with other pages and says nothing worth searching (a source's "Cited on"
    row), so that under ``mkdocs serve`` the page's search entry and theme output are reused
    while only it changed. Each placeholder is in an insert (or the markdown) and is an HTML
    comment, first of its kind in the page. Links to markdown files are made addresses as in
    inserts; links to anchors are not checked."""

    def markdown_with_inserts(self) -> str:
        markdown = self.markdown
        for slot, html in (*self.inserts, *self.late):
            markdown = markdown.replace(slot, html, 1)
        return markdown


@dataclass
class Analysis:
    """Everything the page kinds render from: the documents and what the stages across sources found."""

    documents: list[Document]
    evidence: list[TopicEvidence]
    key_facts: list[Statement]
    claims: list[Claim]
    disagreements: list[Disagreement]
    timeline: list[Event]
    countries: list[CountryProfile]
    stance_rules: list[StanceRule]
    speakers: list[Speaker]


@dataclass
class SiteContent:
    """The whole generated site: pages, additions to hand-written pages, other files."""

    pages: list[GeneratedPage]
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown appended to hand-written pages, by their path in ``docs/``."""
    analysis: Analysis | None = None
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files (data, bibliography), by their path in the site."""


@dataclass
class Inputs:
    """Everything read from disk, checked: what ``check`` validates and ``analyse`` uses."""

    documents: list[Document]
    topics: list[Topic]
    facts: list[TopicSection]
    stance_rules: list[StanceRule]
    features: list[DocumentFeatures] = field(default_factory=list)
    """What each source's sentences hold, in the order of ``documents``."""
    made: dict[str, dict[str, Any]] = field(default_factory=dict)
    """What the later per-source stages made, by stage name, then source id."""
