"""Source offsets for inline tokens.

markdown-it-py gives block tokens a line range (``token.map``) and inline
tokens nothing at all.  This module is the one place that walks an inline
token's children against the source text and recovers where each child
starts and ends.  Every rule uses these offsets, so it is tested against the
seeds and the corpus (``tests/test_positions.py``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it.token import Token

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=\n)))?[ \t]*")
_HEADING_PREFIX = re.compile(r"[ \t>]*(?:[-*+][ \t]+)?#{1,6}(?:[ \t]+|(?=\n))")
_LINE_PREFIX = re.compile(r"[ \t>]*")
_NO_PREFIX = re.compile(r"")
_PREFIXES = {"block": _BLOCK_PREFIX, "heading": _HEADING_PREFIX, "cell": _NO_PREFIX}
_TRIM = " \t\n\r\f\v"


@dataclass
class LinkPos:
    """Where one link or image sits in the source."""

    start: int  # the opening ``[``, ``![`` or ``<``
    end: int  # just past the closing ``)``, ``]`` or ``>``
    text_start: int
    text_end: int
    url_start: int | None  # None for reference links: the URL is elsewhere
    url_end: int | None
    kind: str  # "inline" | "reference" | "autolink"


class Aligner:
    """Walks one inline token's children over ``src[start:end]``."""

    def __init__(self, src: str, start: int, end: int, prefix: str = "block") -> None:
        self.src = src
        self.end = end
        found = _PREFIXES[prefix].match(src, start, end)
        self.pos = found.end() if found else start
        self.spans: list[tuple[int, int]] = []  # one per child
        self.links: dict[int, LinkPos] = {}  # child index of link_open/image -> position

    # -- matching primitives -------------------------------------------------
    def _match_text(self, i: int, content: str) -> int | None:
        """End offset if ``content`` is spelled at ``i`` (escapes and entities allowed)."""
        if self.src.startswith(content, i, self.end):
            return i + len(content)
        src, n, k = self.src, self.end, 0
        while k < len(content):
            if i >= n:
                return None
            ch = src[i]
            if ch == content[k]:
                i += 1
                k += 1
            elif ch == "\\" and i + 1 < n and src[i + 1] == content[k]:
                i += 2
                k += 1
            elif ch == "&" and (m := _ENTITY.match(src, i)):
                decoded = html.unescape(m.group())
                if not content.startswith(decoded, k):
                    return None
                i = m.end()
                k += len(decoded)
            else:
                return None
        return i

    def _find_text(self, content: str) -> tuple[int, int]:
        end = self._match_text(self.pos, content)
        if end is not None:
            return self.pos, end
        found = self.src.find(content, self.pos, self.end)
        if found >= 0:
            return found, found + len(content)
        return self.pos, self.pos  # unknown: keep going from here

    def _find(self, literal: str) -> int:
        found = self.src.find(literal, self.pos, self.end)
        return found if found >= 0 else self.pos

    def _skip_label(self, i: int) -> int:
        """Offset of the ``]`` closing a link label that opens before ``i``."""
        src, depth = self.src, 0
        while i < self.end:
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "`":
                run = len(src[i:self.end]) - len(src[i:self.end].lstrip("`"))
                close = src.find("`" * run, i + run, self.end)
                if close >= 0:
                    i = close + run
                    continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                if depth == 0:
                    return i
                depth -= 1
            i += 1
        return self.end

    def _after_label(self, close: int) -> tuple[int, int | None, int | None, str]:
        """Parse what follows ``]``: ``(dest "title")``, ``[ref]`` or nothing."""
        src, n = self.src, self.end
        i = close + 1
        if i < n and src[i] == "(":
            i += 1
            while i < n and src[i] in " \t\n":
                i += 1
            if i < n and src[i] == "<":
                u0 = i + 1
                u1 = src.find(">", u0, n)
                u1 = u1 if u1 >= 0 else n
                i = u1 + 1
            else:
                u0, depth = i, 0
                while i < n:
                    ch = src[i]
                    if ch == "\\":
                        i += 2
                        continue
                    if ch in " \t\n":
                        break
                    if ch == "(":
                        depth += 1
                    elif ch == ")":
                        if depth == 0:
                            break
                        depth -= 1
                    i += 1
                u1 = min(i, n)
            # skip an optional title up to the closing paren
            while i < n:
                ch = src[i]
                if ch == "\\":
                    i += 2
                    continue
                if ch == ")":
                    break
                i += 1
            return min(i + 1, n), u0, u1, "inline"
        if i < n and src[i] == "[":
            ref_close = src.find("]", i, n)
            return (ref_close + 1 if ref_close >= 0 else n), None, None, "reference"
        return i, None, None, "reference"

    # -- the walk ------------------------------------------------------------
    def run(self, children: list[Token]) -> "Aligner":
        stack: list[tuple[int, int]] = []  # (child index, start offset) of open links
        for index, tok in enumerate(children):
            kind = tok.type
            start = self.pos
            if kind == "text":
                start, self.pos = self._find_text(tok.content)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.src.find("\n", self.pos, self.end)
                if newline < 0:
                    start = self.pos = self.end
                else:
                    start = newline
                    if kind == "hardbreak":
                        # include the `\` or trailing spaces that made the break
                        back = newline
                        while back > self.pos and self.src[back - 1] in " \t":
                            back -= 1
                        if back > self.pos and self.src[back - 1] == "\\":
                            back -= 1
                        start = back
                    self.pos = _LINE_PREFIX.match(self.src, newline + 1, self.end).end()
            elif kind == "code_inline":
                start = self._find(tok.markup)
                close = self.src.find(tok.markup, start + len(tok.markup), self.end)
                self.pos = close + len(tok.markup) if close >= 0 else self.end
            elif kind == "html_inline":
                start, self.pos = self._find_text(tok.content)
            elif kind == "link_open":
                if tok.markup == "autolink":
                    start = self._find("<")
                    self.pos = start + 1
                else:
                    start = self._find("[")
                    self.pos = start + 1
                stack.append((index, start))
            elif kind == "link_close":
                if not stack:
                    self.spans.append((self.pos, self.pos))
                    continue
                open_index, open_start = stack.pop()
                if children[open_index].markup == "autolink":
                    close = self._find(">")
                    end = close + 1
                    self.links[open_index] = LinkPos(
                        open_start, end, open_start + 1, close, open_start + 1, close, "autolink"
                    )
                else:
                    close = self._skip_label(open_start + 1)
                    end, u0, u1, how = self._after_label(close)
                    self.links[open_index] = LinkPos(open_start, end, open_start + 1, close, u0, u1, how)
                start, self.pos = close, end
            elif kind == "image":
                start = self._find("![")
                close = self._skip_label(start + 2)
                end, u0, u1, how = self._after_label(close)
                self.links[index] = LinkPos(start, end, start + 2, close, u0, u1, how)
                self.pos = end
            elif tok.markup and kind.endswith(("_open", "_close")):
                start = self._find(tok.markup)
                self.pos = start + len(tok.markup)
            self.spans.append((start, self.pos))
        return self


@dataclass
class Aligned:
    spans: list[tuple[int, int]]  # one per child
    links: dict[int, LinkPos]  # child index of link_open/image -> position


# Fix rounds re-parse documents whose blocks are mostly unchanged: positions
# relative to a block's start are cached by the block's text and its children
# (the children list is itself cached per content by the document builder).
_CACHE: dict[tuple, Aligned] = {}
_CACHE_LIMIT = 50_000


def align(src: str, start: int, end: int, children: list[Token], prefix: str = "block") -> Aligned:
    """Positions of ``children`` parsed from ``src[start:end]``.  ``prefix`` says
    what markup precedes the inline content there: a list or quote marker
    ("block"), a heading's ``#`` ("heading") or nothing (a table cell, "cell")."""
    key = (src[start:end], id(children), prefix)
    hit = _CACHE.get(key)
    if hit is None or _CACHE_CHILDREN.get(key[1]) is not children:
        result = Aligner(src, start, end, prefix).run(children)
        hit = Aligned(
            [(a - start, b - start) for a, b in result.spans],
            {i: _shift(p, -start) for i, p in result.links.items()},
        )
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.clear()
            _CACHE_CHILDREN.clear()
        _CACHE[key] = hit
        _CACHE_CHILDREN[key[1]] = children
    return Aligned([(a + start, b + start) for a, b in hit.spans],
                   {i: _shift(p, start) for i, p in hit.links.items()})


# ids are only unique among live objects: keep the children alive with the key
_CACHE_CHILDREN: dict[int, list[Token]] = {}


def _shift(pos: LinkPos, by: int) -> LinkPos:
    return LinkPos(
        pos.start + by, pos.end + by, pos.text_start + by, pos.text_end + by,
        None if pos.url_start is None else pos.url_start + by,
        None if pos.url_end is None else pos.url_end + by,
        pos.kind,
    )


def table_cells(src: str, start: int, end: int, quoted: bool, first_of_item: bool) -> list[tuple[int, int]]:
    """Where each cell's content sits in the table row ``src[start:end]``.

    Splits as markdown-it's table rule does: on pipes not preceded by a
    backslash, dropping the empty pieces the outer pipes leave, and trims each
    cell.  Every cell of a row is its own inline token whose map is the whole
    row, so without this each cell would be aligned from the row's start.
    """
    # markdown-it reads a row after its container's markers: a quote's ``>``,
    # and on a list item's first line its bullet
    marker = _BLOCK_PREFIX if first_of_item else _LINE_PREFIX if quoted else _NO_PREFIX
    start = marker.match(src, start, end).end()
    while start < end and src[start] in _TRIM:
        start += 1
    while end > start and src[end - 1] in _TRIM:
        end -= 1
    pieces, piece_start, escaped = [], start, False
    for i in range(start, end):
        ch = src[i]
        if ch == "|" and not escaped:
            pieces.append((piece_start, i))
            piece_start = i + 1
        escaped = ch == "\\"
    pieces.append((piece_start, end))
    if pieces and pieces[0][0] == pieces[0][1]:
        pieces.pop(0)
    if pieces and pieces[-1][0] == pieces[-1][1]:
        pieces.pop()
    cells = []
    for a, b in pieces:
        while a < b and src[a] in _TRIM:
            a += 1
        while b > a and src[b - 1] in _TRIM:
            b -= 1
        cells.append((a, b))
    return cells
