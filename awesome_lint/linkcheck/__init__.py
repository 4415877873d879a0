"""Check that http(s) links are alive, politely and safely.

    results = check_urls(urls, CheckOptions(), stats=Stats())

Each unique URL (fragment removed) is checked once; a result is returned for
every given http(s) URL that the include/exclude patterns select.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from .cache import VerdictCache, default_cache_path
from .limits import HostLimit
from .model import BROWSER_USER_AGENT, CheckOptions, LinkResult, Stats
from .progress import Progress

__all__ = [
    "BROWSER_USER_AGENT",
    "CheckOptions",
    "HostLimit",
    "LinkResult",
    "Stats",
    "check_urls",
    "default_cache_path",
    "selected",
]


def selected(url: str, options: CheckOptions) -> bool:
    """Whether the include/exclude patterns let this URL be checked."""
    if options.include and not any(re.search(p, url) for p in options.include):
        return False
    return not any(re.search(p, url) for p in options.exclude)


def _target(url: str) -> str | None:
    """The URL to request (no fragment) when it is an http(s) URL; malformed ones are kept for a verdict."""
    url = url.strip()
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("#", 1)[0]
    return urlunsplit(parts._replace(fragment=""))


def _with_fragment(result: LinkResult, url: str) -> LinkResult:
    final_url = result.final_url
    fragment = url.partition("#")[2]
    if final_url and fragment and "#" not in final_url:
        final_url = f"{final_url}#{fragment}"
    return replace(result, url=url, final_url=final_url)


def check_urls(
    urls: Iterable[str],
    options: CheckOptions,
    progress: bool = False,
    stats: Stats | None = None,
    heard: dict | None = None,
) -> dict[str, LinkResult]:
    """``heard``: what GitHub said about repositories during this run, shared with other look-ups (repos.py)."""
    stats = stats if stats is not None else Stats()
    targets: dict[str, str] = {}
    for url in urls:
        target = _target(url)
        if target and selected(url, options):
            targets[url] = target
    unique = list(dict.fromkeys(targets.values()))

    cache = VerdictCache(options.cache, options) if options.cache else None
    known = cache.load(unique) if cache else {}
    stats.cache_hits += len(known)
    todo = [u for u in unique if u not in known]

    fresh: list[LinkResult] = []
    bar = Progress(len(todo), force=False) if progress else None
    lock = threading.Lock()

    def collect(result: LinkResult) -> None:
        with lock:
            fresh.append(result)
            if bar:
                bar.advance(result.verdict)

    # requests is imported only when links are really checked: every run
    # loads the dead-link rule class, few runs use the network.
    from .client import Checker
    from .scheduler import Scheduler

    from .batch import ArxivLookup, GithubLookup, github_repo
    from .repos import repo_infos

    checker = Checker(options, stats)
    try:
        scheduler = Scheduler(options, checker.step, collect, checker.watchdog.expire_all)
        arxiv = ArxivLookup(options, checker.fetch)
        by_api, todo = arxiv.split(todo)
        github = GithubLookup(options, lambda repos: repo_infos(repos, options, checker.post_graphql, cache, heard),
                              lambda u: github_repo(u, options.github_hosts))
        by_graphql, todo = github.split(todo)
        for lookup, batch in ((arxiv, by_api), (github, by_graphql)):
            if batch:
                scheduler.hold()
                lookup.start(batch, collect, lambda url: scheduler.add(checker.new_job(url)), scheduler.release)
        scheduler.run(checker.new_job(u) for u in todo)
    finally:
        checker.close()
        if bar:
            bar.close()
        if cache:
            cache.store(fresh)

    by_target = {**known, **{r.url: r for r in fresh}}
    return {url: _with_fragment(by_target[target], url) for url, target in targets.items()}
