"""duplicate (being written)."""
from awesome_lint.rule import Rule


class Duplicate(Rule):
    name = "duplicate"
    summary = "duplicate"

    def check(self, doc, ctx):
        return iter(())
