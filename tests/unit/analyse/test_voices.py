"""One publisher's reports are one voice (issue 21: "one organisation's two releases are one voice")."""

from __future__ import annotations

from pathlib import Path

from build_scripts.analyse.voices import one_voice_per_publisher, publisher_key
from build_scripts.model import Claim, Sentence, Source, SourceMeta
from build_scripts.text.document import build_document


def _docs(*publishers: str | None):
    return [build_document(Source(f"s{i}", Path(f"s{i}.md"), SourceMeta(publisher=p), "Some words. More.", 1))
            for i, p in enumerate(publishers)]


def _claim(n: int) -> Claim:
    return Claim("c", tuple(Sentence(f"s{i}", f"s-{i}", "The port reopened on Friday.", 0, 0) for i in range(n)))


def test_two_releases_of_one_organisation_count_once():
    docs = _docs("Port Authority", "Calder Bay Courier", "port  authority")
    [claim] = one_voice_per_publisher([_claim(3)], docs)
    assert claim.publisher_groups == (("s0", "s2"),)
    assert len(claim.sources) == 3 and claim.independent == 2


def test_sources_without_a_publisher_are_each_their_own_voice():
    docs = _docs(None, "", None)
    original = _claim(3)
    [claim] = one_voice_per_publisher([original], docs)
    assert claim is original and claim.independent == 3


def test_a_leading_the_and_case_do_not_make_another_publisher():
    assert publisher_key("The Harbour Herald") == publisher_key("harbour herald")
    assert publisher_key("Harbour Herald") != publisher_key("Harbour Herald Weekly")
    assert publisher_key("  ") is None
