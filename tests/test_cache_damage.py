"""A damaged link cache never costs a traceback or the user's list: it is set aside and rebuilt, or refused."""
from __future__ import annotations

import os
import sqlite3

import pytest
from helpers import cli_json

from awesome_lint.linkcheck import CheckOptions, LinkResult
from awesome_lint.linkcheck.cache import VerdictCache

CONFIG = """rules:
  dead-link:
    allow-private: true
    cache: "{cache}"
    retries: 0
    timeout: 2
"""


@pytest.fixture(autouse=True)
def no_github_env(monkeypatch, tmp_path):
    for name in ("GITHUB_TOKEN", "GITHUB_API_URL", "GITHUB_SERVER_URL", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def lint(tmp_path, capsys, site, cache):
    (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=cache))
    path = tmp_path / "README.md"
    text = f"# Awesome Test\n\n- [Fine]({site.url('/alive')}) - Fine.\n- [Gone]({site.url('/gone')}) - Gone.\n"
    path.write_text(text)
    code, found, err = cli_json(capsys, "--links", "--select", "dead-link", str(path))
    assert path.read_text() == text  # the list is never touched
    return code, [(d["line"], d["message"]) for d in found], err


def real_cache(path, rows=2000):
    VerdictCache(path, CheckOptions()).store(
        [LinkResult(f"https://x{n}.example/{'a' * 150}", "ok", 200, "200 OK") for n in range(rows)])
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def truncated(path):
    data = real_cache(path)
    path.write_bytes(data[: len(data) // 2])


def foreign_tables(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE photos (id INTEGER, title TEXT)")
        db.execute("INSERT INTO photos VALUES (1, 'cat')")


def foreign_columns(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE verdicts (url TEXT, ok INTEGER)")
        db.execute("PRAGMA user_version=7")


DAMAGES = {
    "garbage": lambda path: path.write_bytes(bytes(range(256)) * 40),
    "truncated": truncated,
    "header only": lambda path: path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00\x02\x02" + b"\x00" * 80),
    "another program's tables": foreign_tables,
    "our table with other columns": foreign_columns,
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_corrupt_cache_is_set_aside_with_one_warning_and_rebuilt(tmp_path, capsys, site, damage):
    cache = tmp_path / "links.sqlite3"
    DAMAGES[damage](cache)
    before = cache.read_bytes()
    code, found, err = lint(tmp_path, capsys, site, cache)
    assert (code, found) == (1, [(4, f"dead link {site.url('/gone')} (404 Not Found)")])
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith(f"awesome-lint: warning: link cache {cache} was not usable (")
    assert lines[0].endswith("moved it to links.sqlite3.corrupt and started afresh")
    assert (tmp_path / "links.sqlite3.corrupt").read_bytes() == before  # kept, for whoever wants to look
    sent = len(site.requests)
    # the fresh cache works: a re-run is silent and asks nothing
    assert lint(tmp_path, capsys, site, cache) == (1, found, "")
    assert len(site.requests) == sent


@pytest.mark.parametrize("form", ["directory", "symlink loop", "parent is a file", "unreadable"])
def test_a_cache_path_no_run_can_use_is_refused_before_any_request(tmp_path, capsys, site, form):
    cache = tmp_path / "links.sqlite3"
    if form == "directory":
        cache.mkdir()
    elif form == "symlink loop":
        cache.symlink_to(cache)
    elif form == "parent is a file":
        (tmp_path / "file").write_text("x")
        cache = tmp_path / "file" / "links.sqlite3"
    else:
        if os.name == "nt" or os.geteuid() == 0:
            pytest.skip("permissions do not stop this user")
        cache.write_bytes(b"")
        cache.chmod(0)
    code, found, err = lint(tmp_path, capsys, site, cache)
    assert code == 2 and found == []
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert "links.sqlite3" in lines[0] and "cache" in lines[0]
    assert site.requests == []


def test_the_default_cache_path_is_checked_too(tmp_path, capsys, site):
    (tmp_path / "xdg" / "awesome-lint" / "links.sqlite3").mkdir(parents=True)
    (tmp_path / ".awesome-lint.yaml").write_text("rules:\n  dead-link:\n    allow-private: true\n")
    (tmp_path / "README.md").write_text(f"# A\n\n- [Fine]({site.url('/alive')}) - Fine.\n")
    code, found, err = cli_json(capsys, "--links", "--select", "dead-link", str(tmp_path / "README.md"))
    assert code == 2 and "links.sqlite3 is a directory" in err and len(err.strip().splitlines()) == 1
    assert site.requests == []


def test_a_cache_damaged_during_a_run_is_replaced_when_written(tmp_path):
    cache = tmp_path / "links.sqlite3"
    warnings = []
    verdicts = VerdictCache(cache, CheckOptions(), warn=warnings.append)
    assert verdicts.load(["https://a.example/"]) == {}
    cache.write_bytes(b"not a database at all" * 100)  # another program wrote over it meanwhile
    verdicts.store([LinkResult("https://a.example/", "ok", 200, "200 OK")])
    assert len(warnings) == 1 and "moved it to links.sqlite3.corrupt" in warnings[0]
    assert list(VerdictCache(cache, CheckOptions()).load(["https://a.example/"])) == ["https://a.example/"]


def test_a_cache_that_becomes_unusable_during_a_run_warns_once_and_keeps_nothing(tmp_path):
    cache = tmp_path / "links.sqlite3"
    warnings = []
    verdicts = VerdictCache(cache, CheckOptions(), warn=warnings.append)
    assert verdicts.load(["https://a.example/"]) == {}
    for name in os.listdir(tmp_path):
        os.remove(tmp_path / name)
    cache.mkdir()  # a directory where the file was
    verdicts.store([LinkResult("https://a.example/", "ok", 200, "200 OK")])
    verdicts.store([LinkResult("https://b.example/", "ok", 200, "200 OK")])
    assert verdicts.load(["https://a.example/"]) == {}
    assert warnings == [f"link cache {cache} cannot be used (unable to open database file); this run keeps no verdicts"]
