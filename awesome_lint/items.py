"""Classic list items: ``- [Name](url) - Description.``"""
from __future__ import annotations

import re

from .model import Block, Entry, Field

_BULLET = re.compile(r"[ \t>]*(?P<b>[-*+])(?P<gap>[ \t]*)")
_SEPARATOR = re.compile(r"[ \t]*(?:--?|–|—|:)?[ \t\u00a0]*")


def looks_like_item(doc, block: Block) -> bool:
    return _main_link(doc, block) is not None


def _main_link(doc, block: Block):
    if block.kind != "list_item" or not block.links:
        return None
    link = block.links[0]
    first = doc.lines[block.start_line]
    lead = doc.text[doc.line_starts[block.start_line]:link.start]
    # The item must open with its link (a bold or badge wrapper is fine).
    if lead.strip(" \t>-*+").strip("*_") or first.lstrip()[:1] not in "-*+":
        return None
    if link.url.startswith("#") or link.image:
        return None
    return link


def build_entries(doc) -> list[Entry]:
    entries: list[Entry] = []
    parents: list[Entry] = []
    for block in doc.blocks:
        link = _main_link(doc, block)
        if link is None:
            continue
        first, last = block.start_line, block.end_line
        start = doc.line_starts[first]
        end = doc.line_end(last - 1)
        fields: dict[str, Field] = {}
        bullet = _BULLET.match(doc.text, start, end)
        if bullet:
            fields["bullet"] = Field(bullet.start("b"), bullet.end("b"), bullet.group("b"))
        fields["name"] = Field(link.text_start, link.text_end, link.text)
        after = link.end
        # a closing bold marker around the link belongs to the name
        while after < end and doc.text[after] in "*_":
            after += 1
        sep = _SEPARATOR.match(doc.text, after, end)
        if sep and sep.end() > after:
            fields["separator"] = Field(after, sep.end(), sep.group())
        desc_start = sep.end() if sep else after
        if desc_start < end:
            fields["description"] = Field(desc_start, end, doc.text[desc_start:end])
        depth = block.list_depth - 1
        while parents and parents[-1].depth >= depth:
            parents.pop()
        section = doc.root
        for candidate in doc.sections[1:]:
            if candidate.start_line <= first:
                section = candidate
        entry = Entry(
            "item", section, first, last, start, end, link.text, fields, list(block.links),
            depth, parents[-1] if parents else None,
        )
        parents.append(entry)
        entries.append(entry)
    return entries
