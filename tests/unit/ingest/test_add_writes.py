"""`add` writes a source whole or not at all, and never over another (issue 18, cases 3 and 13)."""

from __future__ import annotations

import errno
import os

import pytest

from build_scripts.ingest import add as add_module
from build_scripts.ingest.add import add_sources
from build_scripts.load.sources import load_sources

TEXT = "The council approved the new harbour wall on Monday after a long debate.\n" * 40


def _input(tmp_path, name="story.txt", text=TEXT):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_full_disk_leaves_no_truncated_source(tmp_path, monkeypatch):
    sources = tmp_path / "sources"

    def full(fd, *args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    [result] = add_sources([_input(tmp_path)], sources, {"title": "A story"})
    assert result.status == "error" and "No space left on device" in result.message
    assert list(sources.iterdir()) == []


def test_an_id_taken_meanwhile_is_never_overwritten(tmp_path, monkeypatch):
    """Another `add` wrote the same id after this one read the folder: the next id is used."""
    sources = tmp_path / "sources"
    sources.mkdir()
    real = add_module.readable_id
    first_id = real({"title": "A story"}, TEXT, set())

    def racing(meta, body, taken):
        if first_id not in taken and not (sources / f"{first_id}.md").exists():
            (sources / f"{first_id}.md").write_text("---\ntitle: Theirs\n---\nTheir own text.\n", encoding="utf-8")
        return real(meta, body, taken)

    monkeypatch.setattr(add_module, "readable_id", racing)
    [result] = add_sources([_input(tmp_path)], sources, {"title": "A story"})
    assert result.status == "added"
    assert (sources / f"{first_id}.md").read_text(encoding="utf-8").endswith("Their own text.\n")
    assert result.path is not None and result.path.name == f"{first_id}-2.md"


def test_a_text_file_starting_with_dashes_keeps_them_as_text(tmp_path):
    text = "---\ntitle: Not a title\nurl: https://evil.example/\n---\n" + TEXT
    sources = tmp_path / "sources"
    [result] = add_sources([_input(tmp_path, text=text)], sources)
    assert result.status == "added", result.message
    [source], problems = load_sources(sources)
    assert problems == []
    assert source.meta.title is None and source.meta.url is None
    assert source.body.startswith("---\ntitle: Not a title")


@pytest.mark.parametrize("name", [".add-x.tmp"])
def test_temporary_files_are_never_read_as_sources(tmp_path, name):
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    assert load_sources(tmp_path) == ([], [])


def test_an_added_source_is_readable_like_any_file_written_plainly(tmp_path):
    [result] = add_sources([_input(tmp_path)], tmp_path / "sources", {"title": "A story"})
    assert result.path is not None
    mask = os.umask(0)
    os.umask(mask)
    assert result.path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_without_hard_links_the_name_is_still_created_exclusively(tmp_path, monkeypatch):
    sources = tmp_path / "sources"

    def no_links(src, dst):
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "link", no_links)
    [first] = add_sources([_input(tmp_path)], sources, {"title": "A story"})
    other = "Rain closed the mountain pass for three days and the buses ran on the old valley road.\n" * 30
    [second] = add_sources([_input(tmp_path, "other.txt", other)], sources, {"title": "A story"})
    assert first.status == second.status == "added" and first.path != second.path
    assert sorted(p.name for p in sources.iterdir()) == sorted([first.path.name, second.path.name])
