"""entry-format: each entry has the canonical shape of its list family."""
from __future__ import annotations

from dataclasses import dataclass, field

from awesome_lint.rule import Rule, option



class EntryFormat(Rule):
    name = "entry-format"
    aliases = ("awesome-list-item", "list-item", "no-repeat-item-in-description",
               "unordered-list-marker-style", "list-item-indent", "list-item-bullet-indent")
    summary = "Entries follow the shape and style the list has established (paper block or classic list item)"
    tags = ("entries", "style")
    fixable = True

    @dataclass
    class Options:
        # papers: line break at the end of each entry line: "auto" (what most entries
        # use), "backslash" (` \`), "br" (`<br>`), "spaces" (two trailing spaces)
        line_break: str = option("auto", choices=("auto", "backslash", "br", "spaces"))
        # papers: link label spellings, lower-case alias -> label; merged over the defaults
        labels: dict[str, str] = field(default_factory=dict)
        # papers: "auto" keeps the majority spelling of each label in the list;
        # "canonical" always uses the alias map
        label_style: str = option("auto", choices=("auto", "canonical"))
        # papers: require an authors line and a date/venue line
        require_authors: bool = True
        require_date: bool = True
        # classic: the list bullet, "-", "*", "+", or "auto": the one the list has
        # established (see `awesome-lint conventions`; `conventions: {bullet: ...}` pins it too)
        bullet: str = option("auto", choices=("auto", "-", "*", "+", "consistent"))
        # classic: an item may be a bare link with no description
        allow_link_only: bool = True
        # classic: lower-case words a description may start with (default: npm, webpack, ...)
        allowed_words: list[str] = field(default_factory=list)

    def check(self, doc, ctx):
        # a list may hold paper sections and classic ones: each half checks its own entries
        if "papers" in doc.families or doc.family == "papers":
            from awesome_lint.rules import _paper_entry

            yield from _paper_entry.check(self, doc, ctx)
        if "awesome" in doc.families:
            from awesome_lint.rules import _classic_entry

            yield from _classic_entry.check(self, doc, ctx)
