"""Paper entries: ``**Title** \\`` / ``*Authors* \\`` / ``[date] [venue] \\`` / links."""
from __future__ import annotations

import re

from .model import Block, Entry, Field

_TITLE_LINE = re.compile(r"[ \t]*\[?\*\*")
_TITLE = re.compile(r"\*\*(?P<t>.+?)\*\*")
_AUTHORS = re.compile(r"[ \t]*(?P<m>[*_])(?!\1)(?P<a>.+?)(?P=m)")
_BRACKET = re.compile(r"\[(?P<b>[^\[\]]*)\]")
# a line break at the end of an entry line: ` \`, `\`, `<br>`, or two spaces
BREAK = re.compile(r"(?:[ \t]*\\|[ \t]*<br\s*/?>|[ \t]{2,})[ \t]*$", re.I)


def looks_like_paper(doc, block: Block) -> bool:
    if block.kind != "paragraph" or block.in_blockquote or block.list_depth:
        return False
    if block.end_line - block.start_line < 2:
        return False
    return bool(_TITLE_LINE.match(doc.lines[block.start_line]))


def _section_at(doc, line: int):
    best = doc.root
    for section in doc.sections[1:]:
        if section.start_line <= line:
            best = section
        else:
            break
    return best


def build_entries(doc) -> list[Entry]:
    entries: list[Entry] = []
    for block in doc.blocks:
        if not looks_like_paper(doc, block):
            continue
        starts = [
            n for n in range(block.start_line, block.end_line)
            if n == block.start_line or _TITLE_LINE.match(doc.lines[n])
        ]
        bounds = list(zip(starts, starts[1:] + [block.end_line]))
        section = _section_at(doc, block.start_line)
        for first, last in bounds:
            entries.append(_entry(doc, block, section, first, last))
    return entries


def _entry(doc, block: Block, section, first: int, last: int) -> Entry:
    start = doc.line_starts[first]
    end = doc.line_end(last - 1)
    links = [link for link in block.links if start <= link.start < end]
    fields: dict[str, Field] = {}
    title_line = doc.lines[first]
    base = doc.line_starts[first]
    title_match = _TITLE.search(title_line)
    title = ""
    if title_match:
        title = title_match.group("t").strip()
        fields["title"] = Field(base + title_match.start("t"), base + title_match.end("t"), title)
    for n in range(first + 1, last):
        line = doc.lines[n]
        base = doc.line_starts[n]
        body = BREAK.sub("", line)
        if "authors" not in fields and (m := _AUTHORS.match(body)):
            fields["authors"] = Field(base + m.start("a"), base + m.end("a"), m.group("a"))
            continue
        stripped = body.strip()
        if "date" not in fields and stripped.startswith("[") and not stripped.startswith("[["):
            brackets = [m for m in _BRACKET.finditer(body) if "](" not in body[m.end() - 1:m.end() + 1]]
            names = ("date", "venue")
            for name, m in zip(names, brackets):
                fields[name] = Field(base + m.start("b"), base + m.end("b"), m.group("b"))
            continue
    return Entry("paper", section, first, last, start, end, title, fields, links)
