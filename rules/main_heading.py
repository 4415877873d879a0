"""main-heading: one top-level heading, the list's title, before anything else."""
from __future__ import annotations

import re

from awesome_lint.rule import Fix, Rule, UNSAFE, WARNING

# A title drawn in HTML (a logo in a centred block) stands for the heading, and so does
# a logo in markdown on the list's first line (``[![Logo](/logo.png)](https://site)``).
_HTML_TITLE = re.compile(r"<h1\b|<img\b", re.I)
_LOGO = re.compile(r"[ \t]*\[?!\[")


class MainHeading(Rule):
    name = "main-heading"
    aliases = ("awesome-heading", "remark-lint:awesome-heading", "no-multiple-toplevel-headings")
    summary = "The list has one top-level heading, its title, at the top"
    tags = ("structure", "headings")
    fixable = True
    families = ("awesome",)
    scope = "document"

    def check(self, doc, ctx):
        tops = [h for h in doc.headings if h.level == 1]
        if not tops:
            if _page_of_a_list(ctx):
                return  # ``Culture.md`` beside the list's README: a page of it, titled there
            if not _html_title(doc):
                first = doc.headings[0] if doc.headings else None
                where = (first.start, first.end) if first else (0, 0)
                yield self.diagnostic("missing the main heading: start the list with '# Awesome Name'",
                                      *where, severity=WARNING)
            return
        sections = {s.heading: s for s in doc.sections[1:]}
        if doc.style != "awesome" and (len(tops) > 2 or any(sections[h].children for h in tops[1:])):
            # several `#` headings, or one over `##` sections, are the list's parts: its structure;
            # only a lone stray `#` among `##` sections is a slip
            return
        for extra in tops[1:]:
            hashes = doc.text.index("#", extra.start)
            fix = Fix.replace(hashes, hashes + 1, "##", "make it a second-level heading", UNSAFE)
            yield self.diagnostic(
                f"only the title may be a top-level heading; '{extra.text}' is another", extra.start, extra.end, fix,
            )


def _html_title(doc) -> bool:
    """An HTML block with a heading or logo before the first markdown heading."""
    stop = doc.headings[0].line if doc.headings else len(doc.lines)
    head = "\n".join(doc.lines[n] for n in sorted(doc.code_lines) if n < stop)
    first = next((line for line in doc.lines[:stop] if line.strip()), "")
    return bool(_HTML_TITLE.search(head)) or bool(_LOGO.match(first))


_READMES = ("README.md", "readme.md", "Readme.md", "README.markdown", "README")


def _page_of_a_list(ctx) -> bool:
    """Whether the file is another page of a list whose README sits beside it."""
    if not ctx.path:
        return False
    path = ctx.files.resolve(ctx.path)
    if path.name.lower().startswith("readme"):
        return False
    return any(ctx.files.exists(path.parent / name) for name in _READMES)
