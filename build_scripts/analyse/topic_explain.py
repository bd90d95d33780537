"""Where one sentence went on each topic page, and why, or why not (the ``explain`` command)."""

from __future__ import annotations

from collections.abc import Callable

from build_scripts.analyse.eligible import MIN_WORDS, eligible
from build_scripts.analyse.importance import Ranking
from build_scripts.analyse.topic_rules import TopicRules
from build_scripts.analyse.topics import TopicContext
from build_scripts.model import Claim, Document, Sentence, TopicEvidence


def explain(evidence: list[TopicEvidence], documents: list[Document], claims: list[Claim],
            sentence: Sentence, section_limits: Callable[[TopicEvidence], list[int]]) -> list[str]:
    """For one sentence, on each topic: where it went and why, or why not (for ``explain``);
    ``section_limits`` says how many statements of each section the topic page shows."""
    topics = [ev.topic for ev in evidence]
    ctx = TopicContext.of(topics, documents, None)
    claim = next((c for c in claims if sentence in c.members), None)
    key = (sentence.source_id, sentence.anchor)
    lines = []
    if not eligible(sentence):
        why = "it is opinion" if sentence.opinion else f"it has fewer than {MIN_WORDS} words"
        lines.append(f"not used as a statement anywhere: {why} (it stays on its source page)")
    elif claim is None:
        lines.append("in no claim: no topic page can show it")
    elif len(claim.sources) > 1:
        lines.append(f"reported with {len(claim.members) - 1} other sentence(s) of "
                     f"{len(claim.sources) - 1} other source(s) ({claim.independent} independent in all)")
    for ev in evidence:
        topic = ev.topic
        rules = TopicRules(topic, ctx.common)
        head = f"{topic.title} ({topic.src_uri}): "
        # A sentence can be cited twice on a page: with the claim it reports, and with a figure only
        # some of the claim's sentences give (``added_figures``); where it is shown in its own words first.
        places = [(sec, i, st, len(sts), limit) for (sec, sts), limit in zip(ev.sections, section_limits(ev),
                                                                             strict=True)
                  for i, st in enumerate(sts) if any((m.source_id, m.anchor) == key for m in st.members)]
        placed = min(places, key=lambda p: p[2].sentence != sentence, default=None)
        if placed is not None:
            sec, i, st, count, limit = placed
            page = "first page" if i < limit else "a continuation page"
            shown = "shown in its own words" if st.sentence == sentence else (
                f"shown through {st.sentence.source_id}#{st.sentence.anchor}, which reports the same")
            pinned = any((p.source_id, p.anchor) == key for p in topic.pins)
            if pinned:
                why = f"pinned to '{sec.heading}' by the topic file"
            else:
                v = rules.verdict(st.sentence, ctx.found(st.sentence), ctx.context)
                why = v.reason
            peers = next(sts for sec_, sts in ev.sections if sec_ is sec)
            ranking = Ranking(ctx.positions, peers, frozenset(topic.boost),
                              {s.sentence: ctx.found(s.sentence) for s in peers}, rules.meaning, ctx.common)
            lines.append(f"{head}in '{sec.heading}', statement {i + 1} of {count} "
                         f"({page}), {shown}: {why}; {ranking.of(st).describe()}")
            continue
        if any((h.source_id, h.anchor) == key for h in topic.hides):
            lines.append(f"{head}hidden by the topic file")
            continue
        if not eligible(sentence) or claim is None:
            lines.append(f"{head}not placed (see above)")
            continue
        hidden = [m for m in claim.members if any((h.source_id, h.anchor) == (m.source_id, m.anchor)
                                                  for h in topic.hides)]
        if hidden:
            lines.append(f"{head}not shown: the topic file hides {hidden[0].source_id}#{hidden[0].anchor}, "
                         "which reports the same")
            continue
        v = rules.verdict(sentence, ctx.found(sentence), ctx.context)
        lines.append(f"{head}not on the page: {v.reason}")
    return lines
