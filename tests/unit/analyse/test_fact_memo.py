"""What ``same_fact`` finds without word weights, kept from one claim grouping to the next
(``fact_memo``): the claims are those of a grouping afresh, and only new sentences are looked at."""

from __future__ import annotations

from dataclasses import replace

import pytest

from build_scripts.analyse import same_fact
from build_scripts.analyse.claims import group_claims
from build_scripts.analyse.fact_memo import FactMemo
from build_scripts.analyse.features import Features, extract
from build_scripts.analyse.topics import eligible
from build_scripts.load.sources import load_sources
from build_scripts.model import Sentence
from build_scripts.text.document import build_document
from tests.seed import SOURCES


def _fields(claims):
    return [(c.id, [(m.source_id, m.anchor) for m in c.members], c.copy_groups, c.shared_words) for c in claims]


@pytest.fixture(scope="module")
def seed():
    sources, _ = load_sources(SOURCES)
    documents = [build_document(s) for s in sources]
    sentences = [s for d in documents for s in d.sentences if eligible(s)]
    return sentences, [extract(d) for d in documents]


def _checked(monkeypatch) -> list[tuple[Sentence, Sentence]]:
    """Every pair the weight-free checks look at, from now on."""
    seen: list[tuple[Sentence, Sentence]] = []
    original = same_fact._Facts._apart

    def apart(self, x, y):
        seen.append((self.sentences[x], self.sentences[y]))
        return original(self, x, y)

    monkeypatch.setattr(same_fact._Facts, "_apart", apart)
    return seen


def test_kept_findings_give_the_claims_of_a_grouping_afresh_and_only_new_sentences_are_checked(seed, monkeypatch):
    sentences, extracted = seed
    known = FactMemo()
    checked = _checked(monkeypatch)
    first = group_claims(sentences, Features(extracted), known=known)
    assert _fields(first) == _fields(group_claims(sentences, Features(extracted)))
    assert any(len(c.sources) > 1 for c in first) and checked
    checked.clear()
    assert _fields(group_claims(sentences, Features(extracted), known=known)) == _fields(first)
    assert checked == []  # the same sentence objects: every verdict kept

    edited = sentences[0].source_id  # its sentences become new objects, as after an edit
    again = [replace(s) if s.source_id == edited else s for s in sentences]
    checked.clear()
    second = group_claims(again, Features(extracted), known=known)
    checked_afresh = list(checked)
    assert _fields(second) == _fields(group_claims(again, Features(extracted)))
    assert checked_afresh and all(edited in (x.source_id, y.source_id) for x, y in checked_afresh)


def test_a_sentence_no_longer_grouped_is_let_go_with_its_pairs():
    memo = FactMemo()
    a, b, c = (Sentence("s", f"a{i}", f"Sentence number {i}.", i, 0) for i in range(3))
    memo.start()
    ka, kb, kc = memo.of(a), memo.of(b), memo.of(c)
    memo.pairs[ka.serial, kb.serial] = memo.pairs[kb.serial, kc.serial] = 1
    memo.figures[ka.serial, kc.serial] = True
    memo.finish()
    memo.start()
    assert memo.of(a) is ka and memo.of(b) is kb
    memo.finish()  # c was not asked for
    assert list(memo.pairs) == [(ka.serial, kb.serial)] and not memo.figures
    memo.start()
    other = Sentence("s", "a2", "Sentence number 2.", 2, 0)  # equal to c, but another object
    assert memo.of(other).serial not in {ka.serial, kb.serial, kc.serial}
