"""Applying fixes: pick non-overlapping ones, apply, re-check, until stable."""
from __future__ import annotations

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
    reverted: list[tuple[Diagnostic, str]] = field(default_factory=list)  # (finding, why)
    rounds: int = 0


def apply_edits(text: str, edits) -> str:
    """Apply edits that do not overlap, except plain edits that lie inside a
    slice of a move (``Edit.pieces``): those are applied to the moved text."""
    moves = [e for e in edits if e.pieces]
    inner: dict[int, list[list[Edit]]] = {id(m): [[] for _ in m.pieces] for m in moves}
    top: list[Edit] = []
    for edit in edits:
        if edit.pieces:
            top.append(edit)
            continue
        home = _piece_holding(moves, edit)
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


def _piece_holding(moves, edit):
    """The (move, piece index) whose source slice holds ``edit`` whole, if any."""
    for move in moves:
        if not move.start <= edit.start <= edit.end <= move.end:
            continue
        for index, piece in enumerate(move.pieces):
            if not isinstance(piece, str) and piece[0] <= edit.start and edit.end <= piece[1]:
                return move, index
    return None


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixable findings whose edits conflict with none chosen before them."""
    chosen: list[Diagnostic] = []
    taken: list[Edit] = []
    candidates = [
        d for d in diagnostics if d.fix and (unsafe or d.fix.applicability == SAFE)
    ]
    # Smaller fixes first: a whole-section rewrite waits for the local ones,
    # unless it is a move that can carry them along.
    candidates.sort(key=lambda d: (d.fix.end - d.fix.start, d.fix.start))
    fixes: list[Fix] = []
    for diag in candidates:
        if diag.fix in fixes:  # one fix serving several findings
            chosen.append(diag)
            continue
        if any(_conflict(new, old) for new in diag.fix.edits for old in taken):
            continue
        chosen.append(diag)
        fixes.append(diag.fix)
        taken.extend(diag.fix.edits)
    return chosen


def edits_of(chosen: list[Diagnostic]) -> list[Edit]:
    unique: list[Fix] = []
    for diag in chosen:
        if diag.fix not in unique:
            unique.append(diag.fix)
    return [e for fix in unique for e in fix.edits]


def _conflict(a: Edit, b: Edit) -> bool:
    # Two insertions at one point also conflict: their order would be a guess.
    if not ((a.start < b.end and b.start < a.end) or (a.start, a.end) == (b.start, b.end)):
        return False
    if a.pieces and b.pieces:
        return True
    if a.pieces:
        return _piece_holding([a], b) is None
    if b.pieces:
        return _piece_holding([b], a) is None
    return True


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
                    outcome.reverted.append((diag, f"would lose {alone_missing[0]!r}"))
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
