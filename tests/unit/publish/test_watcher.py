"""Under ``mkdocs serve`` folders are watched by the system's notices, files still polled."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from build_scripts.publish import watcher
from build_scripts.publish.watcher import FolderObserver, watch_folders_natively

pytestmark = pytest.mark.skipif(Observer is PollingObserver, reason="no native observer here")


class _Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.came = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.events.append(event)
            self.came.set()

    def wait(self, seconds: float) -> bool:
        came = self.came.wait(seconds)
        self.came.clear()
        return came

    def wait_for(self, path: Path, seconds: float) -> bool:
        """Whether an event for ``path`` came within ``seconds`` (a write is several events of
        the system, and the last of one write may come after the next write's first)."""
        deadline = time.monotonic() + seconds
        while not any(e.src_path == str(path) for e in self.events):
            if not self.came.wait(max(0.0, deadline - time.monotonic())):
                return False
            self.came.clear()
        return True


def _started(tmp_path: Path, native=None) -> tuple[FolderObserver, _Seen, _Seen, Path, Path]:
    folder, single = tmp_path / "sources", tmp_path / "mkdocs.yml"
    folder.mkdir()
    (folder / "a.md").write_text("A.\n", encoding="utf-8")
    single.write_text("site_name: x\n", encoding="utf-8")
    observer = FolderObserver(PollingObserver(timeout=0.1), native if native is not None else Observer())
    in_folder, on_file = _Seen(), _Seen()
    observer.schedule(in_folder, str(folder), recursive=True)
    observer.schedule(on_file, str(single))
    observer.start()
    return observer, in_folder, on_file, folder, single


def test_a_folder_reports_writes_and_new_files_but_not_reads(tmp_path):
    observer, in_folder, on_file, folder, single = _started(tmp_path)
    try:
        assert observer.natively_watched == [str(folder)]
        time.sleep(0.3)
        assert (folder / "a.md").read_text(encoding="utf-8") == "A.\n"  # a build reads every source
        assert not in_folder.wait(0.5)
        (folder / "a.md").write_text("A, edited.\n", encoding="utf-8")
        assert in_folder.wait_for(folder / "a.md", 5)
        (folder / "new.md").write_text("New.\n", encoding="utf-8")
        assert in_folder.wait_for(folder / "new.md", 5)
        single.write_text("site_name: y\n", encoding="utf-8")  # the polled file
        assert on_file.wait(5)
    finally:
        observer.stop()
        observer.join(5)


class _NoNotices(type(Observer())):  # type: ignore[misc]
    def on_thread_start(self) -> None:
        raise OSError(28, "inotify watch limit reached")


def test_without_the_system_s_notices_the_folders_are_polled_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.build_scripts"):
        observer, in_folder, _, folder, _ = _started(tmp_path, _NoNotices())
    try:
        assert [r.getMessage() for r in caplog.records] == [
            "the system's notices of changes could not be had ([Errno 28] inotify watch limit reached); "
            "the folders are polled every half second instead"]
        assert observer.natively_watched == []
        time.sleep(0.3)
        (folder / "a.md").write_text("A, edited.\n", encoding="utf-8")
        assert in_folder.wait(5)
    finally:
        observer.stop()
        observer.join(5)


def _server(tmp_path: Path) -> LiveReloadServer:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "mkdocs.yml"))
    return server


def test_the_server_keeps_its_paths_and_watches_its_folders_natively(tmp_path):
    server = _server(tmp_path)
    try:
        assert watch_folders_natively(server) is server
        (tmp_path / "sources").mkdir()
        server.watch(str(tmp_path / "sources"))  # ``watch:`` of mkdocs.yml comes after ``on_serve``
        server.watch(str(tmp_path / "sources"))
        assert server._watched_paths == {str(tmp_path / p): n for p, n in
                                         [("docs", 1), ("mkdocs.yml", 1), ("sources", 2)]}
        assert server.observer.natively_watched == [str(tmp_path / "docs"), str(tmp_path / "sources")]
        server.unwatch(str(tmp_path / "sources"))
        server.unwatch(str(tmp_path / "sources"))
        assert server.observer.natively_watched == [str(tmp_path / "docs")]
    finally:
        server.server_close()


def test_polling_is_kept_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv(watcher.ENV, "poll")
    server = _server(tmp_path)
    try:
        assert isinstance(watch_folders_natively(server).observer, PollingObserver)
    finally:
        server.server_close()
