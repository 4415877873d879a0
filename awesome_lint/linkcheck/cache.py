"""Verdicts remembered between runs, in one SQLite file.

Verdicts are kept by kind: "ok" and "redirect" for days, "dead" for hours (a
site may come back), "unverified" for minutes (a re-run right after must not
hit a struggling host again; the next scheduled run tries afresh).
WAL mode and a busy timeout let two lint runs share the file; each run reads
once at the start and writes once at the end, in a single short transaction.
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
CHUNK = 500


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
            # soft 404s and login walls are kept like dead links: a site may change
            "soft404": options.dead_max_age,
            "login": options.dead_max_age,
        }
        if options.unverified_max_age > 0:
            self.max_age["unverified"] = options.unverified_max_age

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(SCHEMA)
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
