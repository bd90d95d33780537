"""Topic files are read from their frontmatter; a bad one names the key and the line."""

from __future__ import annotations

from build_scripts.load.topics import load_topics, stale_overrides
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


OVERRIDES = """---
title: Withdrawals
topic:
  require: [withdraw*]
  boost: [decree]
  examples: ["A government decided to leave the treaty."]
  sections:
    - heading: The decree
      match: [[decree]]
  pin:
    - {sentence: "a#s-1", section: The decree}
    - {sentence: "b#s-2", section: Other reports}
  hide: ["c#s-3"]
  note:
    - {sentence: "a#s-1", text: "Dated <b>30 June</b> elsewhere."}
---
"""


def test_topic_file_takes_boost_examples_pins_hides_and_notes(tmp_path, write):
    write("withdrawals.md", OVERRIDES, folder="docs/topics")
    [topic], problems = load_topics(tmp_path / "docs")
    assert problems == []
    assert topic.boost == ("decree",)
    assert topic.examples == ("A government decided to leave the treaty.",)
    assert [(p.source_id, p.anchor, p.value, p.line) for p in topic.pins] == [
        ("a", "s-1", "The decree", 11), ("b", "s-2", "Other reports", 12)]
    assert [(h.source_id, h.anchor, h.line) for h in topic.hides] == [("c", "s-3", 13)]
    assert [(n.source_id, n.anchor, n.value) for n in topic.notes] == [("a", "s-1", "Dated <b>30 June</b> elsewhere.")]


def test_a_pin_names_a_section_of_the_topic_and_a_sentence_as_source_and_anchor(tmp_path, write):
    write("a.md", OVERRIDES.replace("section: The decree", "section: Nowhere"), folder="docs/topics")
    write("b.md", OVERRIDES.replace('hide: ["c#s-3"]', 'hide: ["c-s-3"]'), folder="docs/topics")
    _, problems = load_topics(tmp_path / "docs")
    messages = sorted(p.format(tmp_path) for p in problems)
    assert messages[0].startswith("docs/topics/a.md:10: topic.pin: 'Nowhere' is no section heading of this topic")
    assert messages[1] == "docs/topics/b.md:13: topic.hide[0] must name a sentence as 'source-id#anchor'"


def test_stale_pins_hides_and_notes_are_reported_with_their_line(tmp_path, write):
    write("withdrawals.md", OVERRIDES, folder="docs/topics")
    topics, _ = load_topics(tmp_path / "docs")
    problems = stale_overrides(topics, {("a", "s-1")}, tmp_path / "docs")
    assert [p.format(tmp_path).split(" (")[0] for p in problems] == [
        "docs/topics/withdrawals.md:12: pin: no sentence b#s-2 in the sources",
        "docs/topics/withdrawals.md:13: hide: no sentence c#s-3 in the sources",
    ]


def test_a_term_without_a_word_an_empty_group_or_bytes_that_are_not_utf8_are_named(tmp_path):
    """Issue 18, case 9: `match: [["*"]]` crashed the build, `match: [[]]` made an empty topic
    silently, a topic file that is not UTF-8 crashed it."""
    from build_scripts.load.topics import load_topics

    topics = tmp_path / "topics"
    topics.mkdir()
    head = "---\ntitle: T\ntopic:\n  sections:\n    - heading: H\n"
    (topics / "star.md").write_text(head + "      match: [['*']]\n---\n", encoding="utf-8")
    (topics / "empty.md").write_text(head + "      match: [[]]\n---\n", encoding="utf-8")
    (topics / "latin1.md").write_bytes((head + "      match: [[caf\xe9]]\n---\n").encode("latin-1"))
    (topics / "tag.md").write_text("---\ntitle: !!int \n---\n", encoding="utf-8")
    loaded, problems = load_topics(tmp_path)
    assert loaded == []
    messages = {p.path.name: (p.message, p.line) for p in problems}
    assert "holds no word" in messages["star.md"][0]
    assert "empty group" in messages["empty.md"][0]
    assert messages["latin1.md"] == ("byte 0xe9 is not valid UTF-8; re-save the file as UTF-8", 6)
    assert "tag.md" in messages
