"""The link checker against real HTTP servers on 127.0.0.1."""
from __future__ import annotations

import io
import json
import socket
import threading
import time

import pytest
from test_linkcheck_support import Site, fast, status

from awesome_lint.linkcheck import CheckOptions, HostLimit, LinkResult, Stats, check_urls
from awesome_lint.linkcheck.cache import VerdictCache
from awesome_lint.linkcheck.guard import AddressGuard, ResolveError, forbidden_reason
from awesome_lint.linkcheck.progress import Progress


def check(urls, options=None, stats=None):
    return check_urls(urls, options or fast(), stats=stats)


def flaky(code, times, **headers):
    def route(method, tries):
        return (code, headers) if tries <= times else (200, {})
    return route


def test_status_verdicts():
    routes = {
        "/ok": status(200),
        "/missing": status(404),
        "/gone": status(410),
        "/forbidden": status(403),
        "/linkedin": status(999),
        "/unauthorized": status(401),
    }
    with Site(routes) as site:
        results = check([site.url(p) for p in routes])
    got = {url.rsplit("/", 1)[1]: (r.verdict, r.status) for url, r in results.items()}
    assert got == {
        "ok": ("ok", 200),
        "missing": ("dead", 404),
        "gone": ("dead", 410),
        "forbidden": ("unverified", 403),
        "linkedin": ("unverified", 999),
        "unauthorized": ("unverified", 401),
    }
    assert results[site.url("/missing")].reason == "404 Not Found"
    assert site.tries["/linkedin"] == 1  # past 5xx is no server error that mends: a bot wall, asked once


def test_transient_errors_are_retried_until_they_pass():
    routes = {
        "/unavailable": flaky(503, 2),
        "/limited": flaky(429, 2, **{"Retry-After": "0"}),
        "/broken": status(500),
    }
    with Site(routes) as site:
        results = check([site.url(p) for p in routes], fast(retries=2))
    assert results[site.url("/unavailable")].verdict == "ok"
    assert results[site.url("/limited")].verdict == "ok"
    broken = results[site.url("/broken")]
    assert (broken.verdict, broken.status) == ("unverified", 500)
    assert "after 2 tries" in broken.reason  # a 500 is retried once; 429 and 503 up to `retries`
    assert site.tries["/broken"] == 2


def test_retry_after_is_honoured_and_capped():
    with Site({"/slow-down": flaky(429, 1, **{"Retry-After": "1"})}) as site, \
         Site({"/come-back-tomorrow": status(429, Retry_After="86400")}) as far_site:
        started = time.monotonic()
        results = check([site.url("/slow-down"), far_site.url("/come-back-tomorrow")])
        elapsed = time.monotonic() - started
    assert results[site.url("/slow-down")].verdict == "ok"
    slow = [t for (m, p, h), t in zip(site.requests, site.starts) if p == "/slow-down"]
    assert len(slow) == 2 and slow[1] - slow[0] >= 0.9  # the second try waited for Retry-After
    far = results[far_site.url("/come-back-tomorrow")]
    assert far.verdict == "unverified" and "asked to wait 86400 s" in far.reason
    assert far_site.tries["/come-back-tomorrow"] == 1
    assert elapsed < 5


def test_head_refused_falls_back_to_get():
    def head_refused(final):
        return lambda method, tries: (405, {}) if method == "HEAD" else (final, {})
    with Site({"/a": head_refused(200), "/b": head_refused(404)}) as site:
        results = check([site.url("/a"), site.url("/b")])
    assert results[site.url("/a")].verdict == "ok"
    assert results[site.url("/b")].verdict == "dead"
    assert sorted(m for m, p, h in site.requests if p == "/a") == ["GET", "HEAD"]


def test_redirects():
    routes = {
        "/old": status(301, Location="/new"),
        "/old308": status(308, Location="/temp"),
        "/temp": status(302, Location="/new"),
        "/new": status(200),
        "/elsewhere": status(302, Location="/new"),
        "/to-nowhere": status(301, Location="/missing"),
        "/loop": status(302, Location="/loop2"),
        "/loop2": status(302, Location="/loop"),
    }
    with Site(routes) as site:
        results = check([site.url(p) for p in ("/old#usage", "/old308", "/elsewhere", "/to-nowhere", "/loop")])
    moved = results[site.url("/old#usage")]
    assert (moved.verdict, moved.final_url) == ("redirect", site.url("/new#usage"))
    # Only the permanent part of a chain is worth writing into the list.
    assert results[site.url("/old308")].final_url == site.url("/temp")
    assert results[site.url("/elsewhere")].verdict == "ok"
    nowhere = results[site.url("/to-nowhere")]
    assert nowhere.verdict == "dead" and nowhere.status == 404
    loop = results[site.url("/loop")]
    assert loop.verdict == "unverified" and loop.reason == "too many redirects"
    assert site.tries["/loop"] + site.tries["/loop2"] == 11


def test_hang_is_cut_by_the_timeout():
    with Site({"/hang": lambda m, t: "hang"}) as site:
        started = time.monotonic()
        result = check([site.url("/hang")], fast(timeout=0.3, timeout_retries=1))[site.url("/hang")]
    assert result.verdict == "unverified" and "no complete answer within 0.3 s" in result.reason
    assert site.tries["/hang"] == 2
    assert time.monotonic() - started < 2


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_refused_connection_is_dead_and_the_host_is_not_retried_for_every_url():
    port = closed_port()
    urls = [f"http://127.0.0.1:{port}/{n}" for n in range(6)]
    stats = Stats()
    results = check(urls, fast(per_host_concurrency=1), stats)
    assert {r.verdict for r in results.values()} == {"dead"}
    assert all("connection refused" in r.reason for r in results.values())
    assert stats.requests == 3  # one URL's tries; the rest know the port is closed


def test_each_unique_url_is_requested_once_and_counted():
    with Site({"/page": status(200)}) as site:
        stats = Stats()
        urls = [site.url("/page"), site.url("/page#a"), site.url("/page#b"), "mailto:x@example.org"]
        results = check(urls, stats=stats)
    assert set(results) == set(urls[:3])
    assert site.tries["/page"] == 1 and stats.requests == 1


def test_include_and_exclude_patterns():
    with Site({"/a": status(404), "/b": status(404)}) as site:
        results = check([site.url("/a"), site.url("/b")], fast(exclude=(r"/b$",)))
        only = check([site.url("/a"), site.url("/b")], fast(include=(r"/b$",)))
    assert set(results) == {site.url("/a")}
    assert set(only) == {site.url("/b")}


def test_per_host_concurrency_is_never_exceeded():
    with Site({f"/{n}": status(200) for n in range(24)}, delay=0.1) as one, \
         Site({f"/{n}": status(200) for n in range(24)}, delay=0.1) as two:
        stats = Stats()
        urls = [s.url(f"/{n}") for s in (one, two) for n in range(24)]
        check(urls, fast(per_host_concurrency=3, concurrency=16), stats)
    assert one.peak == 3 and two.peak == 3
    assert stats.peak_by_host == {one.host: 3, two.host: 3}
    assert stats.peak_total == 6  # both hosts at once: one slow host does not hold up the other


def test_a_configured_rate_spaces_request_starts():
    with Site({f"/{n}": status(200) for n in range(6)}) as site:
        options = fast(per_host={site.host: HostLimit(rate=6.0, concurrency=4)})
        check([site.url(f"/{n}") for n in range(6)], options)
    gaps = [b - a for a, b in zip(site.starts, site.starts[1:])]
    assert site.starts[-1] - site.starts[0] >= 5 / 6 - 0.05  # six starts, 1/6 s apart
    assert min(gaps) >= 0.5 / 6  # arrival jitter on a busy machine, not a burst


def test_a_rate_limited_host_is_slowed_down():
    state = {"active": 0}
    lock = threading.Lock()

    def limited(method, tries):
        return (200, {})

    with Site({f"/{n}": limited for n in range(40)}, delay=0.05) as site:
        original = site._handle

        def over_two(handler):
            # More than two at once is answered 429, as a rate-limited API would.
            with lock:
                state["active"] += 1
                busy = state["active"] > 2
            try:
                if busy:
                    site.requests.append((handler.command, handler.path, {}))
                    handler.send_response(429)
                    handler.send_header("Retry-After", "0")
                    handler.send_header("Content-Length", "0")
                    handler.end_headers()
                    return
                original(handler)
            finally:
                with lock:
                    state["active"] -= 1

        site._handle = over_two
        results = check([site.url(f"/{n}") for n in range(40)], fast(per_host_concurrency=8, retries=4))
    assert {r.verdict for r in results.values()} == {"ok"}
    limited_answers = len(site.requests) - 40
    assert limited_answers < 40  # the host's allowance came down instead of 429 after 429


def test_loopback_and_private_addresses_are_refused_by_default():
    with Site({"/admin": status(200)}) as site:
        results = check([site.url("/admin"), "http://169.254.169.254/latest/meta-data/"], fast(allow_private=False))
    assert site.requests == []
    assert "loopback" in results[site.url("/admin")].reason
    assert "link-local" in results["http://169.254.169.254/latest/meta-data/"].reason
    assert {r.verdict for r in results.values()} == {"unverified"}


@pytest.mark.parametrize("address, reason", [
    ("10.1.2.3", "private"), ("192.168.0.1", "private"), ("172.16.5.4", "private"),
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("93.184.216.34", None),
    ("2606:4700::1111", None),
])
def test_forbidden_addresses(address, reason):
    assert forbidden_reason(address) == reason


def test_redirect_hops_are_checked_too():
    # 127.0.0.1 is let through by allow-networks; "internal.test" resolves to a
    # private address, and the redirect to it must not be followed.
    def resolve(host, port):
        return ["127.0.0.1"] if host == "127.0.0.1" else ["10.1.2.3"]

    with Site({"/hop": status(302, Location="/x")}) as site:
        site.routes["/hop"] = status(302, Location=f"http://internal.test:{site.port}/secret")
        options = fast(allow_private=False, allow_networks=("127.0.0.1/32",), resolve=resolve)
        result = check([site.url("/hop")], options)[site.url("/hop")]
    assert [p for m, p, h in site.requests] == ["/hop"]
    assert result.verdict == "unverified" and "private address 10.1.2.3" in result.reason


def test_dns_failures():
    def resolve(host, port):
        if host == "nx.example":
            raise ResolveError("DNS lookup failed", permanent=True)
        raise ResolveError("DNS lookup failed", permanent=False)

    stats = Stats()
    results = check(["https://nx.example/a", "https://nx.example/b", "https://flaky-dns.example/"],
                    fast(resolve=resolve), stats)
    assert results["https://nx.example/a"].verdict == "dead"
    assert results["https://nx.example/b"].reason == "DNS lookup failed"
    assert results["https://flaky-dns.example/"].verdict == "unverified"
    assert stats.requests == 0


def test_guard_resolves_each_host_once():
    calls = []

    def resolve(host, port):
        calls.append(host)
        return ["93.184.216.34"]

    guard = AddressGuard(allow_private=False, resolve=resolve)
    for _ in range(5):
        assert guard.check("example.org", 443) is None
    assert calls == ["example.org"]


def test_cache_rerun_sends_no_request(tmp_path):
    cache = str(tmp_path / "links.sqlite3")
    routes = {"/ok": status(200), "/dead": status(404), "/moved": status(301, Location="/ok"), "/busy": status(503)}
    with Site(routes) as site:
        urls = [site.url(p) for p in routes]
        check(urls, fast(cache=cache, retries=0))
        sent = len(site.requests)
        stats = Stats()
        again = check(urls, fast(cache=cache, retries=0), stats)
    ok = site.url("/ok")
    assert {url.rsplit("/", 1)[1]: (r.verdict, r.status, r.reason.split(" after")[0], r.final_url)
            for url, r in again.items()} == {
        "ok": ("ok", 200, "200 OK", None),
        "dead": ("dead", 404, "404 Not Found", None),
        "moved": ("redirect", 200, f"moved permanently to {ok}", ok),
        "busy": ("unverified", 503, "503 Service Unavailable", None),
    }
    # A re-run right after sends nothing, the unverified link included.
    assert site.requests[sent:] == []
    assert stats.cache_hits == 4


def test_unverified_answers_are_kept_only_briefly(tmp_path):
    cache = str(tmp_path / "links.sqlite3")
    with Site({"/ok": status(200), "/busy": status(503)}) as site:
        urls = [site.url("/ok"), site.url("/busy")]
        check(urls, fast(cache=cache, retries=0))
        sent = len(site.requests)
        check(urls, fast(cache=cache, retries=0, unverified_max_age=0))
        assert [p for m, p, h in site.requests[sent:]] == ["/busy"]
        VerdictCache(cache, fast(cache=cache)).store(
            [LinkResult(site.url("/busy"), "unverified", 503, "503")], now=time.time() - 11 * 60)
        sent = len(site.requests)
        check(urls, fast(cache=cache, retries=0))
    # the default keeps an unverified answer ten minutes, no longer
    assert [p for m, p, h in site.requests[sent:]] == ["/busy"]


def test_cache_max_age_per_verdict(tmp_path):
    cache = str(tmp_path / "links.sqlite3")
    with Site({"/ok": status(200), "/dead": status(404)}) as site:
        urls = [site.url("/ok"), site.url("/dead")]
        check(urls, fast(cache=cache))
        sent = len(site.requests)
        check(urls, fast(cache=cache, dead_max_age=0))
    assert {p for m, p, h in site.requests[sent:]} == {"/dead"}


def test_cache_shared_by_concurrent_runs(tmp_path):
    cache = str(tmp_path / "links.sqlite3")
    with Site({f"/{n}": status(200) for n in range(30)}) as site:
        urls = [site.url(f"/{n}") for n in range(30)]
        outcomes = []
        runs = [threading.Thread(target=lambda: outcomes.append(check(urls, fast(cache=cache)))) for _ in range(3)]
        for run in runs:
            run.start()
        for run in runs:
            run.join()
        sent = len(site.requests)
        check(urls, fast(cache=cache))
    assert len(outcomes) == 3
    assert len(site.requests) == sent


def github_options(site_api, site_web, **changes):
    return fast(github_token="sekrit-token", github_api=site_api.base,
                github_hosts=(site_web.host,), **changes)


def test_github_repository_links_use_the_api_and_the_token_goes_nowhere_else():
    with Site({"/repos/octo/cat": json_route({"full_name": "octo/cat"})}) as api, \
         Site({"/octo/cat/issues": status(200), "/other": status(200)}) as web:
        results = check([web.url("/octo/cat"), web.url("/octo/cat/issues"), web.url("/other")],
                        github_options(api, web))
    assert results[web.url("/octo/cat")].verdict == "ok"
    assert [p for m, p, h in api.requests] == ["/repos/octo/cat"]
    assert api.requests[0][2].get("Authorization") == "Bearer sekrit-token"
    assert sorted(p for m, p, h in web.requests) == ["/octo/cat/issues", "/other"]
    assert all("Authorization" not in h for m, p, h in web.requests)


def json_route(payload, code=200):
    body = json.dumps(payload).encode()
    return lambda method, tries: (code, {"Content-Type": "application/json"}, body)


def test_renamed_repository_is_a_redirect_and_the_token_does_not_follow_off_origin():
    with Site() as api, Site({"/old/name": status(301, Location="/new/name"), "/new/name": status(200)}) as web, \
         Site({"/steal": status(200)}) as thief:
        api.routes["/repos/old/name"] = status(301, Location="/repositories/7")
        api.routes["/repositories/7"] = json_route({"full_name": "new/name"})
        api.routes["/repos/evil/repo"] = status(302, Location=thief.url("/steal"))
        results = check([web.url("/old/name"), web.url("/evil/repo")], github_options(api, web))
    moved = results[web.url("/old/name")]
    assert (moved.verdict, moved.final_url) == ("redirect", web.url("/new/name"))
    assert sorted(p for m, p, h in api.requests) == ["/repos/evil/repo", "/repos/old/name", "/repositories/7"]
    assert all(h.get("Authorization") for m, p, h in api.requests)
    assert thief.requests == []
    # The API's odd answer is settled by the web page itself, without the token.
    assert results[web.url("/evil/repo")].verdict == "dead"
    assert all("Authorization" not in h for m, p, h in web.requests)


def test_github_api_errors_fall_back_to_the_web_page():
    with Site({"/repos/a/b": status(404)}) as api, Site({"/a/b": status(200)}) as web:
        result = check([web.url("/a/b")], github_options(api, web))[web.url("/a/b")]
    assert result.verdict == "ok"
    assert [p for m, p, h in web.requests] == ["/a/b"]


def test_progress_bar_only_on_a_terminal(monkeypatch):
    out = io.StringIO()
    bar = Progress(3, stream=out, force=True)
    for verdict in ("ok", "dead", "ok"):
        bar.advance(verdict)
    bar.close()
    assert "3/3" in out.getvalue() and "dead: 1" in out.getvalue()
    quiet = io.StringIO()
    Progress(3, stream=quiet).advance("ok")
    assert quiet.getvalue() == ""  # StringIO is not a terminal

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("CI", "true")
    assert not Progress(3, stream=Tty()).enabled
    monkeypatch.delenv("CI")
    assert Progress(3, stream=Tty()).enabled


def test_default_options_are_conservative():
    options = CheckOptions()
    assert options.allow_private is False
    assert options.max_redirects == 10
    assert 2 <= options.per_host["github.com"].concurrency <= 8
    assert 2 <= options.per_host_concurrency <= 8
    assert options.timeout == 10 and options.timeout_retries == 0


def test_head_404s_are_believed_once_get_has_confirmed_them_on_the_host():
    routes = {f"/gone{n}": status(404) for n in range(6)}
    with Site(routes) as site:
        options = fast(per_host={site.host: HostLimit(rate=50, concurrency=1)})
        results = check([site.url(f"/gone{n}") for n in range(6)], options)
    assert {r.verdict for r in results.values()} == {"dead"}
    methods = [m for m, p, h in site.requests]
    assert methods[:4] == ["HEAD", "GET", "HEAD", "GET"]  # two confirmations
    assert methods[4:] == ["HEAD"] * 4
