"""Bare URLs that GitHub turns into links (the GFM autolink extension).

GitHub links ``http://``, ``https://`` and ``ftp://`` text whose scheme is
not glued to other letters, and ``www.`` text that starts a line or follows
whitespace or one of ``* _ ~ (``, when a valid domain comes next.
The link runs to the next whitespace or ``<``; then trailing punctuation,
unbalanced closing parentheses and a trailing entity reference are trimmed
off.  Nothing inside a code span, an HTML tag or comment, an ``<...>``
autolink, a link's text (any open ``[``) or a link's destination is linked.

The range given is inline content (a paragraph, a heading, a table row):
finding fenced code or HTML blocks is the block parser's job.
"""
from __future__ import annotations

import re
import unicodedata

_SCHEME = re.compile(r"(?:https?|ftp)://", re.I)
_BEFORE = set("*_~(")
# the characters where something can start: the loop jumps between them
_NEXT = re.compile(r"[\\`<\[\]]|(?:https?|ftp)://|www\.", re.I)
# how far a tag or a link destination may reach: bounded, so that many
# unclosed ones cost linear time
_MARKUP_REACH = 4096
_TRAILING = set("?!.,:*_~'\"")
_ENTITY_TAIL = re.compile(r"&[A-Za-z0-9]+;\Z")
_TAG = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"  # an autolink
    r"|/?[A-Za-z][A-Za-z0-9-]*(?:[^<>\"']|\"[^\"]*\"|'[^']*')*"  # a tag
    r"|[?!][^>]*)>",  # a declaration or processing instruction
)


def _alpha(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _host_char(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in "-_"
    return unicodedata.category(ch)[0] not in "PZCS"


def _domain_end(text: str, i: int, end: int) -> int:
    """End of a valid domain starting at ``i``, or ``i`` when there is none.

    A domain is runs of letters, digits, ``-`` and ``_`` joined by dots; the
    last two parts may hold no underscore."""
    j = i
    parts = [0]  # underscores per part
    while j < end and (text[j] == "." or _host_char(text[j])):
        if text[j] == ".":
            parts.append(0)
        elif text[j] == "_":
            parts[-1] += 1
        j += 1
    if j == i or text[i] == "." or any(parts[-2:]):
        return i
    return j


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last == ";":
            entity = _ENTITY_TAIL.search(url)
            url = url[: entity.start()] if entity else url[:-1]
        elif last == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            break
    return url


def _match(text: str, i: int, end: int) -> tuple[int, str] | None:
    """A bare URL starting at ``i``: (its end, the URL as linked)."""
    scheme = _SCHEME.match(text, i, end)
    if scheme:
        host = scheme.end()
        prefix = ""
    elif text.startswith("www.", i) and i + 4 < end:
        host = i + 4
        prefix = "http://"
    else:
        return None
    domain = _domain_end(text, host, end)
    if domain == host:
        return None
    j = domain
    while j < end and not text[j].isspace() and text[j] != "<":
        j += 1
    url = _trim(text[i:j])
    if len(url) <= host - i:  # nothing of the host left
        return None
    return i + len(url), prefix + url


def _run_length(text: str, i: int, end: int, ch: str) -> int:
    j = i
    while j < end and text[j] == ch:
        j += 1
    return j - i


def _code_span_end(text: str, i: int, end: int, unclosed: dict) -> int | None:
    n = _run_length(text, i, end, "`")
    if unclosed.get(n, end) <= i:
        return None  # no run of n backticks closes after an earlier one: none after this
    j = i + n
    while True:
        j = text.find("`" * n, j, end)
        if j < 0:
            unclosed[n] = i
            return None
        run = _run_length(text, j, end, "`")
        if run == n:
            return j + n
        j += run


# ``(destination "title")`` after a link's ``]``, parentheses nested once
_DESTINATION = re.compile(
    r"""\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)"""
    r"""(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)""",
    re.S,
)


# The fix loop asks about the same paragraphs in the text before and after a
# round, and in the documents built from each: answers are kept by the text
# they read.  The scan never looks further than 3 characters past ``end``
# (``<!--`` starting just before it), so that much belongs to the key.
_SEEN: dict[tuple[str, int], tuple] = {}
_SEEN_LIMIT = 20_000
_LOOKAHEAD = 3


def bare_urls(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, url) of every bare URL in ``text[start:end]``, offsets into
    ``text``; a ``www.`` URL is given with ``http://`` in front, as linked."""
    end = len(text) if end is None else min(end, len(text))
    if end <= start:
        return []
    key = (text[start:end + _LOOKAHEAD], end - start)
    hit = _SEEN.get(key)
    if hit is None:
        if len(_SEEN) >= _SEEN_LIMIT:
            _SEEN.clear()
        hit = _SEEN[key] = tuple(_scan(key[0], 0, key[1]))
    return [(s + start, e + start, url) for s, e, url in hit]


def _scan(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    brackets = 0  # open "[": GitHub links nothing inside a link's text
    unclosed: dict = {}  # what was searched for up to ``end`` in vain: never search again
    i = start
    while True:
        step = _NEXT.search(text, i, end)
        if step is None:
            break
        i = step.start()
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            close = _code_span_end(text, i, end, unclosed)
            i = close if close is not None else i + _run_length(text, i, end, "`")
        elif ch == "<":
            i = _markup_end(text, i, end, unclosed)
        elif ch == "[":
            brackets += 1
            i += 1
        elif ch == "]":
            brackets = max(brackets - 1, 0)
            link = _DESTINATION.match(text, i + 1, min(end, i + _MARKUP_REACH))
            i = link.end() if link else i + 1
        else:
            hit = None
            if not brackets:
                before = text[i - 1] if i > start else "\n"
                www = ch in "wW"
                if (before.isspace() or before in _BEFORE) if www else not _alpha(before):
                    hit = _match(text, i, end)
            if hit:
                found.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
    return found


def _markup_end(text: str, i: int, end: int, unclosed: dict) -> int:
    """Past an HTML comment, tag or ``<...>`` autolink at ``i``, else past the ``<``."""
    if text.startswith("<!--", i) and "-->" not in unclosed:
        close = text.find("-->", i + 4, end)
        if close >= 0:
            return close + 3
        unclosed["-->"] = i
    close = unclosed.get(">", -1)
    if close < i:
        close = text.find(">", i, end)
        unclosed[">"] = close if close >= 0 else end
    if close < 0 or close >= end:
        return i + 1
    tag = _TAG.match(text, i, min(end, i + _MARKUP_REACH))
    return tag.end() if tag else i + 1
