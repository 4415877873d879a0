"""markdown-it-py set up for reading a list, not for rendering HTML.

Three of its steps are for HTML output or written for clarity, not speed,
and together cost a lint more than a tenth of its time:

- ``normalizeLink`` percent-encodes every destination for an ``href``.
  Nothing here renders HTML, so destinations stay as parsed (escapes and
  entities resolved).  Whether a destination is a link at all must not
  change, so it is still judged on the encoded form, except where the
  encoding provably cannot change the verdict (printable ASCII).
- ``parseLinkDestination`` walks a destination one character at a time.  A
  destination without ``<``, ``\\`` or ``(`` ends where its first blank,
  control character or ``)`` is: one regular expression finds it; any other
  goes through markdown-it's own walk.
- ``paragraph`` asks each of its seven terminating rules about every line
  after its first, and each rule refuses at once unless the line starts
  with its marker (a table: unless the line below starts one).  A line
  that starts with none of them, above one that starts no table, is
  carried on without asking.
- ``lheading`` (a setext heading: text underlined with ``===`` or ``---``)
  is tried on every paragraph and runs every paragraph-ending rule on each
  of its lines, as the paragraph rule then does again.  Only a paragraph
  with a line of nothing but ``=`` or ``-`` can be one: any other is
  refused at once, leaving the parser state as markdown-it's refusal does.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from markdown_it import helpers, rules_block
from markdown_it.common import normalize_url
from markdown_it.common.utils import mdTrim, unescapeAll
from markdown_it.helpers.parse_link_destination import _Result

_PLAIN_DESTINATION = re.compile(r"[!-~]*")  # printable ASCII, no space
_SIMPLE_DESTINATION = re.compile(r"[^\x00-\x20\x7f\\()]+")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*")


def _same(url: str) -> str:
    return url


def _valid(url: str) -> bool:
    if not _PLAIN_DESTINATION.fullmatch(url):
        url = normalize_url.normalizeLink(url)
    return normalize_url.validateLink(url)


def normalized(url: str) -> str:
    """The destination as markdown-it would have percent-encoded it."""
    return normalize_url.normalizeLink(url)


def _destination(string: str, pos: int, maximum: int) -> _Result:
    if pos < maximum and string[pos] != "<":
        m = _SIMPLE_DESTINATION.match(string, pos, maximum)
        if m is not None and (m.end() >= maximum or string[m.end()] not in "\\("):
            result = _Result()
            result.ok, result.pos, result.str = True, m.end(), unescapeAll(m.group())
            return result
    return helpers.parseLinkDestination(string, pos, maximum)


class _Underlines:
    """For one source text: which lines could underline a setext heading (nothing but
    ``=`` or ``-`` after any indent and quote markers), and where each line's run of
    lines ends at a blank one (blank but for indent and quote markers).  Built once per
    text, so asking about every paragraph of a long list stays linear."""

    def __init__(self, src: str) -> None:
        self.src = src
        lines = src.split("\n")
        self.count = [0]  # count[i]: underline-like lines before line i
        for line in lines:
            body = line.lstrip(" \t>")
            self.count.append(self.count[-1] + (bool(body) and body[0] in "=-" and bool(_UNDERLINE.fullmatch(body))))
        self.blank_from = [len(lines)] * (len(lines) + 1)  # the first blank line at or after i
        for i in range(len(lines) - 1, -1, -1):
            self.blank_from[i] = i if not lines[i].strip(" \t>") else self.blank_from[i + 1]

    def between(self, first: int, end: int) -> bool:
        """Whether a line in ``[first, end)`` before the next blank line could be an underline."""
        if first >= min(end, len(self.blank_from) - 1):
            return False
        stop = min(self.blank_from[first], end)
        return stop > first and self.count[stop] > self.count[first]


_underlines: list = [None]


def _lheading(state, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    index = _underlines[0]
    if index is None or index.src is not state.src:
        index = _underlines[0] = _Underlines(state.src)
    if index.between(start_line + 1, end_line):
        return rules_block.lheading(state, start_line, end_line, silent)
    state.parentType = "paragraph"  # as markdown-it leaves it when it finds no underline
    return False


# what the first character of a line (after its indent) must be for each
# rule that can end a paragraph; a rule not listed here is always asked
_STARTS = {
    "table": "",  # decided by the line below: see _TABLE_BELOW
    "fence": "`~", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789",
    "html_block": "<", "heading": "#",
}
_TABLE_BELOW = "|-:"


def _paragraph_rule(md):
    ruler = md.block.ruler
    known: list = [None, None]  # the terminator list last seen, and the first characters it needs

    def starts_for(terminators):
        if known[0] is not terminators:
            names = [r.name for r in ruler.__rules__ if r.enabled and "paragraph" in r.alt]
            unknown = any(name not in _STARTS for name in names)  # then every rule is asked
            first = None if unknown else frozenset("".join(_STARTS[name] for name in names))
            known[:] = [terminators, (first, "table" in names)]
        return known[1]

    def paragraph(state, start_line: int, end_line: int, silent: bool) -> bool:
        terminators = ruler.getRules("paragraph")
        starts, table = starts_for(terminators)
        end_line = state.lineMax
        old_parent = state.parentType
        state.parentType = "paragraph"
        src, b_marks, t_shift, s_count = state.src, state.bMarks, state.tShift, state.sCount
        line = start_line + 1
        while line < end_line:
            if state.isEmpty(line):
                break
            # indented as code, or a quote's lazy line: carried on, as markdown-it does
            if s_count[line] - state.blkIndent > 3 or s_count[line] < 0:
                line += 1
                continue
            if (starts is None or src[b_marks[line] + t_shift[line]] in starts
                    or (table and _table_below(state, line + 1))):
                if any(rule(state, line, end_line, True) for rule in terminators):
                    break
            line += 1
        content = mdTrim(state.getLines(start_line, line, state.blkIndent, False))
        state.line = line
        token = state.push("paragraph_open", "p", 1)
        token.map = [start_line, line]
        token = state.push("inline", "", 0)
        token.content = content
        token.map = [start_line, line]
        token.children = []
        state.push("paragraph_close", "p", -1)
        state.parentType = old_parent
        return True

    return paragraph


def _table_below(state, line: int) -> bool:
    if line >= state.lineMax:
        return False
    pos = state.bMarks[line] + state.tShift[line]
    return pos < state.eMarks[line] and state.src[pos] in _TABLE_BELOW


def tune(md):
    """``md`` with the steps above replaced; returns it."""
    md.block.ruler.at("lheading", _lheading)
    md.block.ruler.at("paragraph", _paragraph_rule(md))
    md.normalizeLink = _same
    md.validateLink = _valid
    md.helpers = SimpleNamespace(parseLinkDestination=_destination, parseLinkLabel=helpers.parseLinkLabel,
                                 parseLinkTitle=helpers.parseLinkTitle)
    return md
