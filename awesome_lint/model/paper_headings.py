"""Papers written as headings of their own, one heading per paper, under a
section heading: ``##### • [\\[arXiv:2111.06500\\]](url) Title. [\\[PDF\\]](url)``
with the authors in emphasis on the line below.

Headings of one level are papers only where that is the list's way at that
level: three or more of its leaf headings read as papers, they are most of
them, and some carry their paper's link; an outline of topics stays an
outline.  The entry belongs to the section above its heading: that is where
the list groups and orders its papers.
"""
from __future__ import annotations

import bisect
import re

from . import paper_fields as pf
from .nodes import Entry, Field

MIN_PAPERS = 3
SHARE = 0.6
_LEAD = re.compile(r"#{1,6}[ \t]+(?:[•·▪►\-*+][ \t]+)?")
# ``\[2016 IJCV\]``, ``[2020 CHI]``: a venue in brackets, not a link
_BRACKET_VENUE = re.compile(r"\\?\[(?P<v>[^\[\]\\\n]{2,40}?)\\?\](?!\()[ \t]*")
_MARKUP = re.compile(r"[\[\]*`<>]|(?<!\w)_|_(?!\w)")
_INLINE_TAG = re.compile(r"</?(?:sup|sub|i|b|em)>")
# ``\[PDF\]``, ``[\[PDF\]]``: a label whose link is still missing, after the title
_BARE_LABEL = re.compile(r"(?:\\?\[){1,3}[A-Za-z][\w .-]{0,20}(?:\\?\]){1,3}\Z")
# ``*(Oral)*``, ``*([Best Paper Finalists](url))*``: a remark in emphasis after the labels
_REMARK = re.compile(r"[ \t]+(?P<m>[*_])\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)(?P=m)[ \t]*\Z")


def heading_entries(doc) -> list[Entry]:
    by_line: dict[int, list] = {}
    for link in doc.links:
        by_line.setdefault(link.line, []).append(link)
    starts = [block.start_line for block in doc.blocks]  # (in document order)
    leaves: dict[int, int] = {}
    read: dict[int, list[tuple[Entry, bool]]] = {}
    for section in doc.sections[1:]:
        if section.children or section.parent is None:
            continue
        leaves[section.level] = leaves.get(section.level, 0) + 1
        paper = _read(doc, section, by_line, starts)
        if paper is not None:
            read.setdefault(section.level, []).append(paper)
    out = []
    for level, papers in read.items():
        labelled = [(entry, evidence) for entry, evidence in papers if evidence is not None]
        if len(labelled) >= MIN_PAPERS and len(papers) >= SHARE * leaves[level] and any(e for _, e in labelled):
            out += [entry for entry, _ in papers]
    return out


def _read(doc, section, by_line, starts) -> tuple[Entry, bool | None] | None:
    """The paper a heading is, and whether a label says it links the paper
    itself: None for a title with neither a label nor a venue, a paper only
    where its level is the list's papers' (its authors below it say so)."""
    heading = section.heading
    line, base = doc.lines[heading.line], doc.line_starts[heading.line]
    lead = _LEAD.match(line)
    if lead is None:
        return None
    body, end = lead.end(), len(line.rstrip(" \t#"))
    while (remark := _REMARK.search(line, body, end)) is not None:
        end = remark.start()
    links = [l for l in by_line.get(heading.line, []) if not l.image]
    fields: dict = {}
    start = body
    first = next((l for l in links if l.start - base == body), None)
    if first is not None and first.text.startswith("[") and first.text.endswith("]"):
        # ``[\[arXiv:2111.06500\]](url)``: the venue as the text of the paper's link
        a, b = first.text_start, first.text_end
        inner = doc.text[a:b]
        a += len(inner) - len(inner.lstrip("\\["))
        b -= len(inner) - len(inner.rstrip("\\]"))
        fields["venue"] = Field(a, b, doc.text[a:b])
        start = first.end - base
    else:
        bracket = _BRACKET_VENUE.match(line, body)
        if bracket and (first is None or first.start - base >= bracket.end()):
            fields["venue"] = pf.field(base, line, bracket.start("v"), bracket.end("v"))
            start = bracket.end()
    rest = [l for l in links if start <= l.start - base < end]  # (a remark's links aside)
    stop = min([l.start - base for l in rest] + [end])
    if line[start:stop].rstrip().endswith("\\["):  # (an escaped bracket before a label link)
        stop = start + len(line[start:stop].rstrip()) - 2
    start += len(line[start:stop]) - len(line[start:stop].lstrip())
    labelled = bool(rest) or "venue" in fields
    while True:
        stop = start + len(line[start:stop].rstrip())
        # (looked for in the last few characters only: a label is short)
        bare = _BARE_LABEL.search(line, max(start, stop - 32), stop)
        if bare is None or bare.start() == start:
            break
        stop, labelled = bare.start(), True
    while stop > start and line[stop - 1] in " \t.":
        stop -= 1
    title = line[start:stop]
    if len(pf.WORDS.findall(title)) < 2 or _MARKUP.search(_INLINE_TAG.sub("", title.replace("\\", ""))):
        return None
    if not all(pf.label_like(l) for l in rest):
        return None
    fields["title"] = pf.field(base, line, start, stop)
    entry_links = list(links)
    last = heading.line
    k0 = bisect.bisect_right(starts, heading.line)
    for k in range(k0, bisect.bisect_left(starts, section.end_line)):
        block = doc.blocks[k]
        last = max(last, block.end_line - 1)
        entry_links += block.links
        if "authors" not in fields and block.kind == "paragraph" and block.end_line - block.start_line == 1:
            text = doc.lines[block.start_line]
            col = len(text) - len(text.lstrip())
            inner = pf.strip_emphasis(text, col, len(text.rstrip()))
            if inner != (col, len(text.rstrip())) and "](" not in text:
                fields["authors"] = pf.field(doc.line_starts[block.start_line], text, *inner)
    if not labelled and not _names(doc, fields.get("authors"), doc.blocks[k0] if k0 < len(doc.blocks) else None):
        return None  # a heading of words alone is a topic
    evidence = any(pf.label_text(l) in pf.PAPER_LABELS for l in rest) if labelled else None
    entry = Entry("paper", section.parent, heading.line, last + 1, base, doc.line_end(last), title, fields,
                  sorted(entry_links, key=lambda l: l.start), shape="heading")
    return entry, evidence


def _names(doc, authors, below) -> bool:
    """Whether the emphasised line right below a heading lists people: two or
    more names, or one with ``et al.``."""
    if authors is None or below is None or doc.line_col(authors.start)[0] != below.start_line:
        return False
    return "," in authors.text or " and " in authors.text or "et al" in authors.text
