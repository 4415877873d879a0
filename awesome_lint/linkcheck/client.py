"""One HTTP request at a time: what it tells about a link, and what to do next.

A check is a Job that moves through steps (GitHub API, HEAD, GET, each redirect
hop, each retry).  Every step is exactly one request so the scheduler can apply
the per-host limits of whichever host that step talks to, and no worker ever
sleeps through a backoff.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

from .guard import AddressGuard, ResolveError
from .limits import host_and_port, host_key
from .model import CheckOptions, LinkResult, Stats

# Servers that answer HEAD with these often answer GET properly.
HEAD_REFUSED = {400, 403, 404, 405, 406, 501}
PERMANENT = {301, 308}
NOT_RETRIED_5XX = {501, 505}
GONE = {404, 410}
SMALL_BODY = 64 * 1024

# First path segments on github.com that are not user or organisation names.
GITHUB_RESERVED = {
    "about", "apps", "blog", "codespaces", "collections", "contact", "customer-stories",
    "enterprise", "events", "explore", "features", "issues", "join", "login", "marketplace",
    "new", "notifications", "orgs", "organizations", "pricing", "pulls", "readme", "search",
    "security", "settings", "site", "sponsors", "team", "topics", "trending", "users",
}


@dataclass
class Job:
    url: str  # the URL being judged, without fragment
    current: str  # the URL the next request goes to
    method: str = "HEAD"
    hops: list[tuple[int, str]] = field(default_factory=list)  # (status, target) per redirect
    tries: int = 0
    timeouts: int = 0
    not_before: float = 0.0
    api_url: str | None = None  # set while the GitHub API is being asked
    github_repo: str | None = None  # "owner/repo" when the URL names a repository

    @property
    def key(self) -> str:
        return host_key(self.api_url or self.current)


@dataclass
class Outcome:
    result: LinkResult | None = None  # set when the job is finished
    limited: bool = False  # the answer was 429
    pause: float = 0.0  # how long the host asked us to wait
    failure: str | None = None  # "refused" or "timeout", for per-host bookkeeping
    responded: bool = False


def make_session(options: CheckOptions) -> requests.Session:
    session = requests.Session()
    # Retries are ours (with backoff and verdicts), so urllib3 must not retry on its own.
    adapter = HTTPAdapter(pool_connections=64, pool_maxsize=options.concurrency, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": options.agent(),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en",
        }
    )
    return session


def github_repo(url: str, hosts: tuple[str, ...]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.query:
        return None
    if host_key(url) not in hosts:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) != 2 or segments[0].lower() in GITHUB_RESERVED:
        return None
    owner, repo = segments
    if repo.endswith(".git"):
        repo = repo[:-4]
    if not owner or not repo:
        return None
    return f"{owner}/{repo}"


def phrase(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def refused(exc: BaseException) -> bool:
    """Whether a requests ConnectionError comes from a refused TCP connection."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ConnectionRefusedError):
            return True
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return False


class Checker:
    """Performs steps; shared by all worker threads."""

    def __init__(self, options: CheckOptions, stats: Stats) -> None:
        self.options = options
        self.stats = stats
        self.guard = AddressGuard(options.allow_private, options.resolve)
        self.session = make_session(options)
        self.github_enabled = bool(options.github_token)
        self._random = random.Random()

    def close(self) -> None:
        self.session.close()

    def new_job(self, url: str) -> Job:
        job = Job(url=url, current=url)
        if self.github_enabled:
            job.github_repo = github_repo(url, self.options.github_hosts)
            if job.github_repo:
                job.api_url = f"{self.options.github_api.rstrip('/')}/repos/{job.github_repo}"
        return job

    def step(self, job: Job) -> Outcome:
        if job.api_url:
            if self.github_enabled:
                return self._api_step(job)
            job.api_url = None
        return self._web_step(job)

    # -- the web -------------------------------------------------------------

    def _web_step(self, job: Job) -> Outcome:
        url = job.current
        host, port = host_and_port(url)
        try:
            refusal = self.guard.check(host, port)
        except ResolveError as exc:
            if exc.permanent:
                return self._done(job, "dead", None, str(exc))
            return self._retry(job, "unverified", None, f"{exc} (temporary)")
        if refusal:
            return self._done(job, "unverified", None, refusal)
        try:
            with self.stats.request(job.key):
                response = self.session.request(
                    job.method,
                    url,
                    allow_redirects=False,
                    stream=True,
                    timeout=(self.options.connect_timeout, self.options.timeout),
                )
                self._release(response)
        except requests.exceptions.ConnectTimeout:
            return self._timed_out(job, "connection timed out")
        except requests.exceptions.ReadTimeout:
            return self._timed_out(job, f"no answer within {self.options.timeout:g} s")
        except requests.exceptions.SSLError:
            return self._done(job, "unverified", None, "TLS error")
        except requests.exceptions.ConnectionError as exc:
            if refused(exc):
                outcome = self._retry(job, "dead", None, "connection refused")
                outcome.failure = "refused"
                return outcome
            return self._retry(job, "unverified", None, "connection reset")
        except (requests.exceptions.RequestException, ValueError) as exc:
            return self._done(job, "unverified", None, f"invalid URL ({type(exc).__name__})")
        return self._answer(job, response)

    def _release(self, response: requests.Response) -> None:
        # Reading a short body lets the connection go back to the pool; a long one is cut.
        length = response.headers.get("Content-Length", "")
        if job_is_head(response) or (length.isdigit() and int(length) <= SMALL_BODY):
            try:
                response.content
            except requests.exceptions.RequestException:
                pass
        response.close()

    def _answer(self, job: Job, response: requests.Response) -> Outcome:
        status = response.status_code
        location = response.headers.get("Location")
        if 300 <= status < 400 and status != 304 and location:
            return self._redirect(job, status, location)
        if job.method == "HEAD" and status in HEAD_REFUSED:
            job.method = "GET"
            return Outcome(responded=True)
        if status == 429 or (status >= 500 and status not in NOT_RETRIED_5XX):
            return self._busy(job, response)
        if status < 400:
            return self._live(job, status)
        if status in GONE:
            where = f" at {job.current}" if job.hops else ""
            return self._done(job, "dead", status, phrase(status) + where, responded=True)
        return self._done(job, "unverified", status, phrase(status), responded=True)

    def _redirect(self, job: Job, status: int, location: str) -> Outcome:
        if len(job.hops) >= self.options.max_redirects:
            return self._done(job, "unverified", status, "too many redirects", responded=True)
        target = urlunsplit(urlsplit(urljoin(job.current, location))._replace(fragment=""))
        if urlsplit(target).scheme not in ("http", "https"):
            return self._done(job, "unverified", status, "redirects to a non-HTTP URL", responded=True)
        job.hops.append((status, target))
        job.current = target
        if status == 303:
            job.method = "GET"
        return Outcome(responded=True)

    def _busy(self, job: Job, response: requests.Response) -> Outcome:
        status = response.status_code
        asked = retry_after(response)
        delay = asked if asked is not None else self._backoff(job.tries + 1)
        if status == 429 and asked is None:
            delay *= 2
        if asked is not None and asked > self.options.max_retry_after:
            reason = f"{phrase(status)} (asked to wait {asked:.0f} s)"
            outcome = self._done(job, "unverified", status, reason, responded=True)
        elif job.tries >= self.options.retries:
            reason = f"{phrase(status)} after {job.tries + 1} tries"
            outcome = self._done(job, "unverified", status, reason, responded=True)
        else:
            job.tries += 1
            job.not_before = time.monotonic() + delay
            self.stats.retried()
            outcome = Outcome(responded=True)
        if status == 429:
            outcome.limited = True
            outcome.pause = min(delay, self.options.max_retry_after)
        return outcome

    def _live(self, job: Job, status: int) -> Outcome:
        permanent = None
        for hop_status, target in job.hops:
            if hop_status not in PERMANENT:
                break
            permanent = target
        if permanent and permanent != job.url:
            reason = f"moved permanently to {permanent}"
            return self._done(job, "redirect", status, reason, final_url=permanent, responded=True)
        return self._done(job, "ok", status, phrase(status), responded=True)

    # -- failures and retries ------------------------------------------------

    def _timed_out(self, job: Job, reason: str) -> Outcome:
        if job.timeouts >= self.options.timeout_retries:
            outcome = self._done(job, "unverified", None, reason)
            outcome.failure = "timeout"
            return outcome
        job.timeouts += 1
        job.not_before = time.monotonic() + self._backoff(job.timeouts)
        self.stats.retried()
        return Outcome()

    def _retry(self, job: Job, verdict: str, status: int | None, reason: str) -> Outcome:
        if job.tries >= self.options.retries:
            return self._done(job, verdict, status, f"{reason} after {job.tries + 1} tries")
        job.tries += 1
        job.not_before = time.monotonic() + self._backoff(job.tries)
        self.stats.retried()
        return Outcome()

    def _backoff(self, tries: int) -> float:
        base = self.options.backoff * 2 ** (tries - 1)
        return min(self.options.max_backoff, base) * self._random.uniform(0.5, 1.5)

    def _done(
        self,
        job: Job,
        verdict: str,
        status: int | None,
        reason: str,
        final_url: str | None = None,
        responded: bool = False,
    ) -> Outcome:
        result = LinkResult(job.url, verdict, status, reason, final_url)
        return Outcome(result=result, responded=responded)

    # -- the GitHub API --------------------------------------------------------

    def _api_step(self, job: Job) -> Outcome:
        api = urlsplit(self.options.github_api)
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "Authorization": f"Bearer {self.options.github_token}",
        }
        url = job.api_url
        assert url is not None
        target = urlsplit(url)
        # The token goes to the configured API origin and nowhere else, whatever it redirects to.
        if (target.scheme, target.netloc) != (api.scheme, api.netloc):
            return self._leave_api(job)
        try:
            refusal = self.guard.check(*host_and_port(url))
            if refusal:
                return self._leave_api(job)
            with self.stats.request(job.key):
                response = self.session.request(
                    "GET",
                    url,
                    headers=headers,
                    allow_redirects=False,
                    timeout=(self.options.connect_timeout, self.options.timeout),
                )
        except (requests.exceptions.RequestException, ResolveError, ValueError):
            return self._leave_api(job)
        status = response.status_code
        location = response.headers.get("Location")
        if status in (301, 302, 307, 308) and location and len(job.hops) < self.options.max_redirects:
            job.hops.append((status, urljoin(url, location)))
            job.api_url = urljoin(url, location)
            return Outcome(responded=True)
        if status == 200:
            return self._api_found(job, response)
        if status in (401, 429) or (status == 403 and response.headers.get("X-RateLimit-Remaining") == "0"):
            # A bad token or a spent quota will not get better during this run.
            self.github_enabled = False
        return self._leave_api(job)

    def _api_found(self, job: Job, response: requests.Response) -> Outcome:
        try:
            full_name = response.json().get("full_name")
        except (ValueError, AttributeError):
            full_name = None
        if not isinstance(full_name, str):
            return self._leave_api(job)
        if full_name.lower() == (job.github_repo or "").lower():
            return self._done(job, "ok", 200, "200 OK (GitHub API)", responded=True)
        parts = urlsplit(job.url)
        moved = urlunsplit(parts._replace(path="/" + full_name))
        reason = f"repository moved to {full_name}"
        return self._done(job, "redirect", 200, reason, final_url=moved, responded=True)

    def _leave_api(self, job: Job) -> Outcome:
        # Any API answer other than "found" is settled by the web page itself,
        # so an API quirk can never make a link dead.
        job.api_url = None
        job.hops.clear()
        job.current = job.url
        return Outcome()


def job_is_head(response: requests.Response) -> bool:
    return response.request is not None and response.request.method == "HEAD"
