"""Per-host politeness: how many requests at once, and how far apart."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class HostLimit:
    concurrency: int = 4
    interval: float = 0.0  # minimum seconds between two request starts


# Sites that awesome lists link to by the hundred and that answer bursts with 429s.
DEFAULT_PER_HOST: Mapping[str, HostLimit] = {
    "github.com": HostLimit(concurrency=2, interval=0.1),
    "arxiv.org": HostLimit(concurrency=1, interval=0.5),
}

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 0)
    return host, port


def host_key(url: str) -> str:
    """The name a server knows itself by: host, plus the port when it is not the scheme's default."""
    parts = urlsplit(url)
    host, port = host_and_port(url)
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
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
class HostState:
    limit: HostLimit
    concurrency: int  # current allowance; lowered when the host answers 429
    active: int = 0
    next_start: float = 0.0
    parked: deque = field(default_factory=deque)
    answers: int = 0
    recent: deque = field(default_factory=lambda: deque(maxlen=8))  # was each answer a 429?
    timeouts: int = 0  # URLs given up on for timeouts
    refusals: int = 0  # connection attempts refused in a row
    down: tuple[str, str] | None = None  # (verdict, reason) for every later URL of this host

    def answered(self, now: float, limited: bool, pause: float) -> None:
        """Note an answer; slow the whole host down when it is rate-limiting us.

        A 429 now and then is about one URL (it waits for its own Retry-After).
        When several of the recent answers are 429s the limit is on the host:
        the host pauses, and its concurrency is halved for the rest of the run.
        """
        self.answers += 1
        self.recent.append(limited)
        if limited and sum(self.recent) >= 3:
            self.recent.clear()
            self.concurrency = max(1, self.concurrency // 2)
            self.next_start = max(self.next_start, now + pause)
