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
* The manual tables below: name overrides, common alternates, metonyms,
  demonym plurals, country groups, excluded phrases and guards. Everything
  that is a judgement call lives here, so a reviewer reads one file.

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
import unicodedata
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parent / "countries.json"

# Codes that are not sovereign states (dependencies, uninhabited or disputed
# territories). They keep their names as aliases, but no capital and no
# demonym: "French" is France, "American" the United States, "Chinese" China.
TERRITORIES = set(
    "as ai aq aw ax bl bm bq bv cc ck cw cx eh fk fo gf gg gi gl gp gs gu hk hm io im je ky "
    "mf mo mp mq ms nc nf nu pf pm pn pr re sh sj sx tc tf tk um vg vi wf yt".split()
)

# Common English short names where pycountry's short name is formal.
NAME_OVERRIDES = {
    "bn": "Brunei",
    "cd": "DR Congo",
    "cg": "Republic of the Congo",
    "fk": "Falkland Islands",
    "fm": "Micronesia",
    "mf": "Saint Martin",
    "pn": "Pitcairn Islands",
    "ps": "Palestine",
    "ru": "Russia",
    "sh": "Saint Helena",
    "sx": "Sint Maarten",
    "tr": "Turkey",
    "va": "Vatican City",
    "vg": "British Virgin Islands",
    "vi": "US Virgin Islands",
}

# Kosovo has no ISO 3166-1 code; "xk" is the user-assigned code in common use
# (EU, IMF, Natural Earth). Added so European text and the map have no hole.
EXTRA_COUNTRIES = {"xk": "Kosovo"}

# Alternate names not found (or found only in a non-English form) in the sources.
EXTRA_NAMES: dict[str, list[str]] = {
    "ae": ["UAE", "Emirates"],
    "ba": ["Bosnia", "Bosnia-Herzegovina"],
    "cd": ["DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "cg": ["Republic of the Congo", "Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "ci": ["Ivory Coast", "Côte d'Ivoire"],
    "cn": ["People's Republic of China", "PRC", "mainland China"],
    "cv": ["Cape Verde", "Cabo Verde"],
    "cz": ["Czech Republic", "Czechia"],
    "gb": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "England", "Scotland", "Wales", "Northern Ireland"],
    "kp": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "kr": ["South Korea", "Republic of Korea", "ROK"],
    "kz": ["Kazakhstan"],
    "la": ["Laos"],
    "md": ["Moldova"],
    "mk": ["North Macedonia", "Macedonia"],
    "mm": ["Myanmar", "Burma"],
    "nl": ["Netherlands", "Holland"],
    "ps": ["Palestine", "State of Palestine", "Palestinian territories", "Gaza Strip", "Gaza", "West Bank"],
    "ru": ["Russia", "Russian Federation"],
    "sz": ["Eswatini", "Swaziland"],
    "tl": ["East Timor", "Timor-Leste"],
    "tr": ["Turkey", "Türkiye"],
    "tw": ["Taiwan"],
    "us": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"],
    "va": ["Vatican", "Vatican City", "Holy See"],
    "vn": ["Vietnam", "Viet Nam"],
    "vi": ["United States Virgin Islands", "U.S. Virgin Islands", "US Virgin Islands"],
    "xk": ["Kosovo", "Republic of Kosovo"],
}

# Alternate spellings from countryinfo that are not names in English news.
DROP_NAMES = {"Congo", "Island", "Thai", "Lao", "Mann", "Guiana", "Togolese", "Montenegrin"}

# Capitals: countryinfo's, plus current or usual English spellings.
EXTRA_CAPITALS: dict[str, list[str]] = {
    "ua": ["Kyiv", "Kiev"],
    "us": ["Washington", "Washington, D.C.", "Washington D.C.", "Washington DC"],
    "kz": ["Astana"],
    "mm": ["Nay Pyi Taw"],
    "sz": ["Mbabane"],
    "md": ["Chisinau"],
    "xk": ["Pristina", "Prishtina"],
    "in": ["Delhi"],
}
# Capitals that would mostly be wrong: names of people or of several places,
# cities that stand for something else (Brussels: the EU), contested ones.
DROP_CAPITALS = {
    "Jerusalem", "Brussels", "Victoria", "City of Victoria", "Kingston", "Hamilton",
    "Georgetown", "Douglas", "Stanley", "Plymouth", "Jamestown", "Sofia", "Male", "Malé", "San José",
    "Moroni", "Tripoli", "Washington D.C.", "Nur-Sultan", "Ramallah", "Lobamba",
    "Kralendijk / Oranjestad / The Bottom", "Vatican City State", "The Valley",
    "Saint John's", "St. George's", "Praia",
}

# Institutions that stand for their state in the news: seats of government and
# national legislatures known by a name of their own. No cities or regions
# besides capitals: a list of one story's towns would tilt the gazetteer
# towards that story, and a name-only mention of a town says little of a state.
PLACES: dict[str, list[str]] = {
    "ua": ["Verkhovna Rada", "Rada"],
    "ru": ["the Kremlin", "The Kremlin", "Kremlin", "State Duma", "Duma"],
    "us": ["White House", "Pentagon", "Capitol Hill", "State Department"],
    "gb": ["Downing Street", "Whitehall"],
    "fr": ["Élysée", "Elysee", "Élysée Palace", "Elysee Palace", "Quai d'Orsay"],
    "de": ["Bundestag"],
    "pl": ["Sejm"],
    "fi": ["Eduskunta"],
    "lv": ["Saeima"],
    "lt": ["Seimas"],
    "ee": ["Riigikogu"],
    "se": ["Riksdag"],
    "no": ["Storting", "Stortinget"],
    "dk": ["Folketing", "Folketinget"],
    "is": ["Althing", "Alþingi"],
    "il": ["Knesset"],
    "ie": ["Dáil", "Dáil Éireann", "Oireachtas"],
    "in": ["Lok Sabha", "Rajya Sabha"],
    "cn": ["Zhongnanhai", "National People's Congress"],
    "ca": ["Parliament Hill"],
    "es": ["Moncloa"],
    "it": ["Palazzo Chigi"],
}

# Demonyms: countryinfo's unless replaced here (value: all singular forms).
DEMONYM_OVERRIDES: dict[str, list[str]] = {
    "ag": ["Antiguan", "Barbudan"],
    "ar": ["Argentine", "Argentinian", "Argentinean"],
    "az": ["Azerbaijani", "Azeri"],
    "ba": ["Bosnian", "Herzegovinian"],
    "bw": ["Motswana", "Batswana"],
    "cd": [],  # "Congolese" is either Congo: no demonym for both
    "dj": ["Djiboutian"],
    "bf": ["Burkinabe"],
    "sa": ["Saudi", "Saudi Arabian"],
    "cg": [],
    "cv": ["Cape Verdean"],
    "dm": [],  # "Dominican" is read as the Dominican Republic
    "ec": ["Ecuadorian", "Ecuadorean"],
    "gb": ["British", "Briton", "Brit", "Scottish", "Scot", "Welsh", "Northern Irish"],
    "is": ["Icelandic", "Icelander"],
    "kg": ["Kyrgyz", "Kyrgyzstani"],
    "km": ["Comorian", "Comoran"],
    "kn": ["Kittitian", "Nevisian"],
    "kp": ["North Korean"],
    "kr": ["South Korean"],
    "kz": ["Kazakh", "Kazakhstani"],
    "la": ["Lao", "Laotian"],
    "ls": ["Mosotho", "Basotho"],
    "mv": ["Maldivian"],
    "ps": ["Palestinian"],
    "rs": ["Serbian", "Serb"],
    "hr": ["Croatian", "Croat"],
    "si": ["Slovenian", "Slovene"],
    "sk": ["Slovak", "Slovakian"],
    "sr": ["Surinamese"],
    "st": ["Santomean"],
    "tj": ["Tajik", "Tajikistani"],
    "tt": ["Trinidadian", "Tobagonian"],
    "uz": ["Uzbek", "Uzbekistani"],
    "va": [],
    "xk": ["Kosovan", "Kosovar"],
    "pl": ["Polish", "Pole"],
    "fi": ["Finnish", "Finn"],
    "dk": ["Danish", "Dane"],
    "se": ["Swedish", "Swede"],
    "tr": ["Turkish", "Turk"],
    "es": ["Spanish", "Spaniard"],
    "cz": ["Czech"],
}
# Plurals that are not singular + "s"; demonyms absent here and ending in
# -ese, -ish, -ch, -ss, -sh, -s, -x or -z have no plural form.
PLURALS = {
    "Brit": "Brits", "Briton": "Britons", "Scot": "Scots", "Czech": "Czechs",
    "Motswana": "", "Batswana": "", "Mosotho": "", "Basotho": "", "Malagasy": "",
    "I-Kiribati": "", "Ni-Vanuatu": "", "Lao": "", "Swiss": "", "Kyrgyz": "", "Turkmen": "Turkmens",
    "Welsh": "", "Northern Irish": "", "Icelandic": "", "Burkinabe": "",
}

# Several states under one name. Each phrase also gets "the"/"The" forms.
GROUPS: list[tuple[list[str], list[str]]] = [
    (["Baltic states", "Baltic nations", "Baltic countries", "Baltic republics", "Baltics",
      "three Baltic states", "three Baltic nations", "three Baltic countries", "three Baltic republics",
      "ex-Soviet Baltic states", "three ex-Soviet Baltic states", "former Soviet Baltic states",
      "three former Soviet Baltic states", "Baltic States", "Baltic NATO members",
      "Baltic NATO states", "Baltic NATO countries", "Baltic allies"], ["ee", "lt", "lv"]),
    (["two Koreas", "Koreas"], ["kp", "kr"]),
    (["both Koreas"], ["kp", "kr"]),
    (["Nordic countries", "Nordic states", "Nordic nations", "Nordics"], ["dk", "fi", "is", "no", "se"]),
    (["Scandinavian countries", "Scandinavian states", "Scandinavian nations"], ["dk", "no", "se"]),
    (["Benelux countries", "Benelux"], ["be", "lu", "nl"]),
]

# Phrases consumed with no place, so that no alias inside them matches.
EXCLUDE = [
    # Treaties named after a capital ("Ottawa Convention", "Paris Agreement") need no entry:
    # the guard of every capital rejects it before a treaty word (places.py).
    # Organisations and media named after a place.
    "Human Rights Watch", "Washington Post", "Washington Times", "New York Times",
    "Radio Free Europe", "Voice of America", "Bank of America",
    # Regions that share a word with a country.
    "Korean Peninsula", "Korean peninsula", "Latin America", "Latin American", "South America",
    "South American", "North America", "North American", "Central America", "Central American",
    "Americas", "Latin Americans", "South Americans", "North Americans", "Central Americans",
    "American Indian", "American Indians", "West Indian", "West Indians", "Irish Sea", "Indian Ocean",
    "South China Sea", "East China Sea", "North Pole", "South Pole",
    "New Guinea", "Gulf of Guinea", "New Jersey", "Jersey City", "New Mexico", "Gulf of Mexico",
    "New South Wales", "British Columbia", "Georgia Tech", "Georgia State", "Lake Chad",
    "Niger River", "Niger Delta", "Congo River", "Congo Basin", "Jordan River", "Jordan Valley",
    "Dominican Order", "Turkish delight", "French fries", "French Open", "Swiss cheese",
]

# Guards (see places.py): "name" for aliases that are also people's names or
# other things when a capitalised word stands next to them ("Michael Jordan",
# "Chad Smith", "Niger Delta"), or a treaty word follows ("Minsk agreements",
# "Paris Agreement"); every capital gets it. "us-state" adds U.S.-state
# contexts to "name" ("state of Georgia", "Atlanta, Georgia"); "shout" rejects
# "US" after an all-caps word ("CONTACT US", "JOIN US").
GUARDS = {
    "Jordan": "name", "Chad": "name", "Georgia": "us-state", "Niger": "name", "Guinea": "name",
    "Turkey": "name", "Holland": "name", "Jersey": "name", "Cuba": "name", "Jamaica": "name",
    "Wales": "name", "Washington": "name", "Finn": "name", "Dane": "name", "Pole": "name",
    "Turk": "name", "Scot": "name", "Brit": "name", "Swede": "name", "Serb": "name", "Croat": "name",
    "Pentagon": "name", "US": "shout", "Macedonia": "name", "Scotland": "name",
    "England": "name", "Duma": "name", "Rada": "name",
}

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
