"""Per-host politeness: a request rate that follows what the host tells us.

Each host has a pace (a token bucket of one token: request starts at least
1/rate apart) and a small cap on requests at once, so that one slow answer
never stalls the host while the rate stays where the host wants it.

The rate is additive-increase, multiplicative-decrease.  Until a host first
pushes back it grows by two requests/s per clean answer (doubling about every
third of a second, so a limit is usually found in the first second).  When a
share of the recent answers, from several URLs, are 429s, what the host
accepted over the last second becomes a ceiling (less a margin), the rate is
halved and the host pauses for its Retry-After; clean answers then bring the
rate back up to the ceiling, never past it.  What the host accepted counts every request
it took: answers that come after the cut (a slow page) and requests it took but never
answered (a reset, a hang) top the count up.  503 bursts cut the rate by a quarter without
setting a ceiling.  A host that states its limit in X-RateLimit-* /
RateLimit-* headers gets that rate at once.
"""

from __future__ import annotations

import heapq
import math
import re
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

START_RATE = 20.0  # requests/s before a host has said anything: a limit below is found in the first second
MAX_RATE = 100.0
MIN_RATE = 0.05
# stay this far under a rate the host states or the 429s show: requests are spaced
# evenly, so 5 % leaves 50 ms a second for arrival jitter (0.9 cost 5 s in 80 on bench/links)
MARGIN = 0.95
WINDOW = 2.0  # seconds of answers weighed when a host pushes back
LIMITED_SHARE = 0.3  # pushed-back share of the window that means "the host is limiting us"
MIN_PUSHED = 4  # distinct URLs pushed back within the window
MIN_SAMPLE = 10  # answers in the window before a share means anything
SLOW_START = 2.0  # requests/s added per clean answer until the first push-back: the limit is found early


@dataclass(frozen=True)
class HostLimit:
    rate: float | None = None  # requests/s; None: learned from the host's answers
    concurrency: int = 6

    def __post_init__(self) -> None:
        if self.rate is not None and not (MIN_RATE <= self.rate <= MAX_RATE * 10):
            raise ValueError(f"rate must be between {MIN_RATE} and {MAX_RATE * 10:g} requests/s, not {self.rate}")
        if not 1 <= self.concurrency <= 64:
            raise ValueError(f"concurrency must be between 1 and 64, not {self.concurrency}")


# Sites that awesome lists link to by the hundred: a few at once, and the rate
# is learned from their answers like any other host's.
DEFAULT_PER_HOST: Mapping[str, HostLimit] = {
    "github.com": HostLimit(concurrency=4),
    "arxiv.org": HostLimit(concurrency=4),
}

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url: str) -> tuple[str, int]:
    """Host (lower case, no brackets, no trailing dot) and port; ("", 0) when the URL has none that works."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "", 0
    host = normal_host(parts.hostname or "")
    return host, port or DEFAULT_PORTS.get(parts.scheme.lower(), 0)


def normal_host(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def host_key(url: str) -> str:
    """The name a server knows itself by: host, plus the port when it is not the scheme's default."""
    host, port = host_and_port(url)
    scheme = url.split(":", 1)[0].lower()
    if port and port != DEFAULT_PORTS.get(scheme):
        return f"{host}:{port}"
    return host


def match_limit(
    key: str, per_host: Mapping[str, HostLimit], default: HostLimit
) -> tuple[str, HostLimit]:
    """Find the configured limit for a host key, trying parent domains too.

    Returns the bucket name: a configured entry for "arxiv.org" makes
    export.arxiv.org and arxiv.org share one bucket, as they share servers.
    """
    candidate = key
    while True:
        if candidate in per_host:
            return candidate, per_host[candidate]
        if "." not in candidate:
            return key, default
        candidate = candidate.split(".", 1)[1]


@dataclass
class Pace:
    """When the next request to one host may start."""

    fixed: float | None = None  # a configured rate is used as given
    rate: float = START_RATE
    ceiling: float | None = None
    next_start: float = 0.0
    last_start: float = 0.0
    cut_at: float = -math.inf  # when the rate was last cut: answers to requests sent before tell nothing new
    pause_until: float = 0.0
    # (answered at, sent at, URL if pushed back else None) within WINDOW
    answers: deque = field(default_factory=deque)
    # the ceiling's count: (sent after, sent up to, requests accepted, seconds), topped up by late answers
    counted: tuple[float, float, int, float] | None = None

    def __post_init__(self) -> None:
        if self.fixed is not None:
            self.rate = self.ceiling = self.fixed

    def ready_at(self) -> float:
        return max(self.next_start, self.pause_until)

    def take(self, now: float) -> None:
        self.last_start = max(now, self.next_start)
        self.next_start = self.last_start + 1.0 / self.rate

    def _respace(self) -> None:
        # a lower rate applies to the very next start, not to the one after it
        self.next_start = max(self.next_start, self.last_start + 1.0 / self.rate)

    def pause(self, now: float, seconds: float) -> None:
        self.pause_until = max(self.pause_until, now + seconds)

    def _note(self, now: float, pushed_back: str | None, started: float) -> None:
        self.answers.append((now, min(started, now), pushed_back))
        while self.answers and self.answers[0][0] < now - WINDOW:
            self.answers.popleft()

    def reached(self, now: float, started: float) -> None:
        """A request the host took but never answered (a reset, a hang): its limiter counted it, so
        it counts as accepted where the ceiling is counted (it says nothing of the rate)."""
        if started >= self.cut_at:
            self._note(now, None, started)
        else:
            self._late(started)

    def clean(self, now: float, started: float = math.inf) -> None:
        self.reached(now, started)
        if self.fixed is not None:
            return
        if self.ceiling is None:
            self.rate = min(MAX_RATE, self.rate + SLOW_START)
        else:
            self.rate = min(self.ceiling, self.rate + max(0.2, 0.1 * self.ceiling))

    def _late(self, started: float) -> None:
        if self.counted is not None and self.counted[0] < started <= self.counted[1]:
            # sent within the stretch the ceiling was counted on, answered only after: the host
            # accepted it then, so the count was short by one (a slow page in flight at the cut)
            low, high, accepted, span = self.counted
            self.counted = (low, high, accepted + 1, span)
            if self.ceiling is not None:
                self.ceiling = max(self.ceiling, min(MAX_RATE, MARGIN * (accepted + 1) / span))

    def pushed_back(self, now: float, wait: float | None, cap: float, learn: bool,
                    started: float = math.inf, url: str = "") -> bool:
        """Note a 429 or 503; returns whether the host as a whole is pushing back.

        A few URLs answering 429 or 503 are about those URLs; a rate
        limiter turns away a share of everything sent while accepting about
        its limit, which (for 429s, `learn`) becomes the ceiling.  Answers to
        requests sent before the last cut were sent at the old rate: they
        are not held against the new one.  The ceiling drops at most eightfold
        per push-back, whatever a small sample says.
        """
        if started < self.cut_at:
            return False
        self._note(now, url or f"#{len(self.answers)}", started)
        # one URL pushed back again and again (a page that 429s or 503s on its own) counts once
        pushed = len({back for _, _, back in self.answers if back is not None})
        if pushed < MIN_PUSHED or len(self.answers) < MIN_SAMPLE or pushed < LIMITED_SHARE * len(self.answers):
            return False
        if self.fixed is None:
            if learn:
                estimate = max(self.rate / 8, MARGIN * self._accepted_per_second(now))
                if self.ceiling is None or estimate < self.ceiling:
                    self.ceiling = max(MIN_RATE, estimate)
                else:
                    self.counted = None  # an older, lower count stands; late answers do not raise it
            # a 503 burst may be the server, not its limit on us: a gentler cut
            self.rate = max(MIN_RATE, self.rate * (0.5 if learn else 0.75))
            if self.ceiling is not None:
                self.rate = min(self.rate, self.ceiling)
            self._respace()
        self.answers.clear()
        self.cut_at = now
        self.pause(now, min(cap, wait if wait is not None else 1.0 / self.rate))
        return True

    def _accepted_per_second(self, now: float) -> float:
        """What the host let through in one second of our sending.

        A limiter turning away this share of what we send lets its limit
        through.  Counted by when requests were sent, one answer delay ago, as
        the limiter counts arrivals; answer times bunch up and would overstate it.
        """
        # the usual answer delay: one slow page must not shift the count into the past
        delays = sorted(answered - sent for answered, sent, _ in self.answers)
        lag = delays[len(delays) // 2] if delays else 0.0
        ends = now - lag
        # as long a stretch as the window allows (send-to-arrival jitter matters less), and
        # never under a second: a limiter lets a first second's worth through however fast it comes
        span = max(1.0, min(WINDOW - lag, ends - min((sent for _, sent, _ in self.answers), default=ends)))
        accepted = sum(1 for _, sent, back in self.answers if ends - span < sent <= ends and back is None)
        self.counted = (ends - span, ends, accepted, span)
        return accepted / span

    def told(self, now: float, rate: float | None, wait: float | None) -> None:
        """Apply a limit the host stated in its headers."""
        if rate is not None and self.fixed is None:
            self.ceiling = self.rate = max(MIN_RATE, min(MAX_RATE, MARGIN * rate))
            self.counted = None  # what the host states outranks what was counted
            self._respace()
        if wait is not None:
            self.pause(now, wait)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number(value: str | None) -> float | None:
    match = _NUMBER.match((value or "").strip())
    return float(match.group(0)) if match else None


def _params(value: str) -> dict[str, str]:
    """`limit=10, remaining=3, reset=1` or `"name";q=10;w=1` as a flat dict."""
    found: dict[str, str] = {}
    for piece in re.split(r"[;,]", value):
        if "=" in piece:
            key, _, val = piece.partition("=")
            found.setdefault(key.strip().lower(), val.strip().strip('"'))
    return found


def stated_limit(headers: Mapping[str, str], now_epoch: float | None = None) -> tuple[float | None, float | None]:
    """(requests/s the host allows, seconds to wait before the next request) from rate-limit headers.

    Understands X-RateLimit-Limit/-Remaining/-Reset (Reset as seconds or as an
    epoch time), RateLimit-Limit/-Remaining/-Reset, and RateLimit-Policy /
    RateLimit with a window (`10;w=1`, `"default";q=10;w=1`, `limit=10, remaining=0, reset=3`).
    """
    now_epoch = time.time() if now_epoch is None else now_epoch
    lower = {k.lower(): v for k, v in headers.items()}
    policy = _params(lower.get("ratelimit-policy", ""))
    combined = _params(lower.get("ratelimit", ""))
    limit = _number(lower.get("ratelimit-limit") or lower.get("x-ratelimit-limit"))
    remaining = _number(lower.get("ratelimit-remaining") or lower.get("x-ratelimit-remaining"))
    reset = _number(lower.get("ratelimit-reset") or lower.get("x-ratelimit-reset"))
    raw_policy = lower.get("ratelimit-policy", "").strip()
    if limit is None:
        limit = _number(policy.get("q") or combined.get("limit") or raw_policy)
    window = _number(policy.get("w") or combined.get("w"))
    if remaining is None:
        remaining = _number(combined.get("remaining") or combined.get("r"))
    if reset is None:
        reset = _number(combined.get("reset") or combined.get("t"))
    if reset is not None and reset > 1e9:  # an epoch time, as GitHub sends
        reset = max(0.0, reset - now_epoch)
    rate = limit / window if limit and window else None
    wait = reset if remaining is not None and remaining < 1 and reset is not None else None
    return rate, wait


@dataclass
class HostState:
    limit: HostLimit
    pace: Pace
    fresh: deque = field(default_factory=deque)  # jobs not started yet, in list order
    later: list = field(default_factory=list)  # heap of (due, order, job): retries and next hops
    waiting: list = field(default_factory=list)  # jobs waiting for this host's soft-404 probe
    active: int = 0
    answers: int = 0
    timeouts: int = 0  # URLs given up on for timeouts
    refusals: int = 0  # connection attempts refused in a row
    down: tuple[str, str] | None = None  # (verdict, reason) for every later URL of this host
    method: str = "HEAD"  # GET once HEAD has proved useless on this host
    head_trusted: int = 0  # HEAD 404/410s that GET confirmed
    soft404: bool | None = None  # does the host answer 200 for a page that cannot exist?
    probing: bool = False

    def next_job(self, now: float):
        """The job to start now, or None: started jobs (retries, redirects) first when due."""
        if self.later and self.later[0][0] <= now:
            return heapq.heappop(self.later)[2]
        if self.fresh:
            return self.fresh.popleft()
        return None

    def wake_at(self, now: float) -> float | None:
        """When this host could start something, if it has anything to start."""
        if self.active >= self.limit.concurrency:
            return None  # a finishing request wakes the scheduler
        due = now if self.fresh else (self.later[0][0] if self.later else None)
        if due is None:
            return None
        return max(due, self.pace.ready_at())

    def pending(self) -> int:
        return len(self.fresh) + len(self.later) + len(self.waiting)

    def drain(self) -> list:
        jobs = [*self.fresh, *(item[2] for item in self.later), *self.waiting]
        self.fresh.clear()
        self.later.clear()
        self.waiting.clear()
        return jobs
