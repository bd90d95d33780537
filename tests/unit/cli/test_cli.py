"""The commands a researcher runs: add, check, generate."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from build_scripts.cli import main
from tests.seed import ROOT, SEED, SOURCES, copy_seed

PAGE = ROOT / "tests" / "fixtures" / "pages" / "libertarian-institute-landmine-treaty.html"
SLUG = "2025-06-30-libertarian-institute-ukraine-eastern-european-nato-countries-to"


def _frontmatter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def test_add_saved_html_page_extracts_text_and_metadata(tmp_path, capsys):
    assert main(["add", str(PAGE), "--root", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    written = tmp_path / "sources" / f"{SLUG}.md"
    assert out.strip() == str(written)
    assert "added 1, refused 0 duplicate(s), 0 error(s)" in err
    meta = _frontmatter(written)
    assert meta == {
        "title": "Ukraine, Eastern European NATO Countries to Leave Anti-Landmine Treaty",
        "publisher": "Libertarian Institute", "author": "Kyle Anzalone",
        "date": __import__("datetime").date(2025, 6, 30),
    }
    text = written.read_text(encoding="utf-8")
    assert "date: 2025-06-30\n" in text
    assert "Russia is not a party to the pact." in text
    for furniture in ("Pin It on Pinterest", "Shop books", "Own work", "Our Books"):
        assert furniture not in text


def test_add_refuses_duplicates_naming_the_file(tmp_path, capsys):
    assert main(["add", str(PAGE), "--root", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["add", str(PAGE), "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"refused, nearly the same text (100% of its passages) as sources/{SLUG}.md" in err
    seed = SOURCES / "001_03d95e605726db09.md"
    assert main(["add", str(seed), "--root", str(tmp_path)]) == 0
    capsys.readouterr()
    other = tmp_path / "other.txt"
    other.write_text("A completely different article about the weather in Kyiv today.\n", encoding="utf-8")
    assert main(["add", str(other), "--url", "https://THEVAULTZNEWS.com/2025/06/30/ukraine-o-to-exit-ottawa-convention/?utm_source=x",
                 "--root", str(tmp_path)]) == 1
    assert ("refused, the same address as "
            "sources/2025-06-30-the-vaultz-news-ukrainian-president-volodymyr-zelenskyy-has-signed.md"
            ) in capsys.readouterr().err


def test_add_many_reports_each_and_a_summary(tmp_path, capsys):
    """Markdown keeps its frontmatter, flags fill what is missing, bad inputs are reported."""
    seed = SOURCES / "003_c1aef827e21e06e1.md"
    note = tmp_path / "note.txt"
    note.write_text("Pasted notes: the parliament must still vote on the withdrawal.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    code = main(["add", str(seed), str(note), str(bad), str(tmp_path / "missing.html"),
                 "--date", "2025-07", "--root", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1
    written = sorted(p.name for p in (tmp_path / "sources").iterdir())
    assert written == [
        "2025-07-libertarian-institute-ukraine-eastern-european-nato-countries-to.md",
        "2025-07-pasted-notes-the-parliament-must-still.md",
    ]
    assert _frontmatter(tmp_path / "sources" / written[0])["author"] == "Kyle Anzalone"
    assert f"error: {bad}: not UTF-8 text; save it as UTF-8 or as .html" in err
    assert f"error: {tmp_path / 'missing.html'}: no such file (give a file path or an http(s) address)" in err
    assert "added 2, refused 0 duplicate(s), 2 error(s)" in err


def test_add_rejects_invalid_flags(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Some article text.\n", encoding="utf-8")
    assert main(["add", str(note), "--url", "ftp://example.org/x", "--root", str(tmp_path)]) == 1
    assert ("'url' must start with http:// or https:// and name a host; got 'ftp://example.org/x'"
            in capsys.readouterr().err)
    assert list((tmp_path / "sources").iterdir()) == []


@pytest.fixture(name="page_server")
def fixture_page_server():
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(PAGE.parent), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_add_url_fetches_then_extracts(tmp_path, capsys, page_server):
    url = f"{page_server}/{PAGE.name}"
    assert main(["add", url, "--root", str(tmp_path)]) == 0
    [written] = (tmp_path / "sources").iterdir()
    assert _frontmatter(written)["url"] == url
    assert main(["add", url, "--root", str(tmp_path)]) == 1
    assert f"refused, the same address as sources/{written.name}" in capsys.readouterr().err


def _project_copy(root: Path) -> Path:
    """A copy of the seed project in ``root``, with the project's ``mkdocs.yml``: a command run on it
    writes nowhere in the checkout, even if it should not have written at all."""
    copy_seed(root)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_check_passes_on_the_project_and_lists_every_problem(tmp_path, capsys):
    assert main(["check", "--root", str(SEED)]) == 0
    assert capsys.readouterr().out.strip() == "checked 5 sources and 4 topic files: no problems"
    root = _project_copy(tmp_path)
    (root / "sources" / "bad.md").write_text("---\ndate: yesterday\n---\nText of it.\n", encoding="utf-8")
    (root / "sources" / "notes.txt").write_text("x", encoding="utf-8")
    (root / "docs" / "topics" / "broken.md").write_text("---\ntitle: Broken\n---\n# Broken\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "sources/bad.md:2: 'date': 'yesterday' is not an ISO 8601 date; write 2025, 2025-06 or 2025-06-30",
        "sources/notes.txt: only markdown files (.md) are read from the sources folder; rename it to .md, "
        "import it with 'python -m build_scripts import-folder', or move it out",
        "docs/topics/broken.md:1: the frontmatter needs a 'topic:' mapping with 'sections'",
        "3 problem(s) found",
    ]


def test_generate_writes_every_page_as_markdown(tmp_path, capsys):
    root = _project_copy(tmp_path / "project")
    out = tmp_path / "md"
    assert main(["generate", "--out", str(out), "--root", str(root)]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert "sources/index.md" in files and "sources/003_c1aef827e21e06e1.md" in files
    assert {"index.md", "topics/treaty.md", "about/methodology.md"} <= set(files)
    treaty = (out / "topics" / "treaty.md").read_text(encoding="utf-8")
    assert treaty.startswith((root / "docs" / "topics" / "treaty.md").read_text(encoding="utf-8"))
    assert "[^001_03d95e605726db09-s-" in treaty
    for inside in (root / "docs" / "x", root / "sources" / "x"):
        assert main(["generate", "--out", str(inside), "--root", str(root)]) == 1
        assert "writing there would loop `mkdocs serve`" in capsys.readouterr().err
        assert not inside.exists()


def test_output_folders_never_replace_the_project(tmp_path, capsys):
    root = _project_copy(tmp_path / "project")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert main(["generate", "--out", str(root), "--root", str(root)]) == 1
    assert "this folder holds the project" in capsys.readouterr().err
    assert main(["generate", "--out", str(root.parent), "--root", str(root)]) == 1
    assert "this folder holds the project" in capsys.readouterr().err
    assert main(["build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(root)]) == 2
    assert "this folder holds the project" in capsys.readouterr().err
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def _first_sentence(root: Path):
    from build_scripts.model import Project
    from build_scripts.pipeline import analyse

    analysis = analyse(Project.at(root))
    evidence = analysis.evidence[0]
    return evidence.topic, evidence.sections[0][0].heading, evidence.sections[0][1][0].sentence


def test_explain_says_where_a_sentence_went_on_each_topic(tmp_path, capsys):
    copy_seed(tmp_path)
    topic, heading, sentence = _first_sentence(tmp_path)
    ref = f"{sentence.source_id}#{sentence.anchor}"
    assert main(["explain", ref, "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{ref}: {sentence.text}\n")
    assert f"- {topic.title} ({topic.src_uri}): in '{heading}', statement 1 of" in out
    assert main(["explain", sentence.source_id, sentence.anchor, "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == out
    assert main(["explain", f"{sentence.source_id}#s-0000000000", "--root", str(tmp_path)]) == 1
    assert "has no sentence 's-0000000000'" in capsys.readouterr().err


def test_check_reports_a_pin_or_hide_whose_sentence_is_gone(tmp_path, capsys):
    copy_seed(tmp_path)
    topic, heading, sentence = _first_sentence(tmp_path)
    path = tmp_path / "docs" / topic.src_uri
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\ntopic:\n", 1)
    pins = (f'topic:\n  pin:\n    - {{sentence: "{sentence.source_id}#{sentence.anchor}", section: {heading}}}\n'
            f'  hide: ["{sentence.source_id}#s-0000000000"]\n')
    path.write_text(f"{head}\n{pins}{rest}", encoding="utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    line = (head + "\n").count("\n") + 4
    assert f"docs/{topic.src_uri}:{line}: hide: no sentence {sentence.source_id}#s-0000000000 in the sources" in err
    assert "pin:" not in err  # the pinned sentence exists


def test_every_option_has_help_and_every_command_a_description(capsys):
    """Issue 19, item 4."""
    from build_scripts.cli import parser

    top = parser()
    commands = next(a for a in top._actions if a.dest == "command").choices
    assert {"new-case", "add", "check", "explain", "generate", "import-folder", "build"} <= set(commands)
    for name, sub in commands.items():
        assert sub.description and len(sub.description) > 40, name
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}"
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("python -m build_scripts ")


def test_the_progress_bar_is_drawn_only_on_a_terminal(tmp_path, capsys):
    page = str(PAGE)
    assert main(["add", page, page, "--root", str(tmp_path)]) == 1  # the second is a duplicate
    err = capsys.readouterr().err
    assert "\r" not in err and "it/s" not in err and "input/s" not in err
