"""An article about to be added: its metadata fields and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Candidate:
    """What was read from one input, before it becomes ``sources/<id>.md``."""

    origin: str
    """The path or URL it came from, for messages."""
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
