"""The Jinja2 templates of ``build_scripts/templates/``, every value escaped by default.

Two environments, chosen by a template's name: ``*.md.j2`` templates write markdown, and
every ``{{ value }}`` in them is markdown-escaped (``escape.md_text``: it renders as the
text itself, markup and all); ``*.html.j2`` and ``*.svg.j2`` templates write HTML or SVG,
and every value is HTML-escaped (``escape.html_text``). Autoescape is on in both, so a value
is written as it is only when it is ``Markup`` (already escaped, or made by a helper such as
``cite``), never because a call to an escape function was remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from build_scripts.render.citation import cite
from build_scripts.render.escape import code_span, html_text, md_span, md_text, quoted, yaml_string
from build_scripts.render.links import safe_url

_as_markup = partial(str.__new__, Markup)
"""``Markup(text)`` of a ``str`` that is not markup: ``Markup.__new__`` first asks each value for
``__html__``, which a plain string has not; the templates write several hundred thousand escaped
values a thousand sources (about 0.1 s of that question alone)."""


def _finalize(escape: Callable[[str], str]) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, Markup):
            return _as_markup(escape(value))
        return value

    return finalize


def _safe(function: Callable[..., str]) -> Callable[..., Markup]:
    """A helper that writes markup, for the templates: what it returns is not escaped again."""
    return lambda *args, **kwargs: Markup(function(*args, **kwargs))


@cache
def _environment(kind: str) -> Environment:
    env = Environment(loader=PackageLoader("build_scripts", "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True, auto_reload=False,
                      finalize=_finalize(md_text if kind == "md" else html_text))
    env.filters.update(md=_safe(md_text), md_span=_safe(md_span), html=_safe(html_text), yaml=_safe(yaml_string),
                       code=_safe(code_span), url=_safe(safe_url))
    env.globals.update(safe_url=_safe(safe_url), cite=_safe(cite), quoted=_safe(quoted))
    return env


def template(name: str) -> Template:
    """The template ``name`` (a path in ``templates/``), in the environment its suffix asks for."""
    return _environment("md" if name.endswith(".md.j2") else "html").get_template(name)  # html: also xml, svg


def render(name: str, /, **context: Any) -> str:
    return str(template(name).render(**context))


def markup(text: str) -> Markup:
    """Text already escaped for where a template puts it (made by another template or helper)."""
    return Markup(text)
