"""Through a proxy from the environment, requests still go to the checked address, under the deadline."""
from __future__ import annotations

import time

import pytest
from test_linkcheck_support import Trickle, drip, fast

from awesome_lint.linkcheck import check_urls

OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>hello</p>"


class Proxy(Trickle):
    """A stand-in proxy on 127.0.0.1: records each request head, answers `reply` (or runs it as a handler)."""

    def __init__(self, reply=OK) -> None:
        self.heads: list[str] = []

        def handler(conn, data, stop):
            self.heads.append(data.decode("latin-1"))
            if callable(reply):
                reply(conn, data, stop)
            else:
                conn.sendall(reply)

        super().__init__(handler)


@pytest.fixture
def proxy_env(monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)

    def use(url: str) -> None:
        for name in ("HTTP_PROXY", "HTTPS_PROXY"):
            monkeypatch.setenv(name, url)

    return use


# the guard is on: only the address the resolver gives rebind.test is let through
NAMES = {"rebind.test": ["127.0.0.1"], "inside.test": ["10.1.2.3"]}


def guarded(**changes):
    return fast(allow_private=False, allow_networks=("127.0.0.1/32",),
                resolve=lambda host, port: NAMES.get(host, ["198.51.100.7"]), **changes)


def test_a_forwarding_proxy_is_sent_the_checked_address_with_the_name_in_host(proxy_env):
    with Proxy() as proxy:
        proxy_env(f"http://{proxy.host}")
        results = check_urls(["http://rebind.test:8080/page"], guarded())
    assert results["http://rebind.test:8080/page"].verdict == "ok"
    [head] = proxy.heads
    lines = head.split("\r\n")
    assert lines[0] == "HEAD http://127.0.0.1:8080/page HTTP/1.1"
    assert "Host: rebind.test:8080" in lines


def test_a_tunnel_is_opened_to_the_checked_address(proxy_env):
    with Proxy(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n") as proxy:
        proxy_env(f"http://{proxy.host}")
        results = check_urls(["https://rebind.test/paper"], guarded(retries=0))
    assert results["https://rebind.test/paper"].verdict == "unverified"
    assert proxy.heads and all(h.startswith("CONNECT 127.0.0.1:443 HTTP/") for h in proxy.heads)


def test_the_guard_still_refuses_before_the_proxy_is_asked(proxy_env):
    with Proxy() as proxy:
        proxy_env(f"http://{proxy.host}")
        results = check_urls(["http://inside.test/", "https://inside.test/"], guarded())
    assert {r.verdict for r in results.values()} == {"unverified"}
    assert all("private address 10.1.2.3" in r.reason for r in results.values())
    assert proxy.heads == [] and proxy.connections == 0


def test_a_proxy_trickling_its_answer_costs_one_deadline(proxy_env):
    def trickle(conn, data, stop):
        drip(conn, b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 100 + b"\r\n\r\n", stop, every=0.2, limit=8.0)

    with Proxy(trickle) as proxy:
        proxy_env(f"http://{proxy.host}")
        started = time.monotonic()
        result = check_urls(["http://rebind.test/slow"], guarded(timeout=1.0))["http://rebind.test/slow"]
        elapsed = time.monotonic() - started
    assert result.verdict == "unverified" and result.reason == "no complete answer within 1 s"
    assert elapsed < 1.8


def test_a_socks_proxy_is_refused_with_a_reason(proxy_env, monkeypatch):
    with Proxy() as proxy:
        proxy_env(f"socks5h://{proxy.host}")
        results = check_urls(["http://rebind.test/", "https://rebind.test/"], guarded())
    assert {r.verdict for r in results.values()} == {"unverified"}
    assert all("SOCKS proxy" in r.reason for r in results.values())
    assert proxy.connections == 0
