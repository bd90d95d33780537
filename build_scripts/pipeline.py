"""Run the whole generator: sources and topic files in, markdown pages out.

Nothing here knows MkDocs: ``generate`` returns the pages as strings, which
the MkDocs hook adds to the build and ``python -m build_scripts`` can write.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import background
from build_scripts.analyse.key_facts import fact_terms, pick_key_facts
from build_scripts.analyse.claims import Claim, group_claims
from build_scripts.analyse.countries import CountryProfile, profile_countries, rule_terms
from build_scripts.analyse.features import DocumentFeatures, Features
from build_scripts.analyse.disagreements import (
    Disagreement,
    number_disagreements,
    quote_wording,
    title_disagreements,
)
from build_scripts.analyse.quote_groups import Speaker, group_quotes
from build_scripts.analyse.timeline import Event, build_timeline
from build_scripts.analyse.terms import TermIndex, find_all
from build_scripts.analyse.topics import assign_topics, eligible, topic_terms
from build_scripts.errors import InputError, InputProblem
from build_scripts.cache import Cached, DocumentCache, Forgetful
from build_scripts.collector import collector_paused
from build_scripts.load.country_rules import StanceRule, load_stance_rules
from build_scripts.load.sources import load_sources
from build_scripts.load.topics import load_key_facts, load_topics
from build_scripts.model import Document, Sentence, Statement, Topic, TopicEvidence, TopicSection
from build_scripts.render.disagreements_page import SRC_URI as DISAGREEMENTS_URI
from build_scripts.render.disagreements_page import render_disagreements_page
from build_scripts.render.countries_pages import INDEX_URI as COUNTRIES_URI
from build_scripts.render.countries_pages import page_uri, render_countries_overview, render_country_page
from build_scripts.render.bibliography import bibtex, csl_json
from build_scripts.render.data_files import (
    DATA_DIR,
    countries_json,
    disagreements_json,
    quotes_json,
    sources_json,
    statement_rows,
    statements_csv,
    timeline_json,
    timelinejs_json,
)
from build_scripts.render.home import HOME_SRC_URI, render_home
from build_scripts.render.page_head import page_head
from build_scripts.render.quotes_page import SRC_URI as QUOTES_URI
from build_scripts.render.quotes_page import render_quotes_page
from build_scripts.render.timeline_page import SRC_URI as TIMELINE_URI
from build_scripts.render.timeline_page import render_timeline_pages
from build_scripts.render.links import relative, source_src_uri
from build_scripts.render.source_page import SourcePage, source_page
from build_scripts.render.sources_index import INDEX_SRC_URI, render_sources_index
from build_scripts.render.sources_used import sources_used
from build_scripts.render.statement import claim_sources
from build_scripts.render.topic_page import render_topic
from build_scripts.workers import Refused, analyse_many


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
    source_pages: dict[str, SourcePage] = field(default_factory=dict)
    """Made with each source's analysis, by source id (see ``SourcePage``); missing ones are made
    when the pages are written."""


@dataclass
class SiteContent:
    pages: list[GeneratedPage]
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown appended to hand-written pages, by their path in ``docs/``."""
    analysis: Analysis | None = None
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files (data, bibliography), by their path in the site."""


@dataclass(frozen=True)
class _Pending:
    """A source file whose analysis is not in the cache yet: the workers parse it."""

    path: Path
    raw: bytes
    key: str


def _reader(cache: DocumentCache) -> Callable[[Path, bytes], Cached | _Pending]:
    def read(path: Path, raw: bytes) -> Cached | _Pending:
        key = cache.key(path.name, raw)
        cached = cache.get(key)
        if cached is None or cached[0].source.path != path:
            return _Pending(path, raw, key)
        return cached

    return read


@dataclass
class Inputs:
    """Everything read from disk, checked: what ``check`` validates and ``analyse`` uses."""

    documents: list[Document]
    topics: list[Topic]
    facts: list[TopicSection]
    stance_rules: list[StanceRule]
    features: Features = field(default_factory=Features)
    source_pages: dict[str, SourcePage] = field(default_factory=dict)


Progress = Callable[[str], None]
"""Where long work reports how far it is (a line of text)."""
PROGRESS_FROM = 500
"""New or changed sources from which their analysis reports progress."""


def _counter(total: int, progress: Progress | None) -> Callable[[int], None] | None:
    """Reports every tenth of ``total``."""
    if progress is None or total < PROGRESS_FROM:
        return None
    done = 0
    step = max(1, total // 10)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if done % step < n or done == total:
            progress(f"analysed {done:,} of {total:,} new or changed sources")

    return advance


def _load_documents(sources_dir: Path, cache: DocumentCache, progress: Progress | None = None
                    ) -> tuple[list[Document], list[DocumentFeatures], dict[str, SourcePage], list[InputProblem]]:
    loaded, problems = load_sources(sources_dir, _reader(cache))
    pending = [item for item in loaded if isinstance(item, _Pending)]
    results = analyse_many([(p.path, p.raw) for p in pending], _counter(len(pending), progress))  # unpickled as they come
    documents, features, pages = [], [], {}
    for item in loaded:
        if isinstance(item, _Pending):
            result = next(results)
            if isinstance(result, Refused):
                problems.append(InputProblem(item.path, result.message, result.line))
                continue
            if isinstance(result, str):  # one odd article must not hide the others
                problems.append(InputProblem(item.path, f"the text could not be analysed ({result}); "
                                             "please report it with this file attached"))
                continue
            item = cache.put_pickled(item.key, result)
        documents.append(item[0])
        features.append(item[1])
        pages[item[0].source.id] = item[2]
    problems.sort(key=lambda p: str(p.path))  # in file order, as read
    reused = len(loaded) - len(pending)
    if progress is not None and reused:
        progress(f"{_count(reused, 'unchanged source')} reused from the cache, "
                 f"{_count(len(pending), 'source')} analysed")
    return documents, features, pages, problems


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def load_inputs(project: Project, cache: DocumentCache | None = None,
                progress: Progress | None = None) -> tuple[Inputs, list[InputProblem]]:
    """Read and clean every source and read every configuration page; collect every problem."""
    cache = cache if cache is not None else DocumentCache(Forgetful())
    documents, features, pages, problems = _load_documents(project.sources_dir, cache, progress)
    topics, topic_problems = load_topics(project.docs_dir)
    facts, fact_problems = load_key_facts(project.docs_dir / HOME_SRC_URI)
    stance_rules, stance_problems = load_stance_rules(project.docs_dir)
    problems += topic_problems + fact_problems + stance_problems
    if not project.sources_dir.is_dir():
        problems.append(InputProblem(project.sources_dir, "the sources folder does not exist; create it and add articles"))
    return Inputs(documents, topics, facts, stance_rules, Features(features), pages), problems


def analyse(project: Project, cache: DocumentCache | None = None, progress: Progress | None = None) -> Analysis:
    """Load, clean and analyse; raises InputError listing every problem found.

    With a ``cache``, sources whose bytes are unchanged since an earlier call are not re-read.
    """
    analysis = _analyse(_checked_inputs(project, cache, progress), cache)
    if cache is not None:
        cache.prune()  # after every stage has asked for what it reuses
    return analysis


def _checked_inputs(project: Project, cache: DocumentCache | None, progress: Progress | None) -> Inputs:
    inputs, problems = load_inputs(project, cache, progress)
    if problems:
        raise InputError(problems, project.sources_dir.parent)
    return inputs


def _analyse(inputs: Inputs, cache: DocumentCache | None) -> Analysis:
    documents, topics, facts, stance_rules = inputs.documents, inputs.topics, inputs.facts, inputs.stance_rules
    features = inputs.features
    sentences = [s for d in documents for s in d.sentences if eligible(s)]
    index = _term_index(inputs, cache)
    with _terms_found_meanwhile(index, sentences) as keep_terms_found:
        claims = group_claims(sentences, features, cache.memo("claims") if cache else None)
        speakers = group_quotes(documents, features)
        disagreements = (number_disagreements(sentences, claims, features) + title_disagreements(sentences, features)
                         + quote_wording(speakers))
        timeline = build_timeline(documents, claims, set(sentences), features)
        keep_terms_found()
    countries = profile_countries(sentences, claims, timeline, stance_rules, index, features)
    return Analysis(documents, assign_topics(topics, documents, claims, index),
                    pick_key_facts(facts, documents, claims, index), claims, disagreements, timeline,
                    countries, stance_rules, speakers, inputs.source_pages)


def _term_index(inputs: Inputs, cache: DocumentCache | None) -> TermIndex:
    """One index of every configured term: each sentence's words are looked up once for all stages."""
    terms = set().union(*map(topic_terms, inputs.topics)) | fact_terms(inputs.facts) | rule_terms(inputs.stance_rules)
    return TermIndex(terms, cache.memo("term hits\0" + "\0".join(sorted(terms))) if cache else None)


BACKGROUND_FROM = 20_000
"""Sentences to look terms up in from which it is done in a child process, alongside the stages
that do not need terms (for fewer, starting the child costs about what it saves)."""


@contextmanager
def _terms_found_meanwhile(index: TermIndex, sentences: list[Sentence]) -> Iterator[Callable[[], None]]:
    """Look up the terms of every sentence ``index`` has not seen in a child process, while the
    block runs; the block calls what this gives to keep what the child found in ``index``.

    Looking terms up costs about a millisecond of CPU a source, and nothing else runs on the
    other cores while claims, disagreements and the timeline are worked out here. A block that
    fails stops the child.
    """
    texts = index.unseen(dict.fromkeys(s.text for s in sentences))
    if len(texts) < BACKGROUND_FROM or not background.possible():
        yield lambda: None
        return

    def keep() -> None:
        found = child.result()
        if found is not None:  # else each stage looks up what it needs, as without a child
            index.remember(texts, found)

    with background.Background(find_all, index.terms, texts) as child:
        yield keep


def render(analysis: Analysis, project_docs: Path, pages_memo: dict | None = None) -> SiteContent:
    """Every page and data file. ``pages_memo`` keeps each source's page from one build to the next
    (see ``_source_pages``)."""
    docs = {d.source.id: d for d in analysis.documents}
    per_source: dict[str, Counter[str]] = {sid: Counter() for sid in docs}
    for ev in analysis.evidence:
        for st in ev.statements:
            for sid in _reporting(st):
                per_source[sid][ev.topic.src_uri] += 1
    topics = {ev.topic.src_uri: ev.topic for ev in analysis.evidence}
    per_source_total = {sid: sum(c.values()) for sid, c in per_source.items()}
    closed = [_closed(GeneratedPage(INDEX_SRC_URI, render_sources_index(analysis.documents, per_source_total),
                                    True), docs)]
    closed += _source_pages(analysis.documents, per_source, topics, {} if pages_memo is None else pages_memo,
                            analysis.source_pages)
    pages: list[GeneratedPage] = []
    additions = {}
    for ev in analysis.evidence:
        rendered = render_topic(ev, docs, analysis.disagreements)
        additions[ev.topic.src_uri] = rendered.addition
        pages += [GeneratedPage(uri, md, False) for uri, md in rendered.continuations]
    total = sum(len(ev.statements) for ev in analysis.evidence)
    pages.append(GeneratedPage(DISAGREEMENTS_URI, render_disagreements_page(analysis.disagreements, docs), True))
    pages += [GeneratedPage(uri, md, uri == TIMELINE_URI) for uri, md in render_timeline_pages(analysis.timeline, docs)]
    pages.append(GeneratedPage(QUOTES_URI, render_quotes_page(analysis.speakers, docs), True))
    pages += [GeneratedPage(page_uri(p.code), render_country_page(p, docs), False) for p in analysis.countries]
    overview = render_countries_overview(analysis.countries, analysis.stance_rules)
    if (project_docs / COUNTRIES_URI).exists():
        additions[COUNTRIES_URI] = overview
    else:
        pages.append(GeneratedPage(COUNTRIES_URI, "\n".join(page_head("Countries")) + overview, True))
    additions[HOME_SRC_URI] = render_home(analysis.key_facts, analysis.evidence, docs, total)
    pages = closed + [_closed(p, docs) for p in pages]
    additions = {uri: sources_used(md, uri, docs) for uri, md in additions.items()}
    return SiteContent(pages, additions, analysis, data_files(analysis, per_source_total, docs))


def _reporting(st: Statement) -> set[str]:
    """The sources of the statement's reports (its sentence's and its claim's)."""
    return {st.sentence.source_id, *(claim_sources(st.claim) if st.claim else ())}


def _source_pages(documents: list[Document], per_source: dict[str, Counter[str]], topics: dict[str, Topic],
                  memo: dict[str, tuple[Document, list, GeneratedPage]], made_pages: dict[str, SourcePage]
                  ) -> list[GeneratedPage]:
    """Each source's page, closed. A page depends only on its document and on the topic pages
    that cite it, so under ``mkdocs serve`` an edit re-writes the pages whose source changed
    (the cache hands back the very same document object for an unchanged source) or whose
    citations moved. ``memo`` is left holding this build's pages only. ``made_pages`` holds
    the pages the sources' analysis made, all but their citations."""
    pages, kept = [], {}
    for doc in documents:
        src = source_src_uri(doc.source.id)
        cited_on = [(topics[uri].title, relative(src, uri), n)
                    for uri, n in sorted(per_source[doc.source.id].items())]
        before = memo.get(doc.source.id)
        if before is not None and before[0] is doc and before[1] == cited_on:
            page = before[2]
        else:
            made = made_pages.get(doc.source.id) or source_page(doc)
            page = GeneratedPage(src, made.with_citations(cited_on), False, f"sources/{doc.source.path.name}")
        kept[doc.source.id] = (doc, cited_on, page)
        pages.append(page)
    memo.clear()
    memo.update(kept)
    return pages


def _closed(page: GeneratedPage, docs: dict[str, Document]) -> GeneratedPage:
    """The page with its closing "Sources used on this page" section."""
    if page.src_uri == INDEX_SRC_URI:
        markdown = sources_used(page.markdown, page.src_uri, docs, [], "All the sources in the table above.")
    else:  # a source's page comes closed (see ``source_page``)
        markdown = sources_used(page.markdown, page.src_uri, docs,
                                empty="This page cites no source directly; the pages it links to do.")
    return GeneratedPage(page.src_uri, markdown, page.in_nav, page.edit_path)


def data_files(analysis: Analysis, counts: dict[str, int], docs: dict[str, Document]) -> dict[str, str]:
    """Every file of ``data/``, by its path in the site."""
    rows = statement_rows(analysis.evidence)
    files = {
        "sources.json": sources_json(analysis.documents, counts),
        "statements.json": json.dumps({"statements": rows}, ensure_ascii=False, separators=(",", ":")) + "\n",
        "statements.csv": statements_csv(rows),
        "quotes.json": quotes_json(analysis.speakers),
        "timeline.json": timeline_json(analysis.timeline),
        "timeline.timelinejs.json": timelinejs_json(analysis.timeline, "Timeline"),
        "disagreements.json": disagreements_json(analysis.disagreements, docs),
        "countries.json": countries_json(analysis.countries),
        "sources.bib": bibtex(analysis.documents),
        "sources.csl.json": csl_json(analysis.documents),
    }
    return {f"{DATA_DIR}/{name}": content for name, content in files.items()}


def generate(project: Project, cache: DocumentCache | None = None, progress: Progress | None = None) -> SiteContent:
    """Every page and data file. With a ``cache`` kept from the last call (as under ``mkdocs
    serve``), unchanged inputs give back the last call's pages without any work: an edit to a
    hand-written page that no stage reads (the methodology) costs nothing here."""
    with collector_paused():
        if cache is None:
            return render(analyse(project), project.docs_dir)
        inputs = _checked_inputs(project, cache, progress)
        last, pages_memo = cache.memo("site"), cache.memo("source pages")
        digest = _inputs_digest(inputs, cache, project)
        if last.get("digest") == digest:
            _term_index(inputs, cache)  # keeps the term hits for the next change
            content = last["content"]
        else:
            last.clear()
            content = render(_analyse(inputs, cache), project.docs_dir, pages_memo)
            last.update(digest=digest, content=content)
        cache.prune()  # after every stage has asked for what it reuses
        return content


def _inputs_digest(inputs: Inputs, cache: DocumentCache, project: Project) -> str:
    """Everything the pages are made from: each source's bytes and analysis code (its cache
    key), the topic, key-fact and stance rules, and whether the countries page is hand-written."""
    digest = hashlib.sha256()
    for part in (*cache.sources_read(), repr(inputs.topics), repr(inputs.facts), repr(inputs.stance_rules),
                 str((project.docs_dir / COUNTRIES_URI).exists())):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()
