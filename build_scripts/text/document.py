"""Turn a loaded source into a Document: classified lines and anchored sentences."""

from __future__ import annotations

from dataclasses import replace

from build_scripts.analyse.standalone import quoted_sentences
from build_scripts.model import Document, Sentence, Source
from build_scripts.text.anchors import unique_anchors
from build_scripts.text.furniture import classify_lines
from build_scripts.text.lines import body_lines
from build_scripts.text.sentences import sentence_spans


def build_document(source: Source) -> Document:
    blocks = classify_lines(body_lines(source.body, source.body_first_line), source.meta)
    found: list[tuple[int, int, str, bool]] = []
    for index, block in enumerate(blocks):
        if block.kind != "text":
            continue
        for start, end in sentence_spans(block.text):
            found.append((index, start, block.text[start:end], block.opinion))
    anchors = unique_anchors([text for _, _, text, _ in found])
    sentences = tuple(
        Sentence(source.id, anchor, text, index, start, opinion)
        for (index, start, text, opinion), anchor in zip(found, anchors, strict=True)
    )
    document = Document(source=source, blocks=tuple(blocks), sentences=sentences)
    quoted = quoted_sentences(document)
    if not quoted:
        return document
    marked = tuple(replace(s, quoted=True) if i in quoted else s for i, s in enumerate(sentences))
    return Document(source=source, blocks=document.blocks, sentences=marked)
