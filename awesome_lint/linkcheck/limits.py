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
    successes: int = 0
    timeouts: int = 0  # URLs given up on for timeouts
    down: tuple[str, str] | None = None  # (verdict, reason) for every later URL of this host

    def throttle(self, until: float) -> None:
        self.next_start = max(self.next_start, until)
        self.concurrency = max(1, self.concurrency // 2)

    def recover(self) -> None:
        # Win back one slot per run of successes after a 429 lowered the allowance.
        self.successes += 1
        if self.concurrency < self.limit.concurrency and self.successes % 8 == 0:
            self.concurrency += 1
