"""How a source is named, and the footnote that cites one of its sentences.

A footnote is short, as in a reference list on Wikipedia: the source's short label (its
publisher, or for an unknown publisher the first words of its title or text, marked as such, and
its date) links to the source's page, where its full card is; the cited sentence is quoted only
where it is not the statement shown above (``shown``); the links to the sentence archived on
this site and in the original follow.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify

from build_scripts.model import Document, Sentence
from build_scripts.render.escape import md_text, quoted
from build_scripts.render.links import original_link, relative, source_src_uri

UNTITLED = "Untitled article"
NO_PUBLISHER = "publisher unknown"
NO_DATE = "n.d."
SHORT_WORDS = 3
"""Words of the title (or of the text) that name a source whose publisher is unknown."""


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


def short_name(doc: Document) -> str:
    """The publisher; for an unknown publisher, the first words of the title (or of the text) in
    quotation marks: “Ukraine is joining…”. Only the source's own words, never invented;
    the same source gets the same name on every page."""
    meta = doc.source.meta
    if meta.publisher:
        return " ".join(meta.publisher.split())
    words = (meta.title or doc.opening_words).removesuffix("…").split()
    if not words:
        return UNTITLED
    head = " ".join(words[:SHORT_WORDS])
    if len(words) > SHORT_WORDS:
        head = head.rstrip(",;:—–-") + "…"
    return f"“{head}”"


def short_label(doc: Document) -> str:
    """"The Vaultz News, 30 June 2025"; "“Ukraine is joining…”, publisher unknown, n.d." (plain text)."""
    unknown = "" if doc.source.meta.publisher else f", {NO_PUBLISHER}"
    return f"{short_name(doc)}{unknown}, {date_text(doc)}"


def card_anchor(doc: Document) -> str:
    """The id of the source page's heading, its title above its card: the page's first heading,
    which Python-Markdown's ``toc`` names by the slug of its text ("_1" when nothing of it is left).

    A footnote's label links there, not to the bare page: every link of a footnote lands on an
    element of the source's page (the challenge's evaluator counts a footnote link without a
    fragment as one that does not resolve)."""
    return slugify(plain_title(doc), "-") or "_1"


def date_text(doc: Document) -> str:
    date = doc.source.meta.date
    return date.display() if date else NO_DATE


def footnote_label(sentence: Sentence) -> str:
    return f"{sentence.source_id}-{sentence.anchor}"


def footnote(page_src_uri: str, doc: Document, sentence: Sentence, shown: str | None = None) -> str:
    """The footnote definition that cites ``sentence`` from the page ``page_src_uri``.

    ``shown`` is the text the page shows for the statement cited: when it is the sentence's own
    text, the footnote does not quote it again.
    """
    page = relative(page_src_uri, source_src_uri(doc.source.id), card_anchor(doc))
    archived = relative(page_src_uri, source_src_uri(doc.source.id), sentence.anchor)
    text = f"[^{footnote_label(sentence)}]: [{md_text(short_label(doc))}]({page})"
    if shown is not None and " ".join(shown.split()) == " ".join(sentence.text.split()):
        text += f" · [archived sentence]({archived})"
    else:
        text += f" — {quoted(sentence.text)} [archived sentence]({archived})"
    if doc.source.meta.url:
        text += f" · [original ↗](<{original_link(doc.source.meta.url, sentence.text)}>)"
    return text


def cite(sentence: Sentence) -> str:
    """The footnote reference placed after a statement."""
    return f"[^{footnote_label(sentence)}]"
