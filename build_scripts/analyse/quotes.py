"""Find the direct quotations of a document, with their speaker and the speaker's role.

Standard library only: a few linear passes over each paragraph with small,
bounded regular expressions, then word lists for the grammar.

Quotation marks
  * “…”, «…» and straight "…" mark quotations. ‘…’ and '…' do too, but only
    when the opening mark starts a word (after a space, bracket or dash) and a
    matching closing mark ends one (followed by a space, punctuation or the end
    of the paragraph): ’ is otherwise an apostrophe (Russia’s, doesn’t). A
    single mark that never closes is taken for an apostrophe.
  * Only the outermost quotation counts; marks nested inside it are its text.
  * A quotation still open at the end of a paragraph continues in the next
    text paragraph when that one opens with the same mark (the news convention
    for quotations of several paragraphs); otherwise it ends with its
    paragraph. A new “ inside an open “ ends the open one.
  * Quotations of fewer than three words (scare quotes) are dropped.
  * A part is the text between the marks, without the spaces at its edges and
    without the comma that leads into an attribution (“…,” he said): it is
    always a verbatim slice of the block text.
  * Only blocks of kind "text" are searched.

Speaker (the first rule that gives one)
  1. After the quotation: “…,” SUBJ said / “…,” said NAME, ROLE /
     “…,” according to SUBJ / “…,” the statement read / “…,” he wrote in a post.
  2. Before it in the same sentence: SUBJ (, ROLE,) said/stated/added … [,:] “…”;
     SUBJ said that … “partial quote”; SUBJ described … as “…”;
     according to SUBJ, … ‘…’; …, saying “…” (the subject of the clause before).
  3. A pull-quote name line right after the quotation (a block the furniture
     rules call "name line of a pull quote").
  4. An earlier quotation in the same paragraph (“…,” he said. “…”), unless a
     sentence between them opens with another name.
  5. A paragraph that opens with a quotation and has no speech verb: the
     speaker of the last quotation in the paragraph just before.
  Speech verbs: said, stated, wrote, added, told, asked, warned, argued, noted,
  insisted, stressed, described, echoed and the like; "read" only after a
  document (the statement read); agents after "according to" and
  "articulated/stated/expressed by".

Resolution of the subject
  * he/she → the latest person named as subject of a speech verb in this or
    the four blocks before; it → the latest body; they → the latest speaker.
  * "the statement", "the report" → the latest speaker in that window.
  * "the ministry", "the office" → the latest body whose name has those words,
    else a fuller earlier mention ("the Ukrainian foreign ministry").
  * "the (Ukrainian) president" → the person whose title has those words,
    anywhere earlier in the article; kept as written (kind person) otherwise.
  * A surname → the full name first written in the article.

Role and kind
  * Role: the apposition after the name as written ("Roman Kostenko, a member
    of Ukraine’s parliament, said" / "said Steve Goose, Arms Division director
    at Human Rights Watch"), or a title before it ("Ukrainian President
    Volodymyr Zelensky" → role "Ukrainian President"), or a descriptor before
    a body's name ("the international non-governmental organisation Human
    Rights Watch"). A speaker without one here carries the role of its first
    mention in the article.
  * Kind: "body" when the head word is an organisation word (ministry,
    government, council, office, Watch, group, committee, administration,
    army, forces, statement, …) or a capital city or state standing for its
    government; "person" for a name, a title or he/she; None otherwise.

Limits
  * English attribution patterns only; no parser, so a subject is the noun
    phrase right before the verb (or right after it, after a quotation).
  * A plural possessive (‘the groups’ view’) can end a single quotation early;
    inch marks and apostrophes in straight quotes are guessed from spacing.
  * A quotation whose speaker is only named in a later sentence, only after a
    following quotation (“…” and “…,” he said), or only as the subject of a
    sentence with no speech verb (Zelensky was careful: “…”) gets none.
  * An unresolved pronoun gives no speaker.
  * Possessives and descriptions without a speech verb ("the government’s
    rhetoric about ‘…’") give no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from build_scripts.model import Block, Document, Sentence

__all__ = ["Quote", "QuotePart", "find_quotes"]


@dataclass(frozen=True)
class QuotePart:
    """The quoted words of one paragraph: ``document.blocks[block].text[start:end]``."""

    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation, one part per paragraph it spans, and who said it."""

    source_id: str
    parts: tuple[QuotePart, ...]
    speaker: str | None
    role: str | None
    kind: str | None
    anchors: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)


# --- Vocabulary -------------------------------------------------------------

_TITLES = frozenset(
    "president vice-president minister secretary chancellor ambassador spokesperson spokesman "
    "spokeswoman director chairman chairwoman chair mayor governor commander general gen senator "
    "sen rep representative dr mr mrs ms prof professor king queen pope prince colonel col "
    "lieutenant lt captain capt sergeant admiral chief premier envoy commissioner speaker judge "
    "marshal adviser advisor lawmaker mp deputy head".split()
)
_ROLE_NOUNS = _TITLES | frozenset(
    "member members official officials leader analyst researcher expert editor founder ceo "
    "executive coordinator manager lawyer activist activists soldier officer diplomat negotiator "
    "politician legislator correspondent reporter journalist author writer commentator scholar "
    "fellow spokespeople person man woman resident residents critic critics campaigner "
    "campaigners investigator investigators prosecutor doctor survivor farmer deminer".split()
)
_BODY_HEADS = frozenset(
    "ministry ministries government council office watch group groups organisation organisations "
    "organization organizations committee administration army forces force statement kremlin "
    "department agency parliament rada union nato commission embassy police military court "
    "institute international nations assembly campaign coalition alliance service services staff "
    "command cabinet presidency secretariat delegation mission fund bank foundation company "
    "network monitor center centre party authorities pentagon".split()
)
_PLACES = frozenset("kyiv kiev moscow washington beijing brussels london paris berlin warsaw ukraine russia".split())
_DOC_NOUNS = frozenset(
    "statement report post letter message communique communiqué release decree study survey "
    "document note tweet website video address".split()
)
_NOT_SPEAKERS = frozenset("reports media sources estimates data figures".split())
_PRONOUN_KIND: dict[str, str | None] = {"he": "person", "she": "person", "it": "body", "they": None}
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_DETERMINERS = frozenset("the a an this these those its his her their our some many several".split())
_CONNECTORS = frozenset("of for and de du van von al bin la the".split())
_PREPOSITIONS = frozenset("of for at in on with from to within by".split())
_STOP_LOWER = frozenset(
    "that which who whom whose and or but as when while after before because if so then where to "
    "in on at from with by into than since also although though what how why is was are were has "
    "have had not there said says".split()
)
_STOP_CAPS = frozenset(
    "in on at for and but then meanwhile however also later earlier after before when while as "
    "since by with from during according asserting yet still now today yesterday last this that "
    "these those there here it he she they we i a an signed notably moreover thus so if although "
    "though january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_TAIL_WORDS = frozenset(
    "has have had also then later again earlier previously once further already recently "
    "repeatedly reportedly publicly however yesterday today".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen lt col sgt capt sen rep gov st no vs jr sr".split())
_NAME_LINE = "name line of a pull quote"
_WINDOW_BLOCKS = 4
"""How many blocks back a pronoun or "the statement" may look for its speaker."""
_WINDOW_CHARS = 250
"""How far from the verb a subject may start or end."""

# --- Regular expressions ----------------------------------------------------

_OPEN_MARK = re.compile("[“«\"‘']")
_CLOSERS = {
    "“": re.compile("[”“]"),
    "«": re.compile("[»«]"),
    '"': re.compile('"'),
    "‘": re.compile(r"(?<=\S)’(?!\w)|[“”]"),
    "'": re.compile(r"(?<=\S)'(?!\w)|[“”\"]"),
}
_MATCHING = {"“": "”", "«": "»", '"': '"', "‘": "’", "'": "'"}
_DOUBLE = frozenset('“«"')
_OPEN_AFTER = frozenset("([{—–-/“‘\"'")
_WORD = re.compile(r"\w+")
_EDGE = "“”\"'‘’«»()[]{},.;:!?"
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)|[;:()\[\]]|\s[–—]\s")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_POST_GAP = re.compile(r"[\s,—–-]*")
_VERBS = (
    "said|says|say|stated|wrote|writes|added|adds|told|tells|asked|asks|warned|warns|argued|argues|"
    "noted|insisted|insists|stressed|stresses|explained|explains|declared|declares|announced|"
    "announces|confirmed|confirms|described|describes|called|echoed|replied|responded|concluded|"
    "emphasi[sz]ed|acknowledged|admitted|urged|posted|tweeted|commented|remarked|agreed|countered|"
    "recalled|vowed|pledged|cautioned|alleged|reiterated|read"
)
_PARTICIPLES = "saying|adding|writing|noting|warning|stressing|asserting|insisting|arguing|explaining|declaring"
_SPEECH = re.compile(  # the look-ahead lets the engine skip quickly to a possible first letter
    r"(?=[Aaswtdnicreuvp])(?<![\w-])(?:(?P<agent>[Aa]ccording to|(?:articulated|stated|expressed|voiced|written|described) by)"
    rf"|(?P<verb>{_VERBS})|(?P<part>{_PARTICIPLES}))(?![\w-])"
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s*$")
_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:,? [A-Z][\w’'-]*)+")
_RUN_SEPARATOR = re.compile(r"(,? )")


# --- 1. Quotation spans -----------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """One paragraph's share of a quotation: marks at ``open`` and ``close``."""

    block: int
    open: int
    close: int
    """Index of the closing mark, or where the quotation stops when unclosed."""
    start: int
    end: int
    mark: str
    closed: bool


def _can_open(text: str, i: int, mark: str, singles: bool) -> bool:
    if mark in "“«":
        return True
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    after_space = i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_AFTER
    if mark == '"':
        return after_space
    return singles and after_space and text[i + 1].isalpha()


def _find_close(text: str, i: int, mark: str) -> tuple[int, bool] | None:
    """(index of the closing mark, True) or (where it stops, False); None: an apostrophe."""
    m = _CLOSERS[mark].search(text, i + 1)
    if mark in "‘'":
        return (m.start(), True) if m and m.group() == _MATCHING[mark] else None
    if m is None:
        return len(text), False
    return m.start(), m.group() == _MATCHING[mark]


def _make_span(block: int, text: str, open_: int, close: int, mark: str, closed: bool) -> _Span | None:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _Span(block, open_, close, start, end, mark, closed) if end > start else None


def _block_spans(block: int, text: str) -> list[_Span]:
    """The outermost quotations of one paragraph, left to right, in one pass."""
    spans: list[_Span] = []
    pos, singles = 0, True
    while m := _OPEN_MARK.search(text, pos):
        i, mark = m.start(), m.group()
        pos = i + 1
        if not _can_open(text, i, mark, singles):
            continue
        found = _find_close(text, i, mark)
        if found is None:
            singles = False  # an apostrophe; one failed search per paragraph at most
            continue
        close, closed = found
        span = _make_span(block, text, i, close, mark, closed)
        if span is not None:
            spans.append(span)
        pos = close + 1 if closed else close
    return spans


def _next_text_block(blocks: tuple[Block, ...], index: int) -> int | None:
    """The next text block, skipping page furniture other than a pull quote's name line."""
    for j in range(index + 1, len(blocks)):
        if blocks[j].kind == "text":
            return j
        if blocks[j].kind != "furniture" or blocks[j].reason == _NAME_LINE:
            return None
    return None


def _group_spans(blocks: tuple[Block, ...], spans: dict[int, list[_Span]]) -> list[list[_Span]]:
    """Join a quotation left open at a paragraph's end to the next paragraph's opening one."""
    groups: list[list[_Span]] = []
    pending: list[_Span] | None = None
    for index in sorted(spans):
        for k, span in enumerate(spans[index]):
            last = pending[-1] if pending else None
            if last and k == 0 and span.open == 0 and span.mark == last.mark and (
                _next_text_block(blocks, last.block) == index
            ):
                pending.append(span)
            else:
                pending = [span]
                groups.append(pending)
            if span.closed or span.mark not in _DOUBLE:
                pending = None
    return [g for g in groups if sum(len(_WORD.findall(_span_text(blocks, s))) for s in g) >= 3]


def _span_text(blocks: tuple[Block, ...], span: _Span) -> str:
    return blocks[span.block].text[span.start : span.end]


# --- 2. Noun phrases: speaker, role, kind ----------------------------------


@dataclass(frozen=True)
class _Phrase:
    """A subject as written, before pronouns and short references are resolved."""

    text: str
    role: str | None = None


@dataclass(frozen=True)
class _Speaker:
    text: str
    role: str | None
    kind: str | None


def _clean(word: str) -> str:
    return word.strip(_EDGE)


def _bare(word: str) -> str:
    """Lower case, without edge punctuation or a possessive 's."""
    return _clean(word).lower().removesuffix("’s").removesuffix("'s")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s"))


def _is_title(word: str) -> bool:
    return any(part in _TITLES for part in _bare(word).rstrip(".").split("-"))


def _head_noun(words: list[str]) -> str:
    """The last word before the first preposition: "a member of parliament" → "member"."""
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return _bare(words[cut - 1]) if cut else ""


def _role_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 20 and _head_noun(words) in (_ROLE_NOUNS | _BODY_HEADS)


def _kind(text: str) -> str | None:
    words = [_clean(w) for w in text.split() if _clean(w)]
    if not words:
        return None
    if words[-1].lower() in _PRONOUN_KIND:
        return _PRONOUN_KIND[words[-1].lower()]
    head = _head_noun(words)
    if head in _BODY_HEADS or head in _PLACES:
        return "body"
    if head in _ROLE_NOUNS:
        return "person"
    if _is_cap(words[-1]) and all(_is_cap(w) or w.lower() in _CONNECTORS for w in words):
        return "body" if any(_bare(w) in _BODY_HEADS for w in words) else "person"
    return None


def _cap_run_start(words: list[str]) -> int:
    """Start of the capitalised run (a name, maybe with a title) that ends ``words``."""
    i = len(words) - 1
    while i > 0 and (_is_cap(words[i - 1]) or (words[i - 1] in _CONNECTORS and i > 1 and _is_cap(words[i - 2]))):
        i -= 1
    while i < len(words) - 1 and (words[i].lower() in _STOP_CAPS or words[i] in _CONNECTORS):
        i += 1
    return i


def _split_title(run: list[str]) -> tuple[list[str], list[str]]:
    """("Ukrainian President", "Volodymyr Zelensky") from the run of both; ([], run) without a title."""
    titles = [i for i, w in enumerate(run) if _is_title(w)]
    if not titles or titles[-1] == len(run) - 1:
        return [], run
    name = run[titles[-1] + 1 :]
    if len(name) > 4 or name[0] in _CONNECTORS:
        return [], run
    return run[: titles[-1] + 1], name


def _descriptor(words: list[str]) -> str | None:
    """"the international non-governmental organisation" before a body's name."""
    for j in range(len(words) - 1, max(len(words) - 6, -1), -1):
        low = words[j].lower()
        if low in _DETERMINERS:
            return " ".join(words[j:])
        if _is_cap(words[j]) or low in _STOP_LOWER:
            return None
    return None


def _name_phrase(words: list[str]) -> _Phrase:
    start = _cap_run_start(words)
    run = [_strip_word(w) for w in words[start:]]
    title, name = _split_title(run)
    name = [w.removesuffix("’s").removesuffix("'s") for w in name]
    if title:
        return _Phrase(" ".join(name), " ".join(title).rstrip(","))
    return _Phrase(" ".join(name), _descriptor(words[:start]))


def _document_owner(words: list[str]) -> _Phrase | None:
    """"Human Rights Watch’s June report" → "Human Rights Watch"; "his statement" → "he"."""
    if _bare(words[-1]) not in _DOC_NOUNS:
        return None
    if words[0].lower() in _POSSESSIVE_PRONOUNS:
        return _Phrase(_POSSESSIVE_PRONOUNS[words[0].lower()])
    owner = next((i for i, w in enumerate(words) if _possessive(w)), None)
    if owner is None:
        return None
    return _Phrase(" ".join(words[: owner + 1]).removesuffix("’s").removesuffix("'s"))


def _common_phrase(words: list[str]) -> _Phrase | None:
    """A noun phrase ending in a common noun: from its determiner or possessive."""
    last = len(words) - 1
    start: int | None = None
    j = last
    while j >= max(0, last - 6):
        low = words[j].lower()
        if low in _STOP_LOWER and low not in _DETERMINERS:
            break
        if low in _DETERMINERS or _possessive(words[j]) or (j < last and _is_cap(words[j])):
            start = j
        j -= 1
    if start is None:
        start = j + 1 if last - j <= 3 else last
    phrase = words[start:]
    if _bare(phrase[-1]) in _NOT_SPEAKERS:
        return None
    return _document_owner(phrase) or _Phrase(" ".join(phrase))


def _strip_word(word: str) -> str:
    """Edge punctuation off, but the period of an abbreviation stays: "Dr."."""
    word = word.strip("“”\"«»()[]{};:!?,")
    return word if word.rstrip(".").lower() in _ABBREVIATIONS else word.rstrip(".")


def _noun_phrase(words: list[str]) -> _Phrase | None:
    """The noun phrase that ends ``words``: a pronoun, a name (with title) or a common noun phrase."""
    words = [w for w in (_strip_word(w) for w in words) if w]
    if "by" in words:
        words = words[len(words) - words[::-1].index("by") :]
    if not words or (words[-1].lower() in _STOP_LOWER and words[-1].lower() not in _PRONOUN_KIND):
        return None
    if words[-1].lower() in _PRONOUN_KIND:
        return _Phrase(words[-1].lower())
    if _is_cap(words[-1]) and not _possessive(words[-1]):
        return _name_phrase(words)
    return _common_phrase(words)


def _strip_tail(words: list[str]) -> list[str]:
    """Drop adverbs and auxiliaries between a subject and its verb: "he also has said"."""
    while words:
        low = words[-1].lower()
        if low in _TAIL_WORDS or (low.endswith("ly") and len(low) > 4 and not _is_cap(words[-1])):
            words = words[:-1]
        elif low in _WEEKDAYS and len(words) > 1 and words[-2].lower() == "on":
            words = words[:-2]
        else:
            break
    return words


def _appositive(text: str) -> _Phrase | None:
    """"NAME, ROLE" (the role may hold commas) or "TITLE, NAME" before a verb."""
    pieces = [p.strip() for p in text.split(",")]
    for k in range(len(pieces) - 2, -1, -1):
        words = pieces[k].split()
        role = ", ".join(pieces[k + 1 :])
        if words and _is_cap(words[-1]) and _role_like(role):
            named = _name_phrase(words)
            return _Phrase(named.text, role)
    if len(pieces) >= 2 and _role_like(pieces[-2]):
        words = pieces[-1].split()
        if words and all(_is_cap(w) for w in words) and len(words) <= 4:
            return _Phrase(" ".join(words), pieces[-2].split(",")[-1].strip())
    return None


def _subject_before(segment: str) -> _Phrase | None:
    """The subject that ends the clause before a speech verb."""
    words = _strip_tail(segment.split())
    if not words:
        return None
    text = " ".join(words)
    if not text.endswith(","):
        return _noun_phrase(text.rsplit(",", 1)[-1].split())
    found = _appositive(text[:-1])
    if found:
        return found
    pieces = [p.split() for p in text[:-1].split(",") if p.strip()]
    while len(pieces) > 1 and _parenthetical(pieces[-1]):
        pieces.pop()  # "Kuleba, who visited Kyiv, said": the subject is before the clause
    return _noun_phrase(pieces[-1]) if pieces else None


def _parenthetical(words: list[str]) -> bool:
    """A clause set off by commas: "who visited Kyiv", "asked about the decision"."""
    first = words[0].lower()
    return first not in _DETERMINERS and (first in _STOP_LOWER or first.endswith(("ing", "ed")))


def _leading_role(pieces: list[str]) -> str | None:
    """The apposition after a name: role-like, plus the pieces that go on in capitals."""
    if not pieces or not _role_like(pieces[0]):
        return None
    taken = [pieces[0]]
    for piece in pieces[1:]:
        if not piece[:1].isupper():
            break
        taken.append(piece)
    return ", ".join(taken)


def _subject_after(text: str) -> _Phrase | None:
    """The subject after the verb: "said Steve Goose, Arms Division director at …"."""
    pieces = [p.strip() for p in text.split(",")]
    words = pieces[0].split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _STOP_LOWER - {"by"}), len(words))
    words = words[:cut]
    if not words or (words[0].lower() in _STOP_LOWER and words[0].lower() not in _DETERMINERS):
        return None
    phrase = _noun_phrase(words)
    if phrase is None:
        return None
    return _Phrase(phrase.text, _leading_role(pieces[1:]) or phrase.role)


# --- 3. Attributions: speech verbs and their subjects ------------------------


@dataclass(frozen=True)
class _Attribution:
    """A speech verb outside quotation marks and its subject as written."""

    block: int
    floor: int
    """Where the attribution's clause starts (the subject, or the verb put first)."""
    verb: int
    end: int
    """Where it ends: the verb, or the subject when that follows the verb."""
    phrase: _Phrase | None
    participle: bool = False


def _abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"(\w+)$", text[max(0, dot - 8) : dot])
    return bool(m) and (m.group(1).lower() in _ABBREVIATIONS or (len(m.group(1)) == 1 and m.group(1).isupper()))


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Clause and sentence boundaries (their ends) between start and end."""
    return [m.end() for m in _BOUNDARY.finditer(text, start, end) if not _abbreviation(text, m.start())]


def _sentence_ends(text: str, start: int, end: int) -> bool:
    return any(not _abbreviation(text, m.start()) for m in _SENTENCE_END.finditer(text, start, end))


def _floor(text: str, pos: int, spans: list[_Span]) -> int:
    floor = max(0, pos - _WINDOW_CHARS)
    floor = max([floor] + [s.close + 1 for s in spans if s.close < pos])
    found = _boundaries(text, floor, pos)
    return found[-1] if found else floor


def _ceiling(text: str, pos: int, spans: list[_Span]) -> int:
    limit = min([pos + _WINDOW_CHARS, len(text)] + [s.open for s in spans if s.open >= pos])
    m = next((m for m in _BOUNDARY.finditer(text, pos, limit) if not _abbreviation(text, m.start())), None)
    return m.start() if m else limit


def _inside(spans: list[_Span], pos: int) -> bool:
    return any(s.open < pos < s.close for s in spans)


def _attribution(block: int, text: str, m: re.Match[str], spans: list[_Span]) -> _Attribution | None:
    if m.group("part"):
        return _Attribution(block, m.start(), m.start(), m.end(), None, participle=True)
    floor = _floor(text, m.start(), spans)
    before = text[floor : m.start()]
    if m.group("agent") or not before.strip(" ,—–-"):
        ceiling = _ceiling(text, m.end(), spans)
        phrase = _subject_after(text[m.end() : ceiling])
        return _Attribution(block, m.start(), m.start(), ceiling, phrase) if phrase else None
    if _PASSIVE.search(before):
        return None
    phrase = _subject_before(before)
    if phrase is None or (m.group("verb") == "read" and _bare(phrase.text.split()[-1]) not in _DOC_NOUNS):
        return None
    return _Attribution(block, floor, m.start(), m.end(), phrase)


def _block_attributions(block: int, text: str, spans: list[_Span]) -> list[_Attribution]:
    found = (_attribution(block, text, m, spans) for m in _SPEECH.finditer(text) if not _inside(spans, m.start()))
    return [a for a in found if a is not None]


# --- 4. Resolving pronouns, short references and surnames --------------------


@dataclass(frozen=True)
class _Mention:
    """A person named with a title before the name, anywhere in the article."""

    block: int
    pos: int
    name: str
    role: str


def _title_mentions(block: int, text: str) -> list[_Mention]:
    """"Ukrainian President Volodymyr Zelensky", "Ukrainian President, Volodymyr Zelenskyy"."""
    found: list[_Mention] = []
    for m in _CAP_RUN.finditer(text):
        parts = _RUN_SEPARATOR.split(m.group())
        words, commas = parts[0::2], [sep.startswith(",") for sep in parts[1::2]]
        titles = [i for i, w in enumerate(words) if _is_title(w)]
        if not titles or titles[-1] == len(words) - 1:
            continue
        t = titles[-1]
        name: list[str] = []
        for j in range(t + 1, min(t + 4, len(words))):
            if (j > t + 1 and commas[j - 1]) or _bare(words[j]) in _BODY_HEADS:
                break
            name.append(words[j].removesuffix("’s").removesuffix("'s"))
        first = t
        while first > 0 and not commas[first - 1] and words[first - 1].lower() not in _STOP_CAPS:
            first -= 1
        if name:
            found.append(_Mention(block, m.start(), " ".join(name), " ".join(words[first : t + 1])))
    return found


@dataclass
class _Resolver:
    """Turns subjects as written into speakers, in document order."""

    blocks: tuple[Block, ...]
    mentions: list[_Mention]
    first_role: dict[str, str]
    full_names: dict[str, str]
    history: list[tuple[int, int, _Speaker]] = field(default_factory=list)
    keys: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keys = [(m.block, m.pos) for m in self.mentions]

    @classmethod
    def build(cls, blocks: tuple[Block, ...], atts: dict[int, list[_Attribution]]) -> _Resolver:
        mentions = [m for i in sorted(atts) for m in _title_mentions(i, blocks[i].text)]
        named = [(m.block, m.pos, m.name, m.role) for m in mentions] + [
            (a.block, a.floor, a.phrase.text, a.phrase.role)
            for i in sorted(atts) for a in atts[i] if a.phrase and _is_cap(a.phrase.text)
        ]
        first_role: dict[str, str] = {}
        full_names: dict[str, str] = {}
        for _, _, name, role in sorted(named, key=lambda n: (n[0], n[1])):
            if role:
                first_role.setdefault(name, role)
            if " " in name and all(_is_cap(w) for w in name.split()) and _kind(name) == "person":
                full_names.setdefault(name.split()[-1], name)
        return cls(blocks, mentions, first_role, full_names)

    def named(self, phrase: _Phrase) -> _Speaker:
        name = self.full_names.get(phrase.text, phrase.text) if " " not in phrase.text else phrase.text
        return _Speaker(name, phrase.role or self.first_role.get(name), _kind(name))

    def resolve(self, att: _Attribution) -> _Speaker | None:
        if att.participle:
            speaker = next((s for b, p, s in reversed(self.history) if b == att.block and p < att.verb), None)
        elif att.phrase is None:
            speaker = None
        else:
            speaker = self._phrase(att.phrase, att.block, att.verb)
        if speaker is not None:
            self.history.append((att.block, att.verb, speaker))
        return speaker

    def _phrase(self, phrase: _Phrase, block: int, pos: int) -> _Speaker | None:
        words = phrase.text.split()
        if phrase.text in _PRONOUN_KIND:
            return self._recent(block, _PRONOUN_KIND[phrase.text], phrase.text == "they")
        if words[0].lower() in ("the", "this") and len(words) <= 4:
            found = self._reference(phrase, block, pos)
            if found:
                return found
            return _Speaker(phrase.text, phrase.role, _kind(phrase.text))
        return self.named(phrase)

    def _recent(self, block: int, kind: str | None, anyone: bool = False) -> _Speaker | None:
        for b, _, speaker in reversed(self.history):
            if b < block - _WINDOW_BLOCKS:
                break
            if anyone or speaker.kind == kind:
                return speaker
        if kind == "person":
            last = bisect_left(self.keys, (block + 1, 0)) - 1
            if last >= 0 and self.mentions[last].block >= block - _WINDOW_BLOCKS:
                return self.named(_Phrase(self.mentions[last].name))
        return None

    def _reference(self, phrase: _Phrase, block: int, pos: int) -> _Speaker | None:
        """"the statement", "the ministry", "the Ukrainian president" → who was meant."""
        words = {_bare(w) for w in phrase.text.split()} - _DETERMINERS
        head = _bare(phrase.text.split()[-1])
        if head in _DOC_NOUNS:
            return self._recent(block, None, anyone=True)
        if head in _ROLE_NOUNS:
            return self._titled(words, block, pos)
        if head in _BODY_HEADS:
            return self._body(words, block) or self._fuller(head, words, block, pos)
        return None

    def _titled(self, words: set[str], block: int, pos: int) -> _Speaker | None:
        for i in range(bisect_left(self.keys, (block, pos)) - 1, -1, -1):
            m = self.mentions[i]
            if words <= {_bare(w) for w in m.role.split()}:
                return _Speaker(m.name, self.first_role.get(m.name, m.role), "person")
        return None

    def _body(self, words: set[str], block: int) -> _Speaker | None:
        for b, _, speaker in reversed(self.history):
            if b < block - _WINDOW_BLOCKS:
                break
            if speaker.kind == "body" and words <= {_bare(w) for w in speaker.text.split()}:
                return speaker
        return None

    def _fuller(self, head: str, words: set[str], block: int, pos: int) -> _Speaker | None:
        """A longer earlier mention: "the ministry" → "the Ukrainian foreign ministry"."""
        pattern = re.compile(rf"\b(?:[Tt]he|[A-Z][\w-]*[’']s)\s(?:[\w’'-]+\s){{0,3}}?{re.escape(head)}\b", re.I)
        for b in range(block, max(-1, block - _WINDOW_BLOCKS - 1), -1):
            if self.blocks[b].kind != "text":
                continue
            text = self.blocks[b].text[: pos if b == block else None]
            for m in reversed(list(pattern.finditer(text))):
                found = m.group()
                if len(found.split()) > len(words) + 1 and words <= {_bare(w) for w in found.split()}:
                    return _Speaker(found, None, "body")
        return None


# --- 5. Choosing each quotation's speaker -----------------------------------


@dataclass
class _Context:
    blocks: tuple[Block, ...]
    atts: dict[int, list[tuple[_Attribution, _Speaker | None]]]
    resolver: _Resolver
    last_in_block: dict[int, tuple[_Speaker, int]] = field(default_factory=dict)
    """Per block, the speaker of its last quotation and where that quotation closed."""


def _after_quote(group: list[_Span], ctx: _Context) -> _Speaker | None:
    last = group[-1]
    if not last.closed:
        return None
    text = ctx.blocks[last.block].text
    for att, speaker in ctx.atts[last.block]:
        if att.floor > last.close:
            return speaker if _POST_GAP.fullmatch(text, last.close + 1, att.floor) else None
    return None


def _before_quote(group: list[_Span], ctx: _Context) -> _Speaker | None:
    first = group[0]
    text = ctx.blocks[first.block].text
    before = [(a, s) for a, s in ctx.atts[first.block] if a.end <= first.open]
    if not before:
        return None
    att, speaker = before[-1]
    return None if _sentence_ends(text, att.end, first.open) else speaker


def _name_line(group: list[_Span], ctx: _Context) -> _Speaker | None:
    j = group[-1].block + 1
    if j < len(ctx.blocks) and ctx.blocks[j].kind == "furniture" and ctx.blocks[j].reason == _NAME_LINE:
        return ctx.resolver.named(_Phrase(ctx.blocks[j].text))
    return None


def _same_paragraph(group: list[_Span], ctx: _Context) -> _Speaker | None:
    """The speaker of the quotation before, unless a sentence between opens with someone else."""
    first = group[0]
    previous = ctx.last_in_block.get(first.block)
    if previous is None:
        return None
    speaker, close = previous
    own = {_bare(w) for w in f"{speaker.text} {speaker.role or ''}".split()}
    return None if _new_subject(ctx.blocks[first.block].text, close + 1, first.open, own) else speaker


def _new_subject(text: str, start: int, end: int, own: set[str]) -> bool:
    """True when a sentence between start and end opens with a name ("Zelensky, however, …")."""
    known = _STOP_CAPS | own
    for m in _SENTENCE_END.finditer(text, start, end):
        words = text[m.end() : end].split(maxsplit=1)
        if words and _is_cap(words[0]) and _bare(words[0]) not in known:
            if not _abbreviation(text, m.start()):
                return True
    return False


def _previous_paragraph(group: list[_Span], ctx: _Context) -> _Speaker | None:
    first = group[0]
    if first.open != 0 or ctx.atts[first.block]:
        return None
    previous = ctx.last_in_block.get(first.block - 1)
    return previous[0] if previous and ctx.blocks[first.block - 1].kind == "text" else None


_RULES = (_after_quote, _before_quote, _name_line, _same_paragraph, _previous_paragraph)


def _anchors(parts: tuple[QuotePart, ...], by_block: dict[int, list[Sentence]]) -> tuple[str, ...]:
    found: list[str] = []
    for part in parts:
        for s in by_block.get(part.block, []):
            if s.start < part.end and part.start < s.start + len(s.text) and s.anchor not in found:
                found.append(s.anchor)
    return tuple(found)


def find_quotes(document: Document) -> list[Quote]:
    """Every direct quotation of three words or more, in order, with its speaker."""
    blocks = document.blocks
    spans = {i: _block_spans(i, b.text) for i, b in enumerate(blocks) if b.kind == "text"}
    raw = {i: _block_attributions(i, blocks[i].text, spans[i]) for i in spans}
    resolver = _Resolver.build(blocks, raw)
    atts = {i: [(a, resolver.resolve(a)) for a in raw[i]] for i in sorted(raw)}
    ctx = _Context(blocks, atts, resolver)
    by_block: dict[int, list[Sentence]] = {}
    for s in document.sentences:
        by_block.setdefault(s.block, []).append(s)
    quotes: list[Quote] = []
    for group in _group_spans(blocks, spans):
        speaker = next((s for rule in _RULES if (s := rule(group, ctx))), None)
        if speaker:
            ctx.last_in_block[group[-1].block] = (speaker, group[-1].close)
        parts = tuple(QuotePart(s.block, s.start, s.end, _span_text(blocks, s)) for s in group)
        quotes.append(Quote(
            document.source.id, parts, speaker.text if speaker else None,
            speaker.role if speaker else None, speaker.kind if speaker else None, _anchors(parts, by_block),
        ))
    return quotes
