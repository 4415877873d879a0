"""repo-health against a stand-in for GitHub's GraphQL endpoint on 127.0.0.1."""
from __future__ import annotations

import json

import pytest
from test_linkcheck_support import Site

from awesome_lint.app.cli import main
from awesome_lint.rules.repo_health import age

# lower-case "owner/name" -> (current name, archived, last push) or None for a deleted repository
REPOS = {
    "octo/fine": ("octo/fine", False, "2026-10-01T00:00:00Z"),
    "octo/old-name": ("octo/new-name", False, "2026-10-01T00:00:00Z"),
    "octo/attic": ("octo/attic", True, "2025-01-01T00:00:00Z"),
    "octo/dusty": ("octo/dusty", False, "2019-05-04T00:00:00Z"),
    "octo/gone": None,
}


class GraphQL(Site):
    def __init__(self):
        super().__init__()
        self.routes["/graphql"] = self._answer

    def _answer(self, method, tries):
        payload = json.loads(self.current.body)
        variables = payload["variables"]
        data, errors = {}, []
        for n in range(len(variables) // 2):
            info = REPOS.get(f"{variables[f'o{n}']}/{variables[f'n{n}']}".lower())
            if info is None:
                data[f"r{n}"] = None
                errors.append({"type": "NOT_FOUND", "path": [f"r{n}"], "message": "Could not resolve"})
            else:
                name, archived, pushed = info
                data[f"r{n}"] = {"nameWithOwner": name, "url": "", "isArchived": archived, "pushedAt": pushed}
        return (200, {"Content-Type": "application/json"}, json.dumps({"data": data, "errors": errors}).encode())


@pytest.fixture
def github(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the default cache file, kept per test
    with GraphQL() as api:
        monkeypatch.setenv("GITHUB_TOKEN", "sekrit")
        monkeypatch.setenv("GITHUB_API_URL", api.base)
        monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
        monkeypatch.delenv("GITHUB_GRAPHQL_URL", raising=False)
        monkeypatch.delenv("CI", raising=False)
        yield api


LIST = """# Awesome Repos

- [Fine](https://github.com/octo/fine) - Fine.
- [Renamed](https://github.com/octo/old-name) - Renamed.
- [Attic](https://github.com/octo/attic) - Archived.
- [Dusty](https://github.com/octo/dusty) - Stale.
- [Gone](https://github.com/octo/gone) - Deleted.
"""


def lint(tmp_path, capsys, *args, config="rules:\n  repo-health:\n    allow-private: true\n"):
    (tmp_path / ".awesome-lint.yaml").write_text(config)
    path = tmp_path / "README.md"
    path.write_text(LIST)
    code = main([*args, "--links", "--select", "repo-health", "--output-format", "json", str(path)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("[") else out), path


def test_every_verdict(tmp_path, capsys, github):
    code, found, _ = lint(tmp_path, capsys)
    got = [(d["line"], d["severity"], d["message"]) for d in found]
    assert got == [
        (4, "warning", "repository octo/old-name was renamed to octo/new-name"),
        (5, "warning", "repository octo/attic is archived"),
        (6, "warning", "repository octo/dusty has had no push since 2019-05-04"),
        (7, "error", "repository octo/gone does not exist (deleted, or private)"),
    ]
    assert code == 1
    posts = [p for m, p, h in github.requests]
    assert posts == ["/graphql"]  # five repositories, one query
    assert github.requests[0][2]["Authorization"] == "Bearer sekrit"


def test_the_rename_fix_writes_the_new_name(tmp_path, capsys, github):
    code, _, path = lint(tmp_path, capsys, "--fix")
    text = path.read_text()
    assert "- [Renamed](https://github.com/octo/new-name) - Renamed." in text
    assert text.replace("octo/new-name", "octo/old-name") == LIST  # nothing else changed


def test_stale_after_is_configurable_and_validated(tmp_path, capsys, github):
    _, found, _ = lint(tmp_path, capsys, config="rules:\n  repo-health:\n    allow-private: true\n    stale-after: 10y\n")
    assert not any("no push" in d["message"] for d in found)
    code, out, _ = lint(tmp_path, capsys, config="rules:\n  repo-health:\n    stale-after: ages\n")
    assert code == 2
    assert age("18mo").days == 547 and age("3y").days == 1095


def test_without_a_token_nothing_is_asked(tmp_path, capsys, github, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN")
    code, found, _ = lint(tmp_path, capsys)
    assert (code, found) == (0, [])
    assert github.requests == []


def test_off_without_links(tmp_path, capsys, github):
    (tmp_path / "README.md").write_text(LIST)
    code = main(["--select", "repo-health", "--output-format", "json", str(tmp_path / "README.md")])
    capsys.readouterr()
    assert code == 0 and github.requests == []


EXPECTED = [
    (4, "warning", "repository octo/old-name was renamed to octo/new-name"),
    (5, "warning", "repository octo/attic is archived"),
    (6, "warning", "repository octo/dusty has had no push since 2019-05-04"),
    (7, "error", "repository octo/gone does not exist (deleted, or private)"),
]


def graphql_posts(api):
    return [p for m, p, h in api.requests if (m, p) == ("POST", "/graphql")]


def test_a_rerun_within_max_age_asks_github_nothing(tmp_path, capsys, github):
    config = f"rules:\n  repo-health:\n    allow-private: true\n    cache: {tmp_path / 'links.sqlite3'}\n"
    for _ in range(2):
        code, found, _ = lint(tmp_path, capsys, config=config)
        assert code == 1 and [(d["line"], d["severity"], d["message"]) for d in found] == EXPECTED
    assert len(github.requests) == 1  # the first run's one query; the second run sent none


def test_max_age_zero_asks_again(tmp_path, capsys, github):
    config = f"rules:\n  repo-health:\n    allow-private: true\n    max-age: 0s\n"
    lint(tmp_path, capsys, config=config)
    lint(tmp_path, capsys, config=config)
    assert len(graphql_posts(github)) == 2
    code, out, _ = lint(tmp_path, capsys, config="rules:\n  repo-health:\n    max-age: soon\n")
    assert code == 2


@pytest.mark.parametrize("cache", ["none", "file"])
def test_dead_link_and_repo_health_share_one_query(tmp_path, capsys, github, monkeypatch, cache):
    monkeypatch.setenv("GITHUB_SERVER_URL", github.base)  # the links' host: fallbacks stay on the loopback
    cache = "none" if cache == "none" else str(tmp_path / "links.sqlite3")
    (tmp_path / ".awesome-lint.yaml").write_text(
        f"rules:\n  repo-health:\n    allow-private: true\n    cache: {cache}\n"
        f"  dead-link:\n    allow-private: true\n    cache: {cache}\n    retries: 0\n    timeout: 2\n")
    path = tmp_path / "README.md"
    path.write_text(LIST.replace("https://github.com/", github.base + "/"))
    code = main(["--links", "--select", "dead-link,repo-health", "--output-format", "json", str(path)])
    found = json.loads(capsys.readouterr()[0])
    assert code == 1
    assert [(d["line"], d["rule"], d["message"]) for d in found if d["rule"] == "repo-health"] == [
        (line, "repo-health", message) for line, _, message in EXPECTED]
    by_dead_link = [(d["line"], d["message"]) for d in found if d["rule"] == "dead-link"]
    assert by_dead_link == [
        (4, f"{github.base}/octo/old-name has moved permanently to {github.base}/octo/new-name"),
        (7, f"dead link {github.base}/octo/gone (404 Not Found)"),
    ]
    assert len(graphql_posts(github)) == 1  # five repositories, two rules, one query
