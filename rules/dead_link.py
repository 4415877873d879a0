"""dead-link: every http(s) link answers (network; runs with --links or `links: true`)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_lint.rule import UNSAFE, WARNING, Fix, Rule, option

from ._links import cache_file, cache_option, duration, seconds

__all__ = ["DeadLink", "seconds"]

if TYPE_CHECKING:
    from awesome_lint.linkcheck import CheckOptions, LinkResult

ARXIV_API = "https://export.arxiv.org/api/query"
def _patterns(value) -> str | None:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"{pattern!r} is not a regular expression ({exc})"
    return None


def _host_limits(value) -> str | None:
    """The same words as the run's own check (host_limit), but at the config's line."""
    for host, limit in value.items():
        if not isinstance(limit, dict) or set(limit) - {"rate", "concurrency", "interval"}:
            return f"per-host {host} takes rate (requests/s) and concurrency, not {limit!r}"
        concurrency = limit.get("concurrency", 1)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= 64:
            return f"per-host {host}: concurrency must be between 1 and 64"
        for key in ("rate", "interval"):
            number = limit.get(key, 1)
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number <= 0:
                return f"per-host {host} needs a positive rate in requests/s"
    return None


def host_limit(host: str, limit, default_concurrency: int):
    """A per-host entry: {rate: requests/s, concurrency: N}; `interval` (seconds apart) is read as 1/rate."""
    from awesome_lint.linkcheck import HostLimit

    limit = limit or {}
    if not isinstance(limit, dict) or set(limit) - {"rate", "concurrency", "interval"}:
        raise ValueError(f"dead-link: per-host {host} takes rate (requests/s) and concurrency, not {limit!r}")
    try:
        rate = limit.get("rate")
        if rate is None and limit.get("interval"):
            rate = 1.0 / float(limit["interval"])
        rate = None if rate is None else float(rate)
        concurrency = int(limit.get("concurrency", default_concurrency))
        if isinstance(limit.get("concurrency"), float) or isinstance(rate, bool):
            raise ValueError
        return HostLimit(rate=rate, concurrency=concurrency)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        detail = f": {exc}" if str(exc) else ""
        raise ValueError(
            f"dead-link: per-host {host} needs a positive rate in requests/s and a whole concurrency{detail}"
        ) from None


def networks(values) -> tuple[str, ...]:
    import ipaddress

    found = []
    for value in values or ():
        try:
            found.append(str(ipaddress.ip_network(str(value), strict=False)))
        except ValueError:
            raise ValueError(f"dead-link: allow-networks takes CIDR blocks such as 10.0.0.0/8, not {value!r}") from None
    return tuple(found)


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


class DeadLink(Rule):
    name = "dead-link"
    summary = "Every http(s) link answers: dead links are errors, unreachable ones warnings"
    tags = ("links", "network")
    fixable = True
    network = True

    @dataclass
    class Options:
        concurrency: int = option(48, minimum=1)
        per_host_concurrency: int = option(6, minimum=1)
        # host -> {rate: requests/s, concurrency: N}; merged over the github.com/arxiv.org defaults.
        # Without a rate, a host's rate is learned from its answers.
        per_host: dict[str, dict] = option(factory=dict, check=_host_limits)
        timeout: float = option(10.0, minimum=0.001)  # seconds for a whole request
        connect_timeout: float = option(5.0, minimum=0.001)
        max_duration: str = ""  # for the whole run, e.g. 10m; what is left is "could not verify"
        retries: int = option(3, minimum=0)
        timeout_retries: int = option(0, minimum=0)
        max_retry_after: float = option(30.0, minimum=0)
        user_agent: str = ""  # "" for awesome-lint's own, "browser" for a browser-like one
        cache: str | None = option(None, check=cache_option)  # None: the user cache dir; "" or "none": no cache
        ok_max_age: str = option("3d", check=duration)
        dead_max_age: str = option("6h", check=duration)
        unverified_max_age: str = option("10m", check=duration)  # "0" never keeps an unverified answer
        allow_private: bool = False
        allow_networks: list = field(default_factory=list)  # CIDR blocks let through, e.g. an intranet
        content_checks: bool = True  # soft 404s and login walls, as warnings
        exclude: list[str] = option(factory=list, check=_patterns)  # regular expressions
        include: list[str] = option(factory=list, check=_patterns)
        github_api: bool = True  # use the REST API for repository links when GITHUB_TOKEN is set
        arxiv_api: bool = True  # arXiv links through the arXiv API, 100 per request

    def __init__(self, options=None) -> None:
        super().__init__(options)
        # The fix loop re-checks the document; a URL is asked about once per run.
        self._known: dict[str, "LinkResult"] = {}
        # bad options, or a cache path no run could keep, stop the run before any request
        self._cache = cache_file(self.options.cache, self.name)
        self.check_options()

    def check_options(self) -> "CheckOptions":
        # imported here: every run loads this class, only --links runs use it
        from awesome_lint.linkcheck import CheckOptions
        from awesome_lint.linkcheck.batch import github_endpoints
        from awesome_lint.linkcheck.limits import DEFAULT_PER_HOST

        o = self.options
        per_host = dict(DEFAULT_PER_HOST)
        if not isinstance(o.per_host or {}, dict):
            raise ValueError("dead-link: per-host must map host names to {rate, concurrency}")
        for host, limit in (o.per_host or {}).items():
            per_host[str(host).lower()] = host_limit(str(host), limit, o.per_host_concurrency)
        cache = self._cache
        token = os.environ.get("GITHUB_TOKEN") if o.github_api else None
        api, graphql, hosts = github_endpoints(os.environ)
        arxiv = (os.environ.get("AWESOME_LINT_ARXIV_API") or ARXIV_API) if o.arxiv_api else None
        return CheckOptions(
            arxiv_api=arxiv,
            concurrency=o.concurrency,
            per_host_concurrency=o.per_host_concurrency,
            per_host=per_host,
            connect_timeout=o.connect_timeout,
            timeout=o.timeout,
            max_duration=seconds(o.max_duration, "max-duration") if str(o.max_duration).strip() else None,
            retries=o.retries,
            timeout_retries=o.timeout_retries,
            max_retry_after=o.max_retry_after,
            user_agent=o.user_agent or CheckOptions.user_agent,
            allow_private=o.allow_private,
            allow_networks=networks(o.allow_networks),
            content_checks=bool(o.content_checks),
            exclude=tuple(o.exclude or ()),
            include=tuple(o.include or ()),
            cache=cache,
            ok_max_age=seconds(o.ok_max_age, "ok-max-age"),
            dead_max_age=seconds(o.dead_max_age, "dead-max-age"),
            unverified_max_age=seconds(o.unverified_max_age, "unverified-max-age"),
            github_token=token or None,
            github_api=api,
            github_graphql=graphql,
            github_hosts=hosts,
        )

    def check(self, doc, ctx):
        links = [link for link in doc.links if _is_http(link.url.strip())]
        links = [link for link in links if ctx.touches_change(doc, link.start, link.end)]
        todo = list(dict.fromkeys(link.url.strip() for link in links if link.url.strip() not in self._known))
        if todo:
            from awesome_lint.linkcheck import check_urls

            # what GitHub says about repositories is shared with repo-health for the run
            heard = ctx.extra.setdefault("github-repositories", {})
            self._known.update(check_urls(todo, self.check_options(), progress=ctx.progress, heard=heard))
        for link in links:
            url = link.url.strip()
            result = self._known.get(url)
            if result is None:  # excluded by a pattern
                continue
            if result.verdict == "dead":
                yield self.diagnostic(f"dead link {url} ({result.reason})", link.start, link.end)
            elif result.verdict in ("soft404", "login"):
                what = "looks dead" if result.verdict == "soft404" else "leads to a sign-in page"
                yield self.diagnostic(f"{url} {what} ({result.reason})", link.start, link.end, severity=WARNING)
            elif result.verdict == "unverified":
                yield self.diagnostic(
                    f"could not verify {url} ({result.reason})", link.start, link.end, severity=WARNING
                )
            elif result.verdict == "redirect" and result.final_url:
                fix = None
                if link.url_start is not None:
                    fix = Fix.replace(
                        link.url_start, link.url_end, result.final_url,
                        f"replace with {result.final_url}", UNSAFE,
                        replaces=((link.url, result.final_url),),
                    )
                yield self.diagnostic(
                    f"{url} has moved permanently to {result.final_url}",
                    link.start, link.end, fix, severity=WARNING,
                )
