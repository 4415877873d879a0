"""contributing: a list next to its README has contribution guidelines."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from awesome_lint.rule import WARNING, Rule

PLACES = ["", ".github", "docs"]


class Contributing(Rule):
    name = "contributing"
    aliases = ("awesome-contributing", "remark-lint:awesome-contributing")
    summary = "A non-empty contributing.md sits beside the README (or in .github/ or docs/)"
    tags = ("repository",)
    families = ("awesome", "papers")
    default_severity = WARNING  # the list itself reads fine without it

    @dataclass
    class Options:
        # file names accepted, compared case-insensitively
        names: list[str] = field(default_factory=lambda: ["contributing.md", "contributing", "contributing.rst"])

    def check(self, doc, ctx):
        # Only a README is a repository's list; a list saved under another
        # name (an export, a copy) has no repository to look in.
        if not ctx.path or not Path(ctx.path).name.lower().startswith("readme"):
            return
        files = ctx.files
        folder = files.resolve(ctx.path).parent
        wanted = {n.lower() for n in self.options.names}
        for place in PLACES:
            where = folder / place
            if not files.is_dir(where):
                continue
            for name in files.listdir(where):
                candidate = where / name
                if name.lower() in wanted and files.is_file(candidate):
                    if (files.read_text(candidate) or "").strip():
                        return
                    yield self.diagnostic(f"{candidate.relative_to(folder)} is empty", 0, 0)
                    return
        yield self.diagnostic("missing contributing.md beside the README (or in .github/ or docs/)", 0, 0)
