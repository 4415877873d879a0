"""What GitHub says about repositories: found, renamed, archived, last push (GraphQL, 100 per query)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .batch import BATCH, graphql_query
from .model import CheckOptions, Stats


@dataclass(frozen=True)
class RepoInfo:
    name: str  # "owner/name" as GitHub has it now
    archived: bool
    pushed_at: datetime | None


def lookup_repos(repos: list[str], options: CheckOptions) -> dict[str, RepoInfo | None]:
    """{asked "owner/name" (lower case): its info, or None when GitHub says it does not exist}.

    A repository whose answer was unclear (a failed query, an error other than
    NOT_FOUND) is left out: nothing can be said about it.
    """
    from .client import Checker  # requests only when really asked

    unique = list(dict.fromkeys(r.lower() for r in repos))
    found: dict[str, RepoInfo | None] = {}
    checker = Checker(options, Stats())
    try:
        for start in range(0, len(unique), BATCH):
            chunk = unique[start:start + BATCH]
            body = checker.post_graphql(options.github_graphql or "", graphql_query(chunk))
            found.update(_parse(chunk, body))
    finally:
        checker.close()
    return found


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
