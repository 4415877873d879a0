"""Which lines of two versions of a file match: a line diff fast on long lists.

``difflib.SequenceMatcher`` without its junk heuristic compares every
occurrence of a line with every other: a list of a few thousand entries has a
thousand blank lines, and re-sorting its sections took seconds to diff.  Here
lines that occur once in each version anchor the match (the "patience" idea
of Bram Cohen's diff): they are kept in the longest run that appears in the
same order in both, and only the short stretches between two anchors go to
``SequenceMatcher``.  Common first and last lines are matched before anything
else, so a small edit costs little whatever the file's size.
"""
from __future__ import annotations

import bisect
import difflib
from collections import Counter


def matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Maximal ``(i, j, size)`` with ``a[i:i+size] == b[j:j+size]``, in order
    in both, ended by ``(len(a), len(b), 0)`` as difflib's are."""
    pairs: list[tuple[int, int]] = []  # matched (i, j), one line each
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            pairs.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while ahi > alo and bhi > blo and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            pairs.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        anchors = _anchors(a, b, alo, ahi, blo, bhi)
        if not anchors:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, size in matcher.get_matching_blocks():
                pairs.extend((alo + i + k, blo + j + k) for k in range(size))
            continue
        prev_i, prev_j = alo, blo
        for i, j in anchors:
            pairs.append((i, j))
            todo.append((prev_i, i, prev_j, j))
            prev_i, prev_j = i + 1, j + 1
        todo.append((prev_i, ahi, prev_j, bhi))
    pairs.sort()
    blocks: list[tuple[int, int, int]] = []
    for i, j in pairs:
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + 1)
        else:
            blocks.append((i, j, 1))
    blocks.append((len(a), len(b), 0))
    return blocks


def _anchors(a, b, alo, ahi, blo, bhi) -> list[tuple[int, int]]:
    """Lines once in ``a[alo:ahi]`` and once in ``b[blo:bhi]``, as the longest
    chain of them in the same order in both."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    candidates = [(i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b]
    # longest increasing run of j in i order (patience sorting)
    tails: list[int] = []  # tails[k]: smallest j ending a chain of length k + 1
    tail_at: list[int] = []  # index into candidates of that chain's end
    before: list[int] = []  # index of the previous candidate in its chain, or -1
    for index, (_i, j) in enumerate(candidates):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[k], tail_at[k] = j, index
        before.append(tail_at[k - 1] if k else -1)
    chain = []
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        chain.append(candidates[at])
        at = before[at]
    return chain[::-1]


def opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The ``(tag, i1, i2, j1, j2)`` of ``difflib.SequenceMatcher.get_opcodes``."""
    out = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            out.append((tag, i, ai, j, bj))
        if size:
            out.append(("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return out
