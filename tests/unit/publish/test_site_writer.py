"""Under serve, a page whose final HTML is the last build's very object is not hashed again
(``SiteWriter.same_as_last``); anything else is written when its bytes differ."""

from __future__ import annotations

from mkdocs import utils

from build_scripts.publish.site_writer import SiteWriter


def test_a_page_marked_as_the_last_builds_is_kept_without_hashing(tmp_path, monkeypatch):
    site = tmp_path / "site"
    page = site / "a" / "index.html"
    writer = SiteWriter()
    try:
        writer.start(str(site), serving=True)
        utils.write_file(b"first", str(page))
        writer.finish()
        assert (writer.written, page.read_bytes()) == (1, b"first")

        writer.start(str(site), serving=True)
        writer.same_as_last(str(page))
        monkeypatch.setattr("hashlib.blake2b", lambda *a, **k: (_ for _ in ()).throw(AssertionError("hashed")))
        utils.write_file(b"first", str(page))  # the caller's promise: the same bytes
        writer.finish()
        assert (writer.written, writer.kept) == (0, 1)
        monkeypatch.undo()

        writer.start(str(site), serving=True)  # not marked: hashed, and written when it differs
        utils.write_file(b"second", str(page))
        writer.finish()
        assert (writer.written, page.read_bytes()) == (1, b"second")

        page.unlink()  # marked, but gone: written again
        writer.start(str(site), serving=True)
        writer.same_as_last(str(page))
        utils.write_file(b"second", str(page))
        writer.finish()
        assert (writer.written, page.read_bytes()) == (1, b"second")
    finally:
        writer.start(str(site), serving=False)  # MkDocs' own functions back
