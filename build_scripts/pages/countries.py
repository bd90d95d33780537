"""Country pages (``countries/<code>/``) and the overview with its map (``countries/``)."""

from __future__ import annotations

from markupsafe import Markup

from build_scripts.model import (
    CountryProfile,
    Document,
    GeneratedPage,
    Stance,
    StanceRule,
    Statement,
)
from build_scripts.pages.kind import DataFile, PageKind, Rendered, SiteView, nav_entry
from build_scripts.render.citation import cite, footnote
from build_scripts.render.data_files import countries_json
from build_scripts.render.escape import md_text
from build_scripts.render.links import relative
from build_scripts.render.map_svg import render_map
from build_scripts.render.page_head import page_head
from build_scripts.render.statement import render_statement
from build_scripts.render.templates import render

INDEX_URI = "countries/index.md"
MAX_STATEMENTS = 25
MAX_EVIDENCE = 5
NO_STANCE = "no stance found in the sources"


def page_uri(code: str) -> str:
    return f"countries/{code}.md"


def source_count(p: CountryProfile) -> int:
    """``len(p.sources)``, without putting the sources in order: a country is named in thousands of sentences."""
    return len({s.source_id for s in p.sentences})


def _stance_block(stance: Stance, src: str, docs: dict[str, Document], notes: list[str]) -> list[str]:
    n = len(stance.sentences)
    out = [f"### {md_text(stance.rule.label)}", "",
           f"Evidence from {n} sentence{'s' if n != 1 else ''} (weight {stance.weight:g}).", ""]
    if stance.dates:
        out += ["Dates named in that evidence, each with its sentence:", ""]
        for date, sentence in stance.dates:
            out.append(f"- **{date.display()}**: {md_text(sentence.text)}{cite(sentence)}")
            notes.append(footnote(src, docs[sentence.source_id], sentence))
        out.append("")
    dated = {s for _, s in stance.dates}
    rest = [s for s in dict.fromkeys(stance.sentences) if s not in dated][:MAX_EVIDENCE]
    if rest:
        out += ["Other evidence:", ""]
        for sentence in rest:
            out.append(f"- {md_text(sentence.text)}{cite(sentence)}")
            notes.append(footnote(src, docs[sentence.source_id], sentence))
        out.append("")
    return out


def render_country_page(p: CountryProfile, docs: dict[str, Document]) -> str:
    src = page_uri(p.code)
    stance = p.primary.rule.label if p.primary else NO_STANCE
    out = [*page_head(p.name)[:-1],
           f"**Stance in the sources:** {md_text(stance)}  ",
           f"**Named as:** {', '.join(md_text(n) for n in p.names_seen)}  ",
           f"**Mentioned in** {len(p.sentences)} sentences of {source_count(p)} sources · "
           f"[all countries]({relative(src, INDEX_URI)})", ""]
    notes: list[str] = []
    if p.stances:
        out += ["## Stance in the sources", ""]
        for s in p.stances:
            out += _stance_block(s, src, docs, notes)
    out += ["## What the sources say", ""]
    naming = set(p.sentences)
    for claim in p.claims[:MAX_STATEMENTS]:
        shown = next((m for m in claim.members if m in naming), claim.members[0])
        lines, st_notes = render_statement(Statement(shown, 0, claim), src, docs, len(docs))
        out += lines
        notes += st_notes
    if len(p.claims) > MAX_STATEMENTS:
        out += [f"*{len(p.claims) - MAX_STATEMENTS} less corroborated statements about {md_text(p.name)} "
                "are not listed.*", ""]
    return "\n".join(out + list(dict.fromkeys(notes))) + "\n"


def render_countries_overview(profiles: list[CountryProfile], rules: list[StanceRule]) -> str:
    """The map and the table, appended to (or making) ``countries/index.md``."""
    categories = {p.code: p.primary.rule.css for p in profiles if p.primary}
    labels = {p.code: f"{p.name}: {p.primary.rule.label if p.primary else NO_STANCE}" for p in profiles}
    used = {p.primary.rule.css for p in profiles if p.primary}
    legend = {r.css: r.label for r in rules if r.css in used}
    svg = render_map(categories, labels, legend, "Map of Europe: stances the sources report for each country")
    counts = {p.code: source_count(p) for p in profiles}
    rows = [{"name": p.name, "stance": p.primary.rule.label if p.primary else NO_STANCE,
             "dates": ", ".join(d.display() for d, _ in p.primary.dates) if p.primary else "",
             "link": relative(INDEX_URI, page_uri(p.code)), "sentences": len(p.sentences), "sources": counts[p.code]}
            for p in sorted(profiles, key=lambda p: (-counts[p.code], p.name))]
    return render("countries-overview.md.j2", svg=Markup(svg), rows=rows)


def _render(view: SiteView) -> Rendered:
    countries = view.analysis.countries
    pages = [GeneratedPage(page_uri(p.code), render_country_page(p, view.docs), False) for p in countries]
    overview = render_countries_overview(countries, view.analysis.stance_rules)
    if (view.docs_dir / INDEX_URI).exists():
        return Rendered(pages, {INDEX_URI: overview})
    return Rendered([*pages, GeneratedPage(INDEX_URI, "\n".join(page_head("Countries")) + overview, True)])


KIND = PageKind("countries", 30, nav_entry("Countries", INDEX_URI), _render, (
    DataFile("countries.json", lambda view: countries_json(view.analysis.countries),
             "data/schemas/countries.schema.json"),
))
