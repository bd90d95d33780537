"""Find the direct quotations of a document, with their speaker and the speaker's role.

Standard library and the project's gazetteer (``analyse.places``, to tell a
state speaking from a person): a few linear passes over each paragraph with
small, bounded regular expressions, then word lists for the grammar.

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
  * ``without_repeats`` (for the quotes page, through ``quote_groups``): words a
    source prints again (a pull quote left in the text, an echo such as "the
    government’s rhetoric about ‘…’") are left out when a quotation of the same
    source holds them and has a speaker, unless the repeat names another one.
    ``find_quotes`` keeps them: other stages look quotations up by sentence.

Speaker (the first rule that gives one)
  1. After the quotation: “…,” SUBJ said / “…,” said NAME, ROLE /
     “…,” according to SUBJ / “…,” the statement read / “…,” he wrote in a post;
     or a signature after a dash: “…” — NAME, ROLE.
  2. Before it in the same sentence: SUBJ (, ROLE,) said/stated/added … [,:] “…”;
     SUBJ said that … “partial quote”; SUBJ described … as “…”;
     according to SUBJ, … ‘…’; …, saying “…” (the subject of the clause before).
  3. A paragraph that ends with an attribution and a colon ("He said:", "She
     wrote in a statement:") names the quotation that opens the next paragraph.
  4. A colon after a clause whose subject is a person marked as one
     ("Lithuania's foreign minister, NAME, marked it with a post: “…”").
  5. A pull-quote name line right after the quotation (a block the furniture
     rules call "name line of a pull quote").
  6. An earlier quotation in the same paragraph (“…,” he said. “…”), unless a
     sentence between them opens with another name.
  7. A quotation that is a sentence of its own right after a sentence of
     reported speech in the same paragraph ("NAME said the report was fair. “…”").
  8. A paragraph that opens with a quotation and has no speech verb: the
     speaker of the last quotation of the paragraph before, or of the speech
     verb in its last sentence (news style: "NAME, ROLE, said …" then a
     quotation of one or several paragraphs, the first left unclosed).
  Speech verbs: said, stated, wrote, added, told, asked, warned, argued, noted,
  insisted, stressed, described, echoed and the like; "read" only after a
  document (the statement read); agents after "according to" and
  "articulated/stated/expressed by".

Resolution of the subject
  * he/she → the later of: the latest person named as subject of a speech verb,
    and the latest person who opens a clause and whom the sentence marks as a
    person ("NAME, who …", "NAME, a ROLE, …", "ROLE, NAME, …", or a person named
    before opening a sentence again: "Carter disagreed."), in this or the four
    blocks before; a person whose role or honorific gives the other gender
    (spokeswoman, Mr) is skipped. Then a titled name in that window.
  * it → the latest body; they → the latest speaker.
  * "NAME, ROLE, who said": the antecedent of "who".
  * "the statement", "the report" → the latest speaker in that window.
  * "the ministry", "the office" → the latest body whose name has those words,
    else a fuller earlier mention ("the Ukrainian foreign ministry").
  * "the company", "the firm", "the operator" → the latest business (a name
    whose head word is Logistics, Holdings, Mutual, Group, …) named as a
    speaker or at the start of a sentence in that window; never a public body.
  * "the (Ukrainian) president" → the person whose title has those words,
    anywhere earlier in the article; "the spokesperson" → the speaker whose
    role it is; kept as written otherwise.
  * "a spokesperson for BODY" (unnamed) → the body, with the role
    "spokesperson".
  * A surname → the full name first written in the article (across sources,
    ``quote_groups`` joins a surname to the one person of that surname).

Role, kind and setting
  * Role: the apposition after the name as written ("Roman Kostenko, a member
    of Ukraine’s parliament, said" / "said Steve Goose, Arms Division director
    at Human Rights Watch" / "Arvydas Pocius, a Conservative, urged"; an age
    before it is dropped), or a title before it ("Ukrainian President Volodymyr
    Zelensky" → role "Ukrainian President"; the noun phrase only: "after the
    president of X, NAME" → "the president of X"), or a descriptor before a
    body's name. A speaker without one here carries the role of its first
    mention in the article. ``Quote.role_anchor`` is the sentence that states
    the role, which the quotes page cites.
  * Kind: "body" when the head word is an organisation word (ministry,
    government, council, authority, Watch, group, Logistics, …) or the phrase
    names only states or capitals (the project's gazetteer); "person" for a
    name, a title or he/she; None for a group of people (a plural role noun,
    "Analysts at Barclays", names joined by "and") and otherwise.
  * Setting (``Quote.setting``): the words right after the speech verb that
    say when, where or how ("in a statement", "in June", "told lawmakers
    before the vote"), as written; nothing is resolved.

Limits
  * English attribution patterns only; no parser, so a subject is the noun
    phrase right before the verb (or right after it, after a quotation).
  * A plural possessive (‘the groups’ view’) can end a single quotation early;
    inch marks and apostrophes in straight quotes are guessed from spacing.
  * A quotation whose speaker is only named in a later sentence, only after a
    following quotation (“…” and “…,” he said), or only as the subject of a
    sentence that does not mark it as a person (Zelensky was careful: “…”)
    gets none.
  * Gender is known only from roles and honorifics, never guessed from a name.
  * An unresolved pronoun gives no speaker.
  * Possessives and descriptions without a speech verb ("the government’s
    rhetoric about ‘…’") give no speaker.

Layout
  * ``vocabulary``: the word lists and limits;
  * ``spans``: the quotation marks, paragraph by paragraph;
  * ``phrases``: noun phrases, the speaker, role and kind they give;
  * ``attributions``: speech verbs and their subjects as written;
  * ``subjects``: persons and organisations that open a sentence;
  * ``titled_names``: names written with a title before them;
  * ``resolve``: pronouns, short references and surnames turned into speakers;
  * ``rules``: the choice of each quotation's speaker.

Speed
  * An article without a quotation is done once its quotation marks are found.
  * Speech verbs and titled names are looked for once per article, in its
    paragraphs joined by line breaks; speech verbs as words of a plain ASCII
    copy of that text. Clause boundaries and quotation marks are looked for
    with cheap string tests first: the patterns run only where they can match.
  * The functions of words and of the short phrases before a verb are
    memoised: the same ones ("he", "the ministry") come back all the time.
"""

from __future__ import annotations

import re

from build_scripts.analyse.quotes.attributions import article_attributions, setting
from build_scripts.analyse.quotes.phrases import bare
from build_scripts.analyse.quotes.resolve import Resolver
from build_scripts.analyse.quotes.rules import Context, choose_speaker
from build_scripts.analyse.quotes.spans import block_spans, group_spans, span_text
from build_scripts.analyse.quotes.vocabulary import HONORIFICS
from build_scripts.model import Document, Quote, QuotePart, Sentence

__all__ = ["Quote", "QuotePart", "find_quotes", "without_repeats"]


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
    spans = {i: block_spans(i, b.text) for i, b in enumerate(blocks) if b.kind == "text"}
    groups = group_spans(blocks, spans)
    if not groups:
        return []  # nothing to attribute: spare the speech verbs and names of the whole article
    raw = article_attributions(blocks, spans)
    resolver = Resolver.build(blocks, raw)
    atts = {i: [(a, resolver.resolve(a)) for a in raw[i]] for i in sorted(raw)}
    ctx = Context(blocks, atts, resolver)
    by_block: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    quotes: list[Quote] = []
    for group in groups:
        speaker = choose_speaker(group, ctx)
        parts = tuple(QuotePart(s.block, s.start, s.end, span_text(blocks, s)) for s in group)
        role = speaker.role if speaker and speaker.role and bare(speaker.role).rstrip(".") not in HONORIFICS else None
        quotes.append(Quote(
            document.source.id, parts, speaker.text if speaker else None,
            role, speaker.kind if speaker else None, _anchors(parts, by_block),
            _sentence_at(speaker.role_at, by_block) if speaker and role else None,
            setting(ctx.used, blocks[ctx.used.block].text, spans[ctx.used.block]) if speaker and ctx.used else None,
        ))
    return quotes


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def without_repeats(quotes: list[Quote]) -> list[Quote]:
    """Drop a quotation whose words another quotation of the source holds, with a speaker it agrees with."""
    if len(quotes) < 2:
        return quotes
    folded = [_folded(q.text) for q in quotes]
    attributed = "\n".join(f for f, q in zip(folded, quotes, strict=True) if q.speaker)
    kept: list[Quote] = []
    for i, q in enumerate(quotes):
        if attributed.count(folded[i]) < 1 + bool(q.speaker):  # held by no other: the usual case, in one search
            kept.append(q)
            continue
        repeat = any(
            j != i and other.speaker and q.speaker in (None, other.speaker) and folded[i] in folded[j]
            and (len(folded[i]) < len(folded[j]) or j < i)
            for j, other in enumerate(quotes)
        )
        if not repeat:
            kept.append(q)
    return kept


def _sentence_at(at: tuple[int, int] | None, by_block: dict[int, list[Sentence]]) -> str | None:
    """The anchor of the sentence holding offset ``at[1]`` of block ``at[0]``."""
    if at is None:
        return None
    block, pos = at
    found = None
    for s in by_block.get(block, []):
        if s.start <= pos:
            found = s.anchor
    return found
