"""What GitHub says about repositories: found, renamed, archived, last push (GraphQL, 100 per query).

dead-link (repository links settled without a page request) and repo-health
ask GitHub the same question about the same repositories.  Both go through
``repo_infos``: it answers from what the run has already heard (``heard``, a
dict the rules share through their Context), then from the verdict cache, and
queries GitHub only about the rest, so one run (and a re-run within the
expiry) asks about each repository once.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import datetime

from .batch import BATCH, graphql_query
from .model import CheckOptions, RepoInfo, Stats

__all__ = ["RepoInfo", "lookup_repos", "repo_infos"]

# heard: (GraphQL endpoint, "owner/name" in lower case) -> (when heard, what was heard)
Heard = dict[tuple[str, str], tuple[float, "RepoInfo | None"]]
_LOCK = threading.Lock()


def lookup_repos(repos: list[str], options: CheckOptions, heard: Heard | None = None) -> dict[str, RepoInfo | None]:
    """{asked "owner/name" (lower case): its info, or None when GitHub says it does not exist}.

    A repository whose answer was unclear (a failed query, an error other than
    NOT_FOUND) is left out: nothing can be said about it.
    """
    from .cache import VerdictCache
    from .client import Checker  # requests only when really asked

    cache = VerdictCache(options.cache, options) if options.cache else None
    checker = Checker(options, Stats())
    try:
        return repo_infos(repos, options, checker.post_graphql, cache, heard)
    finally:
        checker.close()


def repo_infos(repos: list[str], options: CheckOptions, post: Callable[[str, dict], bytes | None],
               cache=None, heard: Heard | None = None) -> dict[str, RepoInfo | None]:
    """Like lookup_repos, with the request sender and the cache given (None: no cache)."""
    heard = {} if heard is None else heard
    endpoint = options.github_graphql or ""
    unique = list(dict.fromkeys(r.lower() for r in repos))
    now = time.time()
    found: dict[str, RepoInfo | None] = {}
    with _LOCK:
        for repo in unique:
            said = heard.get((endpoint, repo))
            if said and now - said[0] <= _max_age(options, said[1]):
                found[repo] = said[1]
    rest = [r for r in unique if r not in found]
    if rest and cache is not None:
        cached = cache.load_repos([_key(endpoint, r) for r in rest])
        from_cache = {r: cached[_key(endpoint, r)] for r in rest if _key(endpoint, r) in cached}
        _remember(heard, endpoint, from_cache, now)  # the age is the cache's; a run is short beside it
        found.update(from_cache)
        rest = [r for r in rest if r not in from_cache]
    for start in range(0, len(rest), BATCH):
        chunk = rest[start:start + BATCH]
        fresh = _parse(chunk, post(endpoint, graphql_query(chunk)))
        _remember(heard, endpoint, fresh, time.time())
        if cache is not None and fresh:
            cache.store_repos({_key(endpoint, r): info for r, info in fresh.items()})
        found.update(fresh)
    return found


def _key(endpoint: str, repo: str) -> str:
    return f"{endpoint} {repo}"


def _max_age(options: CheckOptions, info: RepoInfo | None) -> float:
    return options.repo_max_age if info is not None else min(options.repo_max_age, options.dead_max_age)


def _remember(heard: Heard, endpoint: str, infos: dict[str, RepoInfo | None], when: float) -> None:
    with _LOCK:
        for repo, info in infos.items():
            heard[(endpoint, repo)] = (when, info)


def _parse(chunk: list[str], body: bytes | None) -> dict[str, RepoInfo | None]:
    try:
        payload = json.loads(body) if body is not None else None
    except (ValueError, UnicodeError):
        payload = None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        return {}
    data = payload["data"]
    missing = {
        str(path[0]) for error in payload.get("errors") or [] if isinstance(error, dict)
        and error.get("type") == "NOT_FOUND" and (path := error.get("path")) and isinstance(path, list)
    }
    out: dict[str, RepoInfo | None] = {}
    for n, repo in enumerate(chunk):
        item = data.get(f"r{n}")
        if isinstance(item, dict) and isinstance(item.get("nameWithOwner"), str):
            out[repo] = RepoInfo(item["nameWithOwner"], bool(item.get("isArchived")), _when(item.get("pushedAt")))
        elif f"r{n}" in missing:
            out[repo] = None
    return out


def _when(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
