"""Soft 404s and login walls, against real servers on 127.0.0.1."""
from __future__ import annotations

from test_linkcheck_support import Site, fast, page, status

from awesome_lint.linkcheck import Stats, check_urls
from awesome_lint.linkcheck.content import headings, login_page, says_not_found


def content(**changes):
    return fast(content_checks=True, **changes)


def probes(site):
    return [p for m, p, h in site.requests if "/awesome-lint-" in p]


def test_a_200_page_saying_not_found_is_a_soft_404_on_a_host_that_answers_200_for_anything():
    routes = {"*": page("Page not found"), "/docs/real": page("Real documentation")}
    with Site(routes) as soft:
        urls = [soft.url("/docs/gone"), soft.url("/docs/real"), soft.url("/docs/also-gone")]
        results = check_urls(urls, content())
    assert results[soft.url("/docs/gone")].verdict == "soft404"
    assert results[soft.url("/docs/also-gone")].verdict == "soft404"
    assert "not found" in results[soft.url("/docs/gone")].reason
    assert results[soft.url("/docs/real")].verdict == "ok"
    assert len(probes(soft)) == 1 and probes(soft)[0].startswith("/docs/awesome-lint-")


def test_pages_titled_not_found_are_believed_where_the_host_has_real_404s():
    routes = {"/blog/404-pages": page("404 pages done right"), "/blog/other": page("Other")}
    with Site(routes) as real:
        stats = Stats()
        results = check_urls([real.url("/blog/404-pages"), real.url("/blog/other")], content(), stats=stats)
    assert {r.verdict for r in results.values()} == {"ok"}
    assert len(probes(real)) == 1  # one probe per host, whatever the number of pages
    assert stats.requests == 3


def test_redirects_to_a_sign_in_page_and_401s_are_login_walls():
    routes = {
        "/private": status(302, Location="/login?next=/private"),
        "/team": status(302, Location="/users/sign_in"),
        "/login": page("Sign in"),
        "/users/sign_in": page("Sign in"),
        "/members": status(401),
        "/open": page("Welcome"),
    }
    with Site(routes) as site:
        urls = [site.url(p) for p in ("/private", "/team", "/members", "/login", "/open")]
        results = check_urls(urls, content())
    assert results[site.url("/private")].verdict == "login"
    assert results[site.url("/private")].final_url == site.url("/login?next=/private")
    assert results[site.url("/team")].verdict == "login"
    assert results[site.url("/members")].verdict == "login"
    assert results[site.url("/login")].verdict == "ok"  # a link to the sign-in page itself
    assert results[site.url("/open")].verdict == "ok"
    # where a redirect points says it all: the sign-in pages behind /private and /team are not asked for
    asked = [p for m, p, h in site.requests if not p.startswith("/awesome-lint-")]  # less the soft-404 probe
    assert sorted(p for p in asked if p not in ("/login", "/open", "/members")) == ["/private", "/team"]


def test_content_checks_can_be_turned_off():
    with Site({"*": page("Not Found"), "/r": status(302, Location="/login")}) as site:
        results = check_urls([site.url("/x"), site.url("/r")], fast(content_checks=False))
    assert {r.verdict for r in results.values()} == {"ok"}
    assert probes(site) == []


def test_headings_and_login_addresses():
    body = b"<html><head><title>\n  Oops &amp; Error 404 </title></head><h1 class=x>Can&#39;t <b>find</b> it</h1>"
    assert headings(body) == ["Oops & Error 404", "Can't find it"]
    assert says_not_found(body)
    assert not says_not_found(b"<title>Foundations of Machine Learning</title><h1>Found it</h1>")
    assert says_not_found(b"<title>This page doesn't exist</title>")
    assert login_page("https://example.org/login?next=/x")
    assert login_page("https://accounts.example.org/ServiceLogin")
    assert login_page("https://gitlab.example.org/users/sign_in")
    assert not login_page("https://example.org/blog/logins-explained")
    assert not login_page("https://example.org/author/authors")
