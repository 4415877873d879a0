"""Punctuation in prose: quotes and brackets that pair up, no doubled marks.

Only the text of paragraphs, list items and headings is read: code spans,
link destinations, HTML and code blocks never are.
"""
from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass

from awesome_lint.rule import Fix, Rule, UNSAFE, WARNING

PAIRS = {"“": "”", "‘": "’", "(": ")", "[": "]", "«": "»", "「": "」", "『": "』", "（": "）", "【": "】", "《": "》"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
# the same bracket in its ASCII and its full-width form: one closing the other is one slip
_TWINS = {"(": "（", "（": "(", "[": "【", "【": "["}
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")


class Prose:
    """The text of one paragraph, list item or heading, with its source offsets.

    Backslashes are left out; ``offset(k)`` is where character ``k`` of
    ``text`` sits in the document.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.text_starts: list[int] = []
        self.src_starts: list[int] = []
        self.length = 0

    def add(self, segment: str, src: int) -> None:
        self.parts.append(segment)
        self.text_starts.append(self.length)
        self.src_starts.append(src)
        self.length += len(segment)

    def offset(self, k: int) -> int:
        j = bisect.bisect_right(self.text_starts, k) - 1
        return self.src_starts[j] + k - self.text_starts[j]


# Both punctuation rules read the same prose: build it once per document.
_PROSE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def prose(doc) -> list[tuple[str, Prose]]:
    found = _PROSE.get(doc)
    if found is None:
        found = _PROSE[doc] = list(_prose(doc))
    return found


def _prose(doc):
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or not tok.map:
            continue
        children = tok.children or []
        spans = doc.aligned(i).spans
        para = Prose()
        for child, (s, e) in zip(children, spans):
            if child.type == "text" and e > s:
                segment = doc.text[s:e]
                cursor = s
                for piece in segment.split("\\"):
                    if piece:
                        para.add(piece, cursor)
                    cursor += len(piece) + 1
        yield "".join(para.parts), para


def _is_apostrophe(text: str, k: int) -> bool:
    return k > 0 and text[k - 1].isalnum()


class BalancedPunctuation(Rule):
    name = "balanced-punctuation"
    aliases = ("match-punctuation", "remark-lint-match-punctuation")
    summary = "Quotes and brackets in prose come in pairs (“…”, (…), 「…」, \"…\")"
    tags = ("punctuation", "style")

    @dataclass
    class Options:
        # also count straight double quotes, which must be even in each paragraph
        straight_quotes: bool = True

    def check(self, doc, ctx):
        for text, para in prose(doc):
            stack = []  # (offset, opener)
            for m in _MARKS.finditer(text):
                k, ch = m.start(), m.group()
                offset = para.offset(k)
                if ch == "’" and _is_apostrophe(text, k) and not any(o == "‘" for _, o in stack):
                    continue  # don't, it’s, students’
                if ch in PAIRS:
                    stack.append((offset, ch))
                elif ch in CLOSERS:
                    opener = CLOSERS[ch]
                    if ch == ")" and opener not in (o for _, o in stack) and _is_enumeration(text, k):
                        continue  # "1)", "a)" counting, ":)" smileys
                    if any(o == opener for _, o in stack):
                        while stack and stack[-1][1] != opener:
                            stack.pop()
                        stack.pop()
                    elif stack and stack[-1][1] == _TWINS.get(opener):
                        start, other = stack.pop()
                        yield self.diagnostic(f"'{other}' is closed with '{ch}': a pair is '{other}…{PAIRS[other]}' "
                                              f"or '{opener}…{ch}'", start, offset + 1)
                    else:
                        yield self.diagnostic(f"'{ch}' closes nothing: no '{opener}' before it", offset, offset + 1)
            for offset, opener in stack:
                yield self.diagnostic(f"'{opener}' is never closed with '{PAIRS[opener]}'", offset, offset + 1)
            if self.options.straight_quotes:
                marks = list(re.finditer('"', text))
                if len(marks) % 2:
                    # (``7" display``: inches after a number; where they make the count odd, they are no quote)
                    inches = [m for m in marks if _inch(text, m.start())]
                    if len(inches) % 2:
                        marks = [m for m in marks if m not in inches]
                quotes = [para.offset(m.start()) for m in marks]
                if len(quotes) % 2:
                    yield self.diagnostic('odd number of \'"\' in this paragraph: one is never closed',
                                          quotes[-1], quotes[-1] + 1, severity=WARNING)


_INCH_NUMBER = re.compile(r"(?:^|[^\w.])\d{1,3}(?:\.\d)?$")
_INCH_AFTER = re.compile(r"[ \t]*[A-Za-z(,-]")


def _inch(text: str, k: int) -> bool:
    """Whether the ``"`` at ``k`` is an inch mark: right after a number, before a word (``7" display``)."""
    return bool(_INCH_NUMBER.search(text[max(0, k - 8):k])) and bool(_INCH_AFTER.match(text, k + 1))


def _is_enumeration(text: str, k: int) -> bool:
    before = text[max(0, k - 6):k]  # "1)", "a)", "ii)", "iv)"
    return bool(re.search(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})$|[:;]-?$", before))


_REPEAT = re.compile(r"([!?,;])\1+|(?<![.\w/])\.\.(?![.\w/])|(?<![:\w])::(?![:\w])")


class _Spans:
    """(start, end) spans, asked whether the one that starts last at or before an
    offset holds it."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def hold(self, offset: int) -> bool:
        at = bisect.bisect_right(self.starts, offset) - 1
        return at >= 0 and offset < self.spans[at][1]


class NoRepeatPunctuation(Rule):
    name = "no-repeat-punctuation"
    aliases = ("remark-lint-no-repeat-punctuation",)
    summary = "No doubled punctuation in prose (`!!`, `??`, `,,`, `..`)"
    tags = ("punctuation", "style")
    fixable = True

    def check(self, doc, ctx):
        # a paper's title is as its authors wrote it: "(Certified!!) Adversarial Robustness for Free!"
        in_title = _Spans((f.start, f.end) for e in doc.entries if e.kind == "paper"
                          if (f := e.fields.get("title")) is not None)
        # "you rock!!" in the list's own prose is its maintainer's voice, not an
        # entry's description: only typed-twice typos (",,", "..") are reported there
        in_entry = _Spans((e.start, e.end) for e in doc.entries)
        for text, para in prose(doc):
            for m in _REPEAT.finditer(text):
                offsets = [para.offset(k) for k in range(m.start(), m.end())]
                if offsets[-1] - offsets[0] != len(offsets) - 1:
                    continue  # the marks are not next to each other in the source
                start, end = offsets[0], offsets[-1] + 1
                if in_title.hold(start):
                    continue
                before = text[m.start() - 1:m.start()]
                if m.group()[0] == "?" and before and not (before.isalnum() or before in ")]\"'"):
                    continue  # "??" standing alone ("| ?? |", "2014/??") marks something unknown
                mark = m.group()[0]
                if mark in "!?" and not in_entry.hold(start):
                    continue
                # ",," and ";;" are typos; "!!" and ".." may be meant, so that fix is unsafe
                applicability = "safe" if mark in ",;" else UNSAFE
                fix = Fix.replace(start, end, mark, f"keep one '{mark}'", applicability)
                yield self.diagnostic(f"repeated punctuation '{m.group()}'", start, end, fix)
