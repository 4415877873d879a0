"""One HTTP request at a time: what it tells about a link, and what to do next.

A check is a Job that moves through steps (GitHub API, HEAD or GET, each
redirect hop, each retry, the host's soft-404 probe).  Every step is exactly
one request so the scheduler can pace whichever host that step talks to, and
no worker ever sleeps through a backoff.  Nothing a URL, a redirect target or
a server sends can raise out of a step: it becomes a verdict.
"""

from __future__ import annotations

import email.utils
import http.client
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3.exceptions
from requests.cookies import extract_cookies_to_jar
from requests.utils import select_proxy

from .batch import github_repo
from .content import login_page, says_not_found
from .guard import AddressGuard, ResolveError
from .limits import HostState, host_and_port, host_key, stated_limit
from .model import CheckOptions, LinkResult, Stats
from .transport import Watchdog, make_session

# Servers that answer HEAD with these often answer GET properly.
HEAD_REFUSED = {400, 403, 404, 405, 406, 501}
HEAD_UNSUPPORTED = {405, 501}
PERMANENT = {301, 308}
NOT_RETRIED_5XX = {501, 505}
GONE = {404, 410}
TRUST_HEAD = 2  # a host's HEAD 404s confirmed by GET this often are believed without GET
BODY_CAP = 64 * 1024  # enough for a page's <title> and first heading
# A body the verdict does not need is read only to keep the connection for the next request,
# and only this long: a server trickling it must not hold the URL (and a slot of its host).
BODY_GRACE = 1.0
API_CAP = 8 * 1024 * 1024  # an API answer about 100 links

# Everything a malformed URL or a misbehaving server can make requests/urllib3 raise.
REQUEST_FAILURES = (
    requests.exceptions.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException,
    OSError, ValueError, UnicodeError,
)


@dataclass
class Job:
    url: str  # the URL being judged, without fragment
    current: str  # the URL the next request goes to
    method: str | None = None  # None: the host's preferred method
    hops: list[tuple[int, str]] = field(default_factory=list)  # (status, target) per redirect
    tries: int = 0
    timeouts: int = 0
    not_before: float = 0.0
    api_url: str | None = None  # set while the GitHub API is being asked
    github_repo: str | None = None  # "owner/repo" when the URL names a repository
    head_status: int | None = None  # what HEAD said before GET was tried
    page: tuple[int, bool, bool] | None = None  # (status, body read, says not found) awaiting the probe
    probing: bool = False  # the next step is the host's soft-404 probe
    started: float = 0.0  # when the current step was sent

    @property
    def key(self) -> str:
        return host_key(self.api_url or self.current)


@dataclass
class Outcome:
    result: LinkResult | None = None  # set when the job is finished
    responded: bool = False
    reached: bool = False  # no answer, but the request was sent on an open connection (reset, hang)
    busy: bool = False  # 429 or 503: the host may be pushing back
    limited: bool = False  # 429: the host counts our requests
    wait: float | None = None  # Retry-After, seconds
    stated: tuple[float | None, float | None] = (None, None)  # (rate, wait) from rate-limit headers
    failure: str | None = None  # "refused" or "timeout", for per-host bookkeeping
    head_useless: bool = False  # HEAD said something GET contradicted
    head_agreed: bool = False  # GET said the same 404/410 as HEAD
    needs_probe: bool = False  # a 200 page waits for the host's soft-404 probe
    soft404: bool | None = None  # the probe's answer
    give_up: str | None = None  # the host asked to wait past the cap: settle all its URLs


def phrase(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def retry_after(headers) -> float | None:
    value = (headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    try:
        return max(0.0, when.timestamp() - time.time())
    except (OverflowError, OSError, ValueError):
        return None


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


def invalid_reason(url: str) -> str | None:
    """Why a URL cannot be requested at all, or None."""
    try:
        parts = urlsplit(url)
        parts.port
    except ValueError as exc:
        return f"invalid URL ({str(exc).lower()})"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not parts.hostname:
        return "invalid URL (no host)"
    if any(ord(c) < 33 or c in "<>\\^`{|}" for c in parts.hostname):
        return "invalid URL (bad host name)"
    return None


def sibling(url: str) -> str:
    """A path beside `url` that no site has: what a host answers there tells its soft 404s apart."""
    parts = urlsplit(url)
    parent = parts.path.rstrip("/").rpartition("/")[0]
    path = f"{parent}/awesome-lint-{secrets.token_hex(6)}"
    return urlunsplit(parts._replace(path=path, query="", fragment=""))


class Sent:
    """An answer: status, headers and up to BODY_CAP bytes of body (None for HEAD)."""

    def __init__(self, status: int, headers, body: bytes | None) -> None:
        self.status = status
        self.headers = headers
        self.body = body


class Checker:
    """Performs steps; shared by all worker threads."""

    def __init__(self, options: CheckOptions, stats: Stats) -> None:
        self.options = options
        self.stats = stats
        self.guard = AddressGuard(options.allow_private, options.resolve, options.allow_networks)
        self.session = make_session(options, self.guard)
        self.watchdog = Watchdog()
        self.github_enabled = bool(options.github_token)
        self._random = random.Random()

    def close(self) -> None:
        self.session.close()
        self.watchdog.close()

    def new_job(self, url: str) -> Job:
        job = Job(url=url, current=url)
        if self.github_enabled:
            job.github_repo = github_repo(url, self.options.github_hosts)
            if job.github_repo:
                job.api_url = f"{self.options.github_api.rstrip('/')}/repos/{job.github_repo}"
        return job

    def step(self, job: Job, host: HostState) -> Outcome:
        if job.api_url:
            if self.github_enabled:
                return self._api_step(job)
            job.api_url = None
        return self._web_step(job, host)

    # -- one request -----------------------------------------------------------

    def fetch(self, url: str, headers: dict | None = None) -> bytes | None:
        """The body of a 200 answer to an API request (up to API_CAP), or None."""
        sent = self._send(Job(url=url, current=url), "GET", url, headers, cap=API_CAP,
                          seconds=3 * self.options.timeout)
        if isinstance(sent, Sent) and sent.status == 200:
            return sent.body
        return None

    def post_graphql(self, url: str, payload: dict) -> bytes | None:
        """POST a GraphQL query with the token, to the API's own origin only."""
        api = urlsplit(self.options.github_api)
        try:
            target = urlsplit(url)
        except ValueError:
            return None
        if (target.scheme, target.netloc) != (api.scheme, api.netloc) or not self.github_enabled:
            return None
        headers = {"Authorization": f"Bearer {self.options.github_token}", "Content-Type": "application/json"}
        import json

        sent = self._send(Job(url=url, current=url), "POST", url, headers, cap=API_CAP,
                          seconds=3 * self.options.timeout, data=json.dumps(payload).encode())
        if isinstance(sent, Sent) and sent.status == 200:
            return sent.body
        if isinstance(sent, Sent) and sent.status in (401, 403):
            self.github_enabled = False  # a bad token or a spent quota will not mend during this run
        return None

    def _send(self, job: Job, method: str, url: str, headers: dict | None = None,
              cap: int = BODY_CAP, seconds: float | None = None, data: bytes | None = None,
              wants_body: Callable[[int], bool] | None = None) -> Sent | Outcome:
        """One request under the guard and the deadline; an Outcome when it went wrong.

        `wants_body(status)` says whether the verdict needs the body of an answer with that status
        (None: always); a body it does not need gets BODY_GRACE at most.
        """
        try:
            request = self.session.prepare_request(requests.Request(method, url, headers=headers, data=data))
            settings = self.session.merge_environment_settings(request.url, {}, True, None, None)
            settings["stream"] = True
        except REQUEST_FAILURES as exc:
            return self._invalid(job, invalid_reason(url) or f"invalid URL ({type(exc).__name__})")
        name, port = host_and_port(request.url or "")
        if not name or not port:
            return self._invalid(job, invalid_reason(request.url or "") or "invalid URL")
        proxy = select_proxy(request.url, settings.get("proxies") or {}) or ""
        if proxy.lower().startswith("socks") and not self.options.allow_private:
            # a SOCKS proxy is handed the name and resolves it itself: the checked address cannot be pinned
            return self._done(job, "unverified", None, "not checked through a SOCKS proxy (the address guard needs "
                              "an HTTP proxy, or allow-private: true)")
        # the deadline runs from here: a resolver that does not answer costs no more than a server
        deadline = self.watchdog.deadline(seconds or self.options.timeout)
        try:
            refusal = self.guard.check(name, port, deadline.remaining())
        except ResolveError as exc:
            if exc.timed_out:
                return self._timed_out(job, f"no DNS answer within {seconds or self.options.timeout:g} s")
            if exc.permanent:
                return self._done(job, "dead", None, str(exc))
            return self._retry(job, "unverified", None, f"{exc} (temporary)")
        if refusal:
            return self._done(job, "unverified", None, refusal)
        response = None
        try:
            with deadline, self.stats.request(job.key):
                # The adapter, not Session.send: redirects are ours to follow, and
                # requests would parse a malformed Location before we could judge it.
                response = self.session.get_adapter(request.url).send(
                    request,
                    timeout=(min(self.options.connect_timeout, self.options.timeout), self.options.timeout),
                    **settings,
                )
                extract_cookies_to_jar(self.session.cookies, request, response.raw)
                if deadline.expired:  # cut while the headers were coming: they are not all there
                    outcome = self._timed_out(job)
                    outcome.reached = deadline.sent  # but the host took the request: its limiter counted it
                    return outcome
                if wants_body is not None and not wants_body(response.status_code):
                    deadline.shorten(BODY_GRACE)
                body = self._read(response, method, cap)
            return Sent(response.status_code, response.headers, body)
        except requests.exceptions.SSLError:
            if deadline.expired:
                return self._timed_out(job)
            return self._done(job, "unverified", None, "TLS error")
        except requests.exceptions.ConnectTimeout:
            return self._timed_out(job, "connection timed out")
        except REQUEST_FAILURES as exc:
            outcome = self._failed(job, exc, deadline.expired)
            outcome.reached = deadline.sent  # the host took the request: its limiter counted it
            return outcome
        finally:
            if response is not None:
                response.close()

    def _failed(self, job: Job, exc: BaseException, expired: bool) -> Outcome:
        if expired or isinstance(exc, requests.exceptions.ReadTimeout):
            return self._timed_out(job)
        if isinstance(exc, requests.exceptions.InvalidURL):
            return self._invalid(job, "invalid URL")
        if refused(exc):
            outcome = self._retry(job, "dead", None, "connection refused")
            outcome.failure = "refused"
            return outcome
        return self._retry(job, "unverified", None, "connection reset")

    def _read(self, response: requests.Response, method: str, cap: int = BODY_CAP) -> bytes | None:
        """Read at most `cap` bytes; a body cut short (deadline, reset) keeps what came."""
        if method == "HEAD":
            return None
        chunks: list[bytes] = []
        size = 0
        try:
            while size < cap:
                chunk = response.raw.read1(min(65536, cap - size), decode_content=True)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except REQUEST_FAILURES:
            pass  # the status line and headers are in: they settle the link
        return b"".join(chunks)

    # -- the web -------------------------------------------------------------

    def _web_step(self, job: Job, host: HostState) -> Outcome:
        if job.probing:
            return self._probe(job)
        method = job.method or host.method
        sent = self._send(job, method, job.current, wants_body=lambda status: self._page_matters(host, status))
        if isinstance(sent, Outcome):
            return sent
        return self._answer(job, host, method, sent)

    def _page_matters(self, host: HostState, status: int) -> bool:
        """Whether a page's content can change its verdict: a 200 on a host that may answer 200 for
        pages it does not have (see _live)."""
        return status == 200 and self.options.content_checks and host.soft404 is not False

    def _answer(self, job: Job, host: HostState, method: str, sent: Sent) -> Outcome:
        status = sent.status
        location = sent.headers.get("Location")
        stated = stated_limit(sent.headers)
        if 300 <= status < 400 and status != 304 and location:
            outcome = self._redirect(job, status, location)
        elif method == "HEAD" and status in GONE and host.head_trusted >= TRUST_HEAD:
            outcome = self._done(job, "dead", status, phrase(status) + self._where(job), responded=True)
        elif method == "HEAD" and status in HEAD_REFUSED:
            job.method = "GET"
            job.head_status = status
            outcome = Outcome(responded=True, head_useless=status in HEAD_UNSUPPORTED)
        elif status == 429 or (500 <= status < 600 and status not in NOT_RETRIED_5XX):
            outcome = self._busy(job, sent)
        elif status < 400:
            outcome = self._live(job, host, status, sent.body)
            outcome.head_useless = job.head_status is not None
        elif status == 401 and self.options.content_checks:
            outcome = self._done(job, "login", status, "401 Unauthorized: a login is required", responded=True)
        elif status in GONE:
            outcome = self._done(job, "dead", status, phrase(status) + self._where(job), responded=True)
            outcome.head_agreed = job.head_status == status
        else:
            outcome = self._done(job, "unverified", status, phrase(status), responded=True)
        outcome.stated = stated
        return outcome

    @staticmethod
    def _where(job: Job) -> str:
        return f" at {job.current}" if job.hops else ""

    def _redirect(self, job: Job, status: int, location: str) -> Outcome:
        if len(job.hops) >= self.options.max_redirects:
            return self._done(job, "unverified", status, "too many redirects", responded=True)
        try:
            target = urlunsplit(urlsplit(urljoin(job.current, location.strip()))._replace(fragment=""))
        except ValueError:
            return self._done(job, "dead", status, f"redirects to an invalid URL {location!r}", responded=True)
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            return self._done(job, "unverified", status, "redirects to a non-HTTP URL", responded=True)
        problem = invalid_reason(target)
        if problem:
            return self._done(job, "dead", status, f"redirects to an {problem}", responded=True)
        job.hops.append((status, target))
        job.current = target
        if self.options.content_checks and login_page(target) and not login_page(job.url):
            # where the redirect points is the verdict: the sign-in page itself need not be asked
            reason = f"redirects to a sign-in page ({target})"
            return self._done(job, "login", status, reason, final_url=target, responded=True)
        if status == 303:
            job.method = "GET"
        return Outcome(responded=True)

    def _busy(self, job: Job, sent: Sent) -> Outcome:
        status = sent.status
        asked = retry_after(sent.headers)
        if asked is not None and asked > self.options.max_retry_after:
            reason = f"{phrase(status)} (asked to wait {asked:.0f} s)"
            outcome = self._done(job, "unverified", status, reason, responded=True)
            outcome.give_up = reason
        elif job.tries >= (self.options.retries if status in (429, 503) else min(1, self.options.retries)):
            # 429 and 503 say "later"; other 5xx seldom mend within seconds: one retry
            reason = f"{phrase(status)} after {job.tries + 1} tries"
            outcome = self._done(job, "unverified", status, reason, responded=True)
        else:
            delay = asked if asked is not None else self._backoff(job.tries + 1) * (2 if status == 429 else 1)
            job.tries += 1
            job.not_before = time.monotonic() + delay
            self.stats.retried()
            outcome = Outcome(responded=True)
        # 500 and friends are about the page; 429 and 503 may be about us
        outcome.busy = status in (429, 503)
        outcome.limited = status == 429
        outcome.wait = asked
        return outcome

    def _live(self, job: Job, host: HostState, status: int, body: bytes | None) -> Outcome:
        if self.options.content_checks:
            if status == 200 and host.soft404 is not False:
                job.page = (status, body is not None, body is not None and says_not_found(body))
                if host.soft404 is None:
                    return Outcome(responded=True, needs_probe=True)
                return self._judge_page(job)
        return self._settle_live(job, status)

    def _judge_page(self, job: Job) -> Outcome:
        """On a host that answers 200 for anything: read the page before believing the 200."""
        assert job.page is not None
        status, read, not_found = job.page
        if not read:
            job.method = "GET"
            job.page = None
            return Outcome(responded=True)
        if not_found:
            return self._done(job, "soft404", status, "the page says it was not found (soft 404)", responded=True)
        return self._settle_live(job, status)

    def _probe(self, job: Job) -> Outcome:
        job.probing = False
        sent = self._send(Job(url=job.url, current=job.current), "GET", sibling(job.current),
                          wants_body=lambda status: False)  # its status is the answer
        soft = isinstance(sent, Sent) and sent.status == 200
        outcome = self._judge_page(job) if soft else self._settle_live(job, job.page[0] if job.page else 200)
        outcome.soft404 = soft
        outcome.responded = isinstance(sent, Sent)
        return outcome

    def _settle_live(self, job: Job, status: int) -> Outcome:
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

    def _invalid(self, job: Job, reason: str) -> Outcome:
        if job.hops:
            return self._done(job, "dead", job.hops[-1][0], f"redirects to an {reason}")
        return self._done(job, "dead", None, reason)

    def _timed_out(self, job: Job, reason: str | None = None) -> Outcome:
        reason = reason or f"no complete answer within {self.options.timeout:g} s"
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
        probe = Job(url=job.url, current=url, api_url=url)
        sent = self._send(probe, "GET", url, headers, wants_body=lambda status: status == 200)
        if isinstance(sent, Outcome):
            return self._leave_api(job)
        status = sent.status
        location = sent.headers.get("Location")
        if status in (301, 302, 307, 308) and location and len(job.hops) < self.options.max_redirects:
            try:
                moved = urljoin(url, location)
            except ValueError:
                return self._leave_api(job)
            job.hops.append((status, moved))
            job.api_url = moved
            return Outcome(responded=True)
        if status == 200:
            return self._api_found(job, sent)
        if status in (401, 429) or (status == 403 and sent.headers.get("X-RateLimit-Remaining") == "0"):
            # A bad token or a spent quota will not get better during this run.
            self.github_enabled = False
        return self._leave_api(job)

    def _api_found(self, job: Job, sent: Sent) -> Outcome:
        import json

        try:
            full_name = json.loads(sent.body or b"").get("full_name")
        except (ValueError, AttributeError, UnicodeError):
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
