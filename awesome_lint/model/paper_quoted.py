"""Papers written authors first, the title in quotes on the next line:

    - **SAM:** Alexander Kirillov, Eric Mintun, Nikhila Ravi.<br />
      "Segment Anything." **ICCV (2023) Best Paper Honorable Mention**.
      [[paper](url)] [[code](url)]
      [2023.04]

as a list item or as a paragraph of its own (perhaps after a ``:boom:`` marker).
The method's short name in bold before the authors is no field; the venue is what
follows the quoted title; a line that is only a bracketed date is the date."""
from __future__ import annotations

import re

from . import dates
from . import paper_fields as pf
from .nodes import Entry, Field
from .papers import break_span

# before the authors: a quote's ``>``, a bullet or number, shortcodes (``:boom:``), the name in bold
_LEAD = re.compile(r"[ \t>]*(?:[-*+][ \t]+|\d{1,4}[.)][ \t]+)?(?::[a-z0-9_+\-]+:[ \t]*)*"
                   r"(?:\*\*[^*\n]{1,60}?\*\*[ \t]*:?[ \t]*)?")
_TITLE_LINE = re.compile(r"[ \t>]*[\"\u201c](?P<t>[^\"\u201d\n]{4,}?)[ \t.]*[\"\u201d][ \t.,]*(?P<rest>.*)$")
_DATE_LINE = re.compile(r"[ \t>]*\[(?P<d>[^\[\]\n]{4,12})\][ \t]*$")
_VENUE = re.compile(r"[ \t]*(?:\*\*|__|[*_])?(?P<v>[A-Za-z][^\[\]\n]{0,100}?)(?:\*\*|__|[*_])?[ \t.,]*$")


def read(doc, first: int, last: int, links, shape: str) -> Entry | None:
    """The entry that lines ``first`` to ``last`` (exclusive) make, or None."""
    if last - first < 3:
        return None
    line = doc.lines[first]
    lead = _LEAD.match(line)
    content_end = break_span(line)[0]
    authors = line[lead.end():content_end].rstrip(" \t.")
    if not _people(authors):
        return None
    quoted = _TITLE_LINE.match(doc.lines[first + 1])
    if quoted is None:
        return None
    below = [l for l in links if l.line > first + 1 and not l.image]
    date = None
    for n in range(first + 2, last):
        m = _DATE_LINE.match(doc.lines[n])
        if m and dates.parse(m.group("d")) is not None:
            date = (n, m)
    if date is None and not any(pf.label_text(l) in pf.PAPER_LABELS for l in below):
        return None  # a name and a quotation, not a paper
    base = doc.line_starts[first]
    fields = {"authors": Field(base + lead.end(), base + lead.end() + len(authors), authors)}
    title_base = doc.line_starts[first + 1]
    title = quoted.group("t")
    fields["title"] = Field(title_base + quoted.start("t"), title_base + quoted.start("t") + len(title), title)
    venue = _VENUE.match(quoted.group("rest")) if quoted.group("rest").strip() else None
    if venue is not None:
        at = title_base + quoted.start("rest") + venue.start("v")
        fields["venue"] = Field(at, at + len(venue.group("v")), venue.group("v"))
    if date is not None:
        n, m = date
        at = doc.line_starts[n] + m.start("d")
        fields["date"] = Field(at, at + len(m.group("d")), m.group("d"))
    start, end = base, doc.line_end(last - 1)
    inside = sorted((l for l in links if start <= l.start < end), key=lambda l: l.start)
    return Entry("paper", doc.root, first, last, start, end, title, fields, inside, shape=shape)


def _people(text: str) -> bool:
    """Names parted by commas or 'and', of a few words each, perhaps ``et al.``, no link among
    them (marks after a name, ``Ravi∗,†``, are the paper's own; one name, ``OpenAI``, will do
    above a quoted title)."""
    if not text or "](" in text or '"' in text:
        return False
    text = _ET_AL.sub("", text)
    parts = [p.strip().strip("*\u2217\u2020\u2021\u22c6").strip() for p in pf.name_parts(text)]
    parts = [p for p in parts if p]
    named = [p for p in parts if 1 <= len(p.split()) <= 5 and p[:1].isupper()]
    return bool(parts) and len(named) * 5 >= len(parts) * 4


_ET_AL = re.compile(r"[ \t,]*\bet[ \t]+al\.?[ \t]*$")
