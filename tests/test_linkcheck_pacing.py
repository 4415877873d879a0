"""Per-host pacing, deadlines and Retry-After against real servers on 127.0.0.1."""
from __future__ import annotations

import time

from test_linkcheck_support import Site, Trickle, drip, fast, status

from awesome_lint.linkcheck import HostLimit, Stats, check_urls
from awesome_lint.linkcheck.limits import Pace, stated_limit


def test_a_rate_limited_host_is_learned_and_not_pushed_past_its_limit():
    with Site({f"/{n}": status(200) for n in range(90)}, per_second=20) as site:
        started = time.monotonic()
        # (a deadline of seconds, not fast()'s 0.5 s: this test is about pacing, and a request
        # starved for half a second on a loaded machine made one URL 'unverified' once)
        results = check_urls([site.url(f"/{n}") for n in range(90)], fast(retries=4, timeout=3.0, connect_timeout=3.0))
        elapsed = time.monotonic() - started
        first = site.starts[0]
    assert {r.verdict for r in results.values()} == {"ok"}
    late = [t - first for t in site.limited if t - first > 1.5]
    assert late == []  # the limit was found while probing, then respected
    assert elapsed < 90 / 20 * 1.7  # near the 4.5 s floor the limit sets, not at one request at a time


def test_clean_answers_bring_the_rate_back_up_to_the_ceiling():
    pace = Pace()
    now = 0.0
    for _ in range(20):  # a limiter that accepts about 8 of every 20 requests
        now += 0.05
        pace.clean(now) if int(now * 20) % 5 < 2 else pace.pushed_back(now, 0.0, 30.0, True)
    ceiling = pace.ceiling
    assert ceiling is not None and pace.rate <= ceiling
    for _ in range(40):
        now += 0.1
        pace.clean(now)
    assert pace.rate == ceiling  # climbed back, and not past what the host accepted


def test_stated_limits_are_read_from_headers():
    assert stated_limit({"RateLimit-Policy": "5;w=1"}) == (5.0, None)
    assert stated_limit({"RateLimit-Policy": '"burst";q=100;w=60'}) == (100 / 60, None)
    assert stated_limit({"RateLimit": "limit=10, remaining=0, reset=3", "RateLimit-Policy": "10;w=1"}) == (10.0, 3.0)
    assert stated_limit({"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0",
                         "X-RateLimit-Reset": "1700000030"}, now_epoch=1700000000) == (None, 30.0)
    assert stated_limit({"X-RateLimit-Remaining": "12"}) == (None, None)
    assert stated_limit({"RateLimit-Policy": "junk;w=x"}) == (None, None)


def test_a_stated_limit_is_used_from_the_first_answer():
    with Site({f"/{n}": status(200) for n in range(12)}, per_second=5,
              headers={"RateLimit-Policy": "5;w=1"}) as site:
        results = check_urls([site.url(f"/{n}") for n in range(12)], fast())
    assert {r.verdict for r in results.values()} == {"ok"}
    assert site.limited == []
    gaps = [b - a for a, b in zip(site.starts[1:], site.starts[2:])]
    assert min(gaps) >= 1 / 5 * 0.85


def test_a_spent_quota_with_a_far_reset_settles_the_host_at_once():
    spent = {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()) + 3600)}
    with Site({f"/{n}": status(200, **spent) for n in range(20)}) as site:
        results = check_urls([site.url(f"/{n}") for n in range(20)], fast(per_host_concurrency=2))
    assert len(site.requests) <= 2  # what was in flight when the first answer came
    settled = [r for r in results.values() if r.verdict != "ok"]
    assert len(settled) >= 18 and all(r.verdict == "unverified" for r in settled)
    assert all("rate limit spent" in r.reason for r in settled)


def test_retry_after_past_the_cap_settles_all_of_the_host_at_once():
    routes = {f"/{n}": status(429, Retry_After="100000") for n in range(10)}
    with Site(routes) as site, Site({"/fine": status(200)}) as other:
        started = time.monotonic()
        results = check_urls([site.url(f"/{n}") for n in range(10)] + [other.url("/fine")], fast())
        elapsed = time.monotonic() - started
    assert elapsed < 2
    assert len(site.requests) <= 6  # what was in flight before the first answer
    flooded = [results[site.url(f"/{n}")] for n in range(10)]
    assert {r.verdict for r in flooded} == {"unverified"}
    assert all("asked to wait 100000 s" in r.reason for r in flooded)
    assert results[other.url("/fine")].verdict == "ok"


def test_a_retry_runs_when_it_is_due_not_after_the_rest_of_the_host():
    routes = {"/flaky": lambda m, tries: (503, {"Retry-After": "0"}) if tries == 1 else (200, {})}
    routes.update({f"/{n}": status(200) for n in range(15)})
    with Site(routes, delay=0.05) as site:
        options = fast(per_host={site.host: HostLimit(rate=50, concurrency=1)})
        check_urls([site.url("/flaky")] + [site.url(f"/{n}") for n in range(15)], options)
    order = [p for m, p, h in site.requests]
    assert order.count("/flaky") == 2
    assert order.index("/flaky", 1) <= 4  # not the last request of the host


def test_one_slow_request_does_not_stall_its_host():
    routes = {"/slow": lambda m, t: "hang"}
    routes.update({f"/{n}": status(200) for n in range(10)})
    with Site(routes) as site:
        started = time.monotonic()
        results = check_urls([site.url("/slow")] + [site.url(f"/{n}") for n in range(10)], fast(timeout=2.0))
        fast_done = max(t for (m, p, h), t in zip(site.requests, site.starts) if p != "/slow") - started
    assert fast_done < 1.5  # the others went on while /slow hung
    assert results[site.url("/slow")].verdict == "unverified"


def header_trickle(conn, data, stop):
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    drip(conn, b"X-Slow: " + b"a" * 200 + b"\r\n\r\n", stop)


def body_trickle(conn, data, stop):
    if data.startswith(b"HEAD"):
        conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>")
    drip(conn, b"x" * 5000, stop)


def test_a_server_trickling_headers_costs_one_deadline():
    with Trickle(header_trickle) as server:
        started = time.monotonic()
        result = check_urls([server.url("/a")], fast(timeout=1.0))[server.url("/a")]
        elapsed = time.monotonic() - started
    assert result.verdict == "unverified" and result.reason == "no complete answer within 1 s"
    assert elapsed < 1.8
    assert server.connections == 1  # no timeout retry by default


def test_a_server_trickling_the_body_costs_at_most_one_deadline():
    with Trickle(body_trickle) as server:
        started = time.monotonic()
        result = check_urls([server.url("/a")], fast(timeout=1.0))[server.url("/a")]
        elapsed = time.monotonic() - started
    assert result.verdict == "ok"  # the status came in time; the body was cut, not waited for
    assert elapsed < 1.8


def test_a_body_the_verdict_does_not_need_is_not_waited_for():
    # No content checks: the status settles the link, so a trickled body gets a moment (kept for
    # the connection's reuse), not the whole deadline, and the URL's slot is free again.
    with Trickle(body_trickle) as server:
        started = time.monotonic()
        result = check_urls([server.url("/a")], fast(timeout=5.0))[server.url("/a")]
        elapsed = time.monotonic() - started
    assert result.verdict == "ok"
    assert elapsed < 2.5


def test_max_duration_ends_the_run_and_leaves_the_rest_unverified():
    routes = {f"/{n}": (lambda m, t: "hang") for n in range(8)}
    with Site(routes) as site:
        stats = Stats()
        started = time.monotonic()
        results = check_urls([site.url(f"/{n}") for n in range(8)], fast(timeout=5.0, max_duration=0.6), stats=stats)
        elapsed = time.monotonic() - started
    assert elapsed < 1.6
    assert len(results) == 8 and {r.verdict for r in results.values()} == {"unverified"}
    assert any("max-duration" in r.reason for r in results.values())


def stall_handshake(trickle: bool):
    """A handler that takes the TLS ClientHello, then answers with a handshake record trickled one
    byte per 0.2 s (or nothing at all): the handshake never finishes."""

    def handler(conn, data, stop):
        conn.recv(4096)  # the ClientHello
        if trickle:  # a ServerHello record header promising 16 KiB, then a byte at a time
            drip(conn, b"\x16\x03\x03\x40\x00" + b"\x00" * 16384, stop, every=0.2, limit=8.0)
        else:
            stop.wait(8.0)

    return Trickle(handler, raw=True, scheme="https")


def test_a_trickled_tls_handshake_costs_one_deadline():
    for trickle in (True, False):
        with stall_handshake(trickle) as server:
            url = server.url("/paper")
            started = time.monotonic()
            result = check_urls([url], fast(timeout=1.0, connect_timeout=1.0))[url]
            elapsed = time.monotonic() - started
        assert result.verdict == "unverified", (trickle, result)
        assert result.reason == "no complete answer within 1 s", (trickle, result)
        assert elapsed < 1.8, (trickle, elapsed)
        assert server.connections == 1


def test_the_run_deadline_cuts_a_tls_handshake_in_progress():
    # Per-socket timeouts (5 s here) would let the handshake run on; the watchdog must cut it.
    with stall_handshake(True) as server:
        url = server.url("/paper")
        started = time.monotonic()
        result = check_urls([url], fast(timeout=5.0, connect_timeout=5.0, max_duration=0.6))[url]
        elapsed = time.monotonic() - started
    assert result.verdict == "unverified"
    assert elapsed < 1.5


def test_accepted_requests_answered_after_the_cut_still_count_towards_the_ceiling():
    # A limiter taking every other request of 12 sent 50 ms apart; two accepted pages are slow
    # (answered at 3 s): at the cut they are still in flight, so the count misses them.
    pace = Pace()
    events = []  # (answered at, sent at, accepted)
    for n in range(12):
        sent = n * 0.05
        events.append((3.0 if n in (2, 4) else sent + 0.01, sent, n % 2 == 0))
    at_cut = None
    for answered, sent, accepted in sorted(events):
        if accepted:
            pace.clean(answered, sent)
        elif pace.pushed_back(answered, 0.0, 30.0, True, sent, f"/{sent}") and at_cut is None:
            at_cut = pace.ceiling
    # the cut comes at 0.56 s: accepted and answered by then were the pages sent at 0, 0.3, 0.4
    # and 0.5 s, counted over one second, less the 5 % margin
    assert at_cut is not None and abs(at_cut - 0.95 * 4) < 1e-9
    assert abs(pace.ceiling - 0.95 * 6) < 1e-9  # topped up by the two slow pages answered at 3 s
    pace.clean(3.1, 0.9)  # sent after the counted stretch: says nothing about it
    pace.pushed_back(3.2, 0.0, 30.0, True, 0.2, "/late")  # turned away then: not accepted
    assert abs(pace.ceiling - 0.95 * 6) < 1e-9


def test_requests_the_host_took_but_never_answered_count_as_accepted():
    # As above, but the page sent at 0.1 s was reset after it arrived and the one sent at 0.2 s hung:
    # the limiter counted both, so both count towards the ceiling, before the cut and after it.
    pace = Pace()
    events = []  # (answered or failed at, sent at, what happened)
    for n in range(12):
        sent = n * 0.05
        kind = "reset" if n == 2 else "hang" if n == 4 else "ok" if n % 2 == 0 else "429"
        events.append((3.0 if kind == "hang" else sent + 0.01, sent, kind))
    at_cut = None
    for when, sent, kind in sorted(events):
        if kind == "ok":
            pace.clean(when, sent)
        elif kind in ("reset", "hang"):
            pace.reached(when, sent)
        elif pace.pushed_back(when, 0.0, 30.0, True, sent, f"/{sent}") and at_cut is None:
            at_cut = pace.ceiling
    assert at_cut is not None and abs(at_cut - 0.95 * 5) < 1e-9  # 0, 0.1 (reset), 0.3, 0.4, 0.5
    assert abs(pace.ceiling - 0.95 * 6) < 1e-9  # and the hang, once it timed out


def test_a_reset_after_the_request_went_out_is_known_to_have_reached_the_host():
    from awesome_lint.linkcheck import Stats
    from awesome_lint.linkcheck.client import Checker, Job

    def reset(conn, data, stop):
        pass  # the request is read, then the connection closes without an answer

    with Trickle(reset) as server:
        checker = Checker(fast(), Stats())
        try:
            outcome = checker._send(Job(server.url("/a"), server.url("/a")), "GET", server.url("/a"))
            refused = checker._send(Job("http://127.0.0.1:9/", "http://127.0.0.1:9/"), "GET", "http://127.0.0.1:9/")
        finally:
            checker.close()
    assert outcome.reached and not outcome.responded
    assert refused.failure == "refused" and not refused.reached


def test_a_request_cut_while_its_headers_trickled_in_is_known_to_have_reached_the_host():
    # The host took the request (its limiter counted it): the ceiling counted at a cut must be
    # topped up by it, or one trickling page in flight at the cut lowers the host's rate for the run.
    from awesome_lint.linkcheck import Stats
    from awesome_lint.linkcheck.client import Checker, Job

    with Trickle(header_trickle) as server:
        checker = Checker(fast(timeout=0.5), Stats())
        try:
            outcome = checker._send(Job(server.url("/a"), server.url("/a")), "HEAD", server.url("/a"))
        finally:
            checker.close()
    assert outcome.result is not None and outcome.result.reason == "no complete answer within 0.5 s"
    assert outcome.reached and not outcome.responded
