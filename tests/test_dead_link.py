"""dead-link through the CLI, against real servers on 127.0.0.1."""
from __future__ import annotations

import json

import pytest
from helpers import cli_json
from test_linkcheck_support import Site, status

from awesome_lint.app.cli import main
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
    # GraphQL first (this stand-in has none), then REST; the token goes to the API and nowhere else
    assert [(m, p) for m, p, h in api.requests] == [("POST", "/graphql"), ("GET", "/repos/octo/cat")]
    assert [h.get("Authorization") for m, p, h in api.requests] == ["Bearer sekrit"] * 2
    assert [p for m, p, h in web.requests if "/awesome-lint-" not in p] == ["/other"]  # the rest: the host's probe
    assert all("Authorization" not in h for m, p, h in web.requests)


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
        per_host={"docs.example.org": {"concurrency": 1, "interval": 2}, "api.example.org": {"rate": 3}},
        cache="none", ok_max_age="2d", dead_max_age="90m", user_agent="browser", exclude=["x"],
    ))
    options = rule.check_options()
    assert options.per_host["docs.example.org"].rate == 0.5  # interval, the older spelling
    assert options.per_host["api.example.org"].rate == 3
    assert options.per_host["github.com"].concurrency == 4  # defaults kept
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


def test_soft_404s_and_login_walls_are_warnings(tmp_path, capsys):
    body = b"<html><title>Page Not Found</title></html>"
    with Site({"*": lambda m, t: (200, {"Content-Type": "text/html"}, body)}) as soft, \
         Site({"/wall": status(302, Location="/login?next=/wall"), "/login": status(200)}) as walled:
        (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=""))
        path = tmp_path / "README.md"
        path.write_text(f"# L\n\n- [Soft]({soft.url('/gone')}) - Soft.\n- [Wall]({walled.url('/wall')}) - Wall.\n")
        code, found, _ = run(capsys, "--links", str(path))
    assert code == 0
    assert [(d["severity"], d["message"].split(" (")[0]) for d in found] == [
        ("warning", f"{soft.url('/gone')} looks dead"),
        ("warning", f"{walled.url('/wall')} leads to a sign-in page"),
    ]


@pytest.mark.parametrize("setting, message", [
    ("per-host: {a.example: {rate: 0}}", "per-host a.example needs a positive rate"),
    ("per-host: {a.example: {rate: many}}", "per-host a.example needs a positive rate"),
    ("per-host: {a.example: {speed: 2}}", "per-host a.example takes rate (requests/s) and concurrency"),
    ("per-host: {a.example: {concurrency: 0}}", "concurrency must be between 1 and 64"),
    ("max-duration: soon", "max-duration must be a duration"),
    ("allow-networks: [intranet]", "allow-networks takes CIDR blocks"),
])
def test_bad_link_settings_stop_the_run_with_one_line(tmp_path, capsys, setting, message):
    (tmp_path / ".awesome-lint.yaml").write_text(f"rules:\n  dead-link:\n    cache: ''\n    {setting}\n")
    path = tmp_path / "README.md"
    path.write_text("# L\n\n- [A](http://127.0.0.1:9/) - A.\n")
    code = main(["--links", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bare_urls_in_text_are_checked(tmp_path, capsys):
    with Site({"/gone": status(404), "/fine": status(200), "/in-code": status(404)}) as site:
        (tmp_path / ".awesome-lint.yaml").write_text(CONFIG.format(cache=""))
        path = tmp_path / "README.md"
        text = (f"# L\n\nSee {site.url('/gone')}, and {site.url('/fine')}.\n\n"
                f"`{site.url('/in-code')}` and <!-- {site.url('/in-code')} -->\n")
        path.write_text(text)
        code, found, _ = run(capsys, "--links", str(path))
    assert code == 1
    assert [d["message"].split(" (")[0] for d in found] == [f"dead link {site.url('/gone')}"]
    start = text.index(site.url("/gone"))
    line = text[:start].count("\n") + 1
    assert (found[0]["line"], found[0]["column"]) == (line, start - text.rfind("\n", 0, start))
    assert sorted(p for m, p, h in site.requests if "/awesome-lint-" not in p) == ["/fine", "/gone", "/gone"]


def test_cache_off_words_switch_the_cache_off_even_beside_folders_of_that_name(tmp_path, monkeypatch):
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import ConfigError, validate

    for name in ("none", "off", "cachedir"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path)

    def settings(cache):
        return engine.build_settings(validate({"select": ["dead-link"], "rules": {"dead-link": {"cache": cache}}}, None))
    for word in ("none", "off", "", "false"):
        settings(word)  # no error: these mean "no cache", not a folder
    with pytest.raises(ConfigError, match="'cachedir' is a directory; give the path of a cache file"):
        settings("cachedir")


def test_a_hosts_concurrency_is_its_own_or_the_per_host_default():
    rule = DeadLink(DeadLink.Options(per_host={"a.example": {"concurrency": 2, "rate": 1}, "b.example": {"rate": 2}},
                                     per_host_concurrency=3, cache="none"))
    per_host = rule.check_options().per_host
    assert (per_host["a.example"].concurrency, per_host["a.example"].rate) == (2, 1)
    assert (per_host["b.example"].concurrency, per_host["b.example"].rate) == (3, 2)


def test_a_duration_option_says_what_it_takes():
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import ConfigError, validate
    with pytest.raises(ConfigError, match=r"'ok-max-age' must be a duration such as 45s, 30m, 12h or 3d$"):
        engine.build_settings(validate({"select": ["dead-link"], "rules": {"dead-link": {"ok-max-age": "soon"}}}, None))


def test_more_options_reach_the_checker():
    rule = DeadLink(DeadLink.Options(allow_networks=["10.0.0.1/8"], exclude=["https://skip.example/*"],
                                     arxiv_api=False, cache="none"))
    options = rule.check_options()
    assert options.allow_networks == ("10.0.0.0/8",)  # host bits are let be, as in the config check
    assert options.exclude == ("https://skip.example/*",)
    assert options.arxiv_api is None
    with pytest.raises(ValueError, match=r"^dead-link: per-host must map host names to \{rate, concurrency\}$"):
        DeadLink(DeadLink.Options(per_host=["a.example"], cache="none")).check_options()
