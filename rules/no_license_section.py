"""no-license-section: the licence belongs in a LICENSE file, not in the list."""
from __future__ import annotations

import re

from awesome_lint.rule import Rule

# "License", "Licence", "Licensing", with emoji or punctuation around it
_TITLE = re.compile(r"^\W*licen[cs](?:e|ing)\W*$", re.I)


class NoLicenseSection(Rule):
    name = "no-license-section"
    aliases = ("awesome-license", "remark-lint:awesome-license")
    summary = "No License section: GitHub shows the LICENSE file's licence at the top of the repository"
    tags = ("structure",)
    families = ("awesome",)
    scope = "document"

    def check(self, doc, ctx):
        for heading in doc.headings:
            if _TITLE.match(heading.text):
                yield self.diagnostic(
                    f"remove the '{heading.text}' section and keep the licence in a LICENSE file",
                    heading.start, heading.end,
                )
