"""The word lists and limits of quotation finding: titles, role nouns, organisation words, …."""

from __future__ import annotations

import tomllib
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "quote_words.toml"


def _load_words(path: Path) -> dict[str, frozenset[str]]:
    """Each table of ``path`` as a set of words (see the file's header)."""
    with path.open("rb") as handle:
        return {name: frozenset(table["words"].split()) for name, table in tomllib.load(handle).items()}


_WORDS = _load_words(WORDS_FILE)

TITLES = _WORDS["titles"]
ROLE_NOUNS = TITLES | _WORDS["role_nouns"]
HONORIFICS = _WORDS["honorifics"]
PLURAL_PEOPLE = _WORDS["plural_people"]
_BODY_WORDS = _WORDS["body_words"]
CORPORATE = _WORDS["corporate"]
GENERIC_ORG = _WORDS["generic_org"]
BODY_HEADS = _BODY_WORDS | CORPORATE | GENERIC_ORG
ROLE_OR_BODY = ROLE_NOUNS | BODY_HEADS
PLACES = _WORDS["places"]
DOC_NOUNS = _WORDS["doc_nouns"]
NOT_SPEAKERS = _WORDS["not_speakers"]
QUANTIFIERS = _WORDS["quantifiers"]
PRONOUN_KIND: dict[str, str | None] = {"he": "person", "she": "person", "it": "body", "they": None}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
DETERMINERS = _WORDS["determiners"]
CONNECTORS = _WORDS["connectors"]
PREPOSITIONS = _WORDS["prepositions"]
STOP_LOWER = _WORDS["stop_lower"]
STOP_CAPS = _WORDS["stop_caps"]
TAIL_WORDS = _WORDS["tail_words"]
WEEKDAYS = _WORDS["weekdays"]
ABBREVIATIONS = _WORDS["abbreviations"]
NAME_LINE = "name line of a pull quote"
WINDOW_BLOCKS = 4
"""How many blocks back a pronoun or "the statement" may look for its speaker."""
WINDOW_CHARS = 250
"""How far from the verb a subject may start or end."""
