"""arXiv links through the arXiv API, against a local stand-in on 127.0.0.1."""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from test_linkcheck_support import Site, fast, status

from awesome_lint.linkcheck import Stats, check_urls
from awesome_lint.linkcheck.batch import arxiv_id, found_ids
from awesome_lint.linkcheck.guard import ResolveError

FEED = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>ArXiv Query</title>{entries}</feed>")
ENTRY = "<entry><id>http://arxiv.org/abs/{id}</id><title>Paper {id}</title></entry>"


def loopback_only(host, port):
    if host == "127.0.0.1":
        return ["127.0.0.1"]
    raise ResolveError("DNS lookup failed", permanent=True)


class ArxivSite(Site):
    """A stand-in for the arXiv API that knows `papers` (id -> id with its latest version)."""

    def __init__(self, papers, broken=False):
        super().__init__({"/abs/known-on-the-web": status(200)})
        self.papers = papers
        self.broken = broken
        self.routes["/api/query"] = self._answer

    def _answer(self, method, tries):
        query = parse_qs(urlsplit(self.current.path).query)
        if self.broken:
            return (503, {})
        asked = query["id_list"][0].split(",")
        entries = "".join(ENTRY.format(id=self.papers[a.split("v")[0]]) for a in asked
                          if a.split("v")[0] in self.papers)
        return (200, {"Content-Type": "application/atom+xml"}, FEED.format(entries=entries).encode())


def arxiv_options(api, **changes):
    return fast(arxiv_api=api.url("/api/query"), **changes)


def test_ids_of_arxiv_links():
    assert arxiv_id("https://arxiv.org/abs/2101.00001") == "2101.00001"
    assert arxiv_id("http://arxiv.org/pdf/2101.00001v2.pdf") == "2101.00001v2"
    assert arxiv_id("https://export.arxiv.org/abs/hep-th/9901001") == "hep-th/9901001"
    assert arxiv_id("https://arxiv.org/list/cs.CL/recent") is None
    assert arxiv_id("https://example.org/abs/2101.00001") is None
    assert found_ids(b"not xml") is None
    assert found_ids(FEED.format(entries=ENTRY.format(id="2101.00001v3")).encode()) == {"2101.00001v3"}


def test_a_hundred_arxiv_links_cost_one_request_and_batches_are_three_seconds_apart():
    papers = {f"2101.{n:05d}": f"2101.{n:05d}v1" for n in range(150)}
    with ArxivSite(papers) as api:
        urls = [f"https://arxiv.org/abs/2101.{n:05d}" for n in range(150)]
        stats = Stats()
        results = check_urls(urls, arxiv_options(api), stats=stats)
    assert {r.verdict for r in results.values()} == {"ok"}
    calls = [(p, t) for (m, p, h), t in zip(api.requests, api.starts) if p.startswith("/api/query")]
    assert len(calls) == 2 and stats.requests == 2
    first = parse_qs(urlsplit(calls[0][0]).query)["id_list"][0].split(",")
    assert len(first) == 100
    assert calls[1][1] - calls[0][1] >= 2.95


def test_ids_the_api_does_not_return_are_checked_on_the_web():
    with ArxivSite({"2101.00001": "2101.00001v2"}) as api:
        web = api.url("/abs/known-on-the-web")
        urls = ["https://arxiv.org/abs/2101.00001", "https://arxiv.org/pdf/2101.00001v2.pdf",
                "https://arxiv.org/abs/2101.00001v9"]
        results = check_urls(urls + [web], arxiv_options(api, resolve=loopback_only))
    assert results[urls[0]].verdict == "ok" and results[urls[1]].verdict == "ok"
    # v9 was not in the feed: the web decides (here arxiv.org does not resolve: dead by DNS, not by the API)
    assert results[urls[2]].reason == "DNS lookup failed"
    assert results[web].verdict == "ok"


def test_an_api_failure_falls_back_to_the_web():
    with ArxivSite({}, broken=True) as api:
        url = api.url("/abs/known-on-the-web")
        results = check_urls(["https://arxiv.org/abs/2101.00001", url], arxiv_options(
            api, resolve=lambda h, p: ["127.0.0.1"] if h == "127.0.0.1" else ["10.0.0.1"], allow_private=False,
            allow_networks=("127.0.0.1/32",)))
    assert results["https://arxiv.org/abs/2101.00001"].verdict == "unverified"  # the web, refused by the guard
    assert "private address" in results["https://arxiv.org/abs/2101.00001"].reason
    assert results[url].verdict == "ok"


class GraphqlSite(Site):
    """A stand-in for GitHub's GraphQL endpoint: `repos` maps "owner/name" (lower case) to its current name."""

    def __init__(self, repos):
        super().__init__()
        self.repos = repos
        self.routes["/graphql"] = self._answer

    def _answer(self, method, tries):
        payload = json.loads(self.current.body)
        variables = payload["variables"]
        data = {}
        for n in range(len(variables) // 2):
            key = f"{variables[f'o{n}']}/{variables[f'n{n}']}".lower()
            name = self.repos.get(key)
            data[f"r{n}"] = {"nameWithOwner": name, "url": "", "isArchived": False, "pushedAt": None} if name else None
            assert f"r{n}: repository(owner: $o{n}, name: $n{n})" in payload["query"]
        return (200, {"Content-Type": "application/json"}, json.dumps({"data": data}).encode())


def github(api, web, **changes):
    return fast(github_token="sekrit", github_api=api.base, github_graphql=api.url("/graphql"),
                github_hosts=(web.host,), **changes)


def test_github_repositories_are_looked_up_a_hundred_per_query():
    repos = {f"octo/r{n}": f"octo/r{n}" for n in range(150)}
    repos["old/name"] = "new/name"
    with GraphqlSite(repos) as api, Site({"/gone/repo": status(404)}) as web:
        urls = [web.url(f"/octo/r{n}") for n in range(150)] + [web.url("/old/name"), web.url("/gone/repo")]
        results = check_urls(urls, github(api, web))
    assert all(results[web.url(f"/octo/r{n}")].verdict == "ok" for n in range(150))
    moved = results[web.url("/old/name")]
    assert (moved.verdict, moved.final_url) == ("redirect", web.url("/new/name"))
    assert results[web.url("/gone/repo")].verdict == "dead"  # not found by the query: REST, then the page
    posts = [p for m, p, h in api.requests if m == "POST"]
    assert posts == ["/graphql", "/graphql"]
    assert all(h.get("Authorization") == "Bearer sekrit" for m, p, h in api.requests)
    assert [p for m, p, h in web.requests if "/awesome-lint-" not in p] == ["/gone/repo", "/gone/repo"]
    assert all("Authorization" not in h for m, p, h in web.requests)


def test_a_graphql_endpoint_off_the_api_origin_gets_no_token():
    with GraphqlSite({"octo/cat": "octo/cat"}) as elsewhere, Site({"/repos/octo/cat": status(404)}) as api, \
         Site({"/octo/cat": status(200)}) as web:
        options = fast(github_token="sekrit", github_api=api.base, github_graphql=elsewhere.url("/graphql"),
                       github_hosts=(web.host,))
        result = check_urls([web.url("/octo/cat")], options)[web.url("/octo/cat")]
    assert elsewhere.requests == []
    assert result.verdict == "ok"
