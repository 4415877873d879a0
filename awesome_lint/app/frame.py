"""Code frames for the ``full`` output: the source lines of a finding with a
caret span under the exact columns it covers.

Columns are display columns: East Asian wide and fullwidth characters (CJK,
most emoji) take two, combining marks and zero-width characters none, and a
tab advances to the next multiple of ``TAB`` — in the shown line and under it
alike, so the carets stay under what they mark whatever the terminal's tab
stops are.
"""
from __future__ import annotations

import re
import unicodedata

TAB = 4
MAX_LINES = 6  # a longer span shows its first and last lines around an ellipsis


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def expand(line: str, start: int, end: int) -> tuple[str, int, int]:
    """``line`` as shown, and the display columns of code points ``start`` and ``end``."""
    shown = []
    col = 0
    cols = [0] * (len(line) + 1)
    for i, ch in enumerate(line):
        cols[i] = col
        if ch == "\t":
            step = TAB - col % TAB
            shown.append(" " * step)
        elif ch < " " or ch == "\x7f":
            step = 1
            shown.append("\ufffd")  # a control character would move the cursor
        else:
            step = char_width(ch)
            shown.append(ch)
        col += step
    cols[len(line)] = col
    start, end = min(start, len(line)), min(end, len(line))
    return "".join(shown), cols[start], cols[end]


def frame(lines: list[str], line: int, column: int, end_line: int, end_column: int,
          mark: str = "^") -> list[tuple[str, str, str]]:
    """Rows of (line number or '', source text, caret text) for a 1-based span
    whose end column is exclusive.  The caller draws the gutter and colours."""
    last = end_line
    if end_line > line and end_column == 1:
        last = end_line - 1  # a span that stops at a line start does not reach that line
    last = min(last, len(lines))
    numbers = list(range(line, last + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[:MAX_LINES - 2] + [None] + numbers[-1:]
    rows = []
    for n in numbers:
        if n is None:
            rows.append(("", "...", ""))
            continue
        text = lines[n - 1]
        start = column - 1 if n == line else 0
        end = end_column - 1 if n == end_line else len(text)
        shown, a, b = expand(text, start, end)
        if b <= a and n == line:
            b = a + 1  # an empty span (an insertion point) still gets one caret
        carets = " " * a + mark * (b - a) if b > a else ""
        rows.append((str(n), shown.rstrip(), carets))
    return rows


_ITEM_START = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_HEADING = re.compile(r"^\s{0,3}(?:>\s*)*#{1,6}(?:\s|$)")


def context(lines: list[str], first: int, last: int, limit: int = 3) -> tuple[list[int], list[int]]:
    """1-based numbers of the lines shown around a span of lines ``first``..``last``:
    the rest of its block (a paper entry's other lines, the start of a wrapped list
    item), at most ``limit`` each way.  A list item's neighbours are other items and
    a heading stands alone: neither is context."""
    def stops(text: str) -> bool:
        return not text.strip() or bool(_HEADING.match(text))

    own = lines[first - 1] if 0 < first <= len(lines) else ""
    if stops(own):
        return [], []
    above = []
    n = first - 1
    if not _ITEM_START.match(own):
        while n >= 1 and len(above) < limit and not stops(lines[n - 1]):
            above.insert(0, n)
            if _ITEM_START.match(lines[n - 1]):
                break
            n -= 1
    below = []
    n = last + 1
    while n <= len(lines) and len(below) < limit:
        text = lines[n - 1]
        if stops(text) or _ITEM_START.match(text):
            break
        below.append(n)
        n += 1
    return above, below
