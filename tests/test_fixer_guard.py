"""The fix loop's guard (README: a fix that would lose a URL or an entry title
is reverted and reported, never written): the entry-title half."""
from __future__ import annotations

from awesome_lint.engine.fixer import fix_loop
from awesome_lint.model.document import Document
from awesome_lint.rule import Diagnostic, Fix

TEXT = "# T\n\n## Tools\n\n- [Alpha](https://a.example) - First.\n- [Beta](https://b.example) - Second.\n"


def check_with(rule):
    def check(text):
        doc = Document(text, preset="awesome")
        return doc, list(rule(doc))
    return check


def test_a_fix_that_renames_an_entry_is_reverted():
    def rule(doc):
        for entry in doc.entries:
            if entry.title == "Beta":
                name = entry.fields["name"]
                yield Diagnostic("r", "rename", name.start, name.end,
                                 fix=Fix.replace(name.start, name.end, "Gamma"))
            desc = entry.fields["description"]
            if desc.text == "First.":
                yield Diagnostic("r", "reword", desc.start, desc.end,
                                 fix=Fix.replace(desc.start, desc.end, "The first."))
    outcome = fix_loop(TEXT, check_with(rule), unsafe=False)
    assert outcome.text == TEXT.replace("First.", "The first.")
    assert [(why, line, col) for _, why, line, col in outcome.reverted] == [("would lose 'Beta'", 6, 4)]
