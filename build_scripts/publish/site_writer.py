"""Under ``mkdocs serve``: write only the files of the site that changed since the last build.

Each build of MkDocs 1.6 empties the site folder and writes every file again. After an edit at
1,000 sources that was 1.6 to 2 s of CPU of a rebuild of about 7 s (issue 20), though an edit
changes a few pages' HTML. So while serving, the folder is not emptied: a file MkDocs writes is
written only when its bytes differ from what this session last wrote there (or it is gone), and
after the build the files the last build had and this one has not (a removed source's page, a
data file no longer made) are deleted, with folders left empty. The folder then holds what a
clean build would write, which is what ``mkdocs build`` makes (a test compares them).

A build that is not a serve puts MkDocs' own functions back before it starts.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs import utils

_ORIGINAL: dict[str, Callable[..., None]] = utils.__dict__.setdefault("_before_build_scripts", {
    "clean_directory": utils.clean_directory, "write_file": utils.write_file, "copy_file": utils.copy_file})
"""MkDocs' own functions, kept on its module: the hook imports this package afresh when the code
changes, and by then ``utils`` may hold the methods of the last import's writer."""


class SiteWriter:
    def __init__(self) -> None:
        self._site = ""
        self._digests: dict[str, bytes] = {}
        """Each file written in this session, by path: the digest of the bytes written."""
        self._last: set[str] = set()
        """The files of the last build: written, copied, or in its list of files."""
        self._this: set[str] = set()
        self._same: set[str] = set()
        """The files this build writes as the last wrote them (``same_as_last``)."""
        self.written = self.kept = self.deleted = 0

    def same_as_last(self, output_path: str) -> None:
        """The next bytes written to ``output_path`` are the last build's (a page's final HTML
        reused as the very same object): they are not hashed again (about 0.25 s an edit at
        4,000 sources)."""
        self._same.add(os.path.abspath(output_path))

    def start(self, site_dir: str, serving: bool) -> None:
        """Before MkDocs empties ``site_dir``: when ``serving``, have it keep what is there."""
        if not serving:
            for name, function in _ORIGINAL.items():
                setattr(utils, name, function)
            return
        site_dir = os.path.abspath(site_dir)
        if site_dir != self._site:  # a new session, or a new folder: nothing there is known
            self._site, self._digests, self._last = site_dir, {}, set()
            utils.clean_directory = _ORIGINAL["clean_directory"]
        else:
            utils.clean_directory = _keep
        utils.write_file, utils.copy_file = self._write, self._copy
        self._last |= self._this  # what a build that stopped half-way wrote is left over too
        self._this, self._same = set(), set()
        self.written = self.kept = self.deleted = 0

    def files(self, paths: Iterable[str]) -> None:
        """The files MkDocs was given for this build (their destinations), however they are written."""
        self._this.update(os.path.abspath(p) for p in paths)

    def finish(self) -> None:
        """After a serve build: delete what the last build had and this one has not."""
        if not self._site:
            return
        for path in sorted(self._last - self._this):
            self._digests.pop(path, None)
            if os.path.isfile(path):
                os.unlink(path)
                self.deleted += 1
                _remove_empty_folders(Path(path).parent, Path(self._site))
        self._last, self._this = self._this, set()

    def _write(self, content: bytes, output_path: str) -> None:
        path = os.path.abspath(output_path)
        self._this.add(path)
        if path in self._same and path in self._digests and os.path.isfile(path):
            self.kept += 1
            return
        digest = hashlib.blake2b(content, digest_size=16).digest()
        if self._digests.get(path) == digest and os.path.isfile(path):
            self.kept += 1
            return
        _ORIGINAL["write_file"](content, output_path)
        self._digests[path] = digest
        self.written += 1

    def _copy(self, source_path: str, output_path: str) -> None:
        _ORIGINAL["copy_file"](source_path, output_path)
        self._this.add(os.path.abspath(output_path))


def _keep(directory: str) -> None:
    """In place of emptying the site folder: ``SiteWriter.finish`` removes what is left over."""


def _remove_empty_folders(folder: Path, site: Path) -> None:
    while folder != site and site in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
