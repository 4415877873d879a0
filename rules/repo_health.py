"""repo-health: linked GitHub repositories are alive, not archived, not renamed, not long untouched.

Network, with --links and a GITHUB_TOKEN (GraphQL, 100 repositories per query).
GitHub's answers are kept in the link verdict cache for `max-age` (a missing
repository for 6 h at most), and shared with dead-link within a run.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from awesome_lint.rule import SAFE, WARNING, Fix, Rule, option

from ._links import cache_file, cache_option, duration, seconds

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(y|mo|w|d)\s*$")
_DAYS = {"y": 365.25, "mo": 30.44, "w": 7, "d": 1}


def age(value: str) -> timedelta:
    match = _AGE.match(str(value))
    if not match:
        raise ValueError(f"repo-health: stale-after must be an age such as 3y, 18mo, 26w or 400d, not {value!r}")
    return timedelta(days=float(match.group(1)) * _DAYS[match.group(2)])


class RepoHealth(Rule):
    name = "repo-health"
    summary = "Linked GitHub repositories exist, are not archived or renamed, and were pushed to lately"
    tags = ("links", "network", "github")
    fixable = True
    network = True

    @dataclass
    class Options:
        stale_after: str = "3y"  # no push for this long is a warning; "0" turns it off
        allow_private: bool = False
        timeout: float = 10.0
        cache: str | None = option(None, check=cache_option)  # None: dead-link's default file; "none": no cache
        max_age: str = option("1d", check=duration)  # how long GitHub's answer about a repository is kept

    def __init__(self, options=None) -> None:
        super().__init__(options)
        self._known: dict = {}  # "owner/name" (lower case) -> info, once per run
        self.stale = age(self.options.stale_after) if str(self.options.stale_after).strip() != "0" else None
        self.max_age = seconds(self.options.max_age, "max-age", self.name)
        self._cache = cache_file(self.options.cache, self.name)

    def check(self, doc, ctx):
        from awesome_lint.linkcheck.batch import github_endpoints, github_repo

        token = os.environ.get("GITHUB_TOKEN")
        if not token:
            return  # GitHub's API needs one; dead-link still checks the pages
        api, graphql, hosts = github_endpoints(os.environ)
        links = [(link, repo) for link in doc.links if not link.image
                 if (repo := github_repo(link.url.strip(), hosts))]
        if ctx.changed_lines is not None:
            links = [(link, repo) for link, repo in links if link.line + 1 in ctx.changed_lines]
        todo = list(dict.fromkeys(repo.lower() for _, repo in links if repo.lower() not in self._known))
        if todo:
            from awesome_lint.linkcheck import CheckOptions
            from awesome_lint.linkcheck.repos import lookup_repos

            options = CheckOptions(github_token=token, github_api=api, github_graphql=graphql, cache=self._cache,
                                   repo_max_age=self.max_age, allow_private=self.options.allow_private,
                                   timeout=self.options.timeout)
            found = lookup_repos(todo, options, heard=ctx.extra.setdefault("github-repositories", {}))
            self._known.update({repo: found.get(repo, "unknown") for repo in todo})
        now = datetime.now(timezone.utc)
        for link, repo in links:
            info = self._known.get(repo.lower(), "unknown")
            if info == "unknown":
                continue  # GitHub's answer was unclear: nothing to say
            if info is None:
                yield self.diagnostic(f"repository {repo} does not exist (deleted, or private)", link.start, link.end)
                continue
            if info.name.lower() != repo.lower():
                yield self._renamed(doc, link, repo, info.name)
            if info.archived:
                yield self.diagnostic(f"repository {info.name} is archived", link.start, link.end, severity=WARNING)
            if self.stale and info.pushed_at and now - info.pushed_at > self.stale:
                yield self.diagnostic(
                    f"repository {info.name} has had no push since {info.pushed_at:%Y-%m-%d}",
                    link.start, link.end, severity=WARNING,
                )

    def _renamed(self, doc, link, repo: str, name: str):
        fix = None
        if link.url_start is not None:  # a reference link's URL is in its definition: no fix here
            raw = doc.text[link.url_start:link.url_end]
            at = raw.find("/" + repo)
            if at >= 0 and link.url.find("/" + repo) >= 0:
                new_raw = raw[:at + 1] + name + raw[at + 1 + len(repo):]
                new_url = link.url.replace("/" + repo, "/" + name, 1)
                fix = Fix.replace(link.url_start, link.url_end, new_raw, f"use {name}", SAFE,
                                  replaces=((link.url, new_url),))
        return self.diagnostic(f"repository {repo} was renamed to {name}", link.start, link.end, fix,
                               severity=WARNING)
