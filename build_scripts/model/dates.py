"""Dates that keep their precision: a year, a month or a day."""

from __future__ import annotations

from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Not ordered by its fields (a missing month cannot be compared with a
    number): sort with ``key=PartialDate.sort_key``, which puts a year before
    its months and a month before its days.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """Human form, never more precise than what is known: "30 June 2025"."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)
