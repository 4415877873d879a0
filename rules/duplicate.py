"""duplicate: the same paper or link listed twice; one URL under two titles."""
from __future__ import annotations

import bisect
import fnmatch
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from awesome_lint.rule import WARNING, Related, Rule

_ARXIV = re.compile(r"^/(?:abs|pdf|html)/(?P<id>(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(?:v\d+)?(?:\.pdf)?/?$", re.I)
_TITLE_NOISE = re.compile(r"[\W_]+")
# this many entries listed under more than one topic make cross-listing a
# classic list's own convention
CROSS_LISTED = 3


def _split(url: str):
    """The parts of a URL, or None when it has none (a stray bracket in the host)."""
    try:
        return urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return None


def normalise_url(url: str) -> str:
    """One spelling per destination: no scheme, ``www.``, fragment or trailing slash;
    arXiv abstracts and PDFs become the arXiv id, GitHub repositories ignore case."""
    url = url.strip()
    parts = _split(url)
    if parts is None:  # no parts to compare, only the spelling
        return url.lower()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path
    if host in ("arxiv.org", "export.arxiv.org"):
        m = _ARXIV.match(path)
        if m:
            return "arxiv:" + m.group("id").lower()
    if host == "github.com":
        segments = [s for s in path.split("/") if s]
        if len(segments) >= 2:
            segments[1] = segments[1].removesuffix(".git")
            if len(segments) == 2:
                part = "#" + parts.fragment if parts.fragment and parts.fragment.lower() != "readme" else ""
                return "github:" + "/".join(segments).lower() + part  # #survey and #data-source: two places
            path = "/" + "/".join(segments[:2]).lower() + "/" + "/".join(segments[2:])
    path = path.rstrip("/")
    query = "?" + parts.query if parts.query else ""
    # a fragment names another part of one page (#c and #cpp of one books page)
    fragment = "#" + parts.fragment if parts.fragment and parts.fragment.lower() != "readme" else ""
    return f"{host}{path}{query}{fragment}"


def normalise_title(title: str) -> str:
    return _TITLE_NOISE.sub(" ", title.lower()).strip()


class Duplicate(Rule):
    name = "duplicate"
    aliases = ("double-link",)
    summary = "The same entry (normalised URL or title) appears only once in the list"
    tags = ("entries", "links")

    @dataclass
    class Options:
        # the same entry may be listed once in each of several sections (classic
        # lists that cross-list repeatedly are let be anyway; see conventions)
        allow_cross_section: bool = False
        # URL patterns (shell-style, matched against the URL as written) that may repeat
        allow: list[str] = field(default_factory=list)

    def check(self, doc, ctx):
        found = list(self._copies(doc))
        # Classic lists often list a project under each topic it fits: where the
        # list does so again and again, that is its convention, not a defect.
        crossed = {id(e) for e, first, same in found if same and first.section is not e.section}
        cross_ok = self.options.allow_cross_section or (
            doc.family != "papers" and len(crossed) >= CROSS_LISTED
            and doc.conventions.pins.get("cross-listing") != "reported")
        if doc.conventions.pins.get("cross-listing") == "allowed":
            cross_ok = True
        for entry, first, same in found:
            if first.section is not entry.section and cross_ok:
                continue
            yield self._report(doc, entry, first, same, entry.primary_url)

    def _copies(self, doc):
        """(entry, the first entry it repeats, same title?) for every repeated entry."""
        by_url: dict[str, object] = {}
        by_title: dict[str, object] = {}
        bare = [link for link in doc.links if link.bare]
        starts = [link.start for link in bare]
        for entry in doc.entries:
            url = entry.primary_url
            if url is None:  # an entry whose only link is a URL in its text, which GitHub links
                at = bisect.bisect_left(starts, entry.start)
                if at < len(bare) and bare[at].start < entry.end:
                    url = bare[at].url
            if entry.kind == "item" and entry.parent is not None and not url:
                continue
            url_key = normalise_url(url) if url and not self._allowed(url) else None
            papers = entry.kind == "paper"
            title_key = normalise_title(entry.title) if papers and entry.title else None
            first = by_title.get(title_key) if title_key else None
            same_title = first is not None
            if first is None and url_key:
                first = by_url.get(url_key)
            if first is not None:
                same = same_title or normalise_title(first.title) == normalise_title(entry.title)
                # two things on one site's home page (one vendor's apps) are not a wrong link,
                # nor a tool named after a paper (a classic item) that links to the paper
                if same or first.kind == entry.kind:
                    yield entry, first, same
            if url_key:
                by_url.setdefault(url_key, entry)
            if title_key:
                by_title.setdefault(title_key, entry)

    def _allowed(self, url: str) -> bool:
        return any(fnmatch.fnmatchcase(url, pattern) for pattern in self.options.allow)

    def _report(self, doc, entry, first, same, url):
        line = first.start_line + 1
        where = entry.headline(doc)
        severity = None
        if same:
            message = f"'{entry.title}' is listed twice; first at line {line}"
            if first.section is not entry.section:
                if first.section.heading is not None:
                    message += f" (section '{first.section.title}')"
                # Listing an entry under two topics is often deliberate: worth
                # a look, not a failed build (allow-cross-section silences it).
                severity = WARNING
        else:
            message = (f"one URL under two titles: '{entry.title}' links to {url}, as '{first.title}' "
                       f"does at line {line}; one of the two links is probably wrong")
        return self.diagnostic(message, *where, severity=severity,
                               related=(Related("first listed here", *first.headline(doc)),))
