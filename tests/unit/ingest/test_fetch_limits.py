"""`add` gives up on a page in bounded time and size (issue 18, case 8)."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from build_scripts.ingest import fetch as fetch_module
from build_scripts.ingest.add import add_sources


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Sends a page one byte every half second, for ever."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(name="trickle")
def fixture_trickle():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/page"
    server.shutdown()


def test_a_server_sending_a_byte_at_a_time_is_given_up_on_at_the_deadline(trickle):
    started = time.monotonic()
    with pytest.raises(ValueError, match="took more than 2 s"):
        fetch_module.fetch(trickle, total=2)
    assert time.monotonic() - started < 6


def test_a_saved_page_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body><p>" + b"word " * 300_000 + b"</p></body></html>")
    monkeypatch.setattr("build_scripts.ingest.read_input.MAX_PAGE_BYTES", 1024 * 1024)
    monkeypatch.setattr("build_scripts.ingest.read_input.read_html",
                        lambda *a, **k: pytest.fail("the page was read"))
    [result] = add_sources([str(page)], tmp_path / "sources")
    assert result.status == "error" and "larger than 1 MB" in result.message
