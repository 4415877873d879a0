"""model/contents.py directly: which heading is the table of contents."""
from __future__ import annotations

import pytest

from awesome_lint.model.contents import find
from awesome_lint.model.document import Document


@pytest.mark.parametrize("title", ["Contents", "Table of Contents", "## TOC ##", "Index", "Categories",
                                   "📚 Contents", "table of contents:"])
def test_titles_that_mark_a_table_of_contents(title):
    doc = Document(f"# L\n\n## {title}\n\n- [Tools](#tools)\n\n## Tools\n")
    found = find(doc)
    assert found is not None and found.heading.line == 2
    assert (found.first_line, found.end_line) == (3, 6)
    assert [b.start_line for b in found.items] == [4]
    assert found.holds(4) and found.holds(3) and not found.holds(2) and not found.holds(6)


@pytest.mark.parametrize("text", [
    "# L\n\n## Contents of the box\n\n- [Tools](#tools)\n\n## Tools\n",  # more than the title
    "# L\n\n## Contents\n\n- [Tools](https://t.example)\n\n## Tools\n",  # no anchor links
    "# L\n\n## Contents\n\nSee [Tools](#tools).\n\n## Tools\n",  # a paragraph, not a list
    "# L\n\n## Tools\n\n- [Tools](#tools)\n",  # not titled like a table of contents
])
def test_what_is_not_a_table_of_contents(text):
    assert find(Document(text)) is None


def test_the_first_qualifying_heading_wins_and_the_last_runs_to_the_end():
    doc = Document("# L\n\n## Index\n\nprose\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n")
    found = find(doc)
    assert found.heading.text == "Contents"
    assert (found.first_line, found.end_line) == (7, len(doc.lines))
    assert [b.start_line for b in found.items] == [8, 9]
