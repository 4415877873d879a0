"""awesome-badge: the list shows the Awesome badge at its top."""
from __future__ import annotations

import re
from dataclasses import dataclass

from awesome_lint.rule import Fix, Rule, UNSAFE, WARNING

from ._header import header_end

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
# The badge image: awesome.re's, or the copy in sindresorhus/awesome's media folder.
_BADGE_SRC = re.compile(r"awesome\.re/badge|sindresorhus/awesome[@/][^\s\"')]*badge[^\s\"')]*\.svg", re.I)
# A badge may be any image that links to the Awesome index.
_INDEX = re.compile(r"^https?://(?:www\.)?(?:awesome\.re|github\.com/sindresorhus/awesome)(?:[/#?]|$)", re.I)
_HTML_BADGE = re.compile(
    r"<a\s[^>]*href=[\"']?(?P<href>[^\"'\s>]+)[^>]*>\s*<img\s[^>]*src=[\"']?(?P<src>[^\"'\s>]+)"
    r"|<img\s[^>]*src=[\"']?(?P<img>[^\"'\s>]+)", re.I)
_HTML_INDEX_LINK = re.compile(r"<a\s[^>]*href=[\"']?https?://awesome\.re/?[\"'\s>]", re.I)
_DEAD_HOST = re.compile(r"^https?://cdn\.rawgit\.com/", re.I)


class AwesomeBadge(Rule):
    name = "awesome-badge"
    aliases = ("remark-lint:awesome-badge",)
    summary = "The Awesome badge loads (not from the dead rawgit CDN); with preset awesome, it is at the top"
    tags = ("structure",)
    fixable = True
    families = ("awesome",)
    default_severity = WARNING  # the list itself reads fine without it

    @dataclass
    class Options:
        pass

    def check(self, doc, ctx):
        end = header_end(doc)
        found = None
        for link in doc.links:
            if link.line >= end or not link.image:
                continue
            outer = next((l for l in doc.links if not l.image and l.start <= link.start < l.end), None)
            if _BADGE_SRC.search(link.url) or (outer is not None and _INDEX.match(outer.url)):
                found = link
                break
        if found is None:
            header = doc.text[:doc.line_starts[end] if end < len(doc.lines) else len(doc.text)]
            for m in _HTML_BADGE.finditer(header):
                src = m.group("src") or m.group("img")
                if _BADGE_SRC.search(src) or (m.group("href") and _INDEX.match(m.group("href"))):
                    return
            if _HTML_INDEX_LINK.search(header):
                return  # the Awesome index itself links its home from its header
            if doc.style == "awesome":  # a badge is asked of lists submitted to the index only
                yield from self._missing(doc)
            return
        if _DEAD_HOST.match(found.url):
            yield self.diagnostic(
                "the badge image is served by cdn.rawgit.com, which has shut down: use https://awesome.re/badge.svg",
                found.start, found.end, severity=WARNING,
            )

    def _missing(self, doc):
        title = next((h for h in doc.headings if h.level == 1), None)
        if title is None:
            yield self.diagnostic("missing the Awesome badge at the top of the list", 0, 0)
            return
        fix = Fix.replace(title.end, title.end, " " + BADGE, "add the Awesome badge to the main heading", UNSAFE)
        yield self.diagnostic("missing the Awesome badge after the main heading", title.start, title.end, fix)
