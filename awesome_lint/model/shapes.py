"""Which entries a document holds, section by section.

Every paper shape is read into the same ``Entry`` fields (title, authors,
date, venue, links, with exact spans), so the paper rules work on all of them.
A section takes the family most of its entries have: where paper entries are
at least as many as the classic items that are not also papers, it is a paper
section and keeps only its papers; otherwise it keeps its classic items.
Prose, ToC and news bullets match neither and stay prose.
"""
from __future__ import annotations

from functools import cached_property

import bisect
import re
from types import SimpleNamespace

from . import contents, items, papers
from .nodes import Entry
from .paper_headings import heading_entries
from .paper_lists import list_entries, paragraph_entries
from .paper_tables import table_entries


# ``**[⬆ Back to Index](#index)**``: navigation, not a paper's title
_NAV = re.compile(r"\[[^\]]*\]\(#[^)]*\)\s*$")


def build_entries(doc) -> list[Entry]:
    # (news bullets under an "Updates" heading are no items of the list either)
    classic = [e for e in items.build_entries(doc) if not contents.news(e.section)] if doc.preset != "papers" else []
    found = []
    if doc.preset != "awesome":
        # ``**[Update: June, 2023]** Added ...``: a bracketed label over news, not a title
        # (no title at all: a bold link broken over two lines, ``**[Large AI Models:`` / ``...](url)**``)
        found = [e for e in papers.build_entries(doc)
                 if e.title.strip() and not _NAV.match(e.title) and not e.title.startswith("[")]
        for entry in found:
            entry.shape = "bold-block"
        found += _quoted_blocks(doc)
        found += list_entries(doc)
        found += paragraph_entries(doc)
        found += table_entries(doc)
        found += heading_entries(doc)
    _place(doc, found)
    return _choose(doc, classic, found)


def section_at(doc, line: int):
    """The innermost section holding ``line``."""
    starts = doc.section_starts
    return doc.sections[max(bisect.bisect_right(starts, line) - 1, 0)]


def _place(doc, found) -> None:
    for entry in found:
        entry.section = section_at(doc, entry.start_line)
        if entry.shape == "heading":  # a paper's own heading: it sits in the section above
            entry.section = entry.section.parent
    found[:] = [e for e in found if not contents.news(e.section)]


def _choose(doc, classic, found) -> list[Entry]:
    found.sort(key=lambda e: e.start)
    covered = bytearray(len(doc.lines) + 1)
    kept_papers = []
    for entry in found:  # one reading per line: the first shape to claim it
        if any(covered[entry.start_line:entry.end_line]):
            continue
        covered[entry.start_line:entry.end_line] = b"\x01" * (entry.end_line - entry.start_line)
        kept_papers.append(entry)
    votes: dict[int, list[int]] = {}
    for entry in kept_papers:
        votes.setdefault(id(entry.section), [0, 0])[0] += 1
    for entry in classic:
        if not covered[entry.start_line]:
            votes.setdefault(id(entry.section), [0, 0])[1] += 1
    for section in doc.sections:
        paper_count, item_count = votes.get(id(section), (0, 0))
        if paper_count and paper_count >= item_count:
            section.family = "papers"
        elif item_count:
            section.family = "awesome"
    out = [e for e in kept_papers if e.section.family == "papers"]
    # in a classic section the paper readings lose: its items stand, those too
    out += [e for e in classic if e.section.family == "awesome"]
    out.sort(key=lambda e: e.start)
    return out


def _quoted_blocks(doc) -> list[Entry]:
    """Bold-title blocks written inside a ``>`` quote: read as the bold-block
    reader reads them, over the lines with the quote markers blanked (same
    lengths, so every offset still points into the real text)."""
    entries = []
    for block in doc.blocks:
        if not block.in_blockquote or block.kind != "paragraph" or block.list_depth:
            continue
        if block.end_line - block.start_line < 2:
            continue
        view = _View(doc, {n: _unquote(doc.lines[n]) for n in range(block.start_line, block.end_line)})
        if not papers.looks_like_paper(view, _unquoted_block(block)):
            continue
        entry = papers.entry_of(view, block, doc.root, block.start_line, block.end_line)
        entry.shape = "quoted-bold-block"
        entries.append(entry)
    return entries


def _unquote(line: str) -> str:
    body = line.lstrip(" \t>")
    return " " * (len(line) - len(body)) + body


def _unquoted_block(block):
    return SimpleNamespace(kind="paragraph", in_blockquote=False, list_depth=0,
                           start_line=block.start_line, end_line=block.end_line)


class _View:
    """The document with some lines replaced by same-length copies."""

    def __init__(self, doc, lines: dict[int, str]) -> None:
        self.line_starts = doc.line_starts
        self.line_end = doc.line_end
        self.lines = _Lines(doc.lines, lines)
        self._doc, self._replaced = doc, lines

    @cached_property
    def text(self) -> str:
        """The document's text with the replaced lines (same lengths, so offsets hold)."""
        text = self._doc.text
        pieces, at = [], 0
        for n in sorted(self._replaced):
            start = self.line_starts[n]
            pieces += [text[at:start], self._replaced[n]]
            at = start + len(self._replaced[n])
        pieces.append(text[at:])
        return "".join(pieces)


class _Lines:
    def __init__(self, base, replaced) -> None:
        self._base, self._replaced = base, replaced

    def __getitem__(self, n):
        return self._replaced.get(n, self._base[n])

    def __len__(self):
        return len(self._base)
