"""All sources as BibTeX and CSL-JSON, for reference managers. Unknown fields are left out."""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring
from typing import Any

from build_scripts.model import Document, PartialDate
from build_scripts.render.names import Name, parse_name, split_authors
from build_scripts.text.clean import strip_controls

# Braces become commands whose own braces balance: BibTeX counts every brace of a field, a
# backslash before one included, so a lone "\}" would close the field early.
_LATEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "&": r"\&",
          "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX))


def _tex(text: str) -> str:
    text = " ".join(strip_controls(text).split())
    return _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text)


def _key(source_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", source_id)


def _title(doc: Document) -> str:
    """The title, or a description of an untitled article in brackets, as catalogues write one."""
    if doc.source.meta.title:
        return doc.source.meta.title
    opening = doc.opening_words
    return f"[Untitled article, opening words: {opening}]" if opening else "[Untitled article]"


def _bib_name(name: Name) -> str:
    """BibTeX's "Family, Given"; a name kept whole goes in braces, so it is never split."""
    if name.literal is not None:
        return "{" + _tex(name.literal) + "}"
    family = _tex(name.family or "")
    family = "{" + family + "}" if " " in family else family  # "von der Leyen" is one family name
    return f"{family}, {_tex(name.given)}" if name.given else family


def _csl_name(name: Name) -> dict[str, str]:
    if name.literal is not None:
        return {"literal": name.literal}
    return {"family": name.family or "", **({"given": name.given} if name.given else {})}


def bibtex(documents: list[Document]) -> str:
    entries = []
    for d in documents:
        m = d.source.meta
        fields: list[tuple[str, str]] = []
        fields.append(("title", "{" + _tex(_title(d)) + "}"))
        if m.author:
            names = " and ".join(_bib_name(parse_name(a)) for a in split_authors(m.author))
            fields.append(("author", "{" + names + "}"))
        if m.publisher:
            fields += [("organization", "{" + _tex(m.publisher) + "}"), ("publisher", "{" + _tex(m.publisher) + "}")]
        if m.date:
            fields += [("date", "{" + m.date.iso() + "}"), ("year", str(m.date.year))]
            if m.date.month:
                fields.append(("month", str(m.date.month)))
        if m.url:
            fields.append(("url", "{" + m.url.replace("{", "%7B").replace("}", "%7D") + "}"))
        if m.retrieved:
            fields.append(("urldate", "{" + m.retrieved.iso() + "}"))
        fields.append(("langid", "{" + _tex(m.language) + "}"))
        if m.notes:
            fields.append(("note", "{" + _tex(m.notes) + "}"))
        body = ",\n".join(f"  {k} = {v}" for k, v in fields)
        entries.append(f"@online{{{_key(d.source.id)},\n{body}\n}}\n")
    return "\n".join(entries)


def _csl_date(date: PartialDate) -> dict[str, Any]:
    parts = [date.year] + ([date.month] if date.month else []) + ([date.day] if date.day else [])
    return {"date-parts": [parts]}


def csl_json(documents: list[Document]) -> str:
    items = []
    for d in documents:
        m = d.source.meta
        item: dict[str, Any] = {"id": d.source.id, "type": "article-newspaper"}
        item["title"] = _title(d)
        if m.author:
            item["author"] = [_csl_name(parse_name(a)) for a in split_authors(m.author)]
        if m.publisher:
            item["container-title"] = m.publisher
            item["publisher"] = m.publisher
        if m.date:
            item["issued"] = _csl_date(m.date)
        if m.retrieved:
            item["accessed"] = _csl_date(m.retrieved)
        if m.url:
            item["URL"] = m.url
        item["language"] = m.language
        if m.notes:
            item["note"] = m.notes
        items.append(item)
    return indented_json(items) + "\n"


def indented_json(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)`` for lists, tuples, dicts with string keys, and scalars.

    One join per list or dict: with an indent the standard encoder runs in Python, one
    generator step per token, and takes most of the time of writing a large bibliography.
    """
    if isinstance(value, str):
        return encode_basestring(value)
    if type(value) is int:  # not a bool
        return str(value)
    if isinstance(value, (list, tuple, dict)) and value:
        inner = "\n" + " " * (level + 1)
        if isinstance(value, dict):
            body = [f"{_key_json(k)}: {indented_json(v, level + 1)}" for k, v in value.items()]
        else:
            body = [indented_json(v, level + 1) for v in value]
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        return f"{opening}{inner}{(',' + inner).join(body)}\n{' ' * level}{closing}"
    return json.dumps(value, ensure_ascii=False)  # numbers, true, false, null, [] and {}


def _key_json(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"CSL-JSON keys are strings, not {key!r}")
    return encode_basestring(key)
