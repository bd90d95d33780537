"""A source as read from ``sources/`` and as cleaned: metadata, lines, anchored sentences."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.model.dates import PartialDate


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
    extra: tuple[tuple[str, str], ...] = ()
    """Fields other tools write (``tags``, ``aliases`` …), kept as text and shown on the source's
    page; the generator reads nothing from them."""
    former_ids: tuple[str, ...] = ()
    """The ids the source had before it was renamed: its old addresses redirect to its page."""


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
    quoted: bool = False
    """Nothing but quoted words: every word is inside quotation marks (opened in it or before
    it), none outside says who speaks. As a statement it is shown after its speaker's name."""

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
