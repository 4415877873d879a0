"""dead-link: every http(s) link answers (network; runs with --links or `links: true`)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from awesome_lint.rule import UNSAFE, WARNING, Fix, Rule, option

if TYPE_CHECKING:
    from awesome_lint.linkcheck import CheckOptions, LinkResult

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(value: str, key: str) -> float:
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"dead-link: {key} must be a duration such as 45s, 30m, 12h or 3d, not {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _duration(value) -> str | None:
    return None if _DURATION.match(str(value)) else "must be a duration such as 45s, 30m, 12h or 3d"


def _patterns(value) -> str | None:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"{pattern!r} is not a regular expression ({exc})"
    return None


def _host_limits(value) -> str | None:
    for host, limit in value.items():
        if not isinstance(limit, dict) or set(limit) - {"concurrency", "interval"}:
            return f"'{host}' must map to {{concurrency: N, interval: seconds}}"
        concurrency, interval = limit.get("concurrency", 1), limit.get("interval", 0)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            return f"'{host}': concurrency must be a whole number of at least 1"
        if isinstance(interval, bool) or not isinstance(interval, (int, float)) or interval < 0:
            return f"'{host}': interval must be a number of seconds, 0 or more"
    return None


def _cache_path(value) -> str | None:
    if value is None or value.strip().lower() in ("", "none", "off", "false"):
        return None
    if os.path.isdir(os.path.expanduser(value)):
        return f"{value!r} is a directory; give the path of a cache file"
    return None


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
        per_host_concurrency: int = option(4, minimum=1)
        per_host_interval: float = option(0.0, minimum=0)
        # host -> {concurrency: N, interval: seconds}; merged over the github.com/arxiv.org defaults
        per_host: dict[str, dict] = option(factory=dict, check=_host_limits)
        timeout: float = option(10.0, minimum=0.001)
        connect_timeout: float = option(5.0, minimum=0.001)
        retries: int = option(3, minimum=0)
        timeout_retries: int = option(1, minimum=0)
        max_retry_after: float = option(30.0, minimum=0)
        user_agent: str = ""  # "" for awesome-lint's own, "browser" for a browser-like one
        cache: str | None = option(None, check=_cache_path)  # None: the user cache dir; "" or "none": no cache
        ok_max_age: str = option("3d", check=_duration)
        dead_max_age: str = option("6h", check=_duration)
        unverified_max_age: str = option("10m", check=_duration)  # "0" never keeps an unverified answer
        allow_private: bool = False
        exclude: list[str] = option(factory=list, check=_patterns)  # regular expressions
        include: list[str] = option(factory=list, check=_patterns)
        github_api: bool = True  # use the REST API for repository links when GITHUB_TOKEN is set

    def __init__(self, options=None) -> None:
        super().__init__(options)
        # The fix loop re-checks the document; a URL is asked about once per run.
        self._known: dict[str, "LinkResult"] = {}

    def check_options(self) -> "CheckOptions":
        # imported here: every run loads this class, only --links runs use it
        from awesome_lint.linkcheck import CheckOptions, HostLimit, default_cache_path
        from awesome_lint.linkcheck.limits import DEFAULT_PER_HOST

        o = self.options
        per_host = dict(DEFAULT_PER_HOST)
        for host, limit in (o.per_host or {}).items():
            limit = limit or {}
            per_host[str(host).lower()] = HostLimit(
                int(limit.get("concurrency", o.per_host_concurrency)), float(limit.get("interval", 0.0))
            )
        cache = o.cache
        if cache is None:
            cache = str(default_cache_path())
        elif cache.strip().lower() in ("", "none", "off", "false"):
            cache = None
        token = os.environ.get("GITHUB_TOKEN") if o.github_api else None
        # The API and web hosts come from the environment (GitHub Actions sets both),
        # never from the config file: a pull request may edit the config, and must
        # not be able to send the token to a host of its choosing.
        api = os.environ.get("GITHUB_API_URL") or "https://api.github.com"
        server = urlsplit(os.environ.get("GITHUB_SERVER_URL") or "https://github.com").netloc.lower()
        return CheckOptions(
            concurrency=o.concurrency,
            per_host_concurrency=o.per_host_concurrency,
            per_host_interval=o.per_host_interval,
            per_host=per_host,
            connect_timeout=o.connect_timeout,
            timeout=o.timeout,
            retries=o.retries,
            timeout_retries=o.timeout_retries,
            max_retry_after=o.max_retry_after,
            user_agent=o.user_agent or CheckOptions.user_agent,
            allow_private=o.allow_private,
            exclude=tuple(o.exclude or ()),
            include=tuple(o.include or ()),
            cache=cache,
            ok_max_age=seconds(o.ok_max_age, "ok-max-age"),
            dead_max_age=seconds(o.dead_max_age, "dead-max-age"),
            unverified_max_age=seconds(o.unverified_max_age, "unverified-max-age"),
            github_token=token or None,
            github_api=api,
            github_hosts=(server, "www." + server),
        )

    def check(self, doc, ctx):
        links = [link for link in doc.links if _is_http(link.url.strip())]
        links = [link for link in links if ctx.touches_change(doc, link.start, link.end)]
        todo = list(dict.fromkeys(link.url.strip() for link in links if link.url.strip() not in self._known))
        if todo:
            from awesome_lint.linkcheck import check_urls

            self._known.update(check_urls(todo, self.check_options(), progress=ctx.progress))
        for link in links:
            url = link.url.strip()
            result = self._known.get(url)
            if result is None:  # excluded by a pattern
                continue
            if result.verdict == "dead":
                yield self.diagnostic(f"dead link {url} ({result.reason})", link.start, link.end)
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
