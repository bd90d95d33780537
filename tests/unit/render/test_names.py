"""Authors split into persons and names into family and given, for reference managers."""

from __future__ import annotations

import bibtexparser
import pytest

from build_scripts.render.names import Name, parse_name, split_authors


@pytest.mark.parametrize(("byline", "names"), [
    ("Kyle Anzalone", [Name("Anzalone", "Kyle")]),
    ("Smith, John", [Name("Smith", "John")]),
    ("Jane Doe and John Roe", [Name("Doe", "Jane"), Name("Roe", "John")]),
    ("Anna Kay, Tom Berg and Li Wei", [Name("Kay", "Anna"), Name("Berg", "Tom"), Name("Wei", "Li")]),
    ("Ursula von der Leyen", [Name("von der Leyen", "Ursula")]),
    ("Reuters staff", [Name(literal="Reuters staff")]),
    ("Madonna", [Name(literal="Madonna")]),
])
def test_bylines(byline, names):
    assert [parse_name(a) for a in split_authors(byline)] == names


def test_a_list_of_authors_in_the_frontmatter_comes_back_as_that_list():
    from build_scripts.load.metadata import parse_metadata

    for names in (["Jane Doe", "John Roe"], ["Smith", "John Roe"], ["A B", "C D", "E F"]):
        author = parse_metadata({"author": names}).author
        assert author is not None and split_authors(author) == names


def test_bibtex_authors_read_back_as_persons(tmp_path):
    from build_scripts.load.sources import parse_source
    from build_scripts.render.bibliography import bibtex
    from build_scripts.text.document import build_document

    path = tmp_path / "a.md"
    raw = b"---\ntitle: T\nauthor: [Ursula von der Leyen, Reuters staff]\n---\nThe council met on Monday at noon.\n"
    library = bibtexparser.parse_string(bibtex([build_document(parse_source(path, raw))]))
    assert library.failed_blocks == []
    assert library.entries[0]["author"] == "{von der Leyen}, Ursula and {Reuters staff}"
