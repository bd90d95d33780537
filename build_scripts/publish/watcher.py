"""Under ``mkdocs serve``, folders are watched by the system's notices of changes.

MkDocs' server polls every watched path every half second (a ``PollingObserver``), so a saved
source waits up to 0.5 s, 0.25 s on average, before its rebuild starts, and each poll reads the
state of every file of ``sources/``. ``watch_folders_natively`` hands the server an observer
that watches its folders by the system's own notices (inotify on Linux, through watchdog's
``Observer``), asking only for changes (not for files being opened or read, which every build
does), and leaves single files such as ``mkdocs.yml`` to polling: an editor that saves by
replacing the file would end a notice-based watch of the file itself.

Where the system's notices cannot be had (no native observer on the platform, or the system's
limit of watches reached) the folders are polled as before, with a warning. Setting
``BUILD_SCRIPTS_WATCH=poll`` keeps polling everywhere: notices do not arrive from some network
drives and some folders shared into containers or virtual machines.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

_log = logging.getLogger("mkdocs.hooks.build_scripts")

ENV = "BUILD_SCRIPTS_WATCH"
"""``poll`` keeps MkDocs' polling for every path."""
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
                                        FileClosedEvent]
"""What a folder's watch reports: a file written, made, removed or renamed."""


class FolderObserver:
    """What MkDocs' server asks of its observer (``schedule``, ``unschedule``, ``start``,
    ``stop``, ``join``): folders go to ``native``, anything else to ``polling``."""

    def __init__(self, polling: BaseObserver, native: BaseObserver) -> None:
        self._polling, self._native = polling, native
        self._folders: dict[ObservedWatch, tuple[FileSystemEventHandler, str, bool]] = {}
        self._polled_instead: dict[ObservedWatch, ObservedWatch] = {}
        self._native_started = self._fell_back = False

    @property
    def natively_watched(self) -> list[str]:
        """The folders watched by the system's notices."""
        return [] if self._fell_back else sorted(path for _, path, _ in self._folders.values())

    def schedule(self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False,
                 **_: Any) -> ObservedWatch:
        if self._fell_back or not os.path.isdir(path):
            return self._polling.schedule(event_handler, path, recursive=recursive)
        watch = self._native.schedule(event_handler, path, recursive=recursive, event_filter=CHANGES)
        self._folders[watch] = (event_handler, path, recursive)
        return watch

    def unschedule(self, watch: ObservedWatch) -> None:
        if watch not in self._folders:
            self._polling.unschedule(watch)
        elif self._fell_back:
            del self._folders[watch]
            self._polling.unschedule(self._polled_instead.pop(watch))
        else:
            del self._folders[watch]
            self._native.unschedule(watch)

    def start(self) -> None:
        self._polling.start()
        try:
            self._native.start()
        except OSError as exc:
            self._native.stop()
            self._fell_back = True
            for watch, (handler, path, recursive) in self._folders.items():
                self._polled_instead[watch] = self._polling.schedule(handler, path, recursive=recursive)
            _log.warning(f"the system's notices of changes could not be had ({exc}); the folders are polled "
                         "every half second instead")
            return
        self._native_started = True

    def stop(self) -> None:
        self._polling.stop()
        if self._native_started:
            self._native.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in (self._polling, self._native):
            if observer.is_alive():
                observer.join(timeout)


def watch_folders_natively(server: Any) -> Any:
    """``server`` (MkDocs' ``LiveReloadServer``, before it starts) watching its folders by the
    system's notices; the paths it watches stay the same. Unchanged when ``BUILD_SCRIPTS_WATCH``
    is ``poll``, when the platform has no native observer, or when this MkDocs keeps its
    watches otherwise than 1.6 does."""
    polling = getattr(server, "observer", None)
    watched = getattr(server, "_watched_paths", None)
    if (os.environ.get(ENV, "").strip().casefold() == "poll" or Observer is PollingObserver
            or not isinstance(polling, PollingObserver) or not isinstance(watched, dict)):
        return server
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = FolderObserver(polling, Observer())
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return server
