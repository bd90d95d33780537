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

Terms are whole words, case-insensitive; ``*`` at the end matches any ending;
a term written in capitals (``UN``, ``US``) matches only in capitals.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from build_scripts.errors import InputProblem
from build_scripts.model import Topic, TopicSection

TOPICS_DIR = "topics"


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
    exclude = _terms(raw.get("exclude"), f"{where}.exclude")
    return TopicSection(heading=raw["heading"].strip(), match=groups, exclude=exclude)


def parse_topic(slug: str, src_uri: str, meta: dict[str, Any]) -> Topic:
    """Build a Topic from a page's frontmatter; raises ValueError naming the key at fault."""
    spec = meta.get("topic")
    if not isinstance(spec, dict):
        raise _TopicError("the frontmatter needs a 'topic:' mapping with 'sections'", "topic")
    unknown = set(spec) - {"require", "exclude", "sections"}
    if unknown:
        raise _TopicError(
            f"topic has unknown key '{sorted(unknown)[0]}'; use require, exclude and sections", "topic"
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
    return Topic(
        slug=slug,
        title=title.strip(),
        src_uri=src_uri,
        sections=tuple(_section(s, i) for i, s in enumerate(sections)),
        require=_terms(spec.get("require"), "topic.require"),
        exclude=_terms(spec.get("exclude"), "topic.exclude"),
        description=str(meta.get("description") or "").strip(),
        order=order,
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
        text = path.read_text(encoding="utf-8")
        try:
            meta = frontmatter.loads(text).metadata
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(InputProblem(path, "the frontmatter is not valid YAML; fix the syntax",
                                         mark.line + 1 if mark else 1))
            continue
        src_uri = f"{TOPICS_DIR}/{path.name}"
        try:
            topics.append(parse_topic(path.stem, src_uri, meta))
        except _TopicError as exc:
            problems.append(InputProblem(path, str(exc), _key_line(text, exc.key)))
    topics.sort(key=lambda t: (t.order, t.title.lower(), t.slug))
    return topics, problems


def load_key_facts(home: Path) -> tuple[list[TopicSection], list[InputProblem]]:
    """The ``key_facts`` of the home page: a list of ``{match: [[terms], ...]}``."""
    if not home.exists():
        return [], []
    text = home.read_text(encoding="utf-8")
    try:
        raw = frontmatter.loads(text).metadata.get("key_facts") or []
    except yaml.YAMLError:
        return [], [InputProblem(home, "the frontmatter is not valid YAML; fix the syntax", 1)]
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
