"""Applying fixes: pick non-overlapping ones, apply, re-check, until stable."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .rule import SAFE, Diagnostic, Edit, Fix

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    text: str
    doc: object
    diagnostics: list[Diagnostic]
    applied: int = 0  # fixes applied in all rounds
    # (finding, why, 1-based line, column) of each fix that was undone
    reverted: list[tuple[Diagnostic, str, int, int]] = field(default_factory=list)
    rounds: int = 0


def apply_edits(text: str, edits) -> str:
    """Apply edits that do not overlap, except plain edits that lie inside a
    slice of a move (``Edit.pieces``): those are applied to the moved text."""
    moves = _Moves([e for e in edits if e.pieces])
    inner: dict[int, list[list[Edit]]] = {id(m): [[] for _ in m.pieces] for m in moves.items}
    top: list[Edit] = []
    for edit in edits:
        home = None if edit.pieces else moves.holding(edit)
        if home is None:
            top.append(edit)
        else:
            inner[id(home[0])][home[1]].append(edit)
    parts = []
    cursor = 0
    for edit in sorted(top, key=lambda e: (e.start, e.end)):
        parts.append(text[cursor:edit.start])
        parts.append(_move_text(text, edit, inner[id(edit)]) if edit.pieces else edit.text)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def _move_text(text: str, move: Edit, inner: list[list[Edit]]) -> str:
    out = []
    for piece, edits in zip(move.pieces, inner):
        if isinstance(piece, str):
            out.append(piece)
        else:
            s, e = piece
            shifted = [Edit(x.start - s, x.end - s, x.text) for x in edits]
            out.append(apply_edits(text[s:e], shifted) if shifted else text[s:e])
    return "".join(out)


def _overlap(a: Edit, b: Edit) -> bool:
    # Two insertions at one point also conflict: their order would be a guess.
    return (a.start < b.end and b.start < a.end) or (a.start, a.end) == (b.start, b.end)


def _in_piece(move: Edit, edit: Edit) -> int | None:
    """Index of the source slice of ``move`` that holds ``edit`` whole."""
    for index, piece in enumerate(move.pieces):
        if not isinstance(piece, str) and piece[0] <= edit.start and edit.end <= piece[1]:
            return index
    return None


class _Moves:
    """Moves that do not overlap each other, found by position."""

    def __init__(self, moves=()) -> None:
        self.items = sorted(moves, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def add(self, move: Edit) -> None:
        i = bisect.bisect_right(self.starts, move.start)
        self.starts.insert(i, move.start)
        self.items.insert(i, move)

    def around(self, edit: Edit):
        """The moves that overlap ``edit``."""
        i = max(bisect.bisect_right(self.starts, edit.start) - 1, 0)
        while i < len(self.items) and self.items[i].start <= edit.end:
            if _overlap(self.items[i], edit):
                yield self.items[i]
            i += 1

    def holding(self, edit: Edit):
        for move in self.around(edit):
            index = _in_piece(move, edit)
            return (move, index) if index is not None else None
        return None


class _Taken:
    """Edits chosen so far.  Plain edits never overlap each other, so sorted
    starts find the neighbours of a new edit; a plain edit may sit inside a
    slice of a move."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.plain: list[Edit] = []
        self.moves = _Moves()

    def _plain_overlapping(self, edit: Edit):
        i = max(bisect.bisect_left(self.starts, edit.start) - 1, 0)
        while i < len(self.plain) and self.plain[i].start <= edit.end:
            if _overlap(self.plain[i], edit):
                yield self.plain[i]
            i += 1

    def conflicts(self, edit: Edit) -> bool:
        if edit.pieces:
            if any(True for _ in self.moves.around(edit)):
                return True
            return any(_in_piece(edit, p) is None for p in self._plain_overlapping(edit))
        if any(True for _ in self._plain_overlapping(edit)):
            return True
        return any(_in_piece(m, edit) is None for m in self.moves.around(edit))

    def add(self, edit: Edit) -> None:
        if edit.pieces:
            self.moves.add(edit)
            return
        i = bisect.bisect_left(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.plain.insert(i, edit)


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixable findings whose edits conflict with none chosen before them."""
    chosen: list[Diagnostic] = []
    taken = _Taken()
    candidates = [
        d for d in diagnostics if d.fix and (unsafe or d.fix.applicability == SAFE)
    ]
    # Smaller fixes first: a whole-section rewrite waits for the local ones,
    # unless it is a move that can carry them along.
    candidates.sort(key=lambda d: (d.fix.end - d.fix.start, d.fix.start))
    fixes: set[Fix] = set()
    for diag in candidates:
        if diag.fix in fixes:  # one fix serving several findings
            chosen.append(diag)
            continue
        if any(taken.conflicts(edit) for edit in diag.fix.edits):
            continue
        chosen.append(diag)
        fixes.add(diag.fix)
        for edit in diag.fix.edits:
            taken.add(edit)
    return chosen


def edits_of(chosen: list[Diagnostic]) -> list[Edit]:
    unique = list(dict.fromkeys(diag.fix for diag in chosen))
    return [e for fix in unique for e in fix.edits]


def content(doc) -> Counter:
    """What a fix must never lose: every URL and every entry title.

    In-page anchors (``#...``) are left out: repairing them is a fix's job."""
    keys = Counter(("url", link.url) for link in doc.links if not link.url.startswith("#"))
    keys.update(("title", entry.title) for entry in doc.entries if entry.title)
    return keys


def lost(before: Counter, after: Counter) -> list[str]:
    return [value for (_kind, value) in before if (_kind, value) not in after]


def fix_loop(text: str, check: Callable[[str], tuple[object, list[Diagnostic]]], unsafe: bool) -> FixOutcome:
    doc, diagnostics = check(text)
    outcome = FixOutcome(text, doc, diagnostics)
    must_keep = content(doc)
    refused: set[tuple] = set()  # fixes reverted once are not tried again
    for _ in range(MAX_ROUNDS):
        chosen = choose([d for d in diagnostics if d.fix and _key(d) not in refused], unsafe)
        if not chosen:
            break
        new_text = apply_edits(text, edits_of(chosen))
        if new_text == text:
            break
        new_doc, new_diags = check(new_text)
        if lost(_promised(must_keep, chosen), content(new_doc)):
            # Find the culprits one by one, keep the rest.
            good = []
            for diag in chosen:
                alone = content(check(apply_edits(text, diag.fix.edits))[0])
                alone_missing = lost(_promised(must_keep, [diag]), alone)
                if alone_missing:
                    refused.add(_key(diag))
                    line, col = doc.line_col(min(diag.start, len(text)))
                    outcome.reverted.append((diag, f"would lose {alone_missing[0]!r}", line + 1, col + 1))
                else:
                    good.append(diag)
            new_text = apply_edits(text, edits_of(good))
            new_doc, new_diags = check(new_text)
            if lost(_promised(must_keep, good), content(new_doc)):
                break  # together they still lose content: write nothing more
            chosen = good
        must_keep = _promised(must_keep, chosen)
        outcome.applied += len(chosen)
        outcome.rounds += 1
        text, doc, diagnostics = new_text, new_doc, new_diags
    outcome.text, outcome.doc, outcome.diagnostics = text, doc, diagnostics
    return outcome


def _promised(must_keep: Counter, chosen: list[Diagnostic]) -> Counter:
    """What must survive once the chosen fixes swap the URLs they say they swap."""
    swaps = {pair for diag in chosen for pair in diag.fix.replaces}
    if not swaps:
        return must_keep
    keep = Counter(must_keep)
    for old, new in swaps:
        keep.pop(("url", old), None)
        keep[("url", new)] += 1
    return keep


def _key(diag: Diagnostic) -> tuple:
    # Offsets shift between rounds; the rule, message and new text do not.
    return (diag.rule, diag.message, tuple(e.text for e in diag.fix.edits))
