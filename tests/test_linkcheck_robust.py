"""No URL, redirect target or answer can crash a link check: everything ends as a verdict."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_linkcheck_support import Site, fast, status

from awesome_lint.linkcheck import check_urls
from awesome_lint.linkcheck.guard import ResolveError
from awesome_lint.linkcheck.model import VERDICTS


def loopback_only(host, port):
    # Nothing but the test server resolves, so no generated URL can leave the machine.
    if host == "127.0.0.1":
        return ["127.0.0.1"]
    raise ResolveError("DNS lookup failed", permanent=True)


def options(**changes):
    return fast(resolve=loopback_only, retries=0, timeout=1.0, **changes)


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_invalid_ports_hosts_and_schemes_are_findings():
    with Site({"/ok": status(200)}) as site:
        urls = [
            "http://example.com:99999/", "https://example.com:-1/", "http://example.com:http/",
            "http://[::1/", "http://[not-ipv6]/", "http://exa mple.com/", "http:///nohost",
            "http://bücher.example/", "http://" + "a" * 300 + ".example/", "https://xn--/",
            "HTTP://127.0.0.1:%d/ok" % site.port, site.url("/ok"),
        ]
        results = check_urls(urls, options())
    assert set(results) == set(urls)
    assert results[site.url("/ok")].verdict == "ok"
    assert results["HTTP://127.0.0.1:%d/ok" % site.port].verdict == "ok"
    bad_port = results["http://example.com:99999/"]
    assert bad_port.verdict == "dead" and "port" in bad_port.reason
    assert results["http://[::1/"].verdict == "dead"
    assert all(r.verdict in VERDICTS for r in results.values())


@pytest.mark.parametrize("location, reason", [
    ("http://127.0.0.1:99999/", "redirects to an invalid URL"),
    ("http://[::1/x", "redirects to an invalid URL"),
    ("ftp://127.0.0.1/file", "redirects to a non-HTTP URL"),
    ("javascript:alert(1)", "redirects to a non-HTTP URL"),
    ("http://exa mple.com/", "redirects to an invalid URL"),
])
def test_bad_redirect_targets_are_findings(location, reason):
    with Site({"/r": status(302, Location=location)}) as site:
        result = check_urls([site.url("/r")], options())[site.url("/r")]
    assert reason in result.reason


URL_CHARS = string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%" + "ü€ \t"


@pytest.fixture(scope="module")
def shared_site():
    with Site({"*": status(200)}) as site:
        yield site


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scheme=st.sampled_from(["http", "https", "HTTP", "hTtPs", "ftp", "http:", "", "mailto"]),
    authority=st.one_of(
        st.text(URL_CHARS, max_size=30),
        st.sampled_from(["127.0.0.1:{port}", "127.0.0.1:{port}0000", "[::1]:{port}", "[::ffff:127.0.0.1]",
                         "127.0.0.1:", "user:pw@127.0.0.1:{port}", "127.0.0.1:{port}:80", "xn--zz", "ü.test"]),
    ),
    path=st.text(URL_CHARS, max_size=30),
    location=st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
)
def test_generated_garbage_urls_never_crash_the_checker(shared_site, scheme, authority, path, location):
    site = shared_site
    site.routes["/r"] = status(302, Location=location)
    authority = authority.replace("{port}", str(site.port))
    urls = [f"{scheme}://{authority}{path}", f"{scheme}:{authority}{path}", site.url("/r"),
            site.url("/" + path.lstrip("/"))]
    results = check_urls(urls, options())
    for url in urls:
        if url.split(":", 1)[0].lower() in ("http", "https"):
            assert results[url].verdict in VERDICTS
    assert all(not r.reason.startswith("check failed") for r in results.values())
