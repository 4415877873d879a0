"""sort-order (being written)."""
from awesome_lint.rule import Rule


class SortOrder(Rule):
    name = "sort-order"
    summary = "sort-order"

    def check(self, doc, ctx):
        return iter(())
