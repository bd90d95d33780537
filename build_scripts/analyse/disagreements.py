"""Where sources differ: numbers, dates, titles and the wording of one quotation.

- **Numbers.** Counts with the same unit ("countries") in sentences about the
  same thing (one claim, or sentences sharing rarer words) that give different
  figures. "over 160" and "165" are flagged as consistent (one number fits
  both); "160" and "165" are not.
- **Dates.** Two dates given for one event by different sources.
- **Titles.** A person given different roles by different sources, where
  neither role contains the other.
- **Wording.** One speaker's quotation rendered in different words by
  different sources, usually two translations (see ``quote_wording``).

Deciding who is right is left to the reader: each side is cited.

One module per kind: ``disagreements_figures``, ``disagreements_dates``,
``disagreements_titles``, ``disagreements_wording``, and what they share in
``disagreements_shared`` and ``disagreements_words``. This module is where the
rest of the package imports them from.
"""

from __future__ import annotations

from build_scripts.analyse.disagreements_dates import (
    date_disagreements,
    dated_events,
    dates_differ,
    event_key,
    same_event,
)
from build_scripts.analyse.disagreements_figures import (
    Attribute,
    attribute,
    number_disagreements,
    same_attribute,
)
from build_scripts.analyse.disagreements_shared import RELATED, actors, make_id
from build_scripts.analyse.disagreements_titles import title_disagreements
from build_scripts.analyse.disagreements_wording import quote_wording

__all__ = [
    "RELATED",
    "Attribute",
    "actors",
    "attribute",
    "date_disagreements",
    "dated_events",
    "dates_differ",
    "event_key",
    "make_id",
    "number_disagreements",
    "quote_wording",
    "same_attribute",
    "same_event",
    "title_disagreements",
]
