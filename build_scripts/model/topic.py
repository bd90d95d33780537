"""What the researcher configures: topics, their sections, stance rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StanceRule:
    """A stance a country can take (``docs/countries/index.md``): its label, map colour and terms."""

    label: str
    css: str
    match: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...] = ()


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
