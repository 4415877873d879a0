"""entry-format for paper lists (dispatched from rules/entry_format.py)."""
from __future__ import annotations


def check(rule, doc, ctx):
    return iter(())
