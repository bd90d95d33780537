"""A source page written as HTML by ``direct_pages`` is what MkDocs' ``Page.render`` makes of its
markdown with Python-Markdown: the HTML, table of contents, title, anchors and links to anchors.
The seed site's pages are compared in tests/integration/test_source_markdown.py."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.publish import direct_pages

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Files]:
    """The project's Markdown settings, and a site of two source pages."""
    folder = tmp_path_factory.mktemp("direct")
    (folder / "docs" / "sources").mkdir(parents=True)
    markdown = [line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("markdown_extensions:")[1]
                .split("\n\n")[0].splitlines() if line.strip()]
    (folder / "mkdocs.yml").write_text("site_name: Test\nmarkdown_extensions:\n" + "\n".join(markdown) + "\n",
                                       encoding="utf-8")
    config = load_config(str(folder / "mkdocs.yml"))
    files = Files([File(f"sources/{name}.md", config.docs_dir, config.site_dir, config.use_directory_urls)
                   for name in ("a-1", "b_2")])
    return config, files


def _state(page: Page) -> tuple[Any, ...]:
    toc = [(a.title, a.id, a.level, [(c.title, c.id, c.level, c.children) for c in a.children]) for a in page.toc]
    links = None if page.links_to_anchors is None else {f.src_uri: a for f, a in page.links_to_anchors.items()}
    return page.content, toc, page._title_from_render, page.present_anchor_ids, links


def _both(markdown: str, site: tuple[Any, Files]) -> tuple[tuple[Any, ...] | None, tuple[Any, ...]]:
    config, files = site
    page = Page(None, files.get_file_from_path("sources/a-1.md"), config)
    page.markdown = markdown
    Page.render(page, config, files)
    converted = _state(page)
    written = direct_pages.write(markdown)
    if written is None:
        return None, converted
    page = Page(None, files.get_file_from_path("sources/a-1.md"), config)
    direct_pages.render(page, written, config, files)
    return _state(page), converted


def _page(title: str, url: str | None, label: str, rest: str, target: str = "a-1.md",
          furniture: tuple[str, ...] = ()) -> str:
    button = f"[Read the original ↗](<{url}>){{ .md-button }}\n\n" if url else ""
    listed = "".join(f"    - {line}\n" for line in furniture)
    block = (f'??? furniture "Not part of the article: {len(furniture)} lines of page furniture"\n\n'
             f"    These lines came with the scraped page. They are never cited.\n\n{listed}\n") if furniture else ""
    return (f"# {title}\n\n<!--card-->\n\n\n{button}## Article text\n\n<!--article-->\n\n{block}"
            "## Sources used on this page { data-search-exclude }\n\n"
            f"- [{label}]({target}){rest}\n\n\n<!--cite-this-page-->\n")


SEED_LIKE = _page("Report 4: factory and the treaty", "https://news4.example.org/story/4",
                  "Report 4: factory and the treaty", ", Northern Gazette, 5 May 2025")


def test_the_project_settings_are_the_ones_written_here(site):
    config, _ = site
    assert direct_pages.applies(config.markdown_extensions, config.mdx_configs)
    assert not direct_pages.applies([*config.markdown_extensions, "smarty"], config.mdx_configs)
    assert not direct_pages.applies([*config.markdown_extensions, "md_in_html"], config.mdx_configs)
    assert not direct_pages.applies(config.markdown_extensions, {"toc": {"permalink": "#"}})


@pytest.mark.parametrize("markdown", [
    SEED_LIKE,
    _page("Timeline \\(2\\) Russia's “war” – \\#1 \\* \\_ é", None, "Timeline \\(2\\)", ", publisher unknown"),
    _page("Article text", "http://x.example/a?b=c;d#e", "Article text", ""),
    _page("Sources used on this page", None, "S", ", A, B", target="b_2.md"),
    _page("... ?", None, "x", ""),
    _page("1. A list? No: a title", None, "1. A", ", B"),
    _page("With furniture", None, "A", ", B", furniture=(
        "*repeated line \\(headline, byline or name\\)* (line 20): Then the Secretary said it was *over*.",
        "*navigation or footer* (line 3): Home › World › Europe & more > less!")),
])
def test_a_source_page_is_written_as_python_markdown_converts_it(markdown, site):
    written, converted = _both(markdown, site)
    assert written is not None
    assert written == converted


@pytest.mark.parametrize("markdown", [
    _page("A *title*", None, "A", ""),
    _page("A & B", None, "A", ""),
    _page("A <b>", None, "A", ""),
    _page("A  B", None, "A", ""),
    _page("A", "https://x.example/?a=1&b=2", "A", ""),
    _page("A", None, "A", ", B [1]"),
    SEED_LIKE.replace("## Article text", "## Article text\n\n*Paragraphs under a commentary heading.*"),
    SEED_LIKE + "\nMore.\n",
    _page("A", None, "A", "", furniture=("a [link](b.md) MkDocs makes an address of",)),
    _page("A", None, "A", "", furniture=("# a heading",)),
    _page("A", None, "A", "", furniture=("and a <b>tag</b>",)),
])
def test_anything_else_is_left_to_python_markdown(markdown, site):
    assert direct_pages.write(markdown) is None


TEXT = st.lists(st.sampled_from(["a", "Z", "9", " ", ":", ",", ".", "-", "(", ")", "'", '"', "’", "“", "é", "ß", "İ",
                                 "?", "/", "%", "+", "=", "~", "\\(", "\\)", "\\#", "\\*", "\\_", "\\.", "\\-", "\\!",
                                 "\\\\", "\\[", "\\]", "\\{", "\\}", "\\`", "\\+", "*", "_", "&", "<", "#", "!", "[",
                                 "  ", "\t", "\u00a0", "article", "text"]), min_size=1, max_size=12).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, st.one_of(st.none(), st.sampled_from(["https://a.example/x", "http://b.example/?q=1#f"])), TEXT,
       st.one_of(st.just(""), TEXT.map(lambda t: ", " + t)))
def test_made_up_source_pages_are_written_as_converted_or_left_alone(site, title, url, label, rest):
    written, converted = _both(_page(title, url, label, rest), site)
    assert written is None or written == converted


def test_links_to_a_missing_page_warn_as_when_converted(site, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        _both(SEED_LIKE.replace("(a-1.md)", "(gone.md)"), site)
    warnings = [r.getMessage() for r in caplog.records if "gone.md" in r.getMessage()]
    assert len(warnings) == 2 and warnings[0] == warnings[1]  # once converted, once written


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, st.lists(TEXT.map(lambda t: f"*page furniture* (line 1): {t}") | TEXT, min_size=1, max_size=3))
def test_made_up_page_furniture_is_written_as_converted_or_left_alone(site, title, furniture):
    written, converted = _both(_page(title, None, "A", "", furniture=tuple(furniture)), site)
    assert written is None or written == converted
