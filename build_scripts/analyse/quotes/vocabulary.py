"""The word lists and limits of quotation finding: titles, role nouns, organisation words, …."""

from __future__ import annotations

TITLES = frozenset(
    "president vice-president minister secretary chancellor ambassador spokesperson spokesman "
    "spokeswoman director chairman chairwoman chair mayor governor commander general gen senator "
    "sen rep representative dr mr mrs ms prof professor king queen pope prince colonel col "
    "lieutenant lt captain capt sergeant admiral chief premier envoy commissioner speaker judge "
    "marshal adviser advisor lawmaker mp deputy head officer superintendent inspector detective constable "
    "councillor councilor sheriff".split()
)
ROLE_NOUNS = TITLES | frozenset(
    "member official leader analyst researcher expert editor founder ceo "
    "executive coordinator manager lawyer activist soldier officer diplomat negotiator "
    "politician legislator correspondent reporter journalist author writer commentator scholar "
    "fellow person man woman resident critic campaigner "
    "investigator prosecutor doctor survivor farmer deminer engineer scientist "
    "economist historian teacher nurse worker firefighter pilot driver student consultant physician surgeon "
    "architect witness victim volunteer trustee inspector officer superintendent detective "
    "constable councillor councilor lecturer specialist professor secretary fireman neighbour neighbor "
    "wife husband son daughter mother father brother sister friend colleague grandmother grandfather".split()
)
HONORIFICS = frozenset("mr mrs ms miss mx".split())
"""Titles that say nothing of a role: not shown as one."""
PLURAL_PEOPLE = frozenset(
    "members officials activists residents critics campaigners investigators spokespeople people ministers "
    "leaders analysts experts officers diplomats lawmakers legislators politicians soldiers doctors survivors "
    "farmers workers witnesses victims volunteers families neighbours neighbors parents scientists".split()
)
"""Plural role nouns: a group of people speaks, not one person."""
_BODY_WORDS = frozenset(
    "ministry ministries government council office watch group groups organisation organisations "
    "organization organizations committee administration army forces force statement kremlin "
    "department agency parliament rada union nato commission embassy police military court "
    "institute international nations assembly campaign coalition alliance service services staff "
    "command cabinet presidency secretariat delegation mission fund bank foundation company "
    "network monitor center centre party authorities pentagon authority board association federation "
    "society university hospital bureau directorate inspectorate regulator tribunal".split()
)
CORPORATE = frozenset(
    "company companies corporation corp inc ltd plc llc gmbh holdings logistics mutual insurance insurers "
    "airlines airways motors industries energy shipping systems technologies partners bank group trust".split()
)
"""Head words of a business's name: what "the company" or "the firm" can stand for."""
GENERIC_ORG = frozenset("company firm operator business insurer carrier employer".split())
"""Head words of a description that stands for a business named before."""
BODY_HEADS = _BODY_WORDS | CORPORATE | GENERIC_ORG
ROLE_OR_BODY = ROLE_NOUNS | BODY_HEADS
PLACES = frozenset("kyiv kiev moscow washington beijing brussels london paris berlin warsaw ukraine russia".split())
DOC_NOUNS = frozenset(
    "statement report post letter message communique communiqué release decree study survey "
    "document note tweet website video address".split()
)
NOT_SPEAKERS = frozenset("reports media sources estimates data figures".split())
QUANTIFIERS = frozenset("one another some others many several both few most all each either neither none".split())
"""Words that stand for an unnamed member of a group ("One, who asked not to be named, said"): no speaker."""
PRONOUN_KIND: dict[str, str | None] = {"he": "person", "she": "person", "it": "body", "they": None}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
DETERMINERS = frozenset("the a an this these those its his her their our some many several".split())
CONNECTORS = frozenset("of for and de du van von al bin la the".split())
PREPOSITIONS = frozenset("of for at in on with from to within by".split())
STOP_LOWER = frozenset(
    "that which who whom whose and or but as when while after before because if so then where to "
    "in on at from with by into than since also although though what how why is was are were has "
    "have had not there said says".split()
)
STOP_CAPS = frozenset(
    "in on at for and but then meanwhile however also later earlier after before when while as "
    "since by with from during according asserting yet still now today yesterday last this that "
    "these those there here it he she they we i a an signed notably moreover thus so if although "
    "though january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
TAIL_WORDS = frozenset(
    "has have had also then later again earlier previously once further already recently "
    "repeatedly reportedly publicly however yesterday today".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
ABBREVIATIONS = frozenset("mr mrs ms dr prof gen lt col sgt capt sen rep gov st no vs jr sr".split())
NAME_LINE = "name line of a pull quote"
WINDOW_BLOCKS = 4
"""How many blocks back a pronoun or "the statement" may look for its speaker."""
WINDOW_CHARS = 250
"""How far from the verb a subject may start or end."""
