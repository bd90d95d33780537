"""Terms are looked up in a child process while the main process works out claims, with the
same pages as without it; a child that fails costs time, not the build."""

from __future__ import annotations

from build_scripts.analyse import terms as terms_module
from build_scripts.infra import background
from build_scripts.pipeline import across, generate


def _pages(content) -> dict[str, str]:
    return {p.src_uri: p.markdown for p in content.pages} | {f"+{k}": v for k, v in content.additions.items()}


def test_terms_found_in_a_child_give_the_same_pages(monkeypatch, seed_project):
    alone = generate(seed_project)
    searched: list[str] = []
    original = terms_module.TermIndex._find
    monkeypatch.setattr(terms_module.TermIndex, "_find",
                        lambda self, text: searched.append(text) or original(self, text))
    monkeypatch.setattr(across, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(background, "possible", lambda: True)
    started: list[int] = []
    real = background.Background.__init__
    monkeypatch.setattr(background.Background, "__init__",
                        lambda self, function, *args: started.append(len(args[1])) or real(self, function, *args))
    with_child = generate(seed_project)
    assert started and started[0] > 50
    assert searched == []  # every sentence's terms came from the child
    assert _pages(with_child) == _pages(alone)


def test_when_the_child_fails_this_process_looks_the_terms_up(monkeypatch, seed_project):
    alone = generate(seed_project)
    monkeypatch.setattr(across, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(background, "possible", lambda: True)
    asked: list[int] = []
    monkeypatch.setattr(background.Background, "result", lambda self: asked.append(1))  # gives None
    assert _pages(generate(seed_project)) == _pages(alone)
    assert asked  # a child was started and its failure met
