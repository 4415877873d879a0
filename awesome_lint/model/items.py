"""Classic list items: ``- [Name](url) - Description.``

An item is a list item (or a line glued to its bullet, ``-[Name](url)``, which
markdown does not see as a list item at all) that opens with its link.  Badges
and bold markers around the name are allowed; badges and code spans between
the name and the separator are kept out of both the name and the description.
"""
from __future__ import annotations

import re
import unicodedata

import bisect

from .nodes import Block, Entry, Field, Link, links_within

_BULLET = re.compile(r"[ \t>]*(?P<b>[-*+])(?P<gap>[ \t]*)")
# ``1. [Name](url)``: a numbered item's marker (its numbers are markdown's, not a style choice)
NUMBER = re.compile(r"[ \t>]*(?P<n>\d{1,9})[.)][ \t]+")
# A bullet glued to its link: markdown reads the line as plain text.
# ``*`` needs the bracket right after it, ``**[`` being bold.
# A '*' that a later '*' on the line closes opens emphasis ("*[A](u), [B](v).*"), not an item.
_GLUED = re.compile(r"(?P<indent>[ \t>]*)(?:(?P<b>[-+])(?=\*{0,2}_{0,2}\[)|(?P<star>\*)(?=\[)(?!.*(?<![\s*])\*(?!\*)))")
# Dashes and colons people put between a name and its description.  A plain
# hyphen needs a space on one side, so ``[x](u)-js`` is not read as one.
# An arrow (``->``, ``=>``, ``→``) is one separator, not a hyphen and a stray ``>``.
_SEPARATOR = re.compile(
    r"[ \t\u00a0]*(?:[-=]+>|\u2192|--?(?=[ \t\u00a0])|(?<=[ \t\u00a0])--?(?!>)|[\u2013\u2014]|:(?=[ \t\u00a0]))[ \t\u00a0]*"
)
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1|(`+)`*?\2")
_PARENTHETICAL = re.compile(r"\([^()\n]*\)")
# a bracketed tag that is not a link, or an emoji shortcode
_TAG = re.compile(r"\[[^\[\]\n]{1,40}\](?![(\[:])|:[a-z0-9_+-]{1,30}:|<!--.*?-->|([*_])\([^()\n]*\)\1")


_JOIN = re.compile(r"(?:,[ \t]*(?:and|&|or)?|and|&|/|\||or)[ \t]+", re.I)
# A name that runs on past its link before the separator: more product names
# ("[X](u), IntelliJ IDEA, PhpStorm & RubyMine - ...") or an alias ("a.k.a. afl-fuzz").
_NAME_WORDS = r"[A-Z0-9][\w.+#'-]*(?:[ \t]+[A-Z0-9][\w.+#'-]*){0,3}"
_RUN_ON = re.compile(
    rf",[ \t]*(?:(?:and|&)[ \t]+)?{_NAME_WORDS}(?:(?:,[ \t]*|[ \t]*&[ \t]*|[ \t]+and[ \t]+){_NAME_WORDS})*"
    r"|(?i:a\.k\.a\.?|aka)[ \t]+[^\s\[\]()]+(?:[ \t]+[^\s\[\]()]+){0,2}?(?=[ \t]+(?:--?|[\u2013\u2014])[ \t])")


def _wordless(doc, links, start: int, end: int) -> bool:
    """Nothing but badges, links, tags, counts and punctuation after the name:
    the item has no description to judge (``[The One](u) [461👍]``)."""
    pieces, cursor = [], start  # one pass: cutting the links out one by one is quadratic
    for link in sorted((l for l in links if start <= l.start and l.end <= end), key=lambda l: l.start):
        if link.start >= cursor:  # an image inside a link went with the link
            pieces.append(doc.text[cursor:link.start])
            cursor = link.end
    pieces.append(doc.text[cursor:end])
    text = _TAG.sub("", "".join(pieces))
    return not any(ch.isalpha() for ch in text)


def _is_emoji(ch: str) -> bool:
    return ch >= "\u2190" and unicodedata.category(ch) == "So"


def looks_like_item(doc, block: Block) -> bool:
    return any(True for _ in _pieces(doc, block))


def _pieces(doc, block: Block):
    """(first line, end line, bullet offset or None, glued) for each item in a block."""
    if block.kind not in ("list_item", "paragraph"):
        return
    starts = []
    line = doc.lines[block.start_line]
    if block.kind == "list_item" and (line.lstrip(" \t>")[:1] in ("-", "*", "+") or NUMBER.match(line)):
        starts.append((block.start_line, False))
    for n in range(block.start_line, block.end_line):
        if starts and n == starts[0][0]:
            continue
        if _GLUED.match(doc.lines[n]):
            starts.append((n, True))
    for index, (first, glued) in enumerate(starts):
        last = starts[index + 1][0] if index + 1 < len(starts) else block.end_line
        yield first, last, glued


def _is_badge(doc, link: Link) -> bool:
    """An image, or a link whose whole text is an image."""
    if link.image:
        return True
    inner = doc.text[link.text_start:link.text_end].strip()
    return inner.startswith("![") and inner.endswith((")", "]"))


def _main_link(doc, block: Block, start: int, end: int):
    """The item's own link: the first link, past any badges, that opens the line."""
    links = links_within(block.links, start, end)
    marker = _BULLET.match(doc.text, start, end) or NUMBER.match(doc.text, start, end)
    cursor = marker.end() if marker else start
    for link in links:
        if link.start < cursor:
            continue  # an image inside a badge link already skipped
        lead = doc.text[cursor:link.start]
        if lead.strip(" \t*_"):
            return None
        if _is_badge(doc, link):
            cursor = link.end
            continue
        if not link.url or doc.in_page(link.url):
            return None
        return link
    return None


def _after_name(doc, link: Link, end: int) -> int:
    """Past the closing emphasis markers that wrap the name."""
    after = link.end
    while after < end and doc.text[after] in "*_":
        after += 1
    return after


def _decorations_end(doc, links: list[Link], pos: int, end: int) -> int:
    """Past what lists put between the name and the separator: badges, code
    spans, more links (``[[crate](url)]``, ``[docs](url)``), bracketed tags
    (``[5794⭐]``), emoji and ``:shortcodes:``, parentheticals.  The caller keeps
    them only when a separator follows."""
    text = doc.text
    while pos < end:
        gap = pos
        while gap < end and text[gap] in " \t":
            gap += 1
        if gap == pos and pos != end and text[pos] not in "![`:,|" and not _is_emoji(text[pos]):
            break
        link = next((l for l in links if l.start in (gap, gap + 1)), None)
        if link is not None and (link.start == gap or text[gap] == "["):
            after = link.end
            if link.start == gap + 1:  # a link in brackets: [[crate](url)]
                if text[after:after + 1] != "]":
                    break
                after += 1
            pos = after
            continue
        joined = _JOIN.match(text, gap, end)
        if joined and any(l.start == joined.end() for l in links):
            pos = joined.end()  # "[A](u) and [B](v) - ...": one item naming two links
            continue
        tag = _TAG.match(text, gap, end)
        if tag:
            pos = tag.end()
            continue
        if gap < end and _is_emoji(text[gap]):
            pos = gap + 1
            while pos < end and (_is_emoji(text[pos]) or text[pos] in "\ufe0f\u200d"):
                pos += 1
            continue
        code = _CODE_SPAN.match(text, gap, end)
        if code and code.group(1):
            pos = code.end()
            continue
        aside = _PARENTHETICAL.match(text, gap, end)
        if aside and gap > pos:
            pos = aside.end()
            continue
        run_on = _RUN_ON.match(text, gap, end)
        if run_on:
            pos = run_on.end()
            continue
        break
    return pos


def build_entries(doc) -> list[Entry]:
    entries: list[Entry] = []
    parents: list[Entry] = []
    starts = [s.start_line for s in doc.sections[1:]]
    for block in doc.blocks:
        for first, last, glued in _pieces(doc, block):
            section = doc.sections[bisect.bisect_right(starts, first)]
            entry = _entry(doc, block, first, last, glued, section)
            if entry is None:
                continue
            # a parent is an item of the same section that the entry is nested under
            while parents and (parents[-1].depth >= entry.depth or parents[-1].section is not entry.section):
                parents.pop()
            entry.parent = parents[-1] if parents else None
            parents.append(entry)
            entries.append(entry)
    return entries


def _entry(doc, block: Block, first: int, last: int, glued: bool, section=None) -> Entry | None:
    start = doc.line_starts[first]
    end = doc.line_end(last - 1)
    link = _main_link(doc, block, start, end)
    if link is None:
        return None
    links = links_within(block.links, start, end)
    fields: dict[str, Field] = {}
    bullet = _BULLET.match(doc.text, start, end)
    if bullet:
        fields["bullet"] = Field(bullet.start("b"), bullet.end("b"), bullet.group("b"))
        fields["gap"] = Field(bullet.start("gap"), bullet.end("gap"), bullet.group("gap"))
    fields["name"] = Field(link.text_start, link.text_end, link.text)
    after = _after_name(doc, link, end)
    sep = None
    decorated = _decorations_end(doc, links, after, end)
    if decorated > after:
        sep = _SEPARATOR.match(doc.text, decorated, end)
        if sep and sep.end() > decorated:
            fields["decorations"] = Field(after, decorated, doc.text[after:decorated])
            after = decorated
        else:
            sep = None
    if sep is None:
        sep = _SEPARATOR.match(doc.text, after, end)
    if sep and sep.end() > after and sep.end() < end:
        fields["separator"] = Field(after, sep.end(), sep.group())
        desc_start = sep.end()
    else:
        desc_start = after
        while desc_start < end and doc.text[desc_start] in " \t":
            desc_start += 1
    if doc.text[desc_start:end].strip() and not _wordless(doc, links, desc_start, end):
        fields["description"] = Field(desc_start, end, doc.text[desc_start:end])
    depth = max(block.list_depth - 1, 0) if not glued else _glued_depth(doc, block, first)
    if section is None:
        starts = [s.start_line for s in doc.sections[1:]]
        section = doc.sections[bisect.bisect_right(starts, first)]
    list_line = block.list_line if not glued or block.kind == "list_item" else block.start_line
    return Entry("item", section, first, last, start, end, link.text, fields, links, depth, None, list_line)


def _glued_depth(doc, block: Block, line: int) -> int:
    """A glued line is a sibling of the item it follows, or nested under it when indented more."""
    if block.list_depth == 0:
        return 0
    own = len(doc.lines[line]) - len(doc.lines[line].lstrip(" \t"))
    item = block.item_line if block.item_line is not None else block.start_line
    parent = len(doc.lines[item]) - len(doc.lines[item].lstrip(" \t"))
    if block.kind == "list_item":
        return block.list_depth - 1 + (1 if own > parent else 0)
    return block.list_depth
