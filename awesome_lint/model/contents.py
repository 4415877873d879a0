"""Where a list's table of contents is: shared by the rules that treat its
links differently (toc repairs them, local-link leaves them to toc)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = re.compile(r"^\W*(table of contents|contents|toc|index|categories)\W*$", re.I)


def titled(text: str) -> bool:
    """Whether a heading is titled like a table of contents."""
    return bool(_TITLE.match(text))


@dataclass(eq=False)
class Contents:
    heading: object  # the Heading above the list
    items: list  # its list-item Blocks
    first_line: int  # 0-based, the line after the heading
    end_line: int  # exclusive: the next heading's line

    def holds(self, line: int) -> bool:
        return self.first_line <= line < self.end_line


def find(doc) -> Contents | None:
    """The first heading titled like a table of contents whose list links to anchors."""
    for index, heading in enumerate(doc.headings):
        if not _TITLE.match(heading.text):
            continue
        end = doc.headings[index + 1].line if index + 1 < len(doc.headings) else len(doc.lines)
        items = [b for b in doc.blocks if heading.line < b.start_line < end and b.kind == "list_item"]
        if any(doc.in_page(link.url) for block in items for link in block.links):
            return Contents(heading, items, heading.line + 1, end)
    return None
