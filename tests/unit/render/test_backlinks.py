"""A footnote's back-links have names a screen reader tells apart (a, b, c are drawn by CSS)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from build_scripts.render.backlinks import _letter, name_backlinks


def test_each_back_link_of_a_note_cited_twice_says_which_citation_it_returns_to():
    html = markdown.markdown("One.[^x] Two.[^y] Three.[^x]\n\n[^x]: A note.\n[^y]: Another.", extensions=["footnotes"])
    soup = BeautifulSoup(name_backlinks(html), "html.parser")
    names = [a["aria-label"] for a in soup.select("a.footnote-backref")]
    assert names == ["Back to citation a of note 1", "Back to citation b of note 1", "Back to the citation of note 2"]
    targets = [a["href"] for a in soup.select("a.footnote-backref")]
    assert [soup.find(id=t[1:]) is not None for t in targets] == [True, True, True]


def test_letters_go_on_past_z_and_html_without_notes_is_unchanged():
    assert [_letter(n) for n in (1, 2, 26, 27, 52)] == ["a", "b", "z", "aa", "az"]
    assert name_backlinks("<p>No notes.</p>") == "<p>No notes.</p>"
