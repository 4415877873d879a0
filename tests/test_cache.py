"""The link cache file shared by runs that start at the same moment."""
from __future__ import annotations

import multiprocessing
import os
import sqlite3

import pytest

from awesome_lint.linkcheck import CheckOptions, LinkResult
from awesome_lint.linkcheck.cache import VerdictCache

RUNS = 8
ROUNDS = 10


def one_run(path: str, n: int, barrier, answers) -> None:
    cache = VerdictCache(path, CheckOptions())
    barrier.wait(timeout=60)  # every run opens a cache nobody has created yet
    try:
        cache.store([LinkResult(f"https://run{n}.example/", "ok", 200, "200 OK")])
        loaded = cache.load([f"https://run{n}.example/"])
        answers.put((n, sorted(loaded)))
    except Exception as error:  # reported to the test instead of lost in the child
        answers.put((n, f"{type(error).__name__}: {error}"))


def test_eight_runs_creating_one_cache_at_once_all_succeed(tmp_path):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    for round_ in range(ROUNDS):
        path = str(tmp_path / f"round{round_}" / "links.sqlite3")
        barrier = context.Barrier(RUNS)
        answers = context.Queue()
        runs = [context.Process(target=one_run, args=(path, n, barrier, answers)) for n in range(RUNS)]
        for run in runs:
            run.start()
        got = dict(answers.get(timeout=120) for _ in runs)
        for run in runs:
            run.join(timeout=60)
        assert got == {n: [f"https://run{n}.example/"] for n in range(RUNS)}
        assert [run.exitcode for run in runs] == [0] * RUNS
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert db.execute("SELECT count(*) FROM verdicts").fetchone() == (RUNS,)


def test_a_cache_made_before_the_version_mark_is_still_read(tmp_path):
    # Caches written by earlier releases have the table and WAL but no user_version.
    path = tmp_path / "links.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE verdicts (url TEXT PRIMARY KEY, verdict TEXT NOT NULL, status INTEGER,"
                   " reason TEXT NOT NULL, final_url TEXT, checked_at REAL NOT NULL)")
        db.execute("INSERT INTO verdicts VALUES ('https://old.example/', 'ok', 200, '200 OK', NULL, 1e12)")
    cache = VerdictCache(path, CheckOptions())
    assert cache.load(["https://old.example/"], now=1e12) == {
        "https://old.example/": LinkResult("https://old.example/", "ok", 200, "200 OK", None)}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)  # and the repository table is added
        assert db.execute("SELECT count(*) FROM repos").fetchone() == (0,)


@pytest.mark.skipif(os.name == "nt", reason="the lock file is taken with msvcrt on Windows")
def test_only_a_run_that_creates_the_cache_waits_for_the_creation_lock(tmp_path, monkeypatch):
    import fcntl  # the lock file is taken with flock on POSIX
    import time

    from awesome_lint.linkcheck import cache as cache_module

    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 3.0)
    path = tmp_path / "links.sqlite3"
    cache = VerdictCache(path, CheckOptions())
    with open(tmp_path / "links.sqlite3.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another run is creating the cache
        began = time.monotonic()
        assert cache.load(["https://a.example/"]) == {}
        assert time.monotonic() - began >= 3.0  # it waited, bounded, then went ahead
        began = time.monotonic()
        cache.store([LinkResult("https://a.example/", "ok", 200, "200 OK")])
        assert cache.load(["https://a.example/"]) != {}
        assert time.monotonic() - began < 2.5  # set up now: nobody waits any more
