"""What a page kind declares: its place in the navigation, the pages it renders from the
analysis, and the data files it writes. ``registry`` finds every kind in this package."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from build_scripts.analyse.sentence_memo import keeping
from build_scripts.model import Analysis, Claim, Document, GeneratedPage, Statement, Topic

T = TypeVar("T")
NavItem = dict[str, Any]
"""One entry of MkDocs' ``nav``: ``{title: "page.md"}`` or ``{title: [entries]}``."""


@dataclass
class SiteView:
    """The analysis as the page kinds read it, with what several of them need worked out once."""

    analysis: Analysis
    docs_dir: Path
    memo: dict[str, Any] = field(default_factory=dict)
    """Kept from one build to the next under ``mkdocs serve`` (a kind may keep pages in it)."""
    made: dict[str, Any] = field(default_factory=dict)
    """What per-source stages made besides the analysis, by stage name, then source id."""

    def __post_init__(self) -> None:
        self.docs: dict[str, Document] = {d.source.id: d for d in self.analysis.documents}
        self.topics: dict[str, Topic] = {ev.topic.src_uri: ev.topic for ev in self.analysis.evidence}
        self.cited_on: dict[str, Counter[str]] = {sid: Counter() for sid in self.docs}
        """For each source, how many statements of each topic page report it."""
        for ev in self.analysis.evidence:
            for st in ev.statements:
                for sid in _reporting(st):
                    self.cited_on[sid][ev.topic.src_uri] += 1
        self.statements_citing = {sid: sum(c.values()) for sid, c in self.cited_on.items()}
        self._once: dict[str, Any] = {}
        self._kept_last: dict[str, tuple[object, object, Any]] = self.memo.get("kept", {})
        self._kept_now: dict[str, tuple[object, object, Any]] = {}
        self._converted: dict[int, tuple[object, object]] = {}
        """``by_value`` of each key object ``kept`` was given this build (kinds share some)."""

    def once(self, name: str, work: Callable[[], T]) -> T:
        """What ``work`` gives, worked out once per build for the kinds that share it."""
        if name not in self._once:
            self._once[name] = work()
        return self._once[name]  # type: ignore[no-any-return]

    def kept(self, name: str, key: object, work: Callable[[], T]) -> T:
        """What ``work`` gave in the last build, while ``key`` equals that build's and no
        source's name changed (``sources_key``); under ``mkdocs serve`` an edit elsewhere then
        costs a comparison, not a rendering. ``key`` must hold everything else ``work`` reads;
        it compares quickly where the analysis hands back the last build's objects (a tuple
        compares an element with itself first). When no build follows (``mkdocs build``),
        nothing is compared or kept."""
        if not keeping():
            return work()
        converted = self._converted.get(id(key))
        if converted is None or converted[0] is not key:  # held, so no other object has its id
            converted = self._converted[id(key)] = (key, by_value(key))
        key = converted[1]
        sources = self.sources_key
        last = self._kept_last.get(name)
        same = last is not None and last[1] is sources and last[0] == key
        value = last[2] if same and last is not None else work()
        self._kept_now[name] = (key, sources, value)
        return value

    def finish(self) -> None:
        """The site is made: what ``kept`` was asked for this build is what the next can use."""
        self.memo["kept"] = self._kept_now

    @property
    def sources_key(self) -> tuple[tuple[str, object, str], ...]:
        """What a page may show of any source besides the sentences it cites (its metadata, for a
        source without a title its opening words), and how many sources there are: the last
        build's very object while it compares equal, so that ``kept`` compares it by identity."""
        def work() -> tuple[tuple[str, object, str], ...]:
            now = tuple((sid, doc.source.meta, doc.opening_words) for sid, doc in self.docs.items())
            last = self.memo.get("sources key")
            if last == now:
                return last  # type: ignore[no-any-return]
            self.memo["sources key"] = now
            return now
        return self.once("sources key", work)


_LEAVES = (str, int, float, bool, type(None), frozenset)


@cache
def _compares_by_value(cls: type) -> bool:
    """Whether instances of a data class compare by value already: frozen, compared field by
    field, no field a claim. (A claim deeper down compares by identity: a kept page is then
    made again, never wrongly kept.)"""
    params = getattr(cls, "__dataclass_params__", None)
    return bool(params and params.frozen and params.eq
                and not any("Claim" in str(f.type) for f in fields(cls)))


def by_value(item: object) -> object:
    """``item`` as compared by value: a claim (compared by identity, see ``Claim``) becomes its
    fields; lists, tuples, dicts and the data classes that hold claims are gone through."""
    if isinstance(item, _LEAVES):
        return item
    if isinstance(item, Claim):
        return (Claim, item.id, item.members, item.copy_groups, item.shared_words, item.publisher_groups)
    if isinstance(item, (list, tuple)):
        return tuple(map(by_value, item))
    if isinstance(item, dict):
        return tuple((k, by_value(v)) for k, v in item.items())
    cls: type = type(item)
    if is_dataclass(item) and not _compares_by_value(cls):
        return (cls, *(by_value(getattr(item, f.name)) for f in fields(item)))
    return item


def _reporting(st: Statement) -> set[str]:
    """The sources of the statement's reports (its sentence's and its claim's)."""
    return {st.sentence.source_id, *(st.claim.sources if st.claim else ())}


@dataclass(frozen=True)
class Rendered:
    pages: list[GeneratedPage] = field(default_factory=list)
    """Pages of their own; they get their closing "Sources used" section from the registry
    unless ``closed``."""
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown appended to hand-written pages, by their path in ``docs/``."""
    closed: bool = False
    """The pages end with their "Sources used" section already."""
    files: dict[str, str] = field(default_factory=dict)
    """Files of the site written as they are, by their path under the site's root (a redirect
    page at an old address), for kinds whose files are not known before the analysis."""


@dataclass(frozen=True)
class DataFile:
    name: str
    """Its path under ``folder``."""
    write: Callable[[SiteView], str | None]
    """Its content, or None for no file."""
    schema: str | None = None
    """Its JSON Schema, a path in ``docs/`` (hand-written, published with the site)."""
    folder: str = "data"
    """Where in the site it goes ("" for the site's root)."""


@dataclass(frozen=True)
class PageKind:
    name: str
    order: int
    """Where its pages come in the navigation, and when it is rendered (lower first)."""
    nav: Callable[[Path, list[Topic]], list[NavItem]]
    """Its navigation entries, from the docs folder and the topics."""
    render: Callable[[SiteView], Rendered] = lambda view: Rendered()
    data: tuple[DataFile, ...] = ()


def no_nav(docs_dir: Path, topics: list[Topic]) -> list[NavItem]:
    return []


def nav_entry(title: str, src_uri: str) -> Callable[[Path, list[Topic]], list[NavItem]]:
    """A kind shown as one entry of the navigation."""
    return lambda docs_dir, topics: [{title: src_uri}]
