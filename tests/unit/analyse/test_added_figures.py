"""A figure only some sentences of a merged statement give becomes a statement of its own
(issue 21: the sentence shown states the shared fact without adding what the others do not say,
and nothing the others add is lost)."""

from __future__ import annotations

from build_scripts.analyse.added_figures import added_figure_claims
from build_scripts.model import Claim, Sentence


def _claim(*texts: str, copy_groups: tuple[tuple[str, ...], ...] = ()) -> Claim:
    members = tuple(Sentence(f"s{i}", f"s-{i}", t, 0, 0) for i, t in enumerate(texts))
    return Claim("c-1", members, copy_groups, tuple("the words" for _ in copy_groups))


def test_a_figure_some_sentences_add_is_a_claim_of_those_sentences():
    claim = _claim("The depot held a 9,000-tonne stock of road salt, the council said.",
                   "The depot held a 9,000-tonne stock of road salt and, in a shed, about 250 tonnes of fertiliser.",
                   "The depot held a 9,000-tonne stock of road salt and, in a shed, about 250 tonnes of fertiliser.",
                   copy_groups=(("s1", "s2"),))
    [(figure, sub)] = added_figure_claims(claim)
    assert figure == "250"
    assert [m.source_id for m in sub.members] == ["s1", "s2"]
    assert sub.copy_groups == (("s1", "s2"),) and sub.independent == 1
    assert sub.id != claim.id


def test_the_same_count_written_two_ways_is_no_added_figure():
    assert added_figure_claims(_claim("More than 20 people were hurt in the crash.",
                                      "In total, 23 people were hurt.")) == []
    assert added_figure_claims(_claim("Forty-three crews were sent to the scene.",
                                      "More than 40 crews were sent to the scene.")) == []
    # Without a count of its own in the other sentence, the figure is added.
    [(figure, sub)] = added_figure_claims(_claim("Many people were hurt in the crash.",
                                                 "In total, 23 people were hurt."))
    assert figure == "23" and [m.source_id for m in sub.members] == ["s1"]


def test_counts_that_cannot_both_be_true_are_each_kept():
    claim = _claim("The two drivers were named as Ola Berg, 41, and Kai Lund, 37.",
                   "The two drivers were Ola Berg, 41, a courier, and Kai Lund, 38, a cook.")
    assert [f for f, _ in added_figure_claims(claim)] == ["37", "38"]


def test_one_sentence_or_the_same_figures_add_nothing():
    assert added_figure_claims(_claim("The bridge cost 40 million euros.")) == []
    assert added_figure_claims(_claim("The bridge cost 40 million euros.", "It cost 40 million euros in all.")) == []
