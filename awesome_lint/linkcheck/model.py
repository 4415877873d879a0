"""Options, results and counters of the link checker."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from .guard import Resolver
from .limits import DEFAULT_PER_HOST, HostLimit

# "soft404" (a 200 page saying "not found") and "login" (the link ends on a
# sign-in page) are dead for a reader, but a guess: reported as warnings.
VERDICTS = ("ok", "dead", "unverified", "redirect", "soft404", "login")

# Sites refuse the default python-requests agent more often than anything else.
DEFAULT_USER_AGENT = "awesome-lint link checker (+https://github.com/awesome-lint/awesome-lint)"
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36"
)

HOUR = 3600.0
DAY = 24 * HOUR


@dataclass(frozen=True)
class LinkResult:
    url: str
    verdict: str  # one of VERDICTS
    status: int | None
    reason: str
    final_url: str | None = None


@dataclass(frozen=True)
class RepoInfo:
    """What GitHub says about a repository."""

    name: str  # "owner/name" as GitHub has it now
    archived: bool
    pushed_at: datetime | None


@dataclass(frozen=True)
class CheckOptions:
    concurrency: int = 48
    per_host_concurrency: int = 6  # requests at once to one host; its rate is what paces it
    per_host_rate: float | None = None  # requests/s for every host; None: learned per host
    per_host: Mapping[str, HostLimit] = field(default_factory=lambda: dict(DEFAULT_PER_HOST))
    connect_timeout: float = 5.0
    timeout: float = 10.0  # wall clock for one request: DNS, connect, headers and the capped body
    max_duration: float | None = None  # for the whole run; what is left then is "could not verify"
    retries: int = 3  # for 429, 5xx and connection errors
    timeout_retries: int = 0  # a hang costs a full timeout per try
    backoff: float = 0.5  # first retry delay in seconds, doubled each try, jittered
    max_backoff: float = 8.0
    max_retry_after: float = 30.0  # a longer Retry-After gives up at once instead of stalling
    max_redirects: int = 10
    user_agent: str = DEFAULT_USER_AGENT  # "browser" picks a browser-like agent
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()  # CIDR blocks let through although not global
    content_checks: bool = True  # soft 404s (on hosts that answer 200 for any path) and login walls
    exclude: tuple[str, ...] = ()  # regular expressions, searched in the URL
    include: tuple[str, ...] = ()  # when set, only matching URLs are checked
    cache: str | None = None  # SQLite file; None checks everything afresh
    ok_max_age: float = 3 * DAY
    dead_max_age: float = 6 * HOUR
    # Unverified answers (429, 5xx, timeouts, 403) are kept only briefly: long
    # enough that a re-run right after does not hit a struggling host again,
    # short enough that the next scheduled run tries afresh.  0: never kept.
    unverified_max_age: float = 10 * 60
    repo_max_age: float = DAY  # what GitHub said about a repository (a missing one: dead_max_age at most)
    github_token: str | None = None
    github_api: str = "https://api.github.com"
    github_graphql: str | None = None  # GraphQL endpoint, on the API's origin; None: REST per link
    github_hosts: tuple[str, ...] = ("github.com", "www.github.com")
    arxiv_api: str | None = None  # the arXiv API's query URL; None checks arXiv links page by page
    arxiv_interval: float = 3.0  # seconds between two arXiv API requests, as arXiv asks
    give_up_after_timeouts: int = 3  # URLs of a host that never answered, before skipping the rest
    resolve: Resolver | None = None  # replaces the system resolver, for embedding and tests

    def agent(self) -> str:
        return BROWSER_USER_AGENT if self.user_agent == "browser" else self.user_agent


class Stats:
    """Counters a run fills in; safe to read once check_urls has returned."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.requests_by_host: Counter[str] = Counter()
        self.peak_by_host: dict[str, int] = {}
        self.peak_total = 0
        self.cache_hits = 0
        self.retries = 0
        self._active: Counter[str] = Counter()
        self._active_total = 0

    @contextmanager
    def request(self, host: str):
        with self._lock:
            self.requests += 1
            self.requests_by_host[host] += 1
            self._active[host] += 1
            self._active_total += 1
            self.peak_by_host[host] = max(self.peak_by_host.get(host, 0), self._active[host])
            self.peak_total = max(self.peak_total, self._active_total)
        try:
            yield
        finally:
            with self._lock:
                self._active[host] -= 1
                self._active_total -= 1

    def retried(self) -> None:
        with self._lock:
            self.retries += 1
