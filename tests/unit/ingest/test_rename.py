"""rename-sources: hash-named sources get readable ids from their own metadata, their text and
sentence anchors unchanged, the old id kept in former_ids, topic references updated."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.ingest.add import add_sources
from build_scripts.ingest.rename import RenameRefused, apply_renames, is_readable, plan_renames
from build_scripts.load.sources import load_source, load_sources
from build_scripts.text.document import build_document
from tests.seed import SOURCE_IDS, copy_seed


def _anchors(sources_dir: Path) -> dict[str, list[str]]:
    """Each source's sentence anchors, by the source's text (its first 60 characters)."""
    sources, problems = load_sources(sources_dir)
    assert not problems
    return {s.body.strip()[:60]: [x.anchor for x in build_document(s).sentences] for s in sources}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("name", "readable"), [
    ("000_183601ec9612ed3f", False), ("12345", False), ("a1b2c3d4e5f6", False),
    ("3f2b8c1e-9a57-4c1e-2f0b-8e4d7c11aa00", False), ("bbc-report", True), ("zz-new", True),
    ("2025-06-30-libertarian-institute-ukraine", True), ("decade", True), ("article1", True),
])
def test_a_hash_or_a_number_is_not_readable_and_a_word_is(name, readable):
    assert is_readable(name) is readable


def test_the_seeds_get_ids_from_their_metadata_with_text_and_anchors_unchanged(tmp_path):
    project = copy_seed(tmp_path)
    before = {p.stem: load_source(p) for p in project.sources_dir.glob("*.md")}
    anchors = _anchors(project.sources_dir)
    plan = plan_renames(tmp_path)
    apply_renames(plan)
    after = {p.stem: load_source(p) for p in project.sources_dir.glob("*.md")}
    assert {r.old for r in plan.renamings} == set(SOURCE_IDS) == set(before)
    assert not set(after) & set(before)
    by_old = {s.meta.former_ids[0]: s for s in after.values()}
    assert set(by_old) == set(before)
    for old, source in by_old.items():
        assert source.meta.former_ids == (old,)
        assert source.body == before[old].body, "the article text is never changed"
        assert source.meta == dataclasses.replace(before[old].meta, former_ids=(old,))
    # date, publisher and title words; the opening words when untitled; "undated" when undated
    assert by_old["003_c1aef827e21e06e1"].id == (
        "2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to")
    assert by_old["001_03d95e605726db09"].id.startswith("2025-06-30-the-vaultz-news-ukrainian-president")
    assert by_old["000_183601ec9612ed3f"].id == "undated-ukrainian-president-volodymyr-zelensky-has-officially"
    assert _anchors(project.sources_dir) == anchors


def test_a_second_run_changes_nothing(tmp_path):
    copy_seed(tmp_path)
    apply_renames(plan_renames(tmp_path))
    files = _snapshot(tmp_path)
    plan = plan_renames(tmp_path)
    assert plan.renamings == [] and plan.topic_files == {}
    apply_renames(plan)
    assert main(["rename-sources", "--root", str(tmp_path)]) == 0
    assert _snapshot(tmp_path) == files


def test_dry_run_says_what_it_would_do_and_changes_nothing(tmp_path, capsys):
    copy_seed(tmp_path)
    files = _snapshot(tmp_path)
    assert main(["rename-sources", "--dry-run", "--root", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "000_183601ec9612ed3f.md -> " in out and "would rename 5 source(s)" in err
    assert _snapshot(tmp_path) == files


def test_a_readable_name_is_kept_and_a_taken_id_gets_a_number(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    text = "---\ntitle: Treaty exit\npublisher: Wire\ndate: 2025-06-30\n---\nUkraine leaves the treaty.\n"
    (sources / "2025-06-30-wire-treaty-exit.md").write_text(text, encoding="utf-8")
    (sources / "a1b2c3d4e5f6.md").write_text(text.replace("leaves", "quits"), encoding="utf-8")
    (sources / "my-notes.md").write_text("Some notes of mine on the treaty.\n", encoding="utf-8")
    plan = plan_renames(tmp_path)
    assert [(r.old, r.new) for r in plan.renamings] == [("a1b2c3d4e5f6", "2025-06-30-wire-treaty-exit-2")]


def test_a_former_id_must_not_be_recycled(tmp_path):
    """A new id is never one a source had before: that address leads to the older source."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "2025-06-30-wire-exit.md").write_text(
        '---\nformer_ids: ["2025-06-30-wire-treaty-exit"]\n---\nOne.\n', encoding="utf-8")
    (sources / "ffff0000aaaa1111.md").write_text(
        "---\ntitle: Treaty exit\npublisher: Wire\ndate: 2025-06-30\n---\nTwo.\n", encoding="utf-8")
    assert [r.new for r in plan_renames(tmp_path).renamings] == ["2025-06-30-wire-treaty-exit-2"]


def test_a_clash_of_addresses_is_refused_and_nothing_changes(tmp_path, capsys):
    copy_seed(tmp_path)
    victim = tmp_path / "sources" / "001_03d95e605726db09.md"
    victim.write_text(victim.read_text(encoding="utf-8").replace(
        "---\n", '---\nformer_ids: ["000_183601ec9612ed3f"]\n', 1), encoding="utf-8")
    files = _snapshot(tmp_path)
    with pytest.raises(RenameRefused) as refused:
        plan_renames(tmp_path)
    message = "\n".join(refused.value.problems)
    assert "001_03d95e605726db09.md:2: former_ids: '000_183601ec9612ed3f' is the id of 000_183601ec9612ed3f.md" in (
        message)
    assert "nothing was renamed" in message
    assert main(["rename-sources", "--root", str(tmp_path)]) == 1
    assert "refused:" in capsys.readouterr().err
    assert _snapshot(tmp_path) == files


def test_a_source_with_a_problem_stops_the_rename(tmp_path):
    copy_seed(tmp_path)
    (tmp_path / "sources" / "bad.md").write_text("---\ndate: 2025-13-45\n---\nText.\n", encoding="utf-8")
    with pytest.raises(RenameRefused) as refused:
        plan_renames(tmp_path)
    assert refused.value.problems[0].startswith("sources/bad.md:2: 'date'")


def test_topic_references_follow_the_rename(tmp_path):
    project = copy_seed(tmp_path)
    anchor = _first_anchor(project.sources_dir / "000_183601ec9612ed3f.md")
    topic = project.docs_dir / "topics" / "treaty.md"
    text = topic.read_text(encoding="utf-8")
    text = text.replace("topic:\n", f'topic:\n  hide: ["000_183601ec9612ed3f#{anchor}"]\n', 1)
    text += "\nSee [the decree report](../sources/000_183601ec9612ed3f.md).\n"
    topic.write_text(text, encoding="utf-8")
    plan = plan_renames(tmp_path)
    assert plan.topic_files[topic][1] == 2
    apply_renames(plan)
    new = "undated-ukrainian-president-volodymyr-zelensky-has-officially"
    updated = topic.read_text(encoding="utf-8")
    assert f'hide: ["{new}#{anchor}"]' in updated and f"../sources/{new}.md)" in updated
    assert "000_183601ec9612ed3f" not in updated
    assert main(["check", "--root", str(tmp_path)]) == 0, "the hide still names a sentence that exists"


def _first_anchor(path: Path) -> str:
    return build_document(load_source(path)).sentences[0].anchor


def test_only_the_named_sources_are_renamed(tmp_path):
    copy_seed(tmp_path)
    plan = plan_renames(tmp_path, ["sources/003_c1aef827e21e06e1.md"])
    assert [r.old for r in plan.renamings] == ["003_c1aef827e21e06e1"]
    with pytest.raises(RenameRefused, match="no source 'nope'"):
        plan_renames(tmp_path, ["nope"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Just the text.\n", '---\nformer_ids: ["ab12cd34ef56"]\n---\nJust the text.\n'),
    ("\ufeff---\r\ntitle: T\r\n---\r\nText.\r\n",
     '\ufeff---\r\ntitle: T\r\nformer_ids: ["ab12cd34ef56"]\r\n---\r\nText.\r\n'),
    ('---\nformer_ids:\n- old-one\n- "older"\ntitle: T\n---\nText.\n',
     '---\nformer_ids: ["old-one", "older", "ab12cd34ef56"]\ntitle: T\n---\nText.\n'),
    ("---\n---\nText.\n", '---\nformer_ids: ["ab12cd34ef56"]\n---\nText.\n'),
])
def test_the_frontmatter_takes_the_former_id_and_nothing_else_changes(tmp_path, text, expected):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "ab12cd34ef56.md").write_bytes(text.encode("utf-8"))
    plan = plan_renames(tmp_path)
    assert plan.renamings[0].text.decode("utf-8") == expected
    apply_renames(plan)
    assert [p.name for p in sources.iterdir()] == [plan.renamings[0].new_path.name]


def test_add_never_gives_a_new_source_an_id_a_renamed_one_had(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "wire-exit.md").write_text(
        '---\nformer_ids: ["2025-06-30-wire-treaty-exit"]\n---\nThe first article, renamed by hand.\n',
        encoding="utf-8")
    new = tmp_path / "new.md"
    new.write_text("---\ntitle: Treaty exit\npublisher: Wire\ndate: 2025-06-30\n---\nA different article, "
                   "about the parliament's vote on leaving the treaty.\n", encoding="utf-8")
    (result,) = add_sources([str(new)], sources, {}, lambda r: None)
    assert result.status == "added" and result.path is not None
    assert result.path.name == "2025-06-30-wire-treaty-exit-2.md"


def test_explain_takes_a_sentence_by_its_old_address(tmp_path, capsys):
    copy_seed(tmp_path)
    anchor = _first_anchor(tmp_path / "sources" / "003_c1aef827e21e06e1.md")
    apply_renames(plan_renames(tmp_path))
    capsys.readouterr()
    assert main(["explain", f"003_c1aef827e21e06e1#{anchor}", "--root", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    new = "2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to"
    assert f"003_c1aef827e21e06e1 was renamed {new}" in err and out.startswith(f"{new}#{anchor}: ")


def test_a_link_is_not_renamed_and_a_file_keeps_its_permissions(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    target = sources / "b1c2d3e4f5a6.md"
    target.write_text("---\ntitle: Kept\n---\nThe article.\n", encoding="utf-8")
    target.chmod(0o640)
    (sources / "a1b2c3d4e5f6.md").symlink_to(target.name)
    with pytest.raises(RenameRefused, match="a1b2c3d4e5f6.md: is a link to"):
        plan_renames(tmp_path)
    (sources / "a1b2c3d4e5f6.md").unlink()
    apply_renames(plan_renames(tmp_path))
    assert (sources / "undated-kept.md").stat().st_mode & 0o777 == 0o640
