"""Parts of ``page_cache`` (under ``mkdocs serve``): the theme's templates are compiled once a
session (``_CompiledTemplates``): a new environment with the same settings reuses the code; a
changed template or other settings compile again. A kept table of contents is copied as
``copy.deepcopy`` copies it (``_copy_toc``)."""

from __future__ import annotations

import jinja2

from build_scripts.publish.page_cache import _CompiledTemplates


class _Counting(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[override]
        _Counting.compiled += 1
        return super().compile(*args, **kwargs)


def _env(templates: dict[str, str], cache: _CompiledTemplates, **options) -> jinja2.Environment:
    env = _Counting(loader=jinja2.DictLoader(templates), auto_reload=False, **options)
    env.bytecode_cache = cache
    return env


def test_a_new_environment_reuses_what_the_last_compiled():
    cache, templates = _CompiledTemplates(), {"page.html": "<p>{{ title }}</p>"}
    _Counting.compiled = 0
    assert _env(templates, cache).get_template("page.html").render(title="a & b") == "<p>a & b</p>"
    assert _Counting.compiled == 1
    assert _env(templates, cache).get_template("page.html").render(title="c") == "<p>c</p>"
    assert _Counting.compiled == 1


def test_a_changed_template_or_other_settings_compile_again():
    cache, templates = _CompiledTemplates(), {"page.html": "<p>{{ title }}</p>"}
    _Counting.compiled = 0
    _env(templates, cache).get_template("page.html")
    escaped = _env(templates, cache, autoescape=True).get_template("page.html")
    assert escaped.render(title="a & b") == "<p>a &amp; b</p>" and _Counting.compiled == 2
    templates["page.html"] = "<h1>{{ title }}</h1>"
    assert _env(templates, cache).get_template("page.html").render(title="t") == "<h1>t</h1>"
    assert _Counting.compiled == 3


def test_escaping_chosen_by_a_function_is_never_reused():
    cache, templates = _CompiledTemplates(), {"page.html": "{{ title }}"}
    _Counting.compiled = 0
    for _ in range(2):
        _env(templates, cache, autoescape=jinja2.select_autoescape()).get_template("page.html")
    assert _Counting.compiled == 2


def test_a_kept_table_of_contents_is_copied_as_deepcopy_copies_it():
    import copy

    from mkdocs.structure.toc import AnchorLink, TableOfContents

    from build_scripts.publish.page_cache import _copy_toc

    top, child, other = AnchorLink("A &amp; B", "a-b", 1), AnchorLink("C", "c", 2), AnchorLink("D", "d", 1)
    top.children.append(child)
    top.active = True  # type: ignore[attr-defined]
    toc = TableOfContents([top, other])
    copied = _copy_toc(toc)
    assert copied.items[0] is not top and copied.items[0].children[0] is not child

    def shape(t):
        return [(type(i), {k: v for k, v in vars(i).items() if k != "children"}, shape(i.children)) for i in t]

    assert shape(copied) == shape(copy.deepcopy(toc)) == shape(toc)
    top.unusual = ["a list"]  # type: ignore[attr-defined]
    assert shape(_copy_toc(toc)) == shape(toc)  # not plain: deepcopy does it
