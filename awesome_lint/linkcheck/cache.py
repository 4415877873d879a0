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

The file is disposable.  One that is not a cache of ours (garbage, a truncated
copy, another program's database) is moved aside to ``NAME.corrupt`` with a
one-line warning and a fresh cache is started; one that cannot be opened at
all (a directory, no permission) makes the run warn and keep no verdicts.
The command line refuses such a path before any request (``problem``).
Repository facts from GitHub (repos.py) live in the same file.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from .model import CheckOptions, LinkResult, RepoInfo

SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    status INTEGER,
    reason TEXT NOT NULL,
    final_url TEXT,
    checked_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS repos (
    key TEXT PRIMARY KEY,
    name TEXT,
    archived INTEGER,
    pushed_at TEXT,
    checked_at REAL NOT NULL
)
"""
COLUMNS = {
    "verdicts": ["url", "verdict", "status", "reason", "final_url", "checked_at"],
    "repos": ["key", "name", "archived", "pushed_at", "checked_at"],
}
SCHEMA_VERSION = 2
CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
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


class NotOurs(Exception):
    """The file is readable but is not a cache of ours."""


def problem(path: str | os.PathLike) -> str | None:
    """Why a run could not keep its cache at `path` at all, or None (a corrupt file is no problem: it is replaced)."""
    path = Path(path).expanduser()
    if path.is_dir():
        return "is a directory"
    try:
        if os.path.lexists(path):
            with open(path, "r+b"):
                pass
        else:
            blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
            if blocking is not None:
                return f"cannot be created ({blocking} is not a directory)"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(path.parent, os.W_OK | os.X_OK):
                raise PermissionError(13, "Permission denied")
    except OSError as exc:
        return f"cannot be {'opened' if os.path.lexists(path) else 'created'} ({exc.strerror or exc})"
    return None


class VerdictCache:
    def __init__(self, path: str | os.PathLike, options: CheckOptions, warn=None) -> None:
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
        self.repo_max_age = options.repo_max_age
        self.missing_repo_max_age = min(options.repo_max_age, options.dead_max_age)
        self.warn = warn or _warn
        self.disabled = False  # set once the file proved unusable: one warning, then no more tries

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        try:
            _ours(connection)
            if not _ready(connection):
                with _creation_lock(self._lock_path()):
                    if not _ready(connection):
                        _set_up(connection)
            _ours(connection, complete=True)
        except BaseException:
            connection.close()
            raise
        return connection

    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def _use(self, work):
        """work(connection), whatever the file holds: a corrupt one is set aside once and
        replaced, an unusable one is warned about once; None when there is no cache to use."""
        for attempt in (1, 2):
            if self.disabled:
                return None
            try:
                connection = self._connect()
                try:
                    return work(connection)
                finally:
                    connection.close()
            except (sqlite3.Error, NotOurs, OSError) as exc:
                corrupt = isinstance(exc, NotOurs) or getattr(exc, "sqlite_errorname", "") in CORRUPT
                if corrupt and attempt == 1 and self._set_aside(_detail(exc)):
                    continue
                self.disabled = True
                self.warn(f"link cache {self.path} cannot be used ({_detail(exc)}); this run keeps no verdicts")
        return None

    def _set_aside(self, reason: str) -> bool:
        """Move the bad file (and its WAL files) to NAME.corrupt; False when that is impossible."""
        aside = self.path.with_name(self.path.name + ".corrupt")
        with _creation_lock(self._lock_path()):
            if _healthy(self.path):  # another run replaced it meanwhile
                return True
            try:
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm"):
                    side = self.path.with_name(self.path.name + suffix)
                    if side.exists():
                        os.replace(side, aside.with_name(aside.name + suffix))
            except FileNotFoundError:
                pass
            except OSError:
                return False
        self.warn(f"link cache {self.path} was not usable ({reason}); moved it to {aside.name} and started afresh")
        return True

    def load(self, urls: Iterable[str], now: float | None = None) -> dict[str, LinkResult]:
        now = time.time() if now is None else now
        wanted = list(urls)
        found: dict[str, LinkResult] = {}

        def work(connection):
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
            return True

        if wanted and self._use(work) is None:
            found.clear()  # a file set aside half-way: what it said is not to be trusted
        return found

    def store(self, results: Iterable[LinkResult], now: float | None = None) -> None:
        now = time.time() if now is None else now
        rows = [
            (r.url, r.verdict, r.status, r.reason, r.final_url, now)
            for r in results
            if r.verdict in self.max_age
        ]
        if rows:
            self._write("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?, ?, ?)", rows)

    def load_repos(self, keys: Iterable[str], now: float | None = None) -> dict[str, RepoInfo | None]:
        """{key: what GitHub said (None: no such repository)} for the keys remembered and not expired."""
        now = time.time() if now is None else now
        wanted = list(keys)
        found: dict[str, RepoInfo | None] = {}

        def work(connection):
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                rows = connection.execute(
                    "SELECT key, name, archived, pushed_at, checked_at FROM repos"
                    f" WHERE key IN ({','.join('?' * len(chunk))})", chunk,
                )
                for key, name, archived, pushed_at, checked_at in rows:
                    if name is None:
                        if now - checked_at <= self.missing_repo_max_age:
                            found[key] = None
                    elif now - checked_at <= self.repo_max_age:
                        found[key] = RepoInfo(name, bool(archived), _when(pushed_at))
            return True

        if wanted and self._use(work) is None:
            found.clear()
        return found

    def store_repos(self, infos: dict[str, RepoInfo | None], now: float | None = None) -> None:
        now = time.time() if now is None else now
        rows = [
            (key, None, None, None, now) if info is None
            else (key, info.name, int(info.archived), info.pushed_at.isoformat() if info.pushed_at else None, now)
            for key, info in infos.items()
        ]
        if rows:
            self._write("INSERT OR REPLACE INTO repos VALUES (?, ?, ?, ?, ?)", rows)

    def _write(self, statement: str, rows: list[tuple]) -> None:
        def work(connection):
            with connection:
                connection.executemany(statement, rows)
            return True

        self._use(work)


def _warn(message: str) -> None:
    print(f"awesome-lint: warning: {message}", file=sys.stderr)


def _detail(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _when(value):
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _ours(connection: sqlite3.Connection, complete: bool = False) -> None:
    """Raise NotOurs when the file holds tables that are not ours, or ours with other columns."""
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables - set(COLUMNS):
        raise NotOurs("it holds another program's tables")
    for table in tables if not complete else COLUMNS:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        if columns != COLUMNS[table]:
            raise NotOurs(f"its {table} table is not the one expected")


def _healthy(path: Path) -> bool:
    if not path.exists():
        return True
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        try:
            _ours(connection)
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except (sqlite3.Error, NotOurs):
        return False


def _ready(connection: sqlite3.Connection) -> bool:
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION
    except sqlite3.OperationalError:  # being set up by another run right now
        return False


def _set_up(connection: sqlite3.Connection) -> None:
    """WAL (a property of the file: set once), the table, then the version
    that tells later runs all of it is done."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.executescript(SCHEMA)
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
