"""Plain data classes passed between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from build_scripts.load.dates import PartialDate

if TYPE_CHECKING:
    from build_scripts.analyse.claims import Claim


@dataclass(frozen=True)
class SourceMeta:
    """What is known of where an article came from. ``None`` means unknown."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    retrieved: PartialDate | None = None
    language: str = "en"
    notes: str | None = None


@dataclass(frozen=True)
class Source:
    """One article file from ``sources/``: its id, metadata and markdown body."""

    id: str
    path: Path
    meta: SourceMeta
    body: str
    body_first_line: int
    """Line number (1-based) in the file of the body's first line."""


@dataclass(frozen=True)
class Block:
    """One line of an article body, classified.

    ``kind`` is ``"text"`` (article prose), ``"heading"`` (a sub-heading of the
    article) or ``"furniture"`` (page furniture scraped along with the text;
    ``reason`` says which rule found it).
    """

    kind: str
    text: str
    line: int
    reason: str = ""
    opinion: bool = False
    """True for text under a heading such as "Commentary" or "Opinion"."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of article text, with the anchor that links to it."""

    source_id: str
    anchor: str
    text: str
    block: int
    """Index of the block (line) the sentence belongs to."""
    start: int
    """Offset of the sentence in its block's text."""
    opinion: bool = False

    def __hash__(self) -> int:
        # Source and anchor identify a sentence; hashing every field costs more on each lookup.
        return hash((self.source_id, self.anchor))


@dataclass(frozen=True)
class Document:
    """A source after cleaning: classified blocks and anchored sentences."""

    source: Source
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]

    def sentences_of(self, block: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == block]

    @property
    def opening_words(self) -> str:
        """The first words of the article text, for sources without a title."""
        for s in self.sentences:
            words = s.text.split()
            return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return ""


@dataclass(frozen=True)
class TopicSection:
    """A sub-heading of a topic page and the rule that fills it."""

    heading: str
    match: tuple[tuple[str, ...], ...]
    """Groups of terms: a sentence belongs here when every group has a hit."""
    exclude: tuple[str, ...] = ()
    """Terms that keep a sentence out of this section."""


@dataclass(frozen=True)
class Topic:
    """A topic page, defined by a hand-written file in ``docs/topics/``."""

    slug: str
    title: str
    src_uri: str
    """Path of the page inside ``docs/``, such as ``topics/treaty.md``."""
    sections: tuple[TopicSection, ...]
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    description: str = ""
    order: int = 0


@dataclass(frozen=True)
class Statement:
    """A claim chosen to appear on a page, shown through one of its sentences.

    ``sentence`` is the member that best matched the page's rule: its words are
    the statement. ``claim`` holds every sentence of every source reporting the
    same thing (``sentence`` among them).
    """

    sentence: Sentence
    score: int
    claim: Claim | None = None

    @property
    def members(self) -> tuple[Sentence, ...]:
        """The statement's sentence first, then the other reports of the claim."""
        if self.claim is None:
            return (self.sentence,)
        return (self.sentence, *(m for m in self.claim.members if m != self.sentence))


@dataclass
class TopicEvidence:
    """The statements chosen for one topic, grouped by section."""

    topic: Topic
    sections: list[tuple[TopicSection, list[Statement]]] = field(default_factory=list)

    @property
    def statements(self) -> list[Statement]:
        return [st for _, sts in self.sections for st in sts]
