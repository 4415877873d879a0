"""Sections a list keeps beside its entries: where its table of contents is (shared
by the rules that treat its links differently: toc repairs them, local-link leaves
them to toc), and the news it gives of itself."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = re.compile(r"^\W*(table of contents|contents|toc|index|categories)\W*$", re.I)


def titled(text: str) -> bool:
    """Whether a heading is titled like a table of contents."""
    return bool(_TITLE.match(text))


# a heading that announces what happened to the list or its authors: what is
# under it is news ("[2024.10.23] **Title** is accepted by ..."), not entries
_NEWS = re.compile(r"(?:(?:main|latest|recent|our|list|repo) )*"  # (``Main Recent Update Note``)
                   r"(?:news|updates?|update log|change ?log|announcements?|what ?s new|release notes?)"
                   r"(?: notes?| history)?(?: (?:and )?(?:news|updates?))?")  # (after punctuation, '&' included, is gone)
_NOT_LETTERS = re.compile(r"[^a-z]+")


def news(section) -> bool:
    """Whether a section (or one it is in) gives the list's news."""
    return any(_NEWS.fullmatch(_NOT_LETTERS.sub(" ", s.title.lower()).strip()) for s in section.lineage())


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
        # (a paragraph of its own inside an item, "   8.1 [Pretraining](#81-pretraining)", is one of its lines too)
        items = [b for b in doc.blocks if heading.line < b.start_line < end
                 and (b.kind == "list_item" or b.kind == "paragraph" and b.list_depth)]
        if any(doc.in_page(link.url) for block in items for link in block.links):
            return Contents(heading, items, heading.line + 1, end)
    return None
