"""Read topic definitions from the frontmatter of ``docs/topics/*.md``.

A topic file is a hand-written page. Its frontmatter says what belongs on it::

    title: The treaty
    description: One line shown in topic lists.
    topic:
      require: [convention, treaty]     # optional: at least one must appear
      exclude: [cluster munition*]      # optional: none may appear
      sections:
        - heading: What the treaty bans
          match:                        # every group needs a hit
            - [ban*, prohibit*, forbid*]
            - [mine*]
          exclude: [decree]             # optional: none may appear
      boost: [ratif*]                   # optional: raise statements holding one, place nothing
      examples:                         # optional: sentences of what belongs here (by meaning)
        - The treaty bans the use and stockpiling of anti-personnel mines.
      pin:                              # optional: the researcher's last word
        - {sentence: "source-id#s-0123456789", section: What the treaty bans}
      hide: ["source-id#s-0123456789"]
      note:
        - {sentence: "source-id#s-0123456789", text: "The figure is from 2023."}

Terms are whole words, case-insensitive; ``*`` at the end matches any ending;
a term written in capitals (``UN``, ``US``) matches only in capitals; on topic
pages a plain lower-case word also matches its regular inflections (see
``analyse.topics.inflections``).
A sentence is named by its source id and anchor, ``source-id#anchor`` (the
address of the sentence on its source page ends so).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import frontmatter

from build_scripts.errors import InputProblem
from build_scripts.model import Topic, TopicOverride, TopicSection

TOPICS_DIR = "topics"
_WORD = re.compile(r"\w")


class _TopicError(ValueError):
    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


def _terms(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise _TopicError(f"{where} must be a list of words or phrases", where.split(".")[-1])
    for term in value:
        if not _WORD.search(term.rstrip("*")):
            raise _TopicError(f"{where} has the term {term.strip()!r}, which holds no word; write a word or a "
                              "phrase (a '*' may end a word: ratif*)", where.split(".")[-1].split("[")[0])
    return tuple(t.strip() for t in value)


def _section(raw: object, index: int) -> TopicSection:
    where = f"topic.sections[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("heading"), str):
        raise _TopicError(f"{where} needs a 'heading' (text) and a 'match' (list of term lists)", "sections")
    unknown = set(raw) - {"heading", "match", "exclude"}
    if unknown:
        raise _TopicError(
            f"{where} has unknown key '{sorted(unknown)[0]}'; use heading, match and exclude", "sections"
        )
    match = raw.get("match")
    if not isinstance(match, list) or not match:
        raise _TopicError(f"{where}.match must be a non-empty list of term lists", "match")
    groups = tuple(_terms(g, f"{where}.match[{i}]") for i, g in enumerate(match))
    if not all(groups):
        raise _TopicError(f"{where}.match has an empty group; every group needs at least one term "
                          "(an empty one would take no sentence)", "match")
    exclude = _terms(raw.get("exclude"), f"{where}.exclude")
    return TopicSection(heading=raw["heading"].strip(), match=groups, exclude=exclude)


_TOPIC_KEYS = {"require", "exclude", "sections", "boost", "examples", "pin", "hide", "note"}
OTHER_HEADING = "Other reports"
"""The last section of every topic: sentences about the topic that no section's rule takes."""


def _sentence_ref(value: object, where: str) -> tuple[str, str]:
    if isinstance(value, str) and "#" in value:
        source_id, _, anchor = value.strip().partition("#")
        if source_id.strip() and anchor.strip():
            return source_id.strip(), anchor.strip()
    raise _TopicError(f"{where} must name a sentence as 'source-id#anchor'", where.split(".")[1].split("[")[0])


def read_page(path: Path) -> tuple[str, InputProblem | None]:
    """A configuration page's text, or the problem of a file that is not UTF-8 text."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; re-save the file as UTF-8"
        return "", InputProblem(path, message, line)


def read_frontmatter(path: Path) -> tuple[str, dict[str, Any] | None, InputProblem | None]:
    """A configuration page's text and frontmatter (None when there is no such page), or the
    problem that keeps them from being read."""
    if not path.exists():
        return "", None, None
    text, problem = read_page(path)
    if problem is not None:
        return text, None, problem
    try:
        return text, dict(frontmatter.loads(text).metadata), None
    except Exception:  # noqa: BLE001 - any value YAML cannot make (a tag's) is the file's problem
        return text, None, InputProblem(path, "the frontmatter is not valid YAML; fix the syntax", 1)


def _line_of(text: str, needle: str, default: int) -> int:
    for i, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return i
    return default


def _overrides(spec: dict[str, Any], key: str, value_key: str, text: str) -> tuple[TopicOverride, ...]:
    raw = spec.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _TopicError(f"topic.{key} must be a list", key)
    out = []
    for i, item in enumerate(raw):
        where = f"topic.{key}[{i}]"
        if value_key:
            if not isinstance(item, dict) or set(item) != {"sentence", value_key}:
                raise _TopicError(f"{where} needs 'sentence' (source-id#anchor) and '{value_key}'", key)
            value = item[value_key]
            if not isinstance(value, str) or not value.strip():
                raise _TopicError(f"{where}.{value_key} must be text", key)
            ref = item["sentence"]
        else:
            value, ref = "", item
        source_id, anchor = _sentence_ref(ref, where)
        out.append(TopicOverride(source_id, anchor, value.strip(),
                                 _line_of(text, f"{source_id}#{anchor}", _key_line(text, key))))
    return tuple(out)


def _examples(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise _TopicError("topic.examples must be a list of sentences", "examples")
    return tuple(t.strip() for t in value)


def parse_topic(slug: str, src_uri: str, meta: dict[str, Any], text: str = "") -> Topic:
    """Build a Topic from a page's frontmatter; raises ValueError naming the key at fault."""
    spec = meta.get("topic")
    if not isinstance(spec, dict):
        raise _TopicError("the frontmatter needs a 'topic:' mapping with 'sections'", "topic")
    unknown = set(spec) - _TOPIC_KEYS
    if unknown:
        raise _TopicError(
            f"topic has unknown key '{sorted(unknown)[0]}'; use {', '.join(sorted(_TOPIC_KEYS))}", "topic"
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _TopicError("the frontmatter needs a 'title'", "title")
    sections = spec.get("sections")
    if not isinstance(sections, list) or not sections:
        raise _TopicError("topic.sections must list at least one section", "sections")
    order = meta.get("order", 0)
    if not isinstance(order, int):
        raise _TopicError("'order' must be a whole number", "order")
    parsed = tuple(_section(s, i) for i, s in enumerate(sections))
    pins = _overrides(spec, "pin", "section", text)
    headings = {sec.heading for sec in parsed} | {OTHER_HEADING}
    for pin in pins:
        if pin.value not in headings:
            raise _TopicError(f"topic.pin: '{pin.value}' is no section heading of this topic; use one of "
                              + ", ".join(f"'{h}'" for h in sorted(headings)), "pin")
    return Topic(
        slug=slug,
        title=title.strip(),
        src_uri=src_uri,
        sections=parsed,
        require=_terms(spec.get("require"), "topic.require"),
        exclude=_terms(spec.get("exclude"), "topic.exclude"),
        description=str(meta.get("description") or "").strip(),
        order=order,
        boost=_terms(spec.get("boost"), "topic.boost"),
        examples=_examples(spec.get("examples")),
        pins=pins,
        hides=_overrides(spec, "hide", "", text),
        notes=_overrides(spec, "note", "text", text),
    )


def _key_line(text: str, key: str) -> int:
    for i, line in enumerate(text.split("\n"), start=1):
        if key and re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
            return i
    return 1


def load_topics(docs_dir: Path) -> tuple[list[Topic], list[InputProblem]]:
    """Load every topic file, sorted by ``order`` then title."""
    topics: list[Topic] = []
    problems: list[InputProblem] = []
    for path in sorted((docs_dir / TOPICS_DIR).glob("*.md")):
        text, problem = read_page(path)
        if problem is not None:
            problems.append(problem)
            continue
        try:
            meta = frontmatter.loads(text).metadata
        except Exception as exc:  # noqa: BLE001 - any value YAML cannot make (a tag's) is the file's problem
            mark = getattr(exc, "problem_mark", None)
            problems.append(InputProblem(path, "the frontmatter is not valid YAML; fix the syntax",
                                         mark.line + 1 if mark else 1))
            continue
        src_uri = f"{TOPICS_DIR}/{path.name}"
        try:
            topics.append(parse_topic(path.stem, src_uri, meta, text))
        except _TopicError as exc:
            problems.append(InputProblem(path, str(exc), _key_line(text, exc.key)))
    topics.sort(key=lambda t: (t.order, t.title.lower(), t.slug))
    return topics, problems


def load_key_facts(home: Path) -> tuple[list[TopicSection], list[InputProblem]]:
    """The ``key_facts`` of the home page: a list of ``{match: [[terms], ...]}``."""
    text, meta, problem = read_frontmatter(home)
    if problem is not None or meta is None:
        return [], [problem] if problem else []
    raw = meta.get("key_facts") or []
    if not isinstance(raw, list):
        return [], [InputProblem(home, "key_facts must be a list of {match: [[terms]]}", _key_line(text, "key_facts"))]
    facts, problems = [], []
    for i, item in enumerate(raw):
        try:
            facts.append(_section({"heading": "", **item} if isinstance(item, dict) else item, i))
        except _TopicError as exc:
            message = str(exc).replace("topic.sections", "key_facts")
            problems.append(InputProblem(home, message, _key_line(text, "key_facts")))
    return facts, problems


def stale_overrides(topics: list[Topic], sentences: set[tuple[str, str]], docs_dir: Path) -> list[InputProblem]:
    """Each pin, hide or note of a topic file whose sentence (source id, anchor) no longer exists."""
    problems = []
    for topic in topics:
        path = docs_dir / topic.src_uri
        for kind, overrides in (("pin", topic.pins), ("hide", topic.hides), ("note", topic.notes)):
            for o in overrides:
                if (o.source_id, o.anchor) not in sentences:
                    problems.append(InputProblem(path, f"{kind}: no sentence {o.source_id}#{o.anchor} in the sources "
                                                       "(the source was removed or its text edited); update or remove "
                                                       f"this {kind}", o.line))
    return problems
