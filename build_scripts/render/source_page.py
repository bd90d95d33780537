"""The page of one source: metadata card, anchored article text, folded furniture."""

from __future__ import annotations

from build_scripts.model import Document
from build_scripts.render.citation import NO_PUBLISHER, date_text, plain_title
from build_scripts.render.escape import html_text, md_text
from build_scripts.render.page_head import page_head
from build_scripts.render.links import safe_url

UNKNOWN = "unknown"


def _card(doc: Document, cited_on: list[tuple[str, str, int]]) -> list[str]:
    meta = doc.source.meta
    rows = [
        ("Title", md_text(meta.title) if meta.title else f"{UNKNOWN} (no title recorded)"),
        ("Author", md_text(meta.author) if meta.author else UNKNOWN),
        ("Publisher", md_text(meta.publisher) if meta.publisher else NO_PUBLISHER),
        ("Date", date_text(doc)),
        ("Original", f"[{md_text(meta.url)}](<{safe_url(meta.url)}>)" if meta.url else "no address recorded"),
        ("Retrieved", meta.retrieved.display() if meta.retrieved else UNKNOWN),
        ("Language", md_text(meta.language)),
        ("Source file", f"`sources/{doc.source.path.name}`"),
    ]
    if meta.notes:
        rows.append(("Notes", md_text(meta.notes)))
    if cited_on:
        links = ", ".join(f"[{md_text(title)}]({link}) ({n})" for title, link, n in cited_on)
        rows.append(("Cited on", links))
    else:
        rows.append(("Cited on", "no topic page yet"))
    return ["| About this source | Details |", "|---|---|", *(f"| **{k}** | {v} |" for k, v in rows)]


def _article_html(doc: Document) -> list[str]:
    lang = html_text(doc.source.meta.language)
    out: list[str] = []
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            out += [f'<h3 class="article-heading" lang="{lang}">{html_text(block.text)}</h3>', ""]
        elif block.kind == "text":
            spans, cursor = [], 0
            for s in doc.sentences_of(index):
                spans.append(html_text(block.text[cursor:s.start]))
                spans.append(f'<span class="sentence" id="{s.anchor}">{html_text(s.text)}</span>')
                cursor = s.start + len(s.text)
            spans.append(html_text(block.text[cursor:]))
            css = "article-text opinion" if block.opinion else "article-text"
            out += [f'<p class="{css}" lang="{lang}">{"".join(spans)}</p>', ""]
    return out


def _furniture(doc: Document) -> list[str]:
    lines = [b for b in doc.blocks if b.kind == "furniture"]
    if not lines:
        return []
    noun = "line" if len(lines) == 1 else "lines"
    out = [f'??? furniture "Not part of the article: {len(lines)} {noun} of page furniture"', ""]
    out.append("    These lines came with the scraped page. They are never cited.")
    out.append("")
    for b in lines:
        out.append(f"    - *{b.reason}* (line {b.line}): {md_text(b.text)}")
    return [*out, ""]


def render_source_page(doc: Document, cited_on: list[tuple[str, str, int]]) -> str:
    """Markdown of ``sources/<id>.md``; ``cited_on`` lists (topic title, link, count)."""
    title = plain_title(doc)
    out = page_head(title)
    out += _card(doc, cited_on) + [""]
    if doc.source.meta.url:
        out += [f"[Read the original ↗](<{safe_url(doc.source.meta.url)}>){{ .md-button }}", ""]
    out += ["## Article text", ""]
    if any(b.opinion for b in doc.blocks):
        out += ["*Paragraphs under a commentary or opinion heading are marked as opinion and not cited.*", ""]
    out += _article_html(doc)
    out += _furniture(doc)
    return "\n".join(out)
