"""Dates that keep their precision: a year, a month or a day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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


def parse_date(value: object) -> PartialDate:
    """Parse ``2025``, ``2025-06`` or ``2025-06-30`` (string, int or date).

    Raises ValueError with a message fit to show the user.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 date such as 2025-06-30, got {value!r}")
    m = _ISO.match(value.strip())
    if not m:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date; write 2025, 2025-06 or 2025-06-30"
        )
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no such month; write 2025, 2025-06 or 2025-06-30")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"{value!r} is not a real day of the calendar") from None
    return PartialDate(year, month, day)
