"""``--add-suppressions``: silence every remaining finding with a comment, so a
maintainer adopts the tool on an old list in one step.

Where the comment goes keeps the markdown what it was:

- a finding on the first line of a block (a paragraph, heading, table, list
  item, code block) gets ``<!-- awesome-lint disable-next-line RULE -->`` on
  the line above, indented to sit in the container that line already belongs
  to: inside the previous list item, never between two items at column 0
  (that would split the list);
- a finding on a later line of a block (the date line of a paper entry, a
  table row, a line of a code block) cannot have a comment line above it
  without splitting that block, so the whole block is wrapped in
  ``disable RULE`` / ``enable RULE`` comments;
- an existing ``disable-next-line`` comment aimed at the line gets the new
  rules added instead of a second comment, and several rules of one line
  share one comment.

The result is parsed again and its block structure compared with the
original's (suppression comments aside); if anything moved, every finding is
suppressed around its top-level block instead, and if even that changes the
structure nothing is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine import suppress
from ..model.document import Document

TAB = 4
LEAVES = {"paragraph_open", "heading_open", "table_open", "fence", "code_block", "html_block", "hr"}
CONTAINERS = {"list_item_open", "blockquote_open"}
UNSUPPRESSIBLE = {"suppression"}  # reports about the comments themselves
_OURS = re.compile(r"<!--\s*(?:awesome-lint|lint)\s+(?:disable-next-line|disable-line|disable|enable|ignore)\b[^\n]*-->\s*")
_WHOLE = re.compile(r"^[ \t>]*<!--(?P<body>.*?)-->\s*$")
_NEXT_LINE = re.compile(r"^(?P<indent>[ \t>]*)<!--(?P<space>\s*)awesome-lint\s+disable-next-line\b(?P<rules>[^:]*?)"
                        r"(?P<tail>\s*(?::[^\n]*)?-->)\s*$")


class PlacementError(Exception):
    """No place for the comments keeps the list's structure: nothing is written."""


@dataclass
class Block:
    first: int  # 0-based lines, last inclusive
    last: int
    chain: list  # enclosing containers, outermost first: (kind, first line, token index, end line)
    top: tuple[int, int] = (0, 0)  # the top-level block holding it


@dataclass
class Plan:
    # line -> comment lines to insert before it (in order); len(lines) = at the end
    before: dict[int, list[str]] = field(default_factory=dict)
    rewrite: dict[int, str] = field(default_factory=dict)  # line -> new text of that line
    count: int = 0


def _blocks(doc: Document) -> list[Block]:
    blocks, stack, top_first = [], [], None
    for index, tok in enumerate(doc.tokens):
        if tok.nesting == 1 and tok.type in CONTAINERS:
            stack.append((tok.type, tok.map[0], index, tok.map[1]))
        elif tok.nesting == -1 and tok.type in ("list_item_close", "blockquote_close"):
            stack.pop()
        if tok.map is not None and tok.level == 0 and tok.nesting != -1:
            top_first = tok.map
        if tok.type in LEAVES and tok.map is not None:
            first, end = tok.map
            blocks.append(Block(first, max(first, end - 1), list(stack), tuple(top_first)))
    return blocks


def _expand(line: str) -> str:
    """Tabs as markdown reads them, stops every four columns."""
    out = ""
    for ch in line:
        out += " " * (TAB - len(out) % TAB) if ch == "\t" else ch
    return out


def _content_column(kind: str, line: str, start: int) -> int:
    """The column where the content of a container opened on ``line`` starts,
    reading from column ``start`` (the parent's content column)."""
    text = _expand(line)
    i = start
    while i < len(text) and text[i] == " " and i - start < 3:
        i += 1
    if kind == "blockquote_open":
        i += 1  # the '>'
        return i + 1 if i < len(text) and text[i] == " " else i
    marker = re.match(r"[-*+]|\d{1,9}[.)]", text[i:])
    end = i + (marker.end() if marker else 1)
    spaces = len(text[end:]) - len(text[end:].lstrip(" "))
    if end + spaces >= len(text) or spaces >= 5:
        return end + 1
    return end + spaces


def _prefix(doc: Document, chain: list) -> str:
    """The text that puts a new line inside the innermost container of ``chain``.

    A quote is written ``> `` wherever its marker stood; a list item adds the
    width of its marker and gap, read on its own first line after the markers
    of the containers around it on that line."""
    parts, widths = [], []
    for k, (kind, first, _index, _end) in enumerate(chain):
        if kind == "blockquote_open":
            parts.append("> ")
            widths.append(0)
            continue
        line, col = doc.lines[first], 0
        for (outer, outer_first, _i, _e), width in zip(chain[:k], widths):
            if outer == "blockquote_open" or outer_first == first:  # its marker is on this line
                col = _content_column(outer, line, col)
            else:  # an item opened above: only its indentation is on this line
                col += width
        own = _content_column(kind, line, col)
        widths.append(own - col)
        parts.append(" " * (own - col))
    return "".join(parts)


def _above(doc: Document, line: int, chain: list, items: dict) -> str:
    """The prefix of a comment line placed just before ``line`` (the first line
    of a block whose containers are ``chain``)."""
    chain = list(chain)
    while chain and chain[-1][1] == line:
        kind, _first, index, _end = chain[-1]
        previous = items.get(index) if kind == "list_item_open" else None
        if previous is not None:  # inside the item before, after its content
            return _prefix(doc, chain[:-1] + [previous])
        chain.pop()  # the first item of a list, or a quote: go outside it
    return _prefix(doc, chain)


def _previous_items(doc: Document) -> dict:
    """token index of a list item -> the container tuple of the item before it in its list."""
    out, open_lists, last_item = {}, [], {}
    for index, tok in enumerate(doc.tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            open_lists.append(index)
            last_item[index] = None
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            last_item.pop(open_lists.pop(), None)
        elif tok.type == "list_item_open":
            owner = open_lists[-1]
            if last_item[owner] is not None:
                out[index] = last_item[owner]
            last_item[owner] = ("list_item_open", tok.map[0], index, tok.map[1])
    return out


def _comment(verb: str, rules: list[str], reason: str | None) -> str:
    return f"<!-- awesome-lint {verb} {', '.join(rules)}{': ' + reason if reason else ''} -->"


def _aimed(doc: Document) -> dict[int, list[int]]:
    """0-based line -> 0-based lines of the whole-line next-line comments
    (``disable-next-line``, ``lint ignore``) aimed at it."""
    out: dict[int, list[int]] = {}
    # The line of each comment the parser saw, its text read from the line itself
    for line in sorted({doc.line_col(start)[0] for start, _end, _body in doc.comments}):
        whole = _WHOLE.match(doc.lines[line])
        match = suppress._DIRECTIVE.match(whole["body"]) if whole else None
        if match and match["verb"] in ("disable-next-line", "ignore"):
            out.setdefault(suppress._next_content_line(doc, line + 1) - 1, []).append(line)
    return out


def _merged(line_text: str, rules: list[str]) -> str:
    m = _NEXT_LINE.match(line_text)
    have = [r for r in re.split(r"[\s,]+", m["rules"].strip()) if r]
    names = have + [r for r in rules if r not in have]
    return f"{m['indent']}<!--{m['space']}awesome-lint disable-next-line {', '.join(names)}{m['tail']}"


def plan(doc: Document, targets: dict[int, list[str]], reason: str | None, toplevel: bool = False) -> Plan:
    """``targets``: 0-based line -> rules to silence there, in order."""
    blocks = _blocks(doc)
    items = _previous_items(doc)
    aimed = _aimed(doc)
    by_line = {n: b for b in blocks for n in range(b.first, b.last + 1)}
    result = Plan()
    pairs: dict[tuple[int, int], tuple[Block, Block, list[str]]] = {}  # (first, last) -> blocks, rules
    next_line: dict[int, list[str]] = {}
    for line, rules in sorted(targets.items()):
        block = by_line.get(line)
        if block is None:
            continue  # a blank line: nothing a comment could aim at
        if toplevel:
            block = Block(block.top[0], block.top[1] - 1, [])
        mergeable = [n for n in aimed.get(line, ()) if _NEXT_LINE.match(doc.lines[n])]
        # a comment line between someone else's next-line comment and its line would take its place
        # Line 0 gets a pair: a finding about the whole document sits at offset 0
        # and would stay there, on the comment line, after a comment is put above it.
        if line == block.first and line > 0 and not toplevel and (mergeable or not aimed.get(line)):
            next_line.setdefault(line, []).extend(r for r in rules if r not in next_line.get(line, []))
        else:
            # a next-line comment at the block's end keeps its target: the pair ends after that
            last, end_block, aims = block.last, block, {src: t for t, srcs in aimed.items() for src in srcs}
            while last in aims and not toplevel and aims[last] in by_line:
                end_block = by_line[aims[last]]
                last = end_block.last
            key = (block.first, last)
            wanted = pairs.setdefault(key, (block, end_block, []))[2]
            wanted.extend(r for r in rules if r not in wanted)
    # a block wrapped in a pair needs no next-line comment on its first line
    for (first, _last), (_block, _end, rules) in pairs.items():
        if first in next_line:
            rules.extend(r for r in next_line.pop(first) if r not in rules)
    enables: dict[int, list[str]] = {}
    disables: dict[int, list[str]] = {}
    for (first, last), (block, end_block, rules) in sorted(pairs.items()):
        # above the comments already aimed at the block's first line (and at them), not between
        at = first
        while aimed.get(at):
            at = min(aimed[at])
        disables.setdefault(at, []).append(_above(doc, first, block.chain, items) + _comment("disable", rules, reason))
        after_prefix = _prefix(doc, end_block.chain)
        enables.setdefault(last + 1, []).append(after_prefix + _comment("enable", rules, None))
        result.count += 1
    nexts: dict[int, list[str]] = {}
    for line, rules in next_line.items():
        block = by_line[line]
        mergeable = [n for n in aimed.get(line, ()) if _NEXT_LINE.match(doc.lines[n])]
        if mergeable:
            target = mergeable[-1]
            result.rewrite[target] = _merged(result.rewrite.get(target, doc.lines[target]), rules)
        else:
            nexts[line] = [_above(doc, line, block.chain, items) + _comment("disable-next-line", rules, reason)]
        result.count += 1
    # At one gap: what closes comes first, a disable-next-line last (it aims at the next line)
    for line in sorted(set(enables) | set(disables) | set(nexts)):
        result.before[line] = enables.get(line, []) + disables.get(line, []) + nexts.get(line, [])
    return result


def apply(text: str, p: Plan) -> str:
    lines = text.split("\n")
    out = []
    for n, line in enumerate(lines):
        out.extend(p.before.get(n, ()))
        out.append(p.rewrite.get(n, line))
    if len(lines) in p.before:  # after the last line of a text without a final newline
        if out and out[-1] == "":
            out[-1:-1] = p.before[len(lines)]
        else:
            out.extend(p.before[len(lines)])
    return "\n".join(out)


def shape(tokens) -> list[tuple]:
    """The block structure, suppression comments left out."""
    return [
        (t.type, t.tag, t.nesting, t.level, t.hidden, t.content if t.type == "inline" else "")
        for t in tokens
        if not (t.type == "html_block" and _OURS.fullmatch(t.content.strip()))
    ]


def add(text: str, doc: Document, diagnostics, reason: str | None = None) -> tuple[str, int]:
    """The text with a suppression for each finding, and how many comments were written or extended."""
    targets: dict[int, list[str]] = {}
    for d in diagnostics:
        if d.rule in UNSUPPRESSIBLE:
            continue
        rules = targets.setdefault(doc.line_col(d.start)[0], [])
        if d.rule not in rules:
            rules.append(d.rule)
    if not targets:
        return text, 0
    want = shape(doc.tokens)
    for toplevel in (False, True):
        p = plan(doc, targets, reason, toplevel)
        new = apply(text, p)
        if shape(Document(new, doc.path, doc.family).tokens) == want:
            return new, p.count
    raise PlacementError("cannot place suppression comments without changing the list's structure; nothing written")


def check_reason(reason: str | None) -> str | None:
    if reason is None:
        return None
    reason = " ".join(reason.split())
    if "--" in reason or ">" in reason:
        raise ValueError("--reason must not contain '--' or '>' (it goes inside an HTML comment)")
    return reason or None
