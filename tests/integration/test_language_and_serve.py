"""A Ukrainian source gets a page and is found by search; `mkdocs serve` shows edits."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from tests.integration.site_build import make_project, run_mkdocs_build

# A seed source with a date and a publisher
VAULTZ = "2025-06-30-the-vaultz-news-ukrainian-president-volodymyr-zelenskyy-has-signed"
UKRAINIAN = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "uk-zelenskyy-decree.md"


def test_ukrainian_source_has_a_page_and_is_indexed(tmp_path):
    config = make_project(tmp_path)
    (tmp_path / "sources" / UKRAINIAN.name).write_bytes(UKRAINIAN.read_bytes())
    build = run_mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((tmp_path / "site/sources/uk-zelenskyy-decree/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    paragraphs = page.select("p.article-text")
    assert paragraphs and all(p["lang"] == "uk" for p in paragraphs)
    assert len(page.select("span.sentence")) == 4
    index = json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "ru"]
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("sources/uk-zelenskyy-decree/"))
    assert "Оттавська конвенція забороняє" in texts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_shows_an_edited_and_a_new_source_without_restart(tmp_path):
    config = make_project(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(f"{base}/sources/{VAULTZ}/", "has signed a decree")
        source = tmp_path / "sources" / f"{VAULTZ}.md"
        edited = source.read_text(encoding="utf-8").replace("has signed a decree", "has signed an edited decree")
        source.write_text(edited, encoding="utf-8")
        assert _wait_for(f"{base}/sources/{VAULTZ}/", "has signed an edited decree")
        (tmp_path / "sources" / "zz-new.md").write_text(
            "---\ntitle: A new one\n---\nThe treaty bans anti-personnel mines in every state party.\n",
            encoding="utf-8")
        assert _wait_for(f"{base}/sources/zz-new/", "A new one")
        topic = tmp_path / "docs" / "topics" / "treaty.md"
        topic.write_text(topic.read_text(encoding="utf-8").replace("# The treaty", "# The treaty, edited"),
                         encoding="utf-8")
        assert _wait_for(f"{base}/topics/treaty/", "The treaty, edited")
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0]
    assert "Traceback" not in output
    assert output.count("Building documentation") <= 5, output  # one build per change, no loop


def test_serve_shows_a_source_s_problem_in_the_browser_until_it_is_fixed(tmp_path):
    """Issue 17, item 10: a bad source left the browser waiting with no message."""
    config = make_project(tmp_path)
    broken = tmp_path / "sources" / "broken.md"
    broken.write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(f"{base}/", "sources/broken.md:2: the frontmatter is not valid YAML")
        assert _wait_for(f"{base}/topics/treaty/", "The site could not be built")
        assert _wait_for(f"{base}/timeline/", "The site could not be built")
        broken.write_text("---\ntitle: Fixed now\n---\nThe treaty bans anti-personnel mines in every state party.\n",
                          encoding="utf-8")
        assert _wait_for(f"{base}/sources/broken/", "Fixed now")
        with urllib.request.urlopen(f"{base}/", timeout=5) as response:
            assert "could not be built" not in response.read().decode("utf-8")
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0]
    assert "Traceback" not in output and "sources/broken.md:2" in output


def test_a_build_still_stops_on_a_source_s_problem(tmp_path):
    config = make_project(tmp_path)
    (tmp_path / "sources" / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    build = run_mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0 and "sources/broken.md:2" in build.output
