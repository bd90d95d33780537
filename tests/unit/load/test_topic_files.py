"""Topic files are read from their frontmatter; a bad one names the key and the line."""

from __future__ import annotations

from build_scripts.load.topics import load_topics
from tests.unit.analyse.test_topics import TOPIC


def test_topic_file_is_loaded_from_frontmatter(tmp_path, write):
    write("withdrawals.md", TOPIC, folder="docs/topics")
    [topic], problems = load_topics(tmp_path / "docs")
    assert problems == []
    assert (topic.slug, topic.title, topic.src_uri) == ("withdrawals", "Withdrawals", "topics/withdrawals.md")
    assert [s.heading for s in topic.sections] == ["The decree", "Neighbours"]
    assert topic.sections[1].exclude == ("decree",)


def test_bad_topic_file_names_the_key_and_line(tmp_path, write):
    write("bad.md", "---\ntitle: Bad\ntopic:\n  sections:\n    - heading: X\n      mach: [[a]]\n---\n",
          folder="docs/topics")
    _, [problem] = load_topics(tmp_path / "docs")
    assert problem.format(tmp_path) == (
        "docs/topics/bad.md:4: topic.sections[0] has unknown key 'mach'; use heading, match and exclude"
    )
