"""Stance rules for country pages, from the frontmatter of ``docs/countries/index.md``::

    countries:
      stances:                 # in order of priority: the first that holds colours the map
        - label: Withdrawal announced or under way
          class: withdrawing   # CSS class suffix on the map
          match:
            - [withdraw*, leave, exit*, pull out]   # the action
            - [convention, treaty]                  # what is acted on (sentence or paragraph)
          exclude: [not a party]   # optional: a clause with these terms is no evidence

Rules sharing a label and class make one stance. How a sentence becomes a
country's evidence (only where that country acts) is ``analyse/countries.py``, with
``analyse/country_actors.py`` for who acts in a sentence.
These rules are the case's vocabulary: no stance word lives in the code. Without
that file, country pages are still made, with no stance.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.errors import InputProblem
from build_scripts.load.topics import read_frontmatter
from build_scripts.model import StanceRule

CONFIG_URI = "countries/index.md"
_CSS = re.compile(r"^[a-z][a-z0-9-]*$")


def _rule(raw: object, index: int) -> StanceRule:
    where = f"countries.stances[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("label"), str):
        raise ValueError(f"{where} needs a 'label' (text), a 'class' and a 'match' (list of term lists)")
    css = raw.get("class")
    if not isinstance(css, str) or not _CSS.match(css):
        raise ValueError(f"{where}.class must be lower-case letters, digits and '-', such as withdrawing")
    match = raw.get("match")
    if (not isinstance(match, list) or not match
            or not all(isinstance(g, list) and g and all(isinstance(t, str) for t in g) for g in match)):
        raise ValueError(f"{where}.match must be a non-empty list of term lists")
    exclude = raw.get("exclude") or []
    if not isinstance(exclude, list) or not all(isinstance(t, str) for t in exclude):
        raise ValueError(f"{where}.exclude must be a list of words or phrases")
    return StanceRule(raw["label"].strip(), css, tuple(tuple(t.strip() for t in g) for g in match),
                      tuple(t.strip() for t in exclude))


def load_stance_rules(docs_dir: Path) -> tuple[list[StanceRule], list[InputProblem]]:
    path = docs_dir / CONFIG_URI
    _, meta, problem = read_frontmatter(path)
    if problem is not None or meta is None:
        return [], [problem] if problem else []
    section = meta.get("countries") or {}
    raw = section.get("stances") or [] if isinstance(section, dict) else None
    if not isinstance(raw, list):
        return [], [InputProblem(path, "countries.stances must be a list of stance rules", 1)]
    rules, problems = [], []
    for i, item in enumerate(raw):
        try:
            rules.append(_rule(item, i))
        except ValueError as exc:
            problems.append(InputProblem(path, str(exc), 1))
    return rules, problems
