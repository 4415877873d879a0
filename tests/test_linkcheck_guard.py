"""The address guard: every special-purpose range, every wrapped form, and the pinned connection."""
from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time

import pytest
from test_linkcheck_support import Site, fast, status

from awesome_lint.linkcheck import check_urls
from awesome_lint.linkcheck.guard import forbidden_reason


@pytest.mark.parametrize("address, reason", [
    ("0.1.2.3", "this-network"),
    ("10.1.2.3", "private"),
    ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("100.100.100.200", "shared (carrier-grade NAT)"),  # one cloud's metadata service
    ("100.127.255.254", "shared (carrier-grade NAT)"),
    ("127.0.0.1", "loopback"),
    ("127.255.0.9", "loopback"),
    ("169.254.169.254", "link-local"),
    ("172.16.5.4", "private"),
    ("172.31.255.255", "private"),
    ("192.0.0.192", "IETF protocol assignment"),  # another cloud's metadata service
    ("192.0.2.10", "documentation"),
    ("192.88.99.1", "6to4 relay anycast"),
    ("192.168.0.1", "private"),
    ("198.18.0.1", "benchmarking"),
    ("198.19.255.1", "benchmarking"),
    ("198.51.100.7", "documentation"),
    ("203.0.113.9", "documentation"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "broadcast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("fe80::1", "link-local"),
    ("fe80::1%eth0", "link-local"),
    ("fc00::1", "unique-local"),
    ("fd12:3456::1", "unique-local"),
    ("fec0::1", "site-local"),
    ("ff02::1", "multicast"),
    ("100::1", "discard-only"),
    ("2001:db8::1", "documentation"),
    ("3fff::1", "documentation"),
    ("2001:2::1", "IETF protocol assignment"),
    ("64:ff9b:1::1", "local-use NAT64"),
    ("5f00::1", "segment routing"),
    ("4000::1", "reserved"),  # outside global unicast 2000::/3
    ("100.63.255.255", None),
    ("100.128.0.1", None),
    ("172.32.0.1", None),
    ("192.0.3.1", None),
    ("93.184.216.34", None),
    ("8.8.8.8", None),
    ("2606:4700::1111", None),
    ("2a00:1450:4001:80b::200e", None),
])
def test_special_purpose_ranges(address, reason):
    assert forbidden_reason(address) == reason


@pytest.mark.parametrize("address, reason", [
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:100.100.100.200", "shared (carrier-grade NAT)"),
    ("::127.0.0.1", "loopback"),  # IPv4-compatible (deprecated)
    ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
    ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 wrapping 169.254.169.254
    ("2002:c000:c0::", "IETF protocol assignment"),  # 6to4 wrapping 192.0.0.192
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private"),  # Teredo, client 10.0.0.1
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "documentation"),  # Teredo, client 192.0.2.45
    ("2001:0:7f00:1:8000:63bf:f7f7:f7f7", "loopback"),  # Teredo, server 127.0.0.1
    ("64:ff9b::7f00:1", "loopback"),  # NAT64 wrapping 127.0.0.1
    ("64:ff9b::a9fe:a9fe", "link-local"),
    ("64:ff9b::a40:102", "private"),  # 10.64.1.2
    ("::ffff:8.8.8.8", None),
    ("2002:808:808::1", None),  # 6to4 wrapping 8.8.8.8
    ("64:ff9b::808:808", None),  # NAT64 wrapping 8.8.8.8
    ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", None),  # Teredo, client 8.8.8.8
])
def test_wrapped_ipv4_is_judged_by_what_it_wraps(address, reason):
    assert forbidden_reason(address) == reason


@pytest.mark.parametrize("address", ["100.100.100.200", "192.0.0.192", "::ffff:10.0.0.1", "2002:7f00:1::"])
def test_a_host_resolving_to_a_refused_address_gets_no_request(address):
    with Site({"/": status(200)}) as site:
        url = f"http://meta.test:{site.port}/"
        result = check_urls([url], fast(allow_private=False, resolve=lambda h, p: [address]))[url]
    assert site.requests == []
    assert result.verdict == "unverified" and f"address {address}" in result.reason


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept():
    calls = []

    def resolve(host, port):
        calls.append(host)
        # a rebinding name: public-looking for the check, then anything at all
        return ["127.0.0.1"] if len(calls) == 1 else ["10.0.0.1"]

    with Site({"/a": status(302, Location="/b"), "/b": status(200), "/c": status(200)}) as site:
        urls = [f"http://pinned.test:{site.port}/{p}" for p in "ac"]
        options = fast(allow_private=False, allow_networks=("127.0.0.1/32",), resolve=resolve)
        results = check_urls(urls, options)
    assert {r.verdict for r in results.values()} == {"ok"}
    assert calls == ["pinned.test"]  # resolved once; every connection used that answer
    assert {h["Host"] for m, p, h in site.requests} == {f"pinned.test:{site.port}"}


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command to make a certificate")
def test_tls_to_a_pinned_address_keeps_sni_and_certificate_checks(tmp_path, monkeypatch):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=pinned.test", "-addext", "subjectAltName=DNS:pinned.test"],
        check=True, capture_output=True, timeout=60,
    )
    names = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    with Site({"/secure": status(200)}) as site:
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
        options = fast(timeout=3.0, connect_timeout=3.0, allow_networks=("127.0.0.1/32",), allow_private=False,
                       resolve=lambda h, p: ["127.0.0.1"])
        good = f"https://pinned.test:{site.port}/secure"
        wrong = f"https://other.test:{site.port}/secure"
        results = check_urls([good, wrong], options)
    assert results[good].verdict == "ok"
    assert results[wrong].verdict == "unverified" and results[wrong].reason == "TLS error"
    assert "pinned.test" in names and "other.test" in names
    assert {h["Host"] for m, p, h in site.requests} == {f"pinned.test:{site.port}"}
    assert threading.active_count() < 50


def test_a_hanging_resolver_holds_a_url_no_longer_than_its_deadline():
    # The deadline of a request covers its DNS lookup: a resolver that does not answer (released
    # here after 4 s, so nothing outlives the test) costs each URL one deadline, and one lookup.
    release = threading.Event()
    calls = []

    def resolve(host, port):
        calls.append(host)
        if host == "slow-dns.test":
            release.wait(4.0)
        return ["127.0.0.1"]

    try:
        with Site({"/a": status(200)}) as site:
            stuck = [f"http://slow-dns.test:{site.port}/{n}" for n in range(3)]
            started = time.monotonic()
            results = check_urls(stuck + [site.url("/a")], fast(timeout=0.5, resolve=resolve))
            elapsed = time.monotonic() - started
    finally:
        release.set()
    assert elapsed < 2.0  # one or two deadlines, not the resolver's 4 s
    assert results[site.url("/a")].verdict == "ok"
    assert [results[url].verdict for url in stuck] == ["unverified"] * 3
    assert {results[url].reason for url in stuck} <= {"no DNS answer within 0.5 s", "host did not answer"}
    assert calls.count("slow-dns.test") == 1  # the URLs waited on the same lookup
    assert not [p for m, p, h in site.requests if p != "/a"]
