"""Country pages (``countries/<code>/``) and the overview with its map (``countries/``)."""

from __future__ import annotations

from functools import partial
from itertools import groupby
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
from build_scripts.pages.continued import paged, pages_line
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import cite, footnote
from build_scripts.render.data_files import countries_json
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative
from build_scripts.render.map_svg import drawn_codes, render_map
from build_scripts.render.page_head import page_head
from build_scripts.render.statement import render_statement
from build_scripts.render.templates import render

INDEX_URI = "countries/index.md"
MAX_STATEMENTS = 25
MAX_EVIDENCE = 8
"""Evidence lines (wordings) of a stance listed on a country's first page; the rest continue."""
MAX_CITED = 8
"""Sources cited under one evidence line on a country's first page (as under a statement,
``statement.MAX_FOOTNOTES``); the rest continue on the country's continuation pages."""
CITED_PER_PART = 100
"""Sources cited under one line of a continuation page; a wording printed by more continues on
further lines (a page holds whole lines)."""
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


Lines = list[list[Sentence]]
"""A stance's evidence lines: the sentences of each wording (the same words in several sources),
those with dates first."""


def _lines(stance: Stance) -> tuple[Lines, dict[Sentence, list[str]]]:
    """The stance's evidence lines, and the dates read in each sentence."""
    dates_of: dict[Sentence, list[str]] = {}
    for date, sentence in stance.dates:
        dates_of.setdefault(sentence, []).append(date.display())
    by_text: dict[str, list[Sentence]] = {}
    for sentence in dict.fromkeys(stance.sentences):
        by_text.setdefault(sentence.text, []).append(sentence)
    lines = sorted(by_text.values(), key=lambda group: not any(s in dates_of for s in group))
    return lines, dates_of


def _line_dates(group: list[Sentence], dates_of: dict[Sentence, list[str]]) -> str:
    return ", ".join(dict.fromkeys(d for sentence in group for d in dates_of.get(sentence, [])))


Rest = tuple[int, int, list[Sentence], str]
"""Evidence that continues past a country's first page: the stance's index, the line's index, the
sentences (sources) of that line not cited on the first page (up to ``CITED_PER_PART``), its dates."""


def _rest(lines_of: list[tuple[Lines, dict[Sentence, list[str]]]]) -> list[Rest]:
    """What the first page leaves out, in its order: for each stance, the further sources of each
    line it shows, then the lines it does not list, each in parts of ``CITED_PER_PART`` sources."""
    rest: list[Rest] = []
    for i, (lines, dates_of) in enumerate(lines_of):
        for j, group in enumerate(lines):
            left = group[MAX_CITED:] if j < MAX_EVIDENCE else group
            dates = _line_dates(group, dates_of)
            rest += [(i, j, left[at:at + CITED_PER_PART], dates) for at in range(0, len(left), CITED_PER_PART)]
    return rest


def _rest_line(item: Rest, uri: str, docs: dict[str, Document]) -> tuple[str, list[str]]:
    """A line of a continuation page: the words, and a footnote for each source (the line shows
    the words, so the footnotes do not quote them again)."""
    _, _, sentences, dates = item
    text = sentences[0].text
    md = "- " + (f"**{md_text(dates)}**: " if dates else "") + md_text(text) + "".join(cite(s) for s in sentences)
    return md, [footnote(uri, docs[s.source_id], s, text) for s in sentences]


def _stance(stance: Stance, lines: Lines, dates_of: dict[Sentence, list[str]], src: str,
            docs: dict[str, Document], notes: list[str], more: dict[int, list[str]]) -> dict[str, Any]:
    """What the template shows of a stance: each evidence sentence with the dates read in it, cited
    (one line for the same words in several sources, with a footnote for each of the first
    ``MAX_CITED``). ``more``: the pages where each line's further sources continue, by the line's
    index (the index ``MAX_EVIDENCE``: where the lines not listed here are).

    The footnotes it needs are added to ``notes``.
    """
    evidence = []
    for j, group in enumerate(lines[:MAX_EVIDENCE]):
        cited = group[:MAX_CITED]
        notes += [footnote(src, docs[sentence.source_id], sentence) for sentence in cited]
        evidence.append({"dates": _line_dates(group, dates_of), "sentence": group[0], "sentences": cited,
                         "more": len(group) - len(cited), **_link(src, more.get(j))})
    return {"rule": stance.rule, "evidence": evidence, "sources": len({s.source_id for s in stance.sentences}),
            "unlisted": len(lines) - len(evidence), **_link(src, more.get(MAX_EVIDENCE))}


def _link(src: str, uris: list[str] | None) -> dict[str, Any]:
    """The pages ``uris`` as the template names them ("page 2", "pages 2 to 4") and a link from
    ``src`` to the first."""
    if not uris:
        return {"page": None, "link": None}
    first, last = (uri.rsplit("-", 1)[1].removesuffix(".md") for uri in (uris[0], uris[-1]))
    return {"page": f"page {first}" if first == last else f"pages {first} to {last}", "link": relative(src, uris[0])}


def _one_per_label(notes: list[str]) -> list[str]:
    """The footnote definitions, one per label (``[^label]:``), the first kept: the summary, the
    stances and the statements may cite one sentence in different words, and a label defined twice
    would show one definition and leave the other as text."""
    kept: dict[str, str] = {}
    for note in notes:
        kept.setdefault(note.split("]:", 1)[0], note)
    return list(kept.values())


def render_country_pages(p: CountryProfile, docs: dict[str, Document],
                         has_rules: bool = True) -> list[tuple[str, str]]:
    """(src_uri, markdown) of a country's page and of its continuation pages (``continued``): the
    first page cites up to ``MAX_CITED`` sources of each evidence line and lists up to
    ``MAX_EVIDENCE`` lines of a stance; the further sources and lines continue on pages of their
    own (``countries/<code>/page-2.md`` …), linked from the line they continue and from each other.
    Without stance rules (``has_rules`` false) the page says nothing of stances."""
    src = page_uri(p.code)
    lines_of = [_lines(s) for s in p.stances]
    rest = _rest(lines_of)
    continued = paged(rest, src, lambda item, uri: _rest_line(item, uri, docs), start=2) if rest else []
    uris = [src, *(uri for uri, _ in continued)]
    more: dict[int, dict[int, list[str]]] = {}
    for uri, items in continued:
        for (i, j, _, _), _, _ in items:
            spans = more.setdefault(i, {}).setdefault(min(j, MAX_EVIDENCE), [])
            if uri not in spans:
                spans.append(uri)
    pages_md = [_first_page(p, docs, has_rules, lines_of, more, uris)]
    for number, (uri, items) in enumerate(continued, start=2):
        sections = [(p.stances[i].rule.label, [Markup(md) for _, md, _ in group])
                    for i, group in ((i, list(g)) for i, g in groupby(items, key=lambda item: item[0][0]))]
        notes = [Markup(n) for n in dict.fromkeys(n for _, _, ns in items for n in ns)]
        pages_md.append(render("country-continued.md.j2", title=f"{p.name}: stance evidence ({number})", intro=[],
                               name=p.name, first=relative(uri, src), max_cited=MAX_CITED, max_lines=MAX_EVIDENCE,
                               pages_line=Markup(pages_line(number, uris)), sections=sections, notes=notes))
    return list(zip(uris, pages_md, strict=True))


def render_country_page(p: CountryProfile, docs: dict[str, Document], has_rules: bool = True) -> str:
    """A country's first page (``render_country_pages``)."""
    return render_country_pages(p, docs, has_rules)[0][1]


def _first_page(p: CountryProfile, docs: dict[str, Document], has_rules: bool,
                lines_of: list[tuple[Lines, dict[Sentence, list[str]]]], more: dict[int, dict[int, list[str]]],
                uris: list[str]) -> str:
    src = uris[0]
    notes: list[str] = []
    summary = _summary(p, src, docs, notes) if has_rules else []
    stances = [_stance(s, lines, dates_of, src, docs, notes, more.get(i, {}))
               for i, (s, (lines, dates_of)) in enumerate(zip(p.stances, lines_of, strict=True))]
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
                  pages_line=Markup(pages_line(1, uris)) if len(uris) > 1 else "",
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
    pages = [GeneratedPage(uri, markdown, False) for p in countries
             for uri, markdown in view.kept(f"country {p.code}", (p, bool(rules)),
                                            partial(render_country_pages, p, view.docs, bool(rules)))]
    intro = not (view.docs_dir / INDEX_URI).exists()
    overview = view.kept("countries overview", (tuple(countries), tuple(rules), intro),
                         lambda: render_countries_overview(countries, rules, intro=intro))
    if not intro:
        return Rendered(pages, {INDEX_URI: overview})
    return Rendered([*pages, GeneratedPage(INDEX_URI, "\n".join(page_head("Countries")) + overview, True)])


KIND = PageKind("countries", 30, nav_entry("Countries", INDEX_URI), _render, (
    DataFile("countries.json", lambda view: view.kept("countries.json", view.analysis.countries,
                                                      partial(countries_json, view.analysis.countries)),
             "data/schemas/countries.schema.json"),
))
