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
from markdown_it.common.utils import unescapeAll
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


def _lheading(state, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    src, begins, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
    line = start_line + 1
    while line < end_line:
        pos = begins[line] + shifts[line]
        if pos >= ends[line]:  # a blank line ends the paragraph
            break
        if src[pos] in "=-" and _UNDERLINE.fullmatch(src, pos, ends[line]):
            return rules_block.lheading(state, start_line, end_line, silent)
        line += 1
    state.parentType = "paragraph"  # as markdown-it leaves it when it finds no underline
    return False


def tune(md):
    """``md`` with the steps above replaced; returns it."""
    md.block.ruler.at("lheading", _lheading)
    md.normalizeLink = _same
    md.validateLink = _valid
    md.helpers = SimpleNamespace(parseLinkDestination=_destination, parseLinkLabel=helpers.parseLinkLabel,
                                 parseLinkTitle=helpers.parseLinkTitle)
    return md
