"""How a source is named, and the footnote that cites one of its sentences."""

from __future__ import annotations

from build_scripts.model import Document, Sentence
from build_scripts.render.escape import md_text
from build_scripts.render.links import original_link, relative, source_src_uri

UNTITLED = "Untitled article"
NO_PUBLISHER = "publisher unknown"
NO_DATE = "n.d."


def plain_title(doc: Document) -> str:
    """The title, or "Untitled article" with the opening words, marked as such."""
    if doc.source.meta.title:
        return doc.source.meta.title
    opening = doc.opening_words
    return f"{UNTITLED} (opening words: “{opening}”)" if opening else UNTITLED


def publisher_name(doc: Document) -> str:
    """The publisher, or what identifies an article whose publisher is unknown."""
    if doc.source.meta.publisher:
        return doc.source.meta.publisher
    if doc.source.meta.title:
        return f"“{doc.source.meta.title}” ({NO_PUBLISHER})"
    words = doc.opening_words.split()
    opening = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    return f"an untitled article, {NO_PUBLISHER} (“{opening}”)"


def date_text(doc: Document) -> str:
    date = doc.source.meta.date
    return date.display() if date else NO_DATE


def source_name_md(doc: Document) -> str:
    """Author, “Title”, *Publisher*, date — unknown parts said to be unknown."""
    meta = doc.source.meta
    parts = []
    if meta.author:
        parts.append(md_text(meta.author))
    parts.append(f"“{md_text(meta.title)}”" if meta.title else md_text(plain_title(doc)))
    parts.append(f"*{md_text(meta.publisher)}*" if meta.publisher else NO_PUBLISHER)
    parts.append(date_text(doc))
    return ", ".join(parts)


def footnote_label(sentence: Sentence) -> str:
    return f"{sentence.source_id}-{sentence.anchor}"


def footnote(page_src_uri: str, doc: Document, sentence: Sentence) -> str:
    """The footnote definition that cites ``sentence`` from the page ``page_src_uri``."""
    archived = relative(page_src_uri, source_src_uri(doc.source.id), sentence.anchor)
    text = (
        f"[^{footnote_label(sentence)}]: {source_name_md(doc)} — “{md_text(sentence.text)}” "
        f"[archived sentence]({archived})"
    )
    if doc.source.meta.url:
        text += f" · [original ↗](<{original_link(doc.source.meta.url, sentence.text)}>)"
    return text


def cite(sentence: Sentence) -> str:
    """The footnote reference placed after a statement."""
    return f"[^{footnote_label(sentence)}]"
