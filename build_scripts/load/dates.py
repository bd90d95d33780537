"""Dates that keep their precision: a year, a month or a day."""

from __future__ import annotations

import datetime as dt
import re

from build_scripts.model import PartialDate

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
