"""Paper entries: ``**Title** \\`` / ``*Authors* \\`` / ``[date] [venue] \\`` / links.

The variants lists use are read too: dates and venues on the title line,
``[**Venue**] Title`` lines, titles that are links, a venue before the links
(``arXiv 2022. [[Paper](...)]``), a bare date line (``14 Mar 2023``), and
entries written without a blank line between them.
"""
from __future__ import annotations

import re

from . import dates
from .nodes import Block, Entry, Field, links_within
from .paper_fields import GENERIC_LABELS, WORDS, name_parts, only_names

_TITLE_LINE = re.compile(r"[ \t]*\[?\*\*(?!\*)")
_TITLE = re.compile(r"\*\*(?P<t>.+?)\*\*")
_VENUE_PREFIX = re.compile(r"[ \t]*\[\*\*(?P<v>[^*\]]+)\*\*\][ \t]*")
_LINKED_TITLE = re.compile(r"[ \t]*\[\*\*(?P<t>.+?)\*\*\]\(")
_AUTHORS = re.compile(r"[ \t]*(?P<m>[*_])(?!\1)(?P<a>.+?)(?P=m)")
_BRACKET = re.compile(r"\[(?P<b>[^\[\]]*)\](?!\()")
_LINKS_START = re.compile(r"[ \t]*(?P<pre>[^\[]*?)[ \t]*\[\[?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!\.\d{4})")  # (not an arXiv id: ``arXiv:2006.16331``)
_GLUED_YEAR = re.compile(r"(?<=[^\W\d_])(?:19|20)\d\d(?!\d)")  # ``CVPR2019``, ``ICCV2019 Oral``, ``遥感学报2023``
# a line break at the end of an entry line: ` \`, `\`, `<br>`, or two spaces
# (a stray full stop after `<br>` belongs to the break, not the text)
BREAK = re.compile(r"(?:[ \t]*\\|[ \t]*<br\s*/?>\.?|[ \t]{2,})[ \t]*$", re.I)
_TRAILING = re.compile(r"[ \t]*(?:(?:\\|<br\s*/?>)[ \t]*)?$", re.I)


def break_span(line: str) -> tuple[int, str]:
    """Where the line's content ends, and the break markup after it ("" if none)."""
    # An end-anchored search tries every position of a long author line:
    # look only at the tail, then take in the blanks before the match.
    window = max(0, len(line.rstrip(" \t")) - 12)
    m = BREAK.search(line, window) or _TRAILING.search(line, window)
    start = m.start()
    while start > 0 and line[start - 1] in " \t":
        start -= 1
    return start, line[start:]


def looks_like_paper(doc, block: Block) -> bool:
    if block.kind != "paragraph" or block.in_blockquote or block.list_depth:
        return False
    if block.end_line - block.start_line < 2:
        return False
    return bool(_TITLE_LINE.match(doc.lines[block.start_line]))


def build_entries(doc) -> list[Entry]:
    entries: list[Entry] = []
    sections = doc.sections[1:]
    index = 0
    section = doc.root
    for block in doc.blocks:
        if not looks_like_paper(doc, block):
            continue
        # blocks come in document order: walk the sections alongside them
        while index < len(sections) and sections[index].start_line <= block.start_line:
            section = sections[index]
            index += 1
        starts = [
            n for n in range(block.start_line, block.end_line)
            if n == block.start_line or _starts_entry(doc.lines[n], doc.lines[n - 1])
        ]
        bounds = list(zip(starts, starts[1:] + [block.end_line]))
        for first, last in bounds:
            entries.append(_entry(doc, block, section, first, last))
    return entries


def _starts_entry(line: str, previous: str) -> bool:
    """A title line inside a paragraph begins a new entry (one missing its blank line)."""
    if not _TITLE_LINE.match(line):
        return False
    # a bold line right after a title line is part of that title's entry only
    # when the previous line is not a complete entry line (has no break)
    return True


# The fix loop re-reads a document whose entries are mostly unchanged.  An
# entry's title and fields depend on its own lines only, so they are kept by
# the entry's text, with offsets relative to its start, like the inline
# children of a paragraph (document.py).
_FIELDS: dict[str, tuple[str, list[tuple[str, int, int, str]]]] = {}
_FIELDS_LIMIT = 50_000


def _entry(doc, block: Block, section, first: int, last: int) -> Entry:
    start = doc.line_starts[first]
    end = doc.line_end(last - 1)
    links = links_within(block.links, start, end)
    text = doc.text[start:end]
    known = _FIELDS.get(text)
    if known is None:
        title, fields = _read_entry(doc, first, last)
        if len(_FIELDS) > _FIELDS_LIMIT:
            _FIELDS.clear()
        _FIELDS[text] = known = (title, [(k, f.start - start, f.end - start, f.text) for k, f in fields.items()])
    title, relative = known
    fields = {k: Field(a + start, b + start, value) for k, a, b, value in relative}
    return Entry("paper", section, first, last, start, end, title, fields, links)


def _read_entry(doc, first: int, last: int) -> tuple[str, dict[str, Field]]:
    fields: dict[str, Field] = {}
    title = _title(doc, first, fields)
    for n in range(first + 1, last):
        line = doc.lines[n]
        base = doc.line_starts[n]
        body = line[:break_span(line)[0]]
        stripped = body.strip()
        if not stripped:
            continue
        if "authors" not in fields and (m := _AUTHORS.match(body)) and not stripped.startswith("**"):
            fields["authors"] = Field(base + m.start("a"), base + m.end("a"), m.group("a"))
            continue
        if "date" not in fields and dates.parse(stripped) is not None:
            lead = len(body) - len(body.lstrip())
            fields["date"] = Field(base + lead, base + lead + len(stripped), stripped)
            continue
        if stripped.startswith("[") and not stripped.startswith("[[") and _is_date_line(body):
            _brackets(body, base, fields)
            fields.setdefault("meta_line", Field(base, base + len(body), body))
            continue
        if "[" in stripped and "links" not in fields:
            m = _LINKS_START.match(body)
            pre = m.group("pre").strip() if m else ""
            if pre and "authors" not in fields and n == first + 1 and _people(pre):
                # ``Ann Lee, Bo Chen. [[paper](url)]``: the authors, their links after them
                lead = body.index(pre)
                names = pre.rstrip(".")
                fields["authors"] = Field(base + lead, base + lead + len(names), names)
            elif pre and "venue" not in fields and len(pre) < 80 and not pre.startswith(("*", "_")):
                lead = body.index(pre)
                venue = pre.rstrip(".")
                fields["venue"] = Field(base + lead, base + lead + len(venue), venue)
            fields["links"] = Field(base, base + len(body), body)
            continue
        if "authors" not in fields and n == first + 1:
            # plain, unemphasised author names
            lead = len(body) - len(body.lstrip())
            fields["authors"] = Field(base + lead, base + lead + len(stripped), stripped)
    return title, fields


def _people(text: str) -> bool:
    """Two or more names of a few words each: an author list, never a venue."""
    parts = name_parts(text)
    return len(parts) >= 2 and all(len(p.split()) >= 2 for p in parts) and only_names(text)


def _is_date_line(body: str) -> bool:
    """A line of ``[date] [venue]`` brackets (not a line of links)."""
    rest = _BRACKET.sub("", body)
    return "](" not in body and not rest.strip(" \t.,")


def _title(doc, first: int, fields: dict) -> str:
    line = doc.lines[first]
    base = doc.line_starts[first]
    content_end = break_span(line)[0]
    venue = _VENUE_PREFIX.match(line)
    if venue and not _LINKED_TITLE.match(line):
        fields["venue"] = Field(base + venue.start("v"), base + venue.end("v"), venue.group("v"))
        text = line[venue.end():content_end].rstrip()
        if text:
            fields["title"] = Field(base + venue.end(), base + venue.end() + len(text), text)
        return text
    m = _TITLE.search(line)
    if not m:
        return ""
    title = m.group("t").strip()
    fields["title"] = Field(base + m.start("t"), base + m.end("t"), m.group("t"))
    # date and venue written after the title on the same line
    tail = line[m.end():content_end]
    if "](" in tail[:2]:  # a linked title: skip its destination
        close = tail.find(")")
        tail_base = m.end() + close + 1
    else:
        tail_base = m.end()
    _brackets(line[:content_end], base, fields, tail_base)
    return title


def _brackets(body: str, base: int, fields: dict, from_col: int = 0) -> None:
    for m in _BRACKET.finditer(body, from_col):
        text = m.group("b")
        if not text.strip() or text.startswith("!"):
            continue
        if "date" not in fields and dates.parse(text) is not None:
            fields["date"] = Field(base + m.start("b"), base + m.end("b"), text)
        elif "venue" not in fields:
            fields["venue"] = Field(base + m.start("b"), base + m.end("b"), text)


_ARXIV_VENUE = re.compile(r"arxiv[: ]?[ \t]*(\d\d)(\d\d)\.\d{4,5}", re.I)
# a year in two digits after the venue's name: after an apostrophe, or glued to it
_SHORT_YEAR = re.compile(r"(?<=[A-Za-z]{2})(?:[ \t]?['\u2019][ \t]?)?(\d\d)(?![\w'\u2019])")


def dated_venue(entry) -> bool | None:
    """Whether the entry's venue gives its year; None without a venue, where the venue
    cell says there is none (``-``, ``/``, or where the code is: ``Github``), or where a
    table row gives its date in a column of its own."""
    venue = entry.fields.get("venue")
    if venue is None or not any(ch.isalnum() for ch in venue.text) or venue.text.strip().lower() in GENERIC_LABELS:
        return None
    if entry.shape.endswith("table-row") and "date" in entry.fields:
        return None  # ``| 2023-05 | arXiv | Title |``: the row's date column gives the year
    return venue_year(entry) is not None


def venue_name(text: str) -> str:
    """A venue without its year and punctuation, lower-cased: 'ICML 2024' and 'ICML'24' are 'icml'."""
    bare = _GLUED_YEAR.sub(" ", _YEAR.sub(" ", text))
    bare = _SHORT_YEAR.sub(" ", bare)
    return " ".join(WORDS.findall(bare.lower()))


def venue_year(entry) -> int | None:
    """The venue's year: written out, or in the venue's arXiv id (``arXiv:1503.02531``: 2015),
    or where a citation gives it before the title (``A. One. 2007. [Title](url). *Journal*``)."""
    venue = entry.fields.get("venue")
    if venue is None:
        return None
    m = _YEAR.search(venue.text) or _GLUED_YEAR.search(venue.text)
    if m:
        return int(m.group())
    year = entry.fields.get("year")
    if year is not None:
        return int(year.text[:4])
    arxiv = _ARXIV_VENUE.search(venue.text)
    if arxiv:
        return 2000 + int(arxiv.group(1)) if 1 <= int(arxiv.group(2)) <= 12 else None
    short = _SHORT_YEAR.search(venue.text)
    if short:  # ``CVPR' 14``, ``ICCV'98``, ``HANDS19 Workshop``
        year = int(short.group(1))
        return year + (2000 if year < 50 else 1900)
    return None


entry_of = _entry  # the block reader, for other readers of the same shape (quoted blocks)


# what is left of a link that did not parse
# (a bracket, a space, then an address in parentheses: ``[Website] (https://...)``; words in
# parentheses after a link, ``(code access on request)``, are a remark)
_DEBRIS = re.compile(r"\[\[|\]\]\(|\]\s+\((?=[^()\s]*[/.])[^()\s]*\)|\]\(\s*\)")


def link_debris(doc, entry) -> tuple[int, str] | None:
    """Bracket debris left once an entry's links are taken out (``[[x] (url)]``,
    ``[[x]]([x](url))``, ``[x]()``), or a link without a destination: its line
    and what it is."""
    links = sorted((l for l in entry.links if l.kind != "bare"), key=lambda l: l.start)
    cursor = entry.start
    rest = []
    for link in links:
        if link.start >= cursor:
            rest.append((cursor, doc.text[cursor:link.start]))
            cursor = link.end
    rest.append((cursor, doc.text[cursor:entry.end]))
    for offset, piece in rest:
        m = _DEBRIS.search(piece)
        if m:
            return doc.line_col(offset + m.start())[0], "malformed link"
    placeholders = _placeholders(doc)
    for link in links:
        if link.kind == "inline" and not link.url and not link.image and link.text.strip().lower() not in placeholders:
            return link.line, f"link '{link.text}' has no destination"
    return None


def _placeholders(doc) -> frozenset:
    """Texts of links left empty on purpose, again and again ("[Coming soon]()" in a
    code column): a list's placeholder, not a broken link.  (Lower-case keys.)"""
    known = doc.__dict__.get("_empty_link_placeholders")
    if known is None:
        counts: dict[str, int] = {}
        for link in doc.links:
            if link.kind == "inline" and not link.url and not link.image:
                key = link.text.strip().lower()
                counts[key] = counts.get(key, 0) + 1
        # an empty "[paper]()" names what is missing: its URL was forgotten
        known = doc.__dict__["_empty_link_placeholders"] = frozenset(
            k for k, n in counts.items() if n >= 3 and k and k.strip("[]") not in GENERIC_LABELS)
    return known
