"""Under ``mkdocs serve`` the theme's templates are compiled once a session (``_CompiledTemplates``):
a new environment with the same settings reuses the code; a changed template or other settings
compile again."""

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
