"""Synthetic corpora for the benchmark, made deterministically from the seed articles.

An article has about 600 words: sentences drawn from the seed articles and
reworded (synonyms swapped, numbers changed so that sources disagree),
quotations from the seeds with an attribution, and filler prose built from a
broad vocabulary so that word weights stay realistic. Publishers, dates and
authors vary; some are missing, as in real collections.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from build_scripts.analyse.eligible import eligible
from build_scripts.ingest.source_file import format_source
from build_scripts.load.sources import load_sources
from build_scripts.text.document import build_document

SYNONYMS = [("signed", "approved"), ("withdraw", "exit"), ("withdrawal", "exit"), ("countries", "states"),
            ("more than", "over"), ("decision", "move"), ("parliament", "legislature"), ("mines", "landmines"),
            ("announced", "said"), ("treaty", "pact"), ("civilians", "non-combatants"), ("used", "deployed")]
NUMBERS = {"160": ["160", "161", "162", "164", "165"], "165": ["164", "165", "166"], "2005": ["2005"]}
SUBJECTS = ["council", "ministry", "farmers", "engineers", "museum", "railway", "harbour", "orchestra", "clinic",
            "university", "bakery", "river authority", "school board", "port", "airline", "court", "library",
            "festival", "factory", "hospital", "cooperative", "stadium", "observatory", "brewery", "archive"]
VERBS = ["reported", "planned", "delayed", "opened", "reviewed", "measured", "repaired", "funded", "inspected",
         "expanded", "closed", "restored", "announced", "tested", "surveyed", "doubled", "reduced", "hired"]
OBJECTS = ["a new wing", "the spring schedule", "its water supply", "a pilot project", "the old bridge",
           "winter stocks", "two hundred seats", "the heating system", "a training course", "the night service",
           "its archives", "a solar roof", "the flood barrier", "the northern road", "a public garden"]
PLACES = ["in the old town", "near the coast", "on the eastern bank", "in three districts", "across the valley",
          "at the main square", "beside the lake", "in the hill villages", "along the canal", "in the suburbs"]
WHEN = ["this week", "last month", "after a long delay", "before the holidays", "for the third time",
        "despite the rain", "ahead of schedule", "at short notice", "for the first time in years"]
PUBLISHERS = [f"{a} {b}" for a in ("Northern", "Daily", "Evening", "Harbour", "Valley", "Capital", "Regional",
                                     "Morning", "Weekly", "City") for b in ("Herald", "Courier", "Post", "Ledger",
                                                                            "Gazette", "Observer")]
AUTHORS = ["Ana Ruiz", "Tom Berg", "Li Wei", "Olga Koval", "Sam Okafor", "Mia Lind", "Jan Novak", "Eva Costa"]


def seed_material(sources_dir: Path) -> tuple[list[str], list[str]]:
    """Eligible sentences of the seed articles, and those that hold a quotation."""
    sources, _ = load_sources(sources_dir)
    sentences = [s.text for src in sources for s in build_document(src).sentences if eligible(s)]
    quoted = [s for s in sentences if "“" in s]
    return [s for s in sentences if "“" not in s], quoted


def reword(sentence: str, rng: random.Random) -> str:
    for a, b in rng.sample(SYNONYMS, 3):
        if rng.random() < 0.5:
            sentence = re.sub(rf"\b{a}\b", b, sentence)
    for number, choices in NUMBERS.items():
        sentence = sentence.replace(number, rng.choice(choices))
    return sentence


def filler(rng: random.Random) -> str:
    words = [rng.choice(SUBJECTS).capitalize(), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(PLACES),
             rng.choice(WHEN)]
    tail = f", officials in district {rng.randint(1, 400)} said" if rng.random() < 0.3 else ""
    return f"The {' '.join(words)}{tail}."


def article(rng: random.Random, facts: list[str], quotes: list[str]) -> str:
    lines: list[str] = []
    while sum(len(x.split()) for x in lines) < 600:
        kind = rng.random()
        if kind < 0.30:
            lines.append(reword(rng.choice(facts), rng))
        elif kind < 0.38:
            lines.append(rng.choice(quotes))
        else:
            lines.append(" ".join(filler(rng) for _ in range(rng.randint(2, 4))))
    return "\n".join(lines) + "\n"


def metadata(rng: random.Random, index: int) -> dict[str, str]:
    meta: dict[str, str] = {}
    if rng.random() < 0.9:
        meta["title"] = f"Report {index}: {rng.choice(SUBJECTS)} and the treaty"
    if rng.random() < 0.85:
        meta["publisher"] = rng.choice(PUBLISHERS)
    if rng.random() < 0.5:
        meta["author"] = rng.choice(AUTHORS)
    if rng.random() < 0.85:
        meta["date"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.6:
        meta["url"] = f"https://news{index % 97}.example.org/story/{index}"
    return meta


def write_corpus(dest: Path, count: int, seed_sources: Path, seed: int = 2025) -> int:
    """Write ``count`` articles into ``dest``; returns the number of words written."""
    rng = random.Random(seed)
    facts, quotes = seed_material(seed_sources)
    dest.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        body = article(rng, facts, quotes)
        words += len(body.split())
        (dest / f"bench-{i:05d}.md").write_text(format_source(metadata(rng, i), body), encoding="utf-8")
    return words
