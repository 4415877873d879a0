"""Where a list's own header ends, for the rules about the list itself (not its entries)."""
from __future__ import annotations


def header_end(doc) -> int:
    """The line where the list proper starts: its first heading below the title."""
    for heading in doc.headings:
        if heading.level >= 2:
            return heading.line
    return len(doc.lines)
