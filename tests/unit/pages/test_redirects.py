"""The page left at a renamed source's old address: relative, escaped, keeping the anchor."""

from __future__ import annotations

import json
import re

import pytest

from build_scripts.errors import InputError
from build_scripts.load.sources import parse_source
from build_scripts.model import Analysis
from build_scripts.pages.kind import SiteView
from build_scripts.pages.redirects import redirect_page, render_redirects
from build_scripts.text.document import build_document


def _doc(tmp_path, name, front):
    path = tmp_path / f"{name}.md"
    raw = f"---\n{front}\n---\nThe council approved the new harbour wall on Monday.\n".encode()
    path.write_bytes(raw)
    return build_document(parse_source(path, raw))


def _files(tmp_path, docs):
    view = SiteView(Analysis(docs, [], [], [], [], [], [], [], []), docs_dir=tmp_path / "docs")
    return render_redirects(view).files


def test_each_former_id_gets_a_page_leading_to_the_new_one(tmp_path):
    docs = [_doc(tmp_path, "2025-01-05-wire-wall", 'title: Wall\nformer_ids: ["abc123def456", "000_1"]'),
            _doc(tmp_path, "plain", "title: Plain")]
    files = _files(tmp_path, docs)
    assert sorted(files) == ["sources/000_1/index.html", "sources/abc123def456/index.html"]
    html = files["sources/abc123def456/index.html"]
    assert '<link rel="canonical" href="../2025-01-05-wire-wall/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../2025-01-05-wire-wall/">' in html
    assert '<a href="../2025-01-05-wire-wall/">Wall</a>' in html
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    assert script.group(1) == 'location.replace("../2025-01-05-wire-wall/" + location.hash);'


def test_every_value_is_escaped():
    html = redirect_page("old", "new</script><script>alert(1)</script>", '<img src=x onerror=alert(1)> & "q"')
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; &amp;" in html
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    target = json.loads(script.group(1).removeprefix("location.replace(").split(" + ")[0])
    assert target == "../new</script><script>alert(1)</script>/"
    assert html.count("<script>") == 1


def test_an_old_address_that_is_a_page_now_is_an_error(tmp_path):
    docs = [_doc(tmp_path, "new-one", 'title: A\nformer_ids: ["other"]'), _doc(tmp_path, "other", "title: B")]
    with pytest.raises(InputError, match="'other' is the id of other.md"):
        _files(tmp_path, docs)
