"""Validate a source's frontmatter into a :class:`SourceMeta`."""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Any
from urllib.parse import urlsplit

from build_scripts.load.dates import parse_date
from build_scripts.model import SourceMeta
from build_scripts.text.clean import strip_controls

FIELDS = ("title", "publisher", "author", "date", "url", "retrieved", "language", "notes")
"""Every field of what is known of an article, in the order files are written."""
ADDRESS_FIELDS = ("former_ids",)
"""Fields about the source's place in this project, which ``add`` does not carry over from a file
of another project: ``former_ids``, the ids the source had before ``rename-sources`` renamed it
(their addresses redirect to its page)."""
KNOWN_FIELDS = FIELDS + ADDRESS_FIELDS
"""Every field the generator reads."""

SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""A source's id: its file name without ``.md``, which becomes its page's address."""
WEB_SUFFIX = re.compile(r"\.(html?|xml|json|md|markdown|txt|css|js|svg|png|jpe?g|gif|pdf)$", re.IGNORECASE)
"""A page address ending like a file (``sources/report.html/``) collides with files MkDocs writes."""
MAX_ID_LENGTH = 200

_TEXT_FIELDS = ("title", "publisher", "author", "notes")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
MAX_LENGTH = {"title": 1000, "publisher": 300, "author": 1000, "notes": 10_000, "url": 2048}
"""Longest value of each field, in characters: a title of megabytes would be copied onto every
page that cites the source."""
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Bidirectional controls: in a title or an address they make the text shown differ from the
text meant (an address ending in U+202E reads backwards)."""


def _plain(text: str) -> str:
    return _BIDI.sub("", strip_controls(text))


def _bounded(field: str, value: str) -> str:
    limit = MAX_LENGTH[field]
    if len(value) > limit:
        raise FieldError(field, f"'{field}' is {len(value):,} characters long, more than the {limit:,} it may have")
    return value


class FieldError(ValueError):
    """A problem with one frontmatter field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def validate_url(value: object) -> str:
    """Return the URL if it is an absolute http or https address."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError("url", "'url' must be a web address such as https://example.org/story")
    url = _bounded("url", _plain(value).strip())
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FieldError(
            "url", f"'url' must start with http:// or https:// and name a host; got {url!r}"
        )
    if any(c.isspace() for c in url):
        raise FieldError("url", f"'url' must not contain spaces; got {url!r}")
    return url


def _text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list) and field == "author":
        if not all(isinstance(v, str) for v in value):
            raise FieldError(field, "'author' must be a name or a list of names")
        names = [" ".join(v.split()) for v in value if v.strip()]
        # As a byline writes them, which reads back as the same list: "A and B", "A, B and C".
        value = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(field, f"'{field}' must be text; got {type(value).__name__}")
    value = _bounded(field, " ".join(_plain(value).split()))
    return value or None


_EXTRA_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")
MAX_EXTRA = 1000
"""Longest value, in characters, of a field another tool wrote."""


def _as_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _extra(key: object, value: object) -> tuple[str, str]:
    """A field the generator does not read, kept as text: a near miss of a known field is a typo."""
    name = str(key)
    near = get_close_matches(name.lower(), KNOWN_FIELDS, n=1, cutoff=0.75)
    if near:
        raise FieldError(name, f"unknown field '{name}'; did you mean '{near[0]}'?")
    if not _EXTRA_KEY.match(name):
        raise FieldError(name, f"unknown field '{name}'; the fields are: {', '.join(KNOWN_FIELDS)} (a field of "
                         "another tool is kept when its name is letters, digits, '-' and '_')")
    text = " ".join(_plain(_as_text(value)).split())
    if len(text) > MAX_EXTRA:
        raise FieldError(name, f"'{name}' is {len(text):,} characters long, more than the {MAX_EXTRA:,} "
                         "a field of another tool may have")
    return name, text


class FieldErrors(FieldError):
    """Every problem of a frontmatter, in field order; reads as the first where one is expected."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].field, str(errors[0]))
        self.errors = errors


def _date_field(field: str, value: object) -> Any:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise FieldError(field, f"'{field}': {exc}") from None


def _language(value: object) -> str:
    if not isinstance(value, str) or not _LANGUAGE.match(value.strip()):
        raise FieldError("language", f"'language' must be a language code such as en or uk; got {value!r}")
    return value.strip()


def id_problem(name: str) -> str | None:
    """Why ``name`` cannot be a source's id (and so the last part of a page's address), or None."""
    if len(name) > MAX_ID_LENGTH:
        return f"is {len(name)} characters long, more than the {MAX_ID_LENGTH} an id may have"
    if not SOURCE_ID.match(name):
        return "must start with a letter or digit and use only letters, digits, '.', '_' and '-'"
    if name.lower() == "index":
        return "is the address of the sources list"
    if suffix := WEB_SUFFIX.search(name):
        return f"ends in '{suffix.group(0)}', which the site would take for a file of its own rather than a page"
    return None


def _former_ids(value: object) -> tuple[str, ...]:
    """The ids a source had before it was renamed: one id or a list, each a valid id, no repeats."""
    items = value if isinstance(value, list) else [value]
    ids: list[str] = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise FieldError("former_ids", "'former_ids' must be a list of the ids the source had before it was "
                             "renamed, such as [\"000_183601ec9612ed3f\"]; got "
                             f"{type(item).__name__}")
        name = item.strip()
        problem = id_problem(name)
        if problem:
            raise FieldError("former_ids", f"'former_ids': {name!r} {problem}, so it was never a source's id; "
                             "write the file name (without '.md') the source had before it was renamed")
        if name.lower() not in {i.lower() for i in ids}:
            ids.append(name)
    return tuple(ids)


def parse_metadata(data: dict[str, Any]) -> SourceMeta:
    """Check every field and build the metadata; raises FieldErrors listing every problem."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    extra = []
    for key, value in data.items():
        try:
            if key in _TEXT_FIELDS:
                values[key] = _text(key, value)
            elif key in ("date", "retrieved") and value is not None:
                values[key] = _date_field(key, value)
            elif key == "url" and value is not None:
                values[key] = validate_url(value)
            elif key == "language" and value is not None:
                values[key] = _language(value)
            elif key == "former_ids" and value is not None:
                values[key] = _former_ids(value)
            elif key not in FIELDS:
                extra.append(_extra(key, value))
        except FieldError as exc:
            errors.append(exc)
    if errors:
        raise FieldErrors(errors)
    return SourceMeta(**values, extra=tuple(extra))


def meta_fields(meta: SourceMeta) -> dict[str, Any]:
    """The known fields of ``meta`` as frontmatter values (dates in ISO form); not its
    ``former_ids``, which are addresses in the project it was read from."""
    out: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(meta, name)
        if value is None or (name == "language" and value == "en"):
            continue
        out[name] = value.iso() if hasattr(value, "iso") else value
    out.update(meta.extra)
    return out
