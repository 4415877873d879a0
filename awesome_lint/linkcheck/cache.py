"""Verdicts remembered between runs, in one SQLite file.

Verdicts are kept by kind: "ok" and "redirect" for days, "dead" for hours (a
site may come back), "unverified" for minutes (a re-run right after must not
hit a struggling host again; the next scheduled run tries afresh).
WAL mode and a busy timeout let two lint runs share the file; each run reads
once at the start and writes once at the end, in a single short transaction.

Creating the file is the one step the busy timeout does not cover: switching a
new database to WAL needs it alone, and SQLite answers "database is locked" at
once when two runs both try.  So a run that finds the file not yet set up
(``user_version`` below ``SCHEMA_VERSION``) sets it up while holding a lock
file beside it, and the others wait for that lock, then see it done.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .model import CheckOptions, LinkResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    status INTEGER,
    reason TEXT NOT NULL,
    final_url TEXT,
    checked_at REAL NOT NULL
)
"""
SCHEMA_VERSION = 1
CHUNK = 500
BUSY_TIMEOUT = 30.0  # seconds a run waits for another one's lock


def default_cache_path() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "awesome-lint" / "links.sqlite3"


class VerdictCache:
    def __init__(self, path: str | os.PathLike, options: CheckOptions) -> None:
        self.path = Path(path).expanduser()
        self.max_age = {
            "ok": options.ok_max_age,
            "redirect": options.ok_max_age,
            "dead": options.dead_max_age,
        }
        if options.unverified_max_age > 0:
            self.max_age["unverified"] = options.unverified_max_age

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        try:
            if not _ready(connection):
                with _creation_lock(self.path.with_name(self.path.name + ".lock")):
                    if not _ready(connection):
                        _set_up(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def load(self, urls: Iterable[str], now: float | None = None) -> dict[str, LinkResult]:
        now = time.time() if now is None else now
        wanted = list(urls)
        found: dict[str, LinkResult] = {}
        connection = self._connect()
        try:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT url, verdict, status, reason, final_url, checked_at"
                    f" FROM verdicts WHERE url IN ({marks})",
                    chunk,
                )
                for url, verdict, status, reason, final_url, checked_at in rows:
                    if now - checked_at <= self.max_age.get(verdict, -1):
                        found[url] = LinkResult(url, verdict, status, reason, final_url)
        finally:
            connection.close()
        return found

    def store(self, results: Iterable[LinkResult], now: float | None = None) -> None:
        now = time.time() if now is None else now
        rows = [
            (r.url, r.verdict, r.status, r.reason, r.final_url, now)
            for r in results
            if r.verdict in self.max_age
        ]
        if not rows:
            return
        connection = self._connect()
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?, ?, ?)", rows
                )
        finally:
            connection.close()


def _ready(connection: sqlite3.Connection) -> bool:
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION
    except sqlite3.OperationalError:  # being set up by another run right now
        return False


def _set_up(connection: sqlite3.Connection) -> None:
    """WAL (a property of the file: set once), the table, then the version
    that tells later runs all of it is done."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(SCHEMA)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    connection.commit()


class _creation_lock:
    """An exclusive lock on ``path`` between processes, waited for at most
    BUSY_TIMEOUT seconds (then the caller goes ahead: SQLite's own locking still
    keeps the file whole, at worst a run reports the cache busy)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = None

    def __enter__(self) -> "_creation_lock":
        try:
            self.handle = open(self.path, "a+b")
        except OSError:
            return self
        deadline = time.monotonic() + BUSY_TIMEOUT
        delay = 0.005
        while not _try_lock(self.handle):
            if time.monotonic() > deadline:
                break
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        return self

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            _unlock(self.handle)
            self.handle.close()


if os.name == "nt":
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(handle) -> None:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
