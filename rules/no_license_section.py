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
    # the Awesome index's guideline: many lists keep a licence or CI badge on purpose
    default_enabled = False
    presets = ("awesome",)

    def check(self, doc, ctx):
        sections = {s.heading: s for s in doc.sections[1:]}
        for heading in doc.headings:
            # a category of licensing tools holds entries; the list's own licence is prose
            if _TITLE.match(heading.text) and not _holds_entries(sections[heading]):
                yield self.diagnostic(
                    f"remove the '{heading.text}' section and keep the licence in a LICENSE file",
                    heading.start, heading.end,
                )


def _holds_entries(section) -> bool:
    return bool(section.entries) or any(_holds_entries(child) for child in section.children)
