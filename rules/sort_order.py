"""sort-order: papers by date within each section; classic items by name when asked.

The fix moves whole entries verbatim (their exact source text, nested
sub-lists included) into sorted order; what lies between entries stays in its
place, and papers without a valid date keep their position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from awesome_lint.model import dates
from awesome_lint.rule import Edit, Fix, Rule, option

_NAME_NOISE = re.compile(r"[\W_]+")
NEWEST, OLDEST, ALPHA = "newest-first", "oldest-first", "alphabetical"


class SortOrder(Rule):
    name = "sort-order"
    summary = "Papers newest first within each section (classic lists: alphabetical when configured)"
    tags = ("entries", "order")
    fixable = True

    @dataclass
    class Options:
        # "auto": papers follow the direction most neighbours already have (newest
        # first on a tie), classic lists are not checked; "newest-first",
        # "oldest-first", "alphabetical" or "none"
        order: str = option("auto", choices=("auto", NEWEST, OLDEST, ALPHA, "none"))

    def check(self, doc, ctx):
        order = self.options.order
        if order == "none":
            return
        if doc.family == "papers" and order != ALPHA:
            yield from self._papers(doc, order)
        elif order == ALPHA:
            yield from self._alphabetical(doc)

    # -- papers ---------------------------------------------------------------
    def _papers(self, doc, order):
        groups = []
        for section in doc.sections:
            entries = [e for e in section.entries if e.kind == "paper"]
            if len(entries) > 1:
                groups.append((entries, [_date_key(e) for e in entries]))
        if order not in (NEWEST, OLDEST):
            order = _majority_direction(groups)
        newest = order == NEWEST
        for entries, keys in groups:
            dated = [(e, k) for e, k in zip(entries, keys) if k is not None]
            bad = [
                (later, earlier) for (earlier, k0), (later, k1) in zip(dated, dated[1:])
                if (k1 > k0 if newest else k1 < k0)
            ]
            if not bad:
                continue
            slots = [i for i, k in enumerate(keys) if k is not None]
            ranked = sorted(slots, key=lambda i: keys[i], reverse=newest)
            if newest:
                # a reversed sort would swap equal dates: keep their order
                ranked = sorted(slots, key=lambda i: (tuple(-x for x in keys[i]), i))
            permuted = list(range(len(entries)))
            for slot, source in zip(slots, ranked):
                permuted[slot] = source
            fix = _move_fix(doc, entries, [e.end for e in entries], permuted, "sort the section by date")
            word = "newer" if newest else "older"
            for later, earlier in bad:
                yield self.diagnostic(
                    f"'{later.title}' ({doc.text[later.fields['date'].start:later.fields['date'].end]}) is {word} "
                    f"than the entry before it at line {earlier.start_line + 1}; the section is sorted {order}",
                    *later.headline(doc), fix,
                )

    # -- classic --------------------------------------------------------------
    def _alphabetical(self, doc):
        entries = doc.entries
        ends = _subtree_ends(entries)
        groups: dict[tuple, list[int]] = {}
        for i, entry in enumerate(entries):
            groups.setdefault((id(entry.section), id(entry.parent)), []).append(i)
        for members in groups.values():
            if len(members) < 2:
                continue
            group = [entries[i] for i in members]
            keys = [_name_key(e.title) for e in group]
            bad = [(group[j + 1], group[j]) for j in range(len(group) - 1) if keys[j + 1] < keys[j]]
            if not bad:
                continue
            permuted = sorted(range(len(group)), key=lambda j: (keys[j], j))
            fix = _move_fix(doc, group, [ends[i] for i in members], permuted, "sort alphabetically")
            for later, earlier in bad:
                yield self.diagnostic(
                    f"'{later.title}' should come before '{earlier.title}' (alphabetical order)",
                    *later.headline(doc), fix,
                )


def _date_key(entry):
    field = entry.fields.get("date")
    if field is None:
        return None
    parsed = dates.parse(field.text)
    return parsed.key if parsed is not None else None


def _majority_direction(groups) -> str:
    up = down = 0
    for _, keys in groups:
        dated = [k for k in keys if k is not None]
        for a, b in zip(dated, dated[1:]):
            up += b > a
            down += b < a
    return OLDEST if up > down else NEWEST


def _name_key(name: str) -> str:
    return _NAME_NOISE.sub("", name.casefold())


def _subtree_ends(entries) -> list[int]:
    """Where each item ends with its nested items (entries are in document order)."""
    ends = [e.end for e in entries]
    open_stack: list[int] = []
    for i, entry in enumerate(entries):
        while open_stack and entries[open_stack[-1]] is not entry.parent and not _is_ancestor(entries[open_stack[-1]], entry):
            open_stack.pop()
        for j in open_stack:
            ends[j] = max(ends[j], entry.end)
        open_stack.append(i)
    return ends


def _is_ancestor(candidate, entry) -> bool:
    parent = entry.parent
    while parent is not None:
        if parent is candidate:
            return True
        parent = parent.parent
    return False


def _move_fix(doc, entries, ends, permuted, title):
    """One edit over the run of entries: each slot gets another entry's exact
    text.  It is a move (slices of the source), so fixes inside the entries
    can be applied in the same round."""
    spans = [(e.start, end) for e, end in zip(entries, ends)]
    gaps = [(end, nxt.start) for end, nxt in zip(ends, entries[1:])]
    pieces = []
    for slot, source in enumerate(permuted):
        pieces.append(spans[source])
        if slot < len(gaps):
            pieces.append(gaps[slot])
    return Fix((Edit.move(entries[0].start, ends[-1], pieces, doc.text),), title=title)
