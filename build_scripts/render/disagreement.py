"""A disagreement between sources as an admonition: each side, who said it and when.

Three cases are told apart and shown differently:

- a **conflict**, values that cannot all be true (figures reported on the same day, titles
  of one rank above the other, two dates for one event): a warning box, "Sources differ: …";
- a **change over time**, figures that differ between reports of two dates or more: a dated
  series in date order, an information box, not a warning (and a warning beside it for any
  day on which sources gave figures that cannot all be true); undated reports cannot be
  placed in time, so figures of one date and undated ones are a plain conflict;
- a **variant**, values that can all be true (a rounded figure and an exact one, two wordings
  of one post held by one person): a quiet note.
"""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.analyse.quantities import value_range
from build_scripts.model import Disagreement, Document, PartialDate, Side
from build_scripts.render.citation import footnote, publisher_name
from build_scripts.render.escape import md_text
from build_scripts.render.templates import render

MAX_CITED = 3
"""Reports cited for one value; a figure given by hundreds of sources shows how many more."""

_VERDICT = {
    ("number", True): "The figures differ but are consistent: one number fits them all.",
    ("number", False): "The figures cannot all be true.",
    ("date", False): "The dates cannot all be true.",
    ("title", False): "These titles cannot all be true at once: one is a different rank of the other.",
    ("title", True): "The sources describe this person differently; a person can hold several posts, "
                     "so the descriptions are compatible.",
    ("title", None): "The sources give this person different titles or roles.",
    ("wording", None): "The sources quote the same words differently, often as different translations.",
}
_SERIES = "The figure changed between reports; in date order:"


def reported(doc: Document) -> str:
    """"as reported on 30 June 2025 by *The Vaultz News*" (or "…, undated")."""
    who = md_text(publisher_name(doc))
    date = doc.source.meta.date
    return f"as reported on {date.display()} by {who}" if date else f"as reported by {who}, undated"


def _date(docs: dict[str, Document], side: Side) -> PartialDate | None:
    return docs[side.sentence.source_id].source.meta.date


def _side_order(docs: dict[str, Document], side: Side) -> tuple[object, ...]:
    date = _date(docs, side)
    return (date is None, date.sort_key() if date else (0, 0, 0), side.sentence.source_id,
            side.sentence.block, side.sentence.start)


def _box(d: Disagreement, sides: list[Side], page_src_uri: str, docs: dict[str, Document], *,
         kind: str, title: str, verdict: str | None) -> tuple[list[str], list[str]]:
    notes = []
    by_value: dict[str, list[Side]] = {}
    for side in sorted(sides, key=lambda s: _side_order(docs, s)):
        by_value.setdefault(side.value.casefold(), []).append(side)
    values = []
    for same in by_value.values():
        cited = same[:MAX_CITED]
        rest = len(same) - len(cited)
        values.append({"value": same[0].value, "cited": cited,
                       "reported": Markup(reported(docs[same[0].sentence.source_id])),
                       "rest": max(rest, 0)})
        notes += [footnote(page_src_uri, docs[s.sentence.source_id], s.sentence) for s in cited]
    text = render("disagreement.md.j2", d=d, kind=kind, title=title, verdict=verdict, values=values,
                  quoted=d.kind in ("wording", "title"))
    return [*text.removesuffix("\n").split("\n"), ""], notes


def _by_date(docs: dict[str, Document], sides: tuple[Side, ...]) -> dict[str | None, list[Side]]:
    """The sides by their source's date as precise as it is known ("2025-10-22", "2025-10");
    undated sources under ``None``."""
    days: dict[str | None, list[Side]] = {}
    for side in sides:
        date = _date(docs, side)
        days.setdefault(date.iso() if date else None, []).append(side)
    return days


def _cannot_all_be_true(sides: list[Side]) -> bool:
    ranges = [r for r in map(value_range, (s.value for s in sides)) if r is not None]
    if len({s.sentence.source_id for s in sides}) < 2 or len(ranges) < 2:
        return False
    return max(lo for lo, _ in ranges) > min(hi for _, hi in ranges)


def render_disagreement(d: Disagreement, page_src_uri: str, docs: dict[str, Document]) -> tuple[list[str], list[str]]:
    """The admonition's lines and the footnote definitions they need (a change over time with a
    same-day conflict gives two admonitions)."""
    subject = d.subject
    if d.kind == "number" and d.consistent is False:
        days = _by_date(docs, d.sides)
        dated = [day for day in days if day is not None]
        if len(dated) > 1:  # reports of two dates or more: a series, and any same-day conflict
            lines, notes = _box(d, list(d.sides), page_src_uri, docs, kind="info",
                                title=f"Sources differ over time: {subject}", verdict=_SERIES)
            for day in sorted(day for day in dated if len(day) == len("2025-01-01")):
                if _cannot_all_be_true(days[day]):
                    more, more_notes = _box(d, days[day], page_src_uri, docs, kind="warning",
                                            title=f"Sources differ: {subject}",
                                            verdict=_VERDICT["number", False] + " All were reported on the same day.")
                    lines += more
                    notes += more_notes
            return lines, notes
    quiet = d.consistent is True
    return _box(d, list(d.sides), page_src_uri, docs, kind="note" if quiet else "warning",
                title=f"{'Compatible accounts' if quiet else 'Sources differ'}: {subject}",
                verdict=_VERDICT.get((d.kind, d.consistent)))
