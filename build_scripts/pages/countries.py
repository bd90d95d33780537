"""Country pages (``countries/<code>/``) and the overview with its map (``countries/``)."""

from __future__ import annotations

from functools import partial
from typing import Any

from markupsafe import Markup

from build_scripts.analyse.places import is_country_name
from build_scripts.model import (
    CountryProfile,
    Document,
    GeneratedPage,
    Sentence,
    Stance,
    StanceRule,
    Statement,
)
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import footnote
from build_scripts.render.data_files import countries_json
from build_scripts.render.links import relative
from build_scripts.render.map_svg import drawn_codes, render_map
from build_scripts.render.page_head import page_head
from build_scripts.render.statement import render_statement
from build_scripts.render.templates import render

INDEX_URI = "countries/index.md"
MAX_STATEMENTS = 25
MAX_EVIDENCE = 8
EXCERPT = 160
"""Characters, at most, of a clause quoted in a country's summary."""
NO_STANCE = "no stance found in the sources"
NAMED_CLASS = "named"
"""The map's class for a country named, when no stance rules are set."""


def page_uri(code: str) -> str:
    return f"countries/{code}.md"


def page_url(code: str) -> str:
    """The address of a country's page from the overview's (``countries/`` to ``countries/<code>/``): the
    map is raw HTML, whose links MkDocs does not rewrite, so they are written as built (directory URLs)."""
    return f"{code}/"


def _excerpt(sentence: Sentence, span: tuple[int, int] | None) -> str:
    """The clause of ``sentence`` that says the stance (the whole sentence when it is the clause),
    with "…" where words are left out, at most ``EXCERPT`` characters cut at a word."""
    text = sentence.text
    start, end = span if span is not None else (0, len(text))
    clause = text[start:end].strip(" ,;:–—-")
    head = "…" if text[:start].strip(" \"“‘'(") else ""
    if len(clause) > EXCERPT:
        clause = clause[:EXCERPT].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    tail = "…" if clause and not text.rstrip().endswith(clause.rstrip()) else ""
    return f"{head}{clause}{tail}"


_QUOTE_MARKS = "\"“‘'«„"


def _directness(clause_of: dict[Sentence, tuple[int, int]], sentence: Sentence) -> tuple[bool, int]:
    """Sort key of the sentences that say a stance, the most direct first: not a quotation, then the shortest clause."""
    start, end = clause_of.get(sentence, (0, len(sentence.text)))
    return sentence.text.lstrip()[:1] in _QUOTE_MARKS, end - start


def _summary(p: CountryProfile, src: str, docs: dict[str, Document], notes: list[str]) -> list[dict[str, Any]]:
    """The country's position in brief: for each stance, each date its evidence gives with the clause
    that gives it, in date order; a stance with no date once, after them, from the sentence that says
    it most directly (not a quotation, then the shortest clause).

    Only what the stance rules found is listed (no step the sources do not state); the footnotes it
    needs are added to ``notes``, in the order of the items.
    """
    dated: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
    undated: list[dict[str, Any]] = []
    for stance in p.stances:
        clause_of: dict[Sentence, tuple[int, int]] = {}
        for sentence, span in zip(stance.sentences, stance.clauses, strict=False):
            clause_of.setdefault(sentence, span)
        if stance.dates:
            for date, sentence in stance.dates:
                dated.append((date.sort_key(), {"date": date.display(), "label": stance.rule.label,
                                                "excerpt": _excerpt(sentence, clause_of.get(sentence)),
                                                "sentence": sentence}))
        else:
            sentence = min(stance.sentences, key=partial(_directness, clause_of))
            undated.append({"date": "", "label": stance.rule.label,
                            "excerpt": _excerpt(sentence, clause_of.get(sentence)), "sentence": sentence})
    items = [item for _, item in sorted(dated, key=lambda pair: pair[0])] + undated
    notes += [footnote(src, docs[item["sentence"].source_id], item["sentence"]) for item in items]
    return items


def source_count(p: CountryProfile) -> int:
    """``len(p.sources)``, without putting the sources in order: a country is named in thousands of sentences."""
    return len({s.source_id for s in p.sentences})


def _stance(stance: Stance, src: str, docs: dict[str, Document], notes: list[str]) -> dict[str, Any]:
    """What the template shows of a stance: each evidence sentence with the dates read in it, cited
    (one line for the same words in several sources, with a footnote for each).

    The footnotes it needs are added to ``notes``.
    """
    dates_of: dict[Sentence, list[str]] = {}
    for date, sentence in stance.dates:
        dates_of.setdefault(sentence, []).append(date.display())
    by_text: dict[str, list[Sentence]] = {}
    for sentence in dict.fromkeys(stance.sentences):
        by_text.setdefault(sentence.text, []).append(sentence)
    lines = sorted(by_text.values(), key=lambda group: not any(s in dates_of for s in group))
    shown = lines[:MAX_EVIDENCE]
    evidence = []
    for group in shown:
        notes += [footnote(src, docs[sentence.source_id], sentence) for sentence in group]
        dates = dict.fromkeys(d for sentence in group for d in dates_of.get(sentence, []))
        evidence.append({"dates": ", ".join(dates), "sentence": group[0], "sentences": group})
    return {"rule": stance.rule, "evidence": evidence, "sources": len({s.source_id for s in stance.sentences}),
            "unlisted": len(lines) - len(shown)}


def _one_per_label(notes: list[str]) -> list[str]:
    """The footnote definitions, one per label (``[^label]:``), the first kept: the summary, the
    stances and the statements may cite one sentence in different words, and a label defined twice
    would show one definition and leave the other as text."""
    kept: dict[str, str] = {}
    for note in notes:
        kept.setdefault(note.split("]:", 1)[0], note)
    return list(kept.values())


def render_country_page(p: CountryProfile, docs: dict[str, Document], has_rules: bool = True) -> str:
    """A country's page; without stance rules (``has_rules`` false) it says nothing of stances."""
    src = page_uri(p.code)
    notes: list[str] = []
    summary = _summary(p, src, docs, notes) if has_rules else []
    stances = [_stance(s, src, docs, notes) for s in p.stances]
    naming = set(p.sentences)
    blocks = []
    for claim in p.claims[:MAX_STATEMENTS]:
        shown = next((m for m in claim.members if m in naming), claim.members[0])
        lines, st_notes = render_statement(Statement(shown, 0, claim), src, docs, len(docs))
        blocks.append(Markup("\n".join(lines)))
        notes += st_notes
    return render("country.md.j2", head=Markup("\n".join(page_head(p.name)[:-1])), name=p.name,
                  stance=(p.primary.rule.label if p.primary else NO_STANCE) if has_rules else None,
                  summary=summary,
                  names=[n for n in p.names_seen if n != p.name and is_country_name(n)],
                  sentences=len(p.sentences), sources=source_count(p), all_countries=relative(src, INDEX_URI),
                  stances=stances, statements=blocks, unlisted=max(0, len(p.claims) - MAX_STATEMENTS),
                  notes=[Markup(n) for n in _one_per_label(notes)])


def render_countries_overview(profiles: list[CountryProfile], rules: list[StanceRule], intro: bool = False) -> str:
    """The map and the table, appended to ``countries/index.md`` (or making it, with ``intro``).

    No table when the sources name no country; no map when none of the countries they name
    is drawn (the smallest states are not). The map is fitted to the countries named, each
    a link to its page; the table says the same in text. Without stance rules the map marks
    the countries named and the table has no stance column.
    """
    plain = None
    categories: dict[str, str | None]
    if rules:
        categories = {p.code: p.primary.rule.css if p.primary else None for p in profiles}
        labels = {p.code: f"{p.name}: {p.primary.rule.label if p.primary else NO_STANCE}" for p in profiles}
        used = set(categories.values())
        legend = {r.css: r.label for r in rules if r.css in used}
        if None in used:
            plain = NO_STANCE[:1].upper() + NO_STANCE[1:]
        title = "Map of the countries the sources name, coloured by the stance they report; each links to its page"
    else:
        categories = {p.code: NAMED_CLASS for p in profiles}
        labels = {p.code: p.name for p in profiles}
        legend = {NAMED_CLASS: "Named in the sources"} if profiles else {}
        title = "Map of the countries the sources name; each links to its page"
    svg = render_map(categories, labels, legend, title, {p.code: page_url(p.code) for p in profiles}, plain)
    counts = {p.code: source_count(p) for p in profiles}
    rows = [{"name": p.name, "stance": p.primary.rule.label if p.primary else NO_STANCE,
             "dates": ", ".join(d.display() for d, _ in p.primary.dates) if p.primary else "",
             "link": relative(INDEX_URI, page_uri(p.code)), "sentences": len(p.sentences), "sources": counts[p.code]}
            for p in sorted(profiles, key=lambda p: (-counts[p.code], p.name))]
    drawn = drawn_codes()
    missing = [p.name for p in sorted(profiles, key=lambda p: p.name) if p.code not in drawn]
    return render("countries-overview.md.j2", svg=Markup(svg), rows=rows, stances=bool(rules), intro=intro,
                  missing=missing)


def _render(view: SiteView) -> Rendered:
    countries = view.analysis.countries
    rules = view.analysis.stance_rules
    pages = [GeneratedPage(page_uri(p.code), render_country_page(p, view.docs, bool(rules)), False)
             for p in countries]
    if (view.docs_dir / INDEX_URI).exists():
        return Rendered(pages, {INDEX_URI: render_countries_overview(countries, rules)})
    overview = render_countries_overview(countries, rules, intro=True)
    return Rendered([*pages, GeneratedPage(INDEX_URI, "\n".join(page_head("Countries")) + overview, True)])


KIND = PageKind("countries", 30, nav_entry("Countries", INDEX_URI), _render, (
    DataFile("countries.json", lambda view: countries_json(view.analysis.countries),
             "data/schemas/countries.schema.json"),
))
