"""dead-link through the CLI, against real servers on 127.0.0.1."""
from __future__ import annotations

import json

import pytest
from helpers import cli_json
from test_linkcheck_support import Site, status

from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules.dead_link import DeadLink, seconds

CONFIG = """rules:
  dead-link:
    allow-private: true
    cache: "{cache}"
    retries: 1
    timeout: 0.5
    max-retry-after: 1
"""


@pytest.fixture(autouse=True)
def no_github_env(monkeypatch):
    for name in ("GITHUB_TOKEN", "GITHUB_API_URL", "GITHUB_SERVER_URL", "CI"):
        monkeypatch.delenv(name, raising=False)


def write_list(tmp_path, site, cache=""):
    text = (
        "# Awesome Test\n\n## Tools\n\n"
        f"- [Fine]({site.url('/ok')}) - Fine.\n"
        f"- [Gone]({site.url('/gone')}) - Gone.\n"
        f"- [Moved]({site.url('/moved')}) - Moved.\n"
        f"- [Busy]({site.url('/busy')}) - Busy.\n"
        "\n<!-- awesome-lint disable-next-line dead-link -->\n"
        f"- [Quiet]({site.url('/quiet')}) - Known to be gone.\n"
        f"\n```\n{site.url('/in-code')}\n```\n"
    )
    (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=cache))
    path = tmp_path / "README.md"
    path.write_text(text)
    return path


ROUTES = {
    "/ok": status(200),
    "/gone": status(404),
    "/moved": status(301, Location="/ok"),
    "/busy": status(503),
    "/quiet": status(404),
}


def run(capsys, *args):
    return cli_json(capsys, *args, "--select", "dead-link")


def test_dead_links_are_errors_and_unverified_ones_warnings(tmp_path, capsys):
    with Site(ROUTES) as site:
        path = write_list(tmp_path, site)
        code, found, _ = run(capsys, "--links", str(path))
        unsafe = run(capsys, "--links", "--unsafe-fixes", str(path))[1]
    assert code == 1
    got = {(d["line"], d["severity"], d["message"].split(" (")[0]) for d in found}
    assert got == {
        (6, "error", f"dead link {site.url('/gone')}"),
        (7, "warning", f"{site.url('/moved')} has moved permanently to {site.url('/ok')}"),
        (8, "warning", f"could not verify {site.url('/busy')}"),
    }
    # The redirect fix is unsafe: it counts as fixable only when unsafe fixes are allowed.
    assert [d["fixable"] for d in found if d["line"] == 7] == [False]
    assert [d["fixable"] for d in unsafe if d["line"] == 7] == [True]
    assert "/in-code" not in {p for m, p, h in site.requests}  # links in code are not links


def test_unsafe_fix_replaces_a_permanently_moved_url(tmp_path, capsys):
    with Site(ROUTES) as site:
        path = write_list(tmp_path, site)
        before = path.read_text()
        run(capsys, "--links", "--fix", str(path))
        assert path.read_text() == before  # the URL swap is unsafe: plain --fix leaves it
        run(capsys, "--links", "--fix", "--unsafe-fixes", str(path))
        after = path.read_text()
    assert after == before.replace(f"[Moved]({site.url('/moved')})", f"[Moved]({site.url('/ok')})")


def test_network_rule_needs_links_and_offline_wins(tmp_path, capsys):
    with Site(ROUTES) as site:
        path = write_list(tmp_path, site)
        assert run(capsys, str(path))[1] == []
        assert run(capsys, "--links", "--offline", str(path))[1] == []
    assert site.requests == []


def test_cached_rerun_sends_no_request(tmp_path, capsys):
    cache = tmp_path / "cache.sqlite3"
    routes = {"/ok": status(200), "/gone": status(404), "/moved": status(301, Location="/ok"),
              "/busy": status(200), "/quiet": status(200)}
    with Site(routes) as site:
        path = write_list(tmp_path, site, cache=str(cache))
        first = run(capsys, "--links", str(path))[1]
        sent = len(site.requests)
        second = run(capsys, "--links", str(path))[1]
    expected = [
        (6, "error", f"dead link {site.url('/gone')} (404 Not Found)"),
        (7, "warning", f"{site.url('/moved')} has moved permanently to {site.url('/ok')}"),
    ]
    assert [(d["line"], d["severity"], d["message"]) for d in first] == expected
    assert [(d["line"], d["severity"], d["message"]) for d in second] == expected
    assert sent > 0 and len(site.requests) == sent


def test_token_goes_to_the_api_only(tmp_path, capsys, monkeypatch):
    body = json.dumps({"full_name": "octo/cat"}).encode()
    with Site({"/repos/octo/cat": lambda m, t: (200, {"Content-Type": "application/json"}, body)}) as api, \
         Site({"/other": status(200)}) as web:
        monkeypatch.setenv("GITHUB_TOKEN", "sekrit")
        monkeypatch.setenv("GITHUB_API_URL", api.base)
        monkeypatch.setenv("GITHUB_SERVER_URL", web.base)
        (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=""))
        path = tmp_path / "README.md"
        path.write_text(f"# L\n\n- [Cat]({web.url('/octo/cat')}) - Cat.\n- [Other]({web.url('/other')}) - Other.\n")
        code, found, _ = run(capsys, "--links", str(path))
    assert (code, found) == (0, [])
    assert [h.get("Authorization") for m, p, h in api.requests] == ["Bearer sekrit"]
    assert [(p, h.get("Authorization")) for m, p, h in web.requests] == [("/other", None)]


def test_only_changed_lines_are_checked(tmp_path):
    with Site(ROUTES) as site:
        text = f"# L\n\n- [A]({site.url('/gone')}) - A.\n- [B]({site.url('/busy')}) - B.\n"
        rule = DeadLink(DeadLink.Options(allow_private=True, cache="", retries=0))
        found = list(rule.check(Document(text), Context(links=True, changed_lines={3})))
    assert [d.message.split(" (")[0] for d in found] == [f"dead link {site.url('/gone')}"]
    assert [p for m, p, h in site.requests] == ["/gone", "/gone"]  # HEAD, then GET


def test_a_link_whose_second_line_changed_is_checked():
    with Site(ROUTES) as site:
        text = f"# L\n\n- [A long\n  name]({site.url('/gone')}) - A.\n- [B]({site.url('/busy')}) - B.\n"
        rule = DeadLink(DeadLink.Options(allow_private=True, cache="", retries=0))
        found = list(rule.check(Document(text), Context(links=True, changed_lines={4})))
    assert [(d.message.split(" (")[0], d.start) for d in found] == [(f"dead link {site.url('/gone')}", 7)]
    assert [p for m, p, h in site.requests] == ["/gone", "/gone"]


def test_fix_loop_asks_once(tmp_path):
    with Site(ROUTES) as site:
        text = f"# L\n\n- [A]({site.url('/gone')}) - A.\n"
        rule = DeadLink(DeadLink.Options(allow_private=True, cache=""))
        for _ in range(3):
            assert len(list(rule.check(Document(text), Context(links=True)))) == 1
    assert len(site.requests) == 2


def test_options_reach_the_checker(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    rule = DeadLink(DeadLink.Options(
        per_host={"docs.example.org": {"concurrency": 1, "interval": 2}},
        cache="none", ok_max_age="2d", dead_max_age="90m", user_agent="browser", exclude=["x"],
    ))
    options = rule.check_options()
    assert options.per_host["docs.example.org"].interval == 2
    assert options.per_host["github.com"].concurrency == 2  # defaults kept
    assert options.cache is None
    assert (options.ok_max_age, options.dead_max_age) == (2 * 86400, 90 * 60)
    assert "Mozilla" in options.agent()
    assert options.github_token == "t" and options.github_hosts == ("github.com", "www.github.com")
    assert DeadLink(DeadLink.Options(github_api=False)).check_options().github_token is None
    assert DeadLink().check_options().cache.endswith("links.sqlite3")


def test_durations():
    assert seconds("45s", "k") == 45 and seconds("3d", "k") == 259200 and seconds("10", "k") == 10
    with pytest.raises(ValueError):
        seconds("soon", "k")


def test_files_sharing_a_config_ask_about_a_url_once(tmp_path, capsys):
    with Site({"/gone": status(404)}) as site:
        (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=""))
        paths = []
        for name in ("a.md", "b.md"):
            path = tmp_path / name
            path.write_text(f"# L\n\n- [Gone]({site.url('/gone')}) - Gone.\n")
            paths.append(str(path))
        code, found, _ = run(capsys, "--links", *paths)
    assert code == 1 and [d["path"] for d in found] == paths
    assert [p for m, p, h in site.requests] == ["/gone", "/gone"]  # HEAD then GET, once for both files
