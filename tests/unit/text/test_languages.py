"""Sources in other languages and scripts are split into sentences and recorded."""

from __future__ import annotations

from pathlib import Path

from build_scripts.load.sources import load_source
from build_scripts.model import Source, SourceMeta
from build_scripts.text.document import build_document
from tests.seed import ROOT

UKRAINIAN = ROOT / "tests" / "fixtures" / "sources" / "uk-zelenskyy-decree.md"


def test_ukrainian_source_is_split_and_recorded():
    doc = build_document(load_source(UKRAINIAN))
    assert doc.source.meta.language == "uk"
    assert [s.text for s in doc.sentences] == [
        "Президент України Володимир Зеленський підписав указ про вихід України з Оттавської конвенції.",
        "Оттавська конвенція забороняє державам-учасницям набувати, виробляти, накопичувати чи застосовувати "
        "протипіхотні міни.",
        "Україна ратифікувала конвенцію у 2005 р. та відтоді виконувала її умови.",
        "Щоб рішення набуло чинності, його ще має ратифікувати парламент, т. зв. Верховна Рада, і про нього "
        "треба повідомити ООН.",
    ]
    assert all(b.kind == "text" for b in doc.blocks)


def test_bare_heading_marks_and_cjk_sentences():
    doc = build_document(Source("x", Path("x.md"), SourceMeta(language="zh"),
                                "# \n#\n乌克兰宣布退出渥太华公约。该决定仍需议会批准。\n", 1))
    assert [b.kind for b in doc.blocks] == ["furniture", "text"]  # "#" alone is a stray mark
    assert doc.sentences
