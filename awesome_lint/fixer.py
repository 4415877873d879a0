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
    parts = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[cursor:edit.start])
        parts.append(edit.text)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixable findings whose edits overlap none chosen before them."""
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    candidates = [
        d for d in diagnostics if d.fix and (unsafe or d.fix.applicability == SAFE)
    ]
    # Smaller fixes first: a whole-section rewrite waits for the local ones.
    candidates.sort(key=lambda d: (d.fix.end - d.fix.start, d.fix.start))
    for diag in candidates:
        spans = [(e.start, e.end) for e in diag.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        chosen.append(diag)
        taken.extend(spans)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Two insertions at one point also conflict: their order would be a guess.
    return (a[0] < b[1] and b[0] < a[1]) or a == b


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
        chosen = [d for d in choose(diagnostics, unsafe) if _key(d) not in refused]
        if not chosen:
            break
        new_text = apply_edits(text, [e for d in chosen for e in d.fix.edits])
        if new_text == text:
            break
        new_doc, new_diags = check(new_text)
        missing = lost(must_keep, content(new_doc))
        if missing:
            # Find the culprits one by one, keep the rest.
            good = []
            for diag in chosen:
                alone_text = apply_edits(text, diag.fix.edits)
                alone_missing = lost(must_keep, content(check(alone_text)[0]))
                if alone_missing:
                    refused.add(_key(diag))
                    outcome.reverted.append((diag, f"would lose {alone_missing[0]!r}"))
                else:
                    good.append(diag)
            new_text = apply_edits(text, [e for d in good for e in d.fix.edits])
            new_doc, new_diags = check(new_text)
            if lost(must_keep, content(new_doc)):
                break  # together they still lose content: write nothing more
            chosen = good
        outcome.applied += len(chosen)
        outcome.rounds += 1
        text, doc, diagnostics = new_text, new_doc, new_diags
    outcome.text, outcome.doc, outcome.diagnostics = text, doc, diagnostics
    return outcome


def _key(diag: Diagnostic) -> tuple:
    # Offsets shift between rounds; the rule, message and new text do not.
    return (diag.rule, diag.message, tuple(e.text for e in diag.fix.edits))
