"""Applying fixes: pick non-overlapping ones, apply, re-check, until stable."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..model import rendered
from ..model.document import Document
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
    # the text each applied round started from, the input first: a round's fixes
    # answer the findings of its own text (a fix can tip a convention for the next)
    history: list[str] = field(default_factory=list)
    # (document, findings) of the input as given, before any fix
    first: tuple = ()


def apply_edits(text: str, edits) -> str:
    """Apply edits that do not overlap, except plain edits that lie inside a
    slice of a move (``Edit.pieces``): those are applied to the moved text."""
    return _apply(text, edits)[0]


def _apply(text: str, edits) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The new text, and (old start, old end, new start, new end) of each
    outermost edit: everything between them is copied unchanged."""
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
    spans = []
    cursor = 0
    size = 0
    for edit in sorted(top, key=lambda e: (e.start, e.end)):
        if not 0 <= cursor <= edit.start <= edit.end <= len(text):
            raise BadEdit(f"an edit ({edit.start}-{edit.end}) overlaps another or leaves the text")
        parts.append(text[cursor:edit.start])
        size += edit.start - cursor
        new = _move_text(text, edit, inner[id(edit)]) if edit.pieces else edit.text
        parts.append(new)
        spans.append((edit.start, edit.end, size, size + len(new)))
        size += len(new)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts), spans


class BadEdit(ValueError):
    """A fix whose edits cannot be applied as declared."""


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
    """What a fix must never lose: every URL (with its multiplicity, bare ones
    included) and every entry title."""
    keys = rendered.urls(doc)
    keys.update(("title", entry.title) for entry in doc.entries if entry.title)
    return keys


def lost(before: Counter, after: Counter) -> list[str]:
    return [_shown(key) for key, count in before.items() if after[key] < count]


def _shown(key: tuple) -> str:
    return key[-1]  # the URL, the title, or a bare URL as written


@dataclass
class _Unit:
    """One fix of a round and the findings it serves."""

    fix: Fix
    diags: list[Diagnostic]


class _Round:
    """The text a round starts from and what it shows, to judge trials against."""

    def __init__(self, text: str, doc, parse) -> None:
        self.text = text
        self.doc = doc
        self.parse = parse
        self.keep = content(doc)
        self.words = rendered.words(doc)
        self.checks = 0

    def trial(self, units: list[_Unit]) -> str | None:
        """Why applying ``units`` together must not happen, or None."""
        try:
            new_text, spans = _apply(self.text, [e for u in units for e in u.fix.edits])
        except BadEdit as exc:
            return str(exc)
        if not _outside_unchanged(self.text, new_text, spans):
            return "would change text outside its edits"
        self.checks += 1
        new_doc = self.parse(new_text)
        missing = lost(_promised(self.keep, [d for u in units for d in u.diags]), content(new_doc))
        if missing:
            return f"would lose {missing[0]!r}"
        changed = _undeclared_words(self.text, new_text, spans, self.words, rendered.words(new_doc))
        if changed:
            return f"would change the rendered text outside its edits ({changed!r})"
        return None


def _outside_unchanged(old: str, new: str, spans) -> bool:
    old_at = new_at = 0
    for start, end, new_start, new_end in spans:
        if old[old_at:start] != new[new_at:new_start]:
            return False
        old_at, new_at = end, new_end
    return old[old_at:] == new[new_at:]


def _undeclared_words(old: str, new: str, spans, before: Counter, after: Counter) -> str | None:
    """A word the page gains or loses that no edit's own text accounts for."""
    if before == after:
        return None
    removed: Counter = Counter()
    added: Counter = Counter()
    for start, end, new_start, new_end in spans:
        removed.update(rendered.WORD.findall(_widened(old, start, end)))
        added.update(rendered.WORD.findall(_widened(new, new_start, new_end)))
    for word, count in (before - after).items():
        if removed[word] < count:
            return word
    for word, count in (after - before).items():
        if added[word] < count:
            return word
    return None


def _widened(text: str, start: int, end: int) -> str:
    """``text[start:end]`` grown to whole words: an edit inside a word changes it."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _units(chosen: list[Diagnostic]) -> list[_Unit]:
    units: dict[Fix, _Unit] = {}
    for diag in chosen:
        units.setdefault(diag.fix, _Unit(diag.fix, [])).diags.append(diag)
    return list(units.values())


def _settle(round_: _Round, units: list[_Unit]) -> tuple[list[_Unit], list[tuple[_Unit, str]]]:
    """The units that may be applied together and the refused ones with why.

    When the whole set fails, the fixes are first judged near their edits:
    the paragraphs around neighbouring fixes form one small document each,
    cheap to parse.  What still fails on the whole document is found by
    binary search.  Either way a culprit costs about log2 n checks, never
    one check per fix."""
    why = round_.trial(units)
    if why is None:
        return units, []
    accepted: list[_Unit] = []
    refused: list[tuple[_Unit, str]] = []
    for region, local in _regions(round_, units):
        ok, bad = _bisect(region, [shifted for _, shifted in local], region.trial([s for _, s in local]))
        back = {id(shifted): unit for unit, shifted in local}
        accepted += [back[id(u)] for u in ok]
        refused += [(back[id(u)], why) for u, why in bad]
    ok, bad = _bisect(round_, accepted, round_.trial(accepted) if refused else why)
    return ok, refused + bad


def _bisect(round_: _Round, units: list[_Unit], why: str | None):
    """Refuse, one by one, the fix that ends the shortest failing prefix."""
    accepted: list[_Unit] = []
    refused: list[tuple[_Unit, str]] = []
    rest = units
    while why is not None and rest:
        passing, failing = 0, len(rest)
        while failing - passing > 1:
            middle = (passing + failing) // 2
            verdict = round_.trial(accepted + rest[:middle])
            if verdict is None:
                passing = middle
            else:
                failing, why = middle, verdict
        accepted += rest[:failing - 1]
        refused.append((rest[failing - 1], why))
        rest = rest[failing:]
        why = round_.trial(accepted + rest) if rest else None
    return accepted + rest, refused


_CONTEXT_LINES = 8  # how far the paragraphs around a fix may reach, each way


def _regions(round_: _Round, units: list[_Unit]):
    """(small round, [(unit, unit shifted into it)]) for groups of fixes whose
    surrounding paragraphs overlap."""
    doc = round_.doc
    spans = []
    for unit in units:
        first = doc.line_col(min(unit.fix.start, len(doc.text)))[0]
        last = doc.line_col(min(unit.fix.end, len(doc.text)))[0]
        for _ in range(_CONTEXT_LINES):
            if first == 0 or not doc.lines[first - 1].strip():
                break
            first -= 1
        for _ in range(_CONTEXT_LINES):
            if last + 1 >= len(doc.lines) or not doc.lines[last + 1].strip():
                break
            last += 1
        spans.append((first, last, unit))
    spans.sort(key=lambda s: s[0])
    groups: list[list] = []
    for first, last, unit in spans:
        if groups and first <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], last)
            groups[-1][2].append(unit)
        else:
            groups.append([first, last, [unit]])
    family = doc.family

    def parse(text: str):
        return Document(text, None, family)  # the region keeps the list's family

    for first, last, members in groups:
        start, end = doc.line_starts[first], doc.line_end(last)
        region = _Round(doc.text[start:end], parse(doc.text[start:end]), parse)
        local = []
        for unit in members:
            moved = Fix(tuple(_shifted(e, -start) for e in unit.fix.edits), replaces=unit.fix.replaces)
            local.append((unit, _Unit(moved, unit.diags)))
        yield region, local


def _shifted(edit: Edit, delta: int) -> Edit:
    pieces = tuple(p if isinstance(p, str) else (p[0] + delta, p[1] + delta) for p in edit.pieces)
    return Edit(edit.start + delta, edit.end + delta, edit.text, pieces)


def fix_loop(text: str, check: Callable[[str], tuple[object, list[Diagnostic]]], unsafe: bool,
             parse: Callable[[str], object] | None = None, checked: tuple = ()) -> FixOutcome:
    """Rounds of fixes until nothing changes.  ``parse`` builds only the
    document (no rules), for judging trials; by default ``check`` does.
    ``checked`` is ``check(text)`` where the caller has it already."""
    parse = parse or (lambda t: check(t)[0])
    doc, diagnostics = checked or check(text)
    outcome = FixOutcome(text, doc, diagnostics, first=(doc, diagnostics))
    refused: set[tuple] = set()  # fixes reverted once are not tried again
    for _ in range(MAX_ROUNDS):
        chosen = choose([d for d in diagnostics if d.fix and _key(d) not in refused], unsafe)
        if not chosen:
            break
        round_ = _Round(text, doc, parse)
        accepted, rejected = _settle(round_, _units(chosen))
        for unit, why in rejected:
            for diag in unit.diags:
                refused.add(_key(diag))
                line, col = doc.line_col(min(diag.start, len(text)))
                outcome.reverted.append((diag, why, line + 1, col + 1))
        if not accepted:
            continue  # the next round may choose fixes that the refused ones blocked
        new_text = apply_edits(text, [e for u in accepted for e in u.fix.edits])
        if new_text == text:
            break
        outcome.applied += sum(len(u.diags) for u in accepted)
        outcome.rounds += 1
        outcome.history.append(text)
        text = new_text
        doc, diagnostics = check(text)
    outcome.text, outcome.doc, outcome.diagnostics = text, doc, diagnostics
    return outcome


def _promised(must_keep: Counter, chosen: list[Diagnostic]) -> Counter:
    """What must survive once the chosen fixes swap the URLs they say they swap:
    each declared pair stands for one occurrence."""
    keep = Counter(must_keep)
    for fix in dict.fromkeys(diag.fix for diag in chosen):
        for old, new in fix.replaces:
            if keep[("url", old)] > 0:
                keep[("url", old)] -= 1
            keep[("url", new)] += 1
            bare = next((k for k in keep if k[0] == "bare" and k[1] == old and keep[k] > 0), None)
            if bare is not None:
                keep[bare] -= 1
                keep[("bare", new, new + bare[2][len(old):] if bare[2].startswith(old) else new)] += 1
    return +keep
def _key(diag: Diagnostic) -> tuple:
    # Offsets shift between rounds; the rule, message and new text do not.
    return (diag.rule, diag.message, tuple(e.text for e in diag.fix.edits))
