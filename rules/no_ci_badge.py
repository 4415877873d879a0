"""no-ci-badge: a list is not software; a build badge tells readers nothing."""
from __future__ import annotations

import re

from awesome_lint.rule import Rule

from ._header import header_end

# Build-status images of the common CI services, GitHub Actions included.
_CI_URL = re.compile(
    r"travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|/actions/workflows/[^/]+/badge\.svg"
    r"|/workflows/[^/]+/badge\.svg|gitlab\.com/.+/(?:pipeline|build)\.svg|drone\.io/.+\.svg"
    r"|dev\.azure\.com/.+/_apis/build/status|semaphoreci\.com/api/.+/badge|img\.shields\.io/(?:github/)?(?:actions|workflow|travis|circleci)/",
    re.I,
)
_CI_TEXT = re.compile(r"\bbuild(?:ing)?\s+status\b|\btravis\b|\bcircleci\b|\bCI\b", re.I)


class NoCiBadge(Rule):
    name = "no-ci-badge"
    aliases = ("awesome-no-ci-badge", "remark-lint:awesome-no-ci-badge")
    summary = "No CI / build-status badge in the list"
    tags = ("badges",)
    families = ("awesome",)
    # the Awesome index's guideline: many lists keep a licence or CI badge on purpose
    default_enabled = False
    presets = ("awesome",)

    def check(self, doc, ctx):
        # only the list's own header: the listed projects' build badges are theirs
        end = header_end(doc)
        first_entry = min((e.start_line for e in doc.entries), default=end)
        for link in doc.links:
            if not link.image or link.line >= min(end, first_entry):
                continue
            if _CI_URL.search(link.url) or (link.text and _CI_TEXT.search(link.text)):
                yield self.diagnostic(
                    "remove the CI badge: a list has no build; check links with a scheduled job instead",
                    link.start, link.end,
                )
