"""What a rule may look at besides its document: other files of the repository.

Rules that look at the disk (does a linked file exist, is there a
contributing.md) go through ``ctx.files``.  Every look is remembered with
what it saw, so a stored result can later be checked against the disk by
looking again (``unchanged``): the result cache relies on it, and a rule
that reads files behind its back would make cached results stale.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def look(kind: str, path: str):
    """What a look of ``kind`` at ``path`` sees now, as a JSON-able value."""
    if kind == "resolve":
        return str(Path(path).resolve())
    if kind == "kind":
        if os.path.isdir(path):
            return "dir"
        if os.path.isfile(path):
            return "file"
        return "other" if os.path.exists(path) else None
    if kind == "list":
        try:
            return sorted(os.listdir(path))
        except OSError:
            return None
    if kind == "read":
        try:
            with open(path, "rb") as handle:
                return _digest(handle.read())
        except OSError:
            return None
    raise ValueError(kind)


def unchanged(seen: list) -> bool:
    """Whether every remembered look would see the same now."""
    return all(look(kind, path) == value for kind, path, value in seen)


class Files:
    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], object] = {}

    @property
    def seen(self) -> list:
        """[kind, path, value] of every look, for ``unchanged``."""
        return [[kind, path, value] for (kind, path), value in self._seen.items()]

    def _note(self, kind: str, path, value):
        self._seen.setdefault((kind, str(path)), value)
        return value

    def resolve(self, path) -> Path:
        return Path(self._note("resolve", path, look("resolve", str(path))))

    def _kind(self, path):
        return self._note("kind", path, look("kind", str(path)))

    def exists(self, path) -> bool:
        return self._kind(path) is not None

    def is_dir(self, path) -> bool:
        return self._kind(path) == "dir"

    def is_file(self, path) -> bool:
        return self._kind(path) == "file"

    def listdir(self, path) -> list[str]:
        """Sorted names in a folder; [] when it is not one."""
        return list(self._note("list", path, look("list", str(path))) or [])

    def read_text(self, path) -> str | None:
        """The file's text (undecodable bytes replaced), None when unreadable."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            self._note("read", path, None)
            return None
        self._note("read", path, _digest(data))
        # as a text-mode read gives it: universal newlines
        return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
