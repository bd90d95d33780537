"""Run the whole generator: sources and topic files in, markdown pages out.

Nothing here knows MkDocs: ``generate`` returns the pages as strings, which
the MkDocs hook adds to the build and ``python -m build_scripts`` can write.
The stages: ``inputs`` (per source, cached, over every core), ``across``
(the analyses across sources), then every page kind of ``pages``.
"""

from __future__ import annotations

import hashlib

from build_scripts.analyse.sentence_memo import keep_between_builds
from build_scripts.errors import InputError
from build_scripts.infra.cache import StageCache
from build_scripts.infra.collector import collector_paused, freeze_survivors
from build_scripts.model import Analysis, Inputs, Project, SiteContent
from build_scripts.pages.registry import render_site
from build_scripts.pipeline.across import analyse_across, term_index
from build_scripts.pipeline.inputs import Progress, load_inputs

__all__ = ["analyse", "generate", "load_inputs"]


def analyse(project: Project, cache: StageCache | None = None, progress: Progress | None = None) -> Analysis:
    """Load, clean and analyse; raises InputError listing every problem found.

    With a ``cache``, sources whose bytes are unchanged since an earlier call are not re-read.
    """
    analysis = analyse_across(_checked_inputs(project, cache, progress), cache)
    if cache is not None:
        cache.prune()  # after every stage has asked for what it reuses
    return analysis


def _checked_inputs(project: Project, cache: StageCache | None, progress: Progress | None) -> Inputs:
    inputs, problems = load_inputs(project, cache, progress)
    if problems:
        raise InputError(problems, project.sources_dir.parent)
    return inputs


def generate(project: Project, cache: StageCache | None = None, progress: Progress | None = None,
             another_follows: bool = False) -> SiteContent:
    """Every page and data file. With a ``cache`` kept from the last call (as under ``mkdocs
    serve``), unchanged inputs give back the last call's pages without any work: an edit to a
    hand-written page that no stage reads (the methodology) costs nothing here.
    ``another_follows`` (under ``mkdocs serve``) keeps what each stage found of each sentence
    for the next call (``sentence_memo``).

    What it leaves alive is frozen out of the cycle collector (``freeze_survivors``) before the
    collector is back on: every object made meanwhile is in its youngest generation, and the first
    collection after would walk them all (0.51 s at 1,000 sources from cached analyses). The few
    thousand objects of cyclic garbage that walk would free then stay until the process ends,
    soon after a ``mkdocs build``; under ``mkdocs serve`` (``another_follows``) they would pile up
    build after build, so there the youngest generation is collected first (about 0.1 s after an
    edit at 1,000 sources)."""
    keep_between_builds(another_follows)
    with collector_paused():
        try:
            return _generate(project, cache, progress)
        finally:
            freeze_survivors(collect_young=another_follows)


def _generate(project: Project, cache: StageCache | None, progress: Progress | None) -> SiteContent:
    if cache is None:
        inputs = _checked_inputs(project, None, progress)
        return render_site(analyse_across(inputs, None), project.docs_dir, made=inputs.made)
    inputs = _checked_inputs(project, cache, progress)
    last, pages_memo = cache.memo("site"), cache.memo("pages")
    digest = _inputs_digest(inputs, cache, project)
    if last.get("digest") == digest:
        term_index(inputs, cache)  # keeps the term hits for the next change
        content: SiteContent = last["content"]
    else:
        last.clear()
        content = render_site(analyse_across(inputs, cache), project.docs_dir, pages_memo, inputs.made)
        last.update(digest=digest, content=content)
    cache.prune()  # after every stage has asked for what it reuses
    return content


def _inputs_digest(inputs: Inputs, cache: StageCache, project: Project) -> str:
    """Everything the pages are made from: each source's results (their cache keys, which cover
    its bytes and the stages' code), the topic, key-fact and stance rules, and which
    hand-written pages exist (a kind may add to one or make it)."""
    digest = hashlib.sha256()
    pages = sorted(p.relative_to(project.docs_dir).as_posix() for p in project.docs_dir.rglob("*.md"))
    rules = (repr(inputs.topics), repr(inputs.facts), repr(inputs.stance_rules))
    for part in (*sorted(cache.results_read()), *rules, *pages):  # sorted: a cold build reads keys in another order
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()
