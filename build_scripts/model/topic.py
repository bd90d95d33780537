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
    """A topic page, defined by a hand-written file in ``docs/topics/``.

    ``slug`` is the file's name without ``.md``; terms (``require``, ``exclude``, ``boost``)
    are the researcher's explicit control, the words and ``examples`` say what the topic means.
    """

    slug: str
    title: str
    src_uri: str
    """Path of the page inside ``docs/``, such as ``topics/treaty.md``."""
    sections: tuple[TopicSection, ...]
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    description: str = ""
    order: int = 0
    boost: tuple[str, ...] = ()
    """Terms that raise a statement holding them within its section (they place nothing)."""
    examples: tuple[str, ...] = ()
    """Sentences, in the researcher's words, of what belongs on the page (matching by meaning)."""
    pins: tuple[TopicOverride, ...] = ()
    """Sentences placed in a named section whatever the rules say."""
    hides: tuple[TopicOverride, ...] = ()
    """Sentences never shown on this topic page."""
    notes: tuple[TopicOverride, ...] = ()
    """Short notes shown with a statement."""


@dataclass(frozen=True)
class TopicOverride:
    """A researcher's decision about one sentence on a topic page: pin, hide or note.

    ``value`` is the section heading of a pin, the text of a note, empty for a hide; ``line``
    is the line of the topic file that makes it (for ``check``).
    """

    source_id: str
    anchor: str
    value: str = ""
    line: int = 1
