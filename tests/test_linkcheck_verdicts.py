"""Verdicts the link checker must never get wrong: a host that keeps asking to
slow down is not a dead link, and one private address among several is enough
to refuse a host.  Real servers on 127.0.0.1."""
from __future__ import annotations

import pytest
from test_linkcheck_support import Site, fast, status

from awesome_lint.linkcheck import check_urls
from awesome_lint.linkcheck.guard import AddressGuard


@pytest.mark.parametrize("headers", [{}, {"Retry-After": "0"}], ids=["no Retry-After", "Retry-After: 0"])
def test_a_host_that_answers_429_every_time_is_unverified_not_dead(headers):
    with Site({"/limited": status(429, **headers)}) as site:
        url = site.url("/limited")
        result = check_urls([url], fast(retries=2))[url]
    assert (result.verdict, result.status) == ("unverified", 429)
    assert result.reason == "429 Too Many Requests after 3 tries"
    assert site.tries["/limited"] == 3


def test_a_server_error_every_time_is_unverified_too():
    with Site({"/down": status(503)}) as site:
        url = site.url("/down")
        result = check_urls([url], fast(retries=1))[url]
    assert (result.verdict, result.status, result.reason) == (
        "unverified", 503, "503 Service Unavailable after 2 tries")


PUBLIC, PRIVATE = "93.184.216.34", "10.0.0.5"


@pytest.mark.parametrize("addresses", [[PUBLIC, PRIVATE], [PRIVATE, PUBLIC], [PUBLIC, "2606:4700::1", PRIVATE, PUBLIC]])
def test_one_forbidden_address_among_several_refuses_the_host(addresses):
    guard = AddressGuard(allow_private=False, resolve=lambda host, port: list(addresses))
    assert guard.check("mixed.example", 443) == f"refused to connect to private address {PRIVATE}"
    assert AddressGuard(allow_private=True, resolve=lambda host, port: list(addresses)).check(
        "mixed.example", 443) is None


def test_a_host_with_a_private_address_among_public_ones_gets_no_request():
    with Site({"/x": status(200)}) as site:
        def resolve(host, port):
            return [PUBLIC, PUBLIC.replace("34", "35"), "127.0.0.1"]

        url = site.url("/x")
        result = check_urls([url], fast(allow_private=False, resolve=resolve))[url]
    assert site.requests == []
    assert (result.verdict, result.reason) == ("unverified", "refused to connect to loopback address 127.0.0.1")
