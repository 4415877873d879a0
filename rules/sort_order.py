"""sort-order: papers by date within each section, classic items by name, each
only where the list has established that order (``model/conventions.py``).

The fix moves whole entries verbatim (their exact source text, nested
sub-lists included) into sorted order; what lies between entries stays in its
place, and papers without a valid date keep their position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from awesome_lint.model import dates
from awesome_lint.model.conventions import (ALPHA, COLLATE, NEWEST, OLDEST, Convention, natural_key,
                                             paper_groups, paper_years)
from awesome_lint.model.items import NUMBER
from awesome_lint.rule import Edit, Fix, Rule, option


class SortOrder(Rule):
    name = "sort-order"
    summary = "Entries keep the order the list has established: papers by date per section, items alphabetically"
    tags = ("entries", "order")
    fixable = True

    @dataclass
    class Options:
        # "auto": each section's papers follow the direction they are already sorted
        # in, and items are alphabetical only where the list already is; or
        # "newest-first", "oldest-first", "alphabetical", "none"
        order: str = option("auto", choices=("auto", NEWEST, OLDEST, ALPHA, "none"))

    def check(self, doc, ctx):
        order = self.options.order
        if order == "none":
            return
        if order != ALPHA:
            yield from self._papers(doc, order)
            yield from self._misfiled(doc)
        yield from self._alphabetical(doc, order == ALPHA)

    # -- papers ---------------------------------------------------------------
    def _papers(self, doc, order):
        conv = doc.conventions
        # a second copy of a paper in its section is to be deleted, not moved: it keeps its place
        copies = {id(e) for e, first, same in conv.copies if same and first.section is e.section}
        # a paper whose date, not its place, is wrong is not moved: its date is reported
        misdated = conv.misdated
        for section in doc.sections:
            entries = [e for e in section.entries if e.kind == "paper"]
            if len(entries) < 2:
                continue
            convention = conv.paper_order(section)
            if order in (NEWEST, OLDEST):
                convention = Convention("paper-order", "document", convention.counts, order,
                                        "rule's 'order' option", convention.unit, convention.of)
            if convention.value not in (NEWEST, OLDEST):
                continue
            newest = convention.value == NEWEST
            # (judged against the section's own direction, not one the option forces)
            suspect = misdated if convention.value == conv.paper_order(section).value else {}
            keys = [None if id(e) in copies or id(e) in suspect else k
                    for e, k in zip(entries, conv.order_keys(section, entries))]
            word = "newer" if newest else "older"
            standard = convention.standard(convention.value, "is sorted") if convention.scope != "document" \
                else convention.standard(convention.value, "sorts its sections")
            for entry in entries:
                if id(entry) in suspect:
                    date = entry.fields["date"]
                    year, month = suspect[id(entry)]
                    yield self.diagnostic(
                        f"'{entry.title}' is dated {doc.text[date.start:date.end]}, out of order where {standard}; "
                        f"its arXiv id ({dates.SHORT[month - 1]} {year}) fits its place: the date looks wrong",
                        date.start, date.end,
                    )
            for run, run_keys in _runs(doc, entries, keys):
                dated = [(e, k) for e, k in zip(run, run_keys) if k is not None]
                if all(not (k1 > k0 if newest else k1 < k0) for (_, k0), (_, k1) in zip(dated, dated[1:])):
                    continue
                fix = _date_fix(doc, run, run_keys, newest)
                for members, j, later in _out_of_place(dated, newest):
                    group, neighbour = [dated[i][0] for i in members], dated[j][0]
                    entry = group[0]
                    date = conv.order_field(entry)
                    them = "them" if len(group) > 1 else "it"
                    # (the paper next to it, or the nearest one in order past a block out of place)
                    next_to = j == (members[0] - 1 if later else members[-1] + 1)
                    side = "before" if later else "after"
                    other = f"the entry {side} {them}" if next_to else f"the nearest paper in order {side} {them}"
                    than = f"{word if later else ('older' if newest else 'newer')} than {other}"
                    head = f"'{entry.title}' ({doc.text[date.start:date.end]})"
                    if len(group) > 1:  # a block of papers in the wrong place: one finding
                        more = len(group) - 1
                        head += (f" and the paper after it (line {group[-1].start_line + 1}) are" if more == 1 else
                                 f" and the {more} papers after it (to line {group[-1].start_line + 1}) are")
                    else:
                        head += " is"
                    yield self.diagnostic(f"{head} {than} at line {neighbour.start_line + 1} where {standard}",
                                          *entry.headline(doc), fix)

    def _misfiled(self, doc):
        """A paper of another year under a heading that is a year, where the list files each
        paper under the heading of its year (no fix: which of the two is wrong, the place or
        the year, the maintainer knows)."""
        conv = doc.conventions
        for entry, section, year, convention in conv.misfiled:
            standard = convention.standard("papers under the heading of their year", "files")
            given = ", ".join(str(y) for y in sorted(paper_years(entry)))
            yield self.diagnostic(f"'{entry.title}' ({given}) is under the heading '{section.title}' "
                                  f"where {standard}", *entry.headline(doc))

    # -- classic --------------------------------------------------------------
    def _alphabetical(self, doc, forced: bool):
        conv = doc.conventions
        order = conv.item_order
        if forced:
            order = Convention("item-order", "document", order.counts, ALPHA, "rule's 'order' option",
                               order.unit)
        if order.value != ALPHA:
            return
        collations = conv.collations
        keys_of = [COLLATE[name] for name in collations]
        entries = conv.items()
        ends = _subtree_ends(entries)
        index = {id(e): i for i, e in enumerate(entries)}
        standard = order.standard(f"alphabetical order ({collations[0]})", "keeps")
        for group in conv.item_groups:
            if not forced and not conv.group_sorted(group):
                continue
            keys = [[key(doc, e) for e in group] for key in keys_of]
            # out of order under every collation the list may be using; a pair
            # that only some of them put out of order is left alone
            wrong = [j for j in range(len(group) - 1) if all(k[j + 1] < k[j] for k in keys)
                     and not _unclear(group[j].title, group[j + 1].title)
                     and not (j + 2 == len(group) and _CATCH_ALL.fullmatch(group[j + 1].title.strip()))]
            if not wrong:
                continue
            unclear = any(k[j + 1] < k[j] for k in keys for j in range(len(group) - 1) if j not in wrong)
            # items whose bullets sit at other indents ("  * a" and "* b" in one list) would
            # nest under one another once moved: no move is offered for them
            uneven = len({_indent(doc, e) for e in group}) > 1
            # numbered items written '1.', '2.', '3.' would carry their numbers out of sequence
            # (items all numbered '1.' move freely)
            numbered = len({_number(doc, e) for e in group}) > 1
            fix = None
            if not unclear and not uneven and not numbered:
                permuted = sorted(range(len(group)), key=lambda j: (keys[0][j], j))
                fix = _move_fix(doc, group, [ends[index[id(e)]] for e in group], permuted, "sort alphabetically")
            for j in wrong:
                later, earlier = group[j + 1], group[j]
                yield self.diagnostic(
                    f"'{later.title}' should come before '{earlier.title}' where {standard}",
                    *later.headline(doc), fix,
                )


# what lists keep last on purpose, whatever its letter: "Others", "Miscellaneous"
_CATCH_ALL = re.compile(r"(?:others?|misc\.?|miscellaneous|more|etc\.?|other \w+|various)", re.I)


def _number(doc, entry) -> str | None:
    m = NUMBER.match(doc.lines[entry.start_line])
    return m.group("n") if m else None


def _indent(doc, entry) -> str:
    line = doc.lines[entry.start_line]
    return line[:len(line) - len(line.lstrip(" \t>"))]


def _unclear(a: str, b: str) -> bool:
    """Names one of which is the other plus a suffix, once punctuation is set
    aside (``libxml++`` / ``Libxml2``, ``Calibre Web`` / ``Calibre Web Automated``):
    lists order such pairs both ways."""
    na, nb = natural_key(a), natural_key(b)
    return na.startswith(nb) or nb.startswith(na)


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


def _runs(doc, entries, keys):
    """The section's papers and their keys, group by group: nothing is compared
    or moved across a line of text between two papers."""
    at = 0
    for group in paper_groups(doc, entries):
        yield group, keys[at:at + len(group)]
        at += len(group)


def _out_of_place(dated: list, newest: bool):
    """(indexes of papers in ``dated``, the index of the neighbour they are judged against,
    whether they come after it) for the papers outside the longest run already in order:
    the few to move, not each paper next to one of them (one paper dated too old puts the
    next one out of order too); a block of them together is one."""
    # (found from the end, keys turned round: of two papers swapped, the later is the one out of place)
    keys = [k for _, k in dated]
    turned = keys[::-1] if newest else [tuple(-x for x in k) for k in reversed(keys)]
    keep = {len(keys) - 1 - i for i in _longest_ordered(turned)}
    judged = []
    for i, (entry, key) in enumerate(dated):
        if i in keep:
            continue
        before = next((j for j in range(i - 1, -1, -1) if j in keep), None)
        after = next((j for j in range(i + 1, len(dated)) if j in keep), None)
        if before is not None and (key > dated[before][1] if newest else key < dated[before][1]):
            judged.append((i, before, True))
        elif after is not None:
            judged.append((i, after, False))
        elif before is not None:
            judged.append((i, before, True))
    # neighbouring papers out of place against one paper, the same way, are one block
    blocks: list = []
    for i, j, later in judged:
        if blocks and blocks[-1][0][-1] == i - 1 and blocks[-1][1:] == [j, later]:
            blocks[-1][0].append(i)
        else:
            blocks.append([[i], j, later])
    yield from (tuple(b) for b in blocks)


def _longest_ordered(keys: list) -> list[int]:
    """Indexes of a longest non-decreasing subsequence of ``keys``, the one whose items
    are the smallest it can be (patience sorting with back links)."""
    tails: list = []  # the index of the smallest tail of each length
    back = [-1] * len(keys)
    for i, k in enumerate(keys):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[tails[mid]] <= k:
                lo = mid + 1
            else:
                hi = mid
        back[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out, i = [], tails[-1] if tails else -1
    while i >= 0:
        out.append(i)
        i = back[i]
    return out[::-1]


def _date_fix(doc, entries, keys, newest: bool):
    slots = [i for i, k in enumerate(keys) if k is not None]
    if newest:
        # a reversed sort would swap equal dates: keep their order
        ranked = sorted(slots, key=lambda i: (tuple(-x for x in keys[i]), i))
    else:
        ranked = sorted(slots, key=lambda i: (keys[i], i))
    permuted = list(range(len(entries)))
    for slot, source in zip(slots, ranked):
        permuted[slot] = source
    return _move_fix(doc, entries, [e.end for e in entries], permuted, "sort the section by date")


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
