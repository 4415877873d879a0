"""arxiv-date (being written)."""
from awesome_lint.rule import Rule


class ArxivDate(Rule):
    name = "arxiv-date"
    summary = "arxiv-date"

    def check(self, doc, ctx):
        return iter(())
