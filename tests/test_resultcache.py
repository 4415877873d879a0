"""The result cache replays a run exactly, and only when nothing it depends on changed.

A stored entry is told apart from a fresh run by planting a marker in it:
a run that prints the marker used the entry, one that prints the real
report did not."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from awesome_lint.app import resultcache
from awesome_lint.app.cli import build_parser
from helpers import git

LIST = "# Demo\n\n- [a](https://a.example) - One,, two.\n- [b](docs/other.md) - Local.\n"
MARKER = "replayed from the cache\n"


def lint(cwd: Path, *args, cache: Path | None = None, env=None, stdin: bytes | None = None):
    full = {**os.environ, **(env or {})}
    full.pop("NO_COLOR", None)
    if cache is not None:
        full["AWESOME_LINT_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "awesome_lint", *args], cwd=cwd, env=full,
                          capture_output=True, timeout=120, input=stdin)


def entries(cache: Path) -> list[Path]:
    folder = cache / "results"
    return sorted(p for p in folder.iterdir() if not p.name.endswith(".tmp")) if folder.is_dir() else []


def plant(cache: Path) -> None:
    """Make the one stored entry say MARKER, so that using it shows."""
    (entry,) = entries(cache)
    data = json.loads(entry.read_bytes())
    data["out"] = [[1, MARKER]]
    entry.write_text(json.dumps(data))


@pytest.fixture
def repo(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "README.md").write_text(LIST, encoding="utf-8")
    git(folder, "init", "-q")  # local-link checks files inside a repository only
    # files appear in these later: the linted file's own folder (on the import
    # path of `python -m`) keeps its modification time
    (folder / "docs").mkdir()
    (folder / ".github").mkdir()
    return folder


@pytest.mark.parametrize("args", [[], ["--output-format", "json"], ["--diff"], ["--output-format", "sarif"]])
def test_a_hit_prints_what_the_miss_printed(repo, tmp_path, args):
    cache = tmp_path / "cache"
    miss = lint(repo, *args, "README.md", cache=cache)
    assert miss.returncode == 1 and miss.stdout
    assert len(entries(cache)) == 1
    hit = lint(repo, *args, "README.md", cache=cache)
    assert (hit.returncode, hit.stdout, hit.stderr) == (miss.returncode, miss.stdout, miss.stderr)
    uncached = lint(repo, *args, "--no-cache", "README.md")
    assert (uncached.returncode, uncached.stdout, uncached.stderr) == (miss.returncode, miss.stdout, miss.stderr)


def test_stdout_and_stderr_are_replayed_in_their_order(repo, tmp_path):
    cache = tmp_path / "cache"
    both = "2>&1"
    cmd = f"{sys.executable} -m awesome_lint --diff README.md {both}"
    env = {**os.environ, "AWESOME_LINT_CACHE_DIR": str(cache)}
    first = subprocess.run(cmd, shell=True, cwd=repo, env=env, capture_output=True, timeout=120)
    second = subprocess.run(cmd, shell=True, cwd=repo, env=env, capture_output=True, timeout=120)
    assert b"--- README.md (original)" in first.stdout and b"Found" in first.stdout
    assert second.stdout == first.stdout


def test_the_entry_is_what_a_rerun_prints(repo, tmp_path):
    cache = tmp_path / "cache"
    lint(repo, "README.md", cache=cache)
    plant(cache)
    again = lint(repo, "README.md", cache=cache)
    assert again.stdout.decode() == MARKER and again.returncode == 1


def test_flags_in_another_order_are_the_same_arguments(repo, tmp_path):
    cache = tmp_path / "cache"
    lint(repo, "--select", "entry-format", "--no-color", "README.md", cache=cache)
    plant(cache)
    again = lint(repo, "--no-color", "README.md", "--select=entry-format", cache=cache)
    assert again.stdout.decode() == MARKER


def _stored_then_planted(repo, cache, *args):
    first = lint(repo, *args, "README.md", cache=cache)
    for entry in entries(cache):
        data = json.loads(entry.read_bytes())
        data["out"] = [[1, MARKER]]
        entry.write_text(json.dumps(data))
    return first


def test_each_part_of_the_key_invalidates(repo, tmp_path):
    cache = tmp_path / "cache"
    first = _stored_then_planted(repo, cache)
    assert lint(repo, "README.md", cache=cache).stdout.decode() == MARKER

    # the arguments
    other_args = lint(repo, "--ignore", "no-repeat-punctuation", "README.md", cache=cache)
    assert other_args.stdout.decode() != MARKER and b"no-repeat-punctuation" not in other_args.stdout

    # the file's bytes
    (repo / "README.md").write_text(LIST.replace(",,", ","), encoding="utf-8")
    changed = lint(repo, "README.md", cache=cache)
    assert changed.stdout.decode() != MARKER and changed.stdout != first.stdout

    # the config's bytes, and a config appearing
    (repo / "README.md").write_text(LIST, encoding="utf-8")
    assert lint(repo, "README.md", cache=cache).stdout.decode() == MARKER
    (repo / ".awesome-lint.yaml").write_text("ignore: [contributing]\n")
    configured = lint(repo, "README.md", cache=cache)
    assert configured.stdout.decode() != MARKER and b"contributing" not in configured.stdout
    _stored_then_planted(repo, cache)
    (repo / ".awesome-lint.yaml").write_text("ignore: [no-repeat-punctuation]\n")
    reconfigured = lint(repo, "README.md", cache=cache)
    assert reconfigured.stdout.decode() != MARKER and b"no-repeat-punctuation" not in reconfigured.stdout


def test_a_file_a_rule_looked_at_invalidates(repo, tmp_path):
    cache = tmp_path / "cache"
    first = _stored_then_planted(repo, cache, "--select", "local-link,contributing")
    assert b"missing file: docs/other.md" in first.stdout and b"contributing.md" in first.stdout
    (repo / "docs" / "other.md").write_text("# Other\n")
    found = lint(repo, "--select", "local-link,contributing", "README.md", cache=cache)
    assert found.stdout.decode() != MARKER and b"other.md" not in found.stdout
    _stored_then_planted(repo, cache, "--select", "local-link,contributing")
    (repo / ".github" / "contributing.md").write_text("Send a pull request.\n")
    welcomed = lint(repo, "--select", "local-link,contributing", "README.md", cache=cache)
    assert welcomed.stdout.decode() != MARKER and b"contributing" not in welcomed.stdout


def _plugin(folder: Path, word: str) -> None:
    (folder / "demo_cache_plugin.py").write_text(textwrap.dedent(f'''
        from awesome_lint.rule import Rule, WARNING

        class Shout(Rule):
            name = "shout"
            summary = "test plugin"
            default_severity = WARNING

            def check(self, doc, ctx):
                yield self.diagnostic("{word}", 0, 1)
    '''))


def test_installing_or_editing_a_plugin_invalidates(repo, tmp_path):
    cache, plugins = tmp_path / "cache", tmp_path / "plugins"
    plugins.mkdir()
    env = {"PYTHONPATH": str(plugins)}
    lint(repo, "README.md", cache=cache, env=env)
    plant(cache)
    assert lint(repo, "README.md", cache=cache, env=env).stdout.decode() == MARKER
    _plugin(plugins, "first words")
    dist = plugins / "demo_cache_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-cache-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[awesome_lint.rules]\nshout = demo_cache_plugin:Shout\n")
    installed = lint(repo, "README.md", cache=cache, env=env)
    assert b"shout first words" in installed.stdout
    # the plugin's code changes in place (an editable install): its module file is checked
    time.sleep(0.01)
    _plugin(plugins, "second, longer words")
    assert b"shout second, longer words" in lint(repo, "README.md", cache=cache, env=env).stdout


def test_the_tool_version_and_environment_are_in_the_key(repo, monkeypatch):
    monkeypatch.chdir(repo)
    base = resultcache.Plan(["README.md"], build_parser).key
    assert resultcache.Plan(["--no-color", "README.md"], build_parser).key != base
    monkeypatch.setenv("NO_COLOR", "1")
    assert resultcache.Plan(["README.md"], build_parser).key != base
    monkeypatch.delenv("NO_COLOR")
    import awesome_lint

    monkeypatch.setattr(awesome_lint, "__version__", "99.0")
    assert resultcache.Plan(["README.md"], build_parser).key != base
    monkeypatch.undo()
    monkeypatch.chdir(repo)
    assert resultcache.Plan(["README.md"], build_parser).key == base


@pytest.mark.parametrize("args", [["--no-cache"], ["--changed-since", "HEAD"], ["--links"],
                                  ["--summary", "summary.md"], ["--config", "links.yaml"]])
def test_runs_that_are_never_kept(repo, tmp_path, args):
    git(repo, "add", "README.md")
    git(repo, "commit", "-qm", "list")
    (repo / "links.yaml").write_text("links: true\n")
    cache = tmp_path / "cache"
    # one offline rule only: no link is checked, but the run was allowed the network
    run = lint(repo, *args, "--select", "no-repeat-punctuation", "README.md", cache=cache)
    assert run.returncode in (0, 1), run.stderr
    assert entries(cache) == []


def test_a_fix_that_writes_is_not_kept_a_clean_fix_is(repo, tmp_path):
    cache = tmp_path / "cache"
    fixed = lint(repo, "--fix", "--select", "no-repeat-punctuation", "README.md", cache=cache)
    assert fixed.returncode == 0 and b"Fixed 1 finding" in fixed.stdout
    assert "One, two." in (repo / "README.md").read_text()
    assert entries(cache) == []
    clean = lint(repo, "--fix", "--select", "no-repeat-punctuation", "README.md", cache=cache)
    assert len(entries(cache)) == 1
    again = lint(repo, "--fix", "--select", "no-repeat-punctuation", "README.md", cache=cache)
    assert (again.returncode, again.stdout, again.stderr) == (clean.returncode, clean.stdout, clean.stderr)


def test_standard_input_is_keyed_on_its_bytes(repo, tmp_path):
    cache = tmp_path / "cache"
    first = lint(repo, "-", cache=cache, stdin=LIST.encode())
    assert first.returncode == 1 and b"<stdin>:3" in first.stdout
    plant(cache)
    assert lint(repo, "-", cache=cache, stdin=LIST.encode()).stdout.decode() == MARKER
    other = lint(repo, "-", cache=cache, stdin=LIST.replace(",,", ",").encode())
    assert other.stdout.decode() != MARKER and other.returncode == 0


def test_a_damaged_entry_is_a_miss_and_replaced(repo, tmp_path):
    cache = tmp_path / "cache"
    first = lint(repo, "README.md", cache=cache)
    (entry,) = entries(cache)
    for damage in (b"", b"{not json", entry.read_bytes()[:-40], b'{"format": 1}', b"[1, 2]"):
        entry.write_bytes(damage)
        again = lint(repo, "README.md", cache=cache)
        assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    assert json.loads(entry.read_bytes())["code"] == 1


def test_where_the_cache_lives(repo, tmp_path):
    home = tmp_path / "xdg"
    env = {"XDG_CACHE_HOME": str(home)}
    full = {k: v for k, v in os.environ.items() if k != "AWESOME_LINT_CACHE_DIR"}
    subprocess.run([sys.executable, "-m", "awesome_lint", "README.md"], cwd=repo, env={**full, **env},
                   capture_output=True, timeout=120)
    assert len(entries(home / "awesome-lint")) == 1
    (repo / ".awesome-lint.yaml").write_text("cache-dir: .lint-cache\n")
    subprocess.run([sys.executable, "-m", "awesome_lint", "README.md"], cwd=repo, env={**full, **env},
                   capture_output=True, timeout=120)
    assert len(entries(repo / ".lint-cache")) == 1
    # the environment variable wins over the config
    lint(repo, "README.md", cache=tmp_path / "named", env=env)
    assert len(entries(tmp_path / "named")) == 1 and len(entries(repo / ".lint-cache")) == 1


def test_a_bad_cache_dir_key_is_a_config_error(repo):
    (repo / ".awesome-lint.yaml").write_text("cache-dir: [1]\n")
    run = lint(repo, "README.md")
    assert run.returncode == 2 and b"cache-dir must be a folder name" in run.stderr


def test_processes_at_once_share_the_folder(repo, tmp_path):
    cache = tmp_path / "cache"
    for i in range(3):
        (repo / f"list{i}.md").write_text(LIST + f"- [c{i}](https://c{i}.example) - Three.\n", encoding="utf-8")
    expected = {name: lint(repo, "--no-cache", name) for name in ("list0.md", "list1.md", "list2.md")}
    env = {**os.environ, "AWESOME_LINT_CACHE_DIR": str(cache)}
    for _round in range(2):  # all misses at once, then all hits at once
        procs = [(name, subprocess.Popen([sys.executable, "-m", "awesome_lint", name], cwd=repo, env=env,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE))
                 for name in [*expected, *expected]]
        for name, proc in procs:
            out, err = proc.communicate(timeout=120)
            assert (proc.returncode, out, err) == (expected[name].returncode, expected[name].stdout,
                                                   expected[name].stderr)
    assert len(entries(cache)) == 3
    assert not [p for p in (cache / "results").iterdir() if p.name.endswith(".tmp")]


def test_eviction_keeps_the_most_recently_used_within_bounds(tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    now = time.time()
    for i in range(10):
        path = folder / f"entry{i}"
        path.write_bytes(b"x" * 100)
        os.utime(path, (now - 100 + i, now - 100 + i))  # entry9 is the newest
    stale = folder / ".old.1.tmp"
    stale.write_bytes(b"x")
    os.utime(stale, (now - 7200, now - 7200))
    fresh = folder / ".new.2.tmp"
    fresh.write_bytes(b"x")
    resultcache.evict(folder, max_entries=6, max_bytes=10_000)
    assert sorted(p.name for p in folder.iterdir()) == [".new.2.tmp"] + [f"entry{i}" for i in range(4, 10)]
    resultcache.evict(folder, max_entries=100, max_bytes=350)
    assert sorted(p.name for p in folder.iterdir()) == [".new.2.tmp", "entry7", "entry8", "entry9"]
