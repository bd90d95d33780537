"""Generate ``countries.json``, the gazetteer read by ``build_scripts/analyse/places.py``.

Run once, by hand, in a scratch virtualenv; the project never imports this
script or its two dependencies at run time (only the committed JSON)::

    python3 -m venv /tmp/placesvenv
    /tmp/placesvenv/bin/pip install countryinfo==1.0.1 pycountry==26.2.16
    /tmp/placesvenv/bin/python build_scripts/analyse/data/make_countries.py

The output is deterministic: the same package versions give the same bytes.

Sources
-------
* pycountry 26.2.16 (data from Debian's iso-codes): the list of ISO 3166-1
  codes, short names (``common_name`` or ``name``) and official names.
* countryinfo 1.0.1 (MIT, Copyright (c) 2018 Porimol Chandro): English
  official-name spellings (``altSpellings``), capitals and demonyms.
* The manual tables of ``countries_manual.toml`` beside this script: name
  overrides, common alternates, metonyms, demonym plurals, country groups,
  excluded phrases and guards. Everything that is a judgement call lives
  there, so a reviewer reads one file.

Output schema
-------------
``{"countries": [{"code", "name"}...], "aliases": [{"text", "codes", "kind", "guard"}...]}``

``kind`` is one of ``name`` (short or official name, alternate), ``capital``,
``place`` (a city, region or institution standing for the state),
``demonym``, ``group`` (several states) or ``exclude`` (a phrase consumed
so that no alias inside it matches; ``codes`` is empty). ``guard`` names a
context check in ``places.py`` (``None`` for most aliases).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parent / "countries.json"
MANUAL = Path(__file__).resolve().parent / "countries_manual.toml"

with MANUAL.open("rb") as _handle:
    _MANUAL = tomllib.load(_handle)
# Each table of countries_manual.toml, named as the code below uses it (the file says what each is for).
TERRITORIES = set(_MANUAL["territories"])
NAME_OVERRIDES = _MANUAL["name_overrides"]
EXTRA_COUNTRIES = _MANUAL["extra_countries"]
EXTRA_NAMES = _MANUAL["extra_names"]
DROP_NAMES = set(_MANUAL["drop_names"])
EXTRA_CAPITALS = _MANUAL["extra_capitals"]
DROP_CAPITALS = set(_MANUAL["drop_capitals"])
PLACES = _MANUAL["places"]
DEMONYM_OVERRIDES = _MANUAL["demonym_overrides"]
PLURALS = _MANUAL["plurals"]
GROUPS: list[tuple[list[str], list[str]]] = [(group["phrases"], group["codes"]) for group in _MANUAL["groups"]]
EXCLUDE = _MANUAL["exclude"]
GUARDS = _MANUAL["guards"]

_KEEP_ALT = re.compile(
    r"\b(Republic|Kingdom|Federation|Commonwealth|Union|Principality|Duchy|Confederation|"
    r"Sultanate|State|States|Emirates|Islands|Territory|Bailiwick)\b"
)
_NOT_ENGLISH = re.compile(r"\b(de|du|del|da|do|la|le|el|al|ya|wa|der|des|y|e|ng|blong|ta|na|oa)\b")


def fold(text: str) -> str:
    """ASCII form of a Latin name: "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english_alt(alt: str) -> bool:
    """An altSpelling worth matching: an English official form, Latin script."""
    alt = alt.strip()
    if not alt or "," in alt or "(" in alt or "/" in alt:
        return False
    if not all(c.isascii() or unicodedata.category(c).startswith("L") and fold(c).isascii() for c in alt):
        return False
    return bool(_KEEP_ALT.search(alt)) and not _NOT_ENGLISH.search(alt) and alt[0].isupper()


def plurals(demonym: str) -> list[str]:
    if demonym in PLURALS:
        return [PLURALS[demonym]] if PLURALS[demonym] else []
    if re.search(r"(ese|ish|ch|ss|sh|s|x|z)$", demonym):
        return []
    return [demonym + "s"]


def countryinfo_by_code() -> dict[str, dict]:
    """countryinfo records keyed by lower-case alpha-2 (first record wins)."""
    records: dict[str, dict] = {}
    for key in sorted(CountryInfo.all()):
        info = CountryInfo.all()[key]
        code = ((info.get("ISO") or {}).get("alpha2") or "").lower()
        if code and code not in records:
            records[code] = info
    return records


def country_names() -> dict[str, str]:
    names = {}
    for c in pycountry.countries:
        code = c.alpha_2.lower()
        names[code] = NAME_OVERRIDES.get(code) or getattr(c, "common_name", None) or c.name
    names.update(EXTRA_COUNTRIES)
    return names


def build() -> dict:
    names = country_names()
    info = countryinfo_by_code()
    aliases: dict[str, dict] = {}

    def add(text: str, codes: list[str], kind: str) -> None:
        text = " ".join(text.split())
        if not text or text in DROP_NAMES and kind == "name":
            return
        for form in dict.fromkeys([text, fold(text)]):
            if form in aliases:
                old = aliases[form]
                if old["codes"] != sorted(codes) and kind != "exclude":
                    raise SystemExit(f"alias {form!r} is both {old['codes']} and {codes}: decide in a manual table")
                continue
            guard = GUARDS.get(form) or ("name" if kind == "capital" else None)
            aliases[form] = {"text": form, "codes": sorted(codes), "kind": kind, "guard": guard}

    # Excluded phrases and groups first: they are the manual decisions.
    for phrase in EXCLUDE:
        add(phrase, [], "exclude")
    for phrases, codes in GROUPS:
        for phrase in phrases:
            add(phrase, codes, "group")
            if not phrase.startswith("both "):
                add("the " + phrase, codes, "group")
                add("The " + phrase, codes, "group")

    for code in sorted(names):
        rec = info.get(code, {})
        add(names[code], [code], "name")
        for extra in EXTRA_NAMES.get(code, []):
            add(extra, [code], "name")
        pyc = pycountry.countries.get(alpha_2=code.upper())
        for formal in [getattr(pyc, "official_name", None), getattr(pyc, "name", None), rec.get("name")]:
            if formal and "," not in formal and "(" not in formal and formal not in DROP_NAMES:
                add(formal, [code], "name")
        for alt in rec.get("altSpellings") or []:
            if english_alt(alt) and alt.strip() not in DROP_NAMES:
                add(alt, [code], "name")
        for place in PLACES.get(code, []):
            add(place, [code], "place")
        if code in TERRITORIES:
            continue
        capital = rec.get("capital")
        capitals = ([capital] if isinstance(capital, str) else []) + EXTRA_CAPITALS.get(code, [])
        for cap in capitals:
            if cap and cap not in DROP_CAPITALS:
                add(cap, [code], "capital")
        if code in DEMONYM_OVERRIDES:
            demonyms = DEMONYM_OVERRIDES[code]
        else:
            demonyms = [d.strip() for d in (rec.get("demonym") or "").split(",") if d.strip()]
        for demonym in demonyms:
            if demonym == names[code]:
                continue  # "Djibouti", "Gibraltar": the name is no demonym
            add(demonym, [code], "demonym")
            for plural in plurals(demonym):
                add(plural, [code], "demonym")

    return {
        "_source": "Generated by make_countries.py from pycountry 26.2.16 and countryinfo 1.0.1 (MIT); do not edit.",
        "countries": [{"code": code, "name": names[code]} for code in sorted(names)],
        "aliases": [aliases[key] for key in sorted(aliases)],
    }


def dump(data: dict) -> str:
    """JSON with one country or alias per line, for readable diffs."""
    lines = ["{", f'"_source": {json.dumps(data["_source"])},', '"countries": [']
    lines.append(",\n".join(json.dumps(c, ensure_ascii=False, sort_keys=True) for c in data["countries"]))
    lines.append("],")
    lines.append('"aliases": [')
    lines.append(",\n".join(json.dumps(a, ensure_ascii=False, sort_keys=True) for a in data["aliases"]))
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(dump(build()), encoding="utf-8")
    print(f"wrote {OUT}")
