"""Run the whole generator: sources and topic files in, markdown pages out.

Nothing here knows MkDocs: ``generate`` returns the pages as strings, which
the MkDocs hook adds to the build and ``python -m build_scripts`` can write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.analyse.key_facts import pick_key_facts
from build_scripts.analyse.claims import Claim, group_claims
from build_scripts.analyse.countries import CountryProfile, profile_countries
from build_scripts.analyse.disagreements import (
    Disagreement,
    number_disagreements,
    quote_wording,
    title_disagreements,
)
from build_scripts.analyse.quote_groups import Speaker, group_quotes
from build_scripts.analyse.timeline import Event, build_timeline
from build_scripts.analyse.topics import assign_topics, eligible
from build_scripts.errors import InputError, InputProblem
from build_scripts.cache import DocumentCache
from build_scripts.load.country_rules import StanceRule, load_stance_rules
from build_scripts.load.sources import load_sources, parse_source
from build_scripts.load.topics import load_key_facts, load_topics
from build_scripts.model import Document, Statement, TopicEvidence
from build_scripts.render.disagreements_page import SRC_URI as DISAGREEMENTS_URI
from build_scripts.render.disagreements_page import render_disagreements_page
from build_scripts.render.countries_pages import INDEX_URI as COUNTRIES_URI
from build_scripts.render.countries_pages import page_uri, render_countries_overview, render_country_page
from build_scripts.render.home import HOME_SRC_URI, render_home
from build_scripts.render.quotes_page import SRC_URI as QUOTES_URI
from build_scripts.render.quotes_page import render_quotes_page
from build_scripts.render.timeline_page import SRC_URI as TIMELINE_URI
from build_scripts.render.timeline_page import render_timeline_page
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.source_page import render_source_page
from build_scripts.render.sources_index import INDEX_SRC_URI, render_sources_index
from build_scripts.render.topic_page import render_topic
from build_scripts.text.document import build_document


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
    src_uri: str
    markdown: str
    in_nav: bool
    edit_path: str | None = None
    """Path of the file to edit, relative to the project root, for "Edit this page"."""


@dataclass
class Analysis:
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
    pages: list[GeneratedPage]
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown appended to hand-written pages, by their path in ``docs/``."""
    analysis: Analysis | None = None


def _reader(cache: DocumentCache) -> Callable[[Path, bytes], Document]:
    def read(path: Path, raw: bytes) -> Document:
        key = cache.key(path.name, raw)
        document = cache.get(key)
        if document is None or document.source.path != path:
            document = build_document(parse_source(path, raw))
            cache.put(key, document)
        return document

    return read


def analyse(project: Project, cache: DocumentCache | None = None) -> Analysis:
    """Load, clean and analyse; raises InputError listing every problem found.

    With a ``cache``, sources whose bytes are unchanged since an earlier call are not re-read.
    """
    cache = cache if cache is not None else DocumentCache()
    documents, problems = load_sources(project.sources_dir, _reader(cache))
    cache.prune()
    topics, topic_problems = load_topics(project.docs_dir)
    facts, fact_problems = load_key_facts(project.docs_dir / HOME_SRC_URI)
    stance_rules, stance_problems = load_stance_rules(project.docs_dir)
    problems += topic_problems + fact_problems + stance_problems
    if not project.sources_dir.is_dir():
        problems.append(InputProblem(project.sources_dir, "the sources folder does not exist; create it and add articles"))
    if problems:
        raise InputError(problems, project.sources_dir.parent)
    sentences = [s for d in documents for s in d.sentences if eligible(s)]
    claims = group_claims(sentences)
    speakers = group_quotes(documents)
    disagreements = (number_disagreements(sentences, claims) + title_disagreements(sentences)
                     + quote_wording(speakers))
    timeline = build_timeline(documents, claims, set(sentences))
    countries = profile_countries(sentences, claims, timeline, stance_rules)
    return Analysis(documents, assign_topics(topics, documents, claims),
                    pick_key_facts(facts, documents, claims), claims, disagreements, timeline,
                    countries, stance_rules, speakers)


def render(analysis: Analysis, project_docs: Path) -> SiteContent:
    docs = {d.source.id: d for d in analysis.documents}
    per_source: dict[str, Counter[str]] = {sid: Counter() for sid in docs}
    for ev in analysis.evidence:
        for st in ev.statements:
            for sid in dict.fromkeys(m.source_id for m in st.members):
                per_source[sid][ev.topic.src_uri] += 1
    topics = {ev.topic.src_uri: ev.topic for ev in analysis.evidence}
    pages = [
        GeneratedPage(INDEX_SRC_URI, render_sources_index(
            analysis.documents, {sid: sum(c.values()) for sid, c in per_source.items()}), True)
    ]
    for doc in analysis.documents:
        src = source_src_uri(doc.source.id)
        cited_on = [(topics[uri].title, relative(src, uri), n)
                    for uri, n in sorted(per_source[doc.source.id].items())]
        pages.append(GeneratedPage(src, render_source_page(doc, cited_on), False,
                                   f"sources/{doc.source.path.name}"))
    additions = {}
    for ev in analysis.evidence:
        rendered = render_topic(ev, docs, analysis.disagreements)
        additions[ev.topic.src_uri] = rendered.addition
        pages += [GeneratedPage(uri, md, False) for uri, md in rendered.continuations]
    total = sum(len(ev.statements) for ev in analysis.evidence)
    pages.append(GeneratedPage(DISAGREEMENTS_URI, render_disagreements_page(analysis.disagreements, docs), True))
    pages.append(GeneratedPage(TIMELINE_URI, render_timeline_page(analysis.timeline, docs), True))
    pages.append(GeneratedPage(QUOTES_URI, render_quotes_page(analysis.speakers, docs), True))
    pages += [GeneratedPage(page_uri(p.code), render_country_page(p, docs), False) for p in analysis.countries]
    overview = render_countries_overview(analysis.countries, analysis.stance_rules)
    if (project_docs / COUNTRIES_URI).exists():
        additions[COUNTRIES_URI] = overview
    else:
        pages.append(GeneratedPage(COUNTRIES_URI, '---\ntitle: "Countries"\n---\n\n# Countries\n' + overview, True))
    additions[HOME_SRC_URI] = render_home(analysis.key_facts, analysis.evidence, docs, total)
    return SiteContent(pages, additions, analysis)


def generate(project: Project, cache: DocumentCache | None = None) -> SiteContent:
    return render(analyse(project, cache), project.docs_dir)
