"""Source-aware look-ups: many links settled by one API request.

arXiv: abs/pdf/html links are looked up through the arXiv API, up to 100 ids
per request (`id_list`), one request every 3 s as arXiv asks, instead of one
page request per link.  A paper the API returns is alive; anything else (an id
the API leaves out, an API error, a timeout) is checked on the web as usual,
so an API quirk can never make a link dead.

GitHub (with a token): repository links are looked up through GraphQL, up to
100 repositories per query; a repository found under another name is a
permanent redirect to it.  One the query does not find, or a failed query,
goes the per-link way (REST API, then the page).
"""

from __future__ import annotations

import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from .limits import host_key
from .model import CheckOptions, LinkResult

ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org"}
_ARXIV_PATH = re.compile(
    r"^/(?:abs|pdf|html)/(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z.-]*/\d{7}(?:v\d+)?)(?:\.pdf)?/?$", re.I
)
ATOM = "{http://www.w3.org/2005/Atom}"
BATCH = 100


def arxiv_id(url: str) -> str | None:
    """The paper id an arXiv abs/pdf/html link names, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if (parts.hostname or "").lower() not in ARXIV_HOSTS or parts.query:
        return None
    match = _ARXIV_PATH.match(parts.path)
    return match.group("id") if match else None


def found_ids(feed: bytes) -> set[str] | None:
    """Ids of the papers an Atom feed from the arXiv API lists; None when it is not such a feed."""
    try:
        root = ET.fromstring(feed)
    except ET.ParseError:
        return None
    if root.tag != ATOM + "feed":
        return None
    found = set()
    for entry in root.iter(ATOM + "entry"):
        ident = (entry.findtext(ATOM + "id") or "").strip()
        match = re.search(r"/abs/(.+)$", ident)
        if match:
            found.add(match.group(1))
    return found


def _same_paper(asked: str, found: set[str]) -> bool:
    if asked in found:
        return True
    if re.search(r"v\d+$", asked):
        return False  # a version that was asked for must be there itself
    return any(re.sub(r"v\d+$", "", f) == asked for f in found)


class ArxivLookup:
    """Settles arXiv links in batches on a thread of its own, beside the scheduler."""

    def __init__(self, options: CheckOptions, fetch: Callable[[str], bytes | None]) -> None:
        self.options = options
        self.fetch = fetch  # URL -> body of a 200 answer, or None
        self.interval = options.arxiv_interval
        self.handled: set[str] = set()

    def split(self, urls: list[str]) -> tuple[dict[str, str], list[str]]:
        """({url: id} for the API, the rest)."""
        return _split(urls, arxiv_id if self.options.arxiv_api else None)

    def run(self, ids: dict[str, str], settle: Callable[[LinkResult], None],
            fall_back: Callable[[str], None]) -> None:
        by_id: dict[str, list[str]] = {}
        for url, ident in ids.items():
            by_id.setdefault(ident, []).append(url)
        order = list(by_id)
        last = None
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            if last is not None:
                time.sleep(max(0.0, last + self.interval - time.monotonic()))
            last = time.monotonic()
            query = urlencode({"id_list": ",".join(chunk), "max_results": len(chunk)})
            body = self.fetch(f"{self.options.arxiv_api}?{query}")
            found = found_ids(body) if body is not None else None
            for ident in chunk:
                for url in by_id[ident]:
                    self.handled.add(url)
                    if found is not None and _same_paper(ident, found):
                        settle(LinkResult(url, "ok", 200, "found through the arXiv API"))
                    else:
                        fall_back(url)

    def start(self, ids: dict[str, str], settle, fall_back, done: Callable[[], None]) -> threading.Thread:
        return _beside(self, ids, settle, fall_back, done, "linkcheck-arxiv")


# First path segments on github.com that are not user or organisation names.
GITHUB_RESERVED = {
    "about", "apps", "blog", "codespaces", "collections", "contact", "customer-stories",
    "enterprise", "events", "explore", "features", "issues", "join", "login", "marketplace",
    "new", "notifications", "orgs", "organizations", "pricing", "pulls", "readme", "search",
    "security", "settings", "site", "sponsors", "team", "topics", "trending", "users",
}

def github_repo(url: str, hosts: tuple[str, ...]) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
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


def github_endpoints(environ) -> tuple[str, str, tuple[str, ...]]:
    """(REST API base, GraphQL URL, web hosts) from the environment GitHub Actions sets, never from a config
    file: a pull request may edit the config, and must not send the token to a host of its choosing."""
    from urllib.parse import urlsplit as split

    api = environ.get("GITHUB_API_URL") or "https://api.github.com"
    # on GitHub Enterprise GraphQL is not under the REST base; Actions says where it is
    graphql = environ.get("GITHUB_GRAPHQL_URL") or api.rstrip("/") + "/graphql"
    server = split(environ.get("GITHUB_SERVER_URL") or "https://github.com").netloc.lower()
    return api, graphql, (server, "www." + server)


GITHUB_FIELDS = "nameWithOwner url isArchived pushedAt"


def graphql_query(repos: list[str]) -> dict:
    """A query for up to 100 "owner/name" repositories; names travel as variables, never inside the query."""
    params, fields, variables = [], [], {}
    for n, repo in enumerate(repos):
        owner, name = repo.split("/", 1)
        params += [f"$o{n}: String!", f"$n{n}: String!"]
        fields.append(f"r{n}: repository(owner: $o{n}, name: $n{n}) {{ {GITHUB_FIELDS} }}")
        variables[f"o{n}"], variables[f"n{n}"] = owner, name
    return {"query": f"query({', '.join(params)}) {{ {' '.join(fields)} }}", "variables": variables}


class GithubLookup:
    """Settles github.com repository links with GraphQL queries, beside the scheduler."""

    def __init__(self, options: CheckOptions, infos: Callable[[list[str]], dict],
                 repo_of: Callable[[str], str | None]) -> None:
        self.options = options
        self.infos = infos  # ["owner/name"] -> {lower-case "owner/name": RepoInfo or None}, see repos.py
        self.repo_of = repo_of
        self.handled: set[str] = set()

    def split(self, urls: list[str]) -> tuple[dict[str, str], list[str]]:
        return _split(urls, self.repo_of if self.options.github_token and self.options.github_graphql else None)

    def run(self, repos: dict[str, str], settle: Callable[[LinkResult], None],
            fall_back: Callable[[str], None]) -> None:
        by_repo: dict[str, list[str]] = {}
        for url, repo in repos.items():
            by_repo.setdefault(repo.lower(), []).append(url)
        order = list(by_repo)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            known = self.infos(chunk)
            for key in chunk:
                info = known.get(key)
                for url in by_repo[key]:
                    self.handled.add(url)
                    if info is not None:  # a missing or unclear one: the web decides
                        settle(_verdict(url, repos[url], info.name))
                    else:
                        fall_back(url)

    def start(self, repos: dict[str, str], settle, fall_back, done: Callable[[], None]) -> threading.Thread:
        return _beside(self, repos, settle, fall_back, done, "linkcheck-github")


def _split(urls: list[str], key_of) -> tuple[dict[str, str], list[str]]:
    """({url: what an API knows it by} for the URLs it can settle, the rest)."""
    if key_of is None:
        return {}, urls
    keyed, rest = {}, []
    for url in urls:
        key = key_of(url)
        if key:
            keyed[url] = key
        else:
            rest.append(url)
    return keyed, rest


def _verdict(url: str, asked: str, name: str) -> LinkResult:
    if name.lower() == asked.lower():
        return LinkResult(url, "ok", 200, "found through the GitHub API")
    parts = urlsplit(url)
    moved = parts._replace(path="/" + name).geturl()
    return LinkResult(url, "redirect", 200, f"repository moved to {name}", final_url=moved)


def _beside(lookup, items, settle, fall_back, done, name: str) -> threading.Thread:
    def work() -> None:
        try:
            lookup.run(items, settle, fall_back)
        except Exception:  # a bug here must not lose links: the web decides the rest
            for url in items:
                if url not in lookup.handled:
                    fall_back(url)
        finally:
            done()

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    return thread
