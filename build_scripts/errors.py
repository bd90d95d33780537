"""Problems in the inputs, reported as ``file:line: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputProblem:
    """One problem with one input file; ``line`` is 0 where unknown."""

    path: Path
    message: str
    line: int = 0

    def format(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None and path.is_relative_to(root):
            path = path.relative_to(root)
        where = f"{path}:{self.line}" if self.line else f"{path}"
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised when the inputs cannot be built; carries every problem found."""

    def __init__(self, problems: list[InputProblem], root: Path | None = None) -> None:
        self.problems = problems
        self.root = root
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.format(self.root) for p in self.problems]
        noun = "problem" if len(lines) == 1 else "problems"
        return f"{len(lines)} {noun} in the inputs:\n" + "\n".join(lines)
