"""The ``full`` output format: each finding with its source lines, carets
under the columns it covers, the fix ``--fix`` would apply (its diff with
``--show-fixes``) and the related places as notes.

A pure function of the findings and the normalised texts they point into.
"""
from __future__ import annotations

import difflib

from .frame import context, expand, frame
from .output import Finding, _headline, _palette

MAX_DIFF_LINES = 12
MAX_REGION = 400  # lines of a fix's region compared line by line


def _lines(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return lines, starts


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def fix_diff(text: str, starts: list[int], edits) -> tuple[list[tuple[str, int, str]], bool]:
    """The lines a fix changes, as ('-' or '+', 1-based line, text), and
    whether a very large change was compared only in its first lines."""
    if not edits:
        return [], False
    first = _line_of(starts, min(e[0] for e in edits))
    last = _line_of(starts, max(e[1] for e in edits))
    region_start = starts[first]
    region_end = text.find("\n", starts[last])
    region_end = len(text) if region_end < 0 else region_end
    new = []
    cursor = region_start
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        new.append(text[cursor:start])
        new.append(replacement)
        cursor = end
    new.append(text[cursor:region_end])
    old_lines = text[region_start:region_end].split("\n")
    new_lines = "".join(new).split("\n")
    cut = len(old_lines) + len(new_lines) > MAX_REGION
    if cut:
        # a move of a whole section: line matching would cost more than the lint, and
        # only the first lines are shown anyway
        old_lines, new_lines = old_lines[:MAX_DIFF_LINES], new_lines[:MAX_DIFF_LINES]
    out = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        out += [("-", first + 1 + i, old_lines[i]) for i in range(i1, i2)]
        out += [("+", first + 1 + j, new_lines[j]) for j in range(j1, j2)]
    return out, cut


def _fix_label(f: Finding) -> str:
    if not f.fix_applicability:
        return ""
    if f.fix_applicability == "safe":
        kind = "fix"
    elif f.fixable:
        kind = "unsafe fix"
    else:
        kind = "unsafe fix (with --unsafe-fixes)"
    return f"{kind}: {f.fix_title}" if f.fix_title else f"{kind} available"


def _frame_rows(out: list[str], rows, width: int, c: dict, tone: str) -> None:
    # The gutter's first column is free: a fix's diff puts its - and + there.
    bar = f"{c['dim']} {' ' * width} |{c['reset']}"
    for number, source, carets in rows:
        out.append(f"{c['dim']} {number:>{width}} |{c['reset']} {source}".rstrip())
        if carets:
            marks = carets.lstrip(" ")
            out.append(f"{bar} {' ' * (len(carets) - len(marks))}{c[tone]}{marks}{c['reset']}")


def finding(f: Finding, text: str | None, show_fixes: bool, color: bool, cache: dict) -> str:
    c = _palette(color)
    out = [_headline(f, c)]
    if text is None:  # nothing to show the lines from (should not happen)
        return out[0] + "\n"
    if id(text) not in cache:
        cache[id(text)] = _lines(text)
    lines, starts = cache[id(text)]
    if (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, 1) and not f.edits and not f.related:
        return out[0] + "\n"  # about the whole file: no place in it to show
    # A fix shared by several findings (one sort of a section) is shown once
    same = cache.get("last fix")
    edits = tuple(tuple(e) for e in f.edits)  # findings replayed from a store may hold lists
    repeated = bool(edits) and same is not None and same[:2] == (f.path, edits)
    if edits and not repeated:
        cache["last fix"] = (f.path, edits, f.line)
    diff, cut = fix_diff(text, starts, f.edits) if show_fixes and f.fix_applicability and not repeated else ([], False)
    rows = frame(lines, f.line, f.column, f.end_line, f.end_column)
    above, below = context(lines, f.line, int(rows[-1][0]) if rows[-1][0] else f.end_line)
    numbers = [f.end_line, *below, *(r[3] for r in f.related), *(n for _, n, _ in diff)]
    width = max(len(str(n)) for n in numbers)
    bar = f"{c['dim']} {' ' * width} |{c['reset']}"
    out.append(bar)
    rows = [(str(n), expand(lines[n - 1], 0, 0)[0].rstrip(), "") for n in above] + rows
    rows += [(str(n), expand(lines[n - 1], 0, 0)[0].rstrip(), "") for n in below]
    _frame_rows(out, rows, width, c, f.severity)
    label = _fix_label(f)
    if label:
        if repeated:
            label += f" (the fix shown at line {same[2]})"
        out.append(f" {' ' * width} {c['help']}= {label}{c['reset']}")
        shown = diff if len(diff) <= MAX_DIFF_LINES and not cut else diff[:MAX_DIFF_LINES - 1]
        for sign, number, source in shown:
            tone = "error" if sign == "-" else "add"
            out.append(f"{c[tone]}{sign}{number:>{width}} |{c['reset']} {c[tone]}{expand(source, 0, 0)[0]}{c['reset']}".rstrip())
        if cut:
            out.append(f"{bar} ... (more changed lines: --diff shows them all)")
        elif len(shown) < len(diff):
            out.append(f"{bar} ... ({len(diff) - len(shown)} more changed lines)")
    for message, line, column, end_line, end_column in f.related:
        out.append(f" {' ' * width} {c['help']}= note: {message} at line {line}, column {column}{c['reset']}")
        _frame_rows(out, frame(lines, line, column, end_line, end_column, "-"), width, c, "help")
    return "\n".join(out) + "\n"


def render(findings: list[Finding], texts: dict[str, str], color: bool, show_fixes: bool = False) -> str:
    """Every finding's frame, a blank line between them."""
    cache: dict = {}
    return "\n".join(finding(f, texts.get(f.path), show_fixes, color, cache) for f in findings)
