"""The per-source stage: parse a source file, clean and split it, and find what each sentence
holds. It depends on nothing but the file, so it runs in worker processes and is cached."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.features import extract
from build_scripts.infra.stage import Stage, StageRefused
from build_scripts.load.sources import SourceProblem, parse_source
from build_scripts.model import Document, DocumentFeatures
from build_scripts.text.document import build_document

SourceFile = tuple[Path, bytes]
"""A file of ``sources/`` and its bytes."""


def analyse_file(file: SourceFile) -> tuple[Document, DocumentFeatures]:
    try:
        source = parse_source(*file)
    except SourceProblem as exc:
        raise StageRefused(str(exc), exc.line, exc.more) from None
    document = build_document(source)
    return document, extract(document)


def _valid(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Document)
            and isinstance(value[1], DocumentFeatures))


STAGE = Stage("source analysis", analyse_file, ("build_scripts.analyse.per_source",),
              ("analyse/data/*.json", "analyse/data/quote_words.toml", "text/data/*.toml"), valid=_valid)
