"""Tables of papers: ``|Date|Authors|Title|Code|`` with ``202305``, ``2023-05``
or ``2023-05-12`` dates.  A row with a date cell and a title is an entry;
columns are found by their header, or the date column by its values."""
from __future__ import annotations

import bisect
import re

from . import dates
from . import paper_fields as pf
from .identity import arxiv_month
from .nodes import Entry, Field

_DATE_HEAD = re.compile(r"\b(?:date|time|year|month|published|release[ds]?)\b", re.I)
_TITLE_HEAD = re.compile(r"\b(?:title|paper|papers|name|article)\b", re.I)
_AUTHOR_HEAD = re.compile(r"\bauthors?\b", re.I)
_VENUE_HEAD = re.compile(r"\b(?:venue|conf|conference|journal|publication|pub\.?)\b", re.I)
# a column naming what each row is (``| Benchmark | Size | Source |``): a table of benchmarks,
# datasets or models, each row citing the paper it comes from
_SUBJECT_HEAD = re.compile(r"\b(?:benchmarks?|datasets?|models?|methods?|tools?|systems?|frameworks?|"
                           r"abbr\.?|abbreviation|acronym|short[ -]?name)\b", re.I)


def _tables(doc):
    """[(header cell texts, [(row line, [cell inline token index])])] per table."""
    out, header, rows, cells, in_head, tok_line = [], [], [], None, False, 0
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "table_open":
            header, rows = [], []
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            cells, tok_line = [], tok.map[0]
        elif kind == "tr_close":
            if not in_head:
                rows.append((tok_line, cells))
        elif kind == "inline" and cells is not None and tokens[i - 1].type in ("th_open", "td_open"):
            if in_head:
                header.append(tok.content)
            else:
                cells.append(i)
        elif kind == "table_close":
            out.append((header, rows))
            cells = None
    return out


def table_entries(doc) -> list[Entry]:
    entries = []
    tables = _tables(doc)
    if not tables:
        return entries
    starts = _LinkIndex(doc)
    for header, rows in tables:
        if len(rows) < 1:
            continue
        columns = _columns(doc, header, rows, starts)
        if columns is None:
            continue
        for line, cells in rows:
            entry = _row(doc, line, cells, columns, starts)
            if entry is not None:
                entries.append(entry)
    return entries


def _cell(doc, index: int) -> tuple[int, int]:
    """Where a cell's content is; an HTML comment at its end (``2023/03<!--13-->``) is no part of it."""
    start, end, _prefix = doc.inline_regions[index]
    comment = doc.text.find("<!--", start, end)
    if comment > start and doc.text.endswith("-->", start, end):
        end = len(doc.text[:comment].rstrip())
    return start, end


class _LinkIndex:
    """The document's links by position, so a cell finds its own in log time."""

    def __init__(self, doc) -> None:
        self.links = sorted(doc.links, key=lambda l: l.start)
        self.starts = [l.start for l in self.links]

    def between(self, start: int, end: int):
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.links[lo:hi]


def _columns(doc, header, rows, index):
    def find(pattern):
        return next((i for i, h in enumerate(header) if pattern.search(h)), None)

    date = find(_DATE_HEAD)
    venue_head = find(_VENUE_HEAD)
    if date is None:  # a column whose cells are mostly dates
        for col in range(len(header)):
            if col == venue_head:
                continue  # ``JAG2022`` in a "Publication" column is a journal and its year
            values = [doc.text[slice(*_cell(doc, cells[col]))] for _, cells in rows if col < len(cells)]
            # read as dates only as written: a word near a month's name (``JAG``) is no month here
            parsed = sum(1 for v in values if v.strip() and (d := _date(v)) is not None and "month typo" not in d.problems)
            if values and parsed * 5 >= len(values) * 4:
                date = col
                break
    title = find(_TITLE_HEAD)
    subject = find(_SUBJECT_HEAD)
    if subject is not None and not _names_each_row(doc, rows, subject):
        subject = None  # ``| Method |`` holding 'Structure-linearized' row after row: a category, not a name
    if date is None:
        # no dates: still papers where the header names a title and a venue ("| Title | Conf |"),
        # or a title and nearly every row links its paper (``[Paper](url)``, the title an arXiv link)
        venue = venue_head
        if title is None or venue == title or venue is None and not _papers_linked(doc, rows, title, index):
            return None
        if not _worded(doc, rows, title):
            return None  # ``| 2015 | **CVPR:** [89]; **ICML:** [30] |``: an index of the list, no titles
        return {"date": None, "title": title, "authors": find(_AUTHOR_HEAD), "venue": venue, "venue_in_date": False,
                "subject": None if subject in (title, venue) else subject}
    if title is None or title == date:  # the column with the most links
        counts = [0] * len(header)
        for _, cells in rows:
            for col, cell in enumerate(cells[:len(header)]):
                counts[col] += bool(_links_in(doc, cell, index))
        counts[date] = -1
        title = max(range(len(header)), key=lambda c: counts[c]) if header else None
        if title is None or counts[title] <= 0:
            return None
    # ``Pub. & Date``: one column, a date or the venue and its year in each row, where
    # most rows give a date (a column of years alone is no column of dates)
    cells = [doc.text[slice(*_cell(doc, c[date]))] for _, c in rows if date < len(c)]
    mostly_dated = sum(1 for v in cells if _date(v) is not None) * 2 > len(cells)
    return {"date": date, "title": title, "authors": find(_AUTHOR_HEAD),
            "venue": None if venue_head == date else venue_head,
            "venue_in_date": venue_head in (None, date) and mostly_dated,
            "subject": None if subject in (title, date, venue_head) else subject}


_REFS = re.compile(r"\[\d{1,4}\]|\]\([^)\n]*\)|[\[\]*_`]")  # references, link destinations, markup


def _worded(doc, rows, col: int) -> bool:
    """Whether half the column's cells or more read as titles: three words or more of letters,
    once references like ``[89]``, links' destinations and emphasis are set aside."""
    cells = [doc.text[slice(*_cell(doc, cells[col]))] for _, cells in rows if col < len(cells)]
    worded = sum(1 for c in cells if _title_words(c) >= 3)
    return worded * 2 >= len(cells)


def _title_words(cell: str) -> int:
    """The words of two letters or more in a cell, venues' acronyms (``CVPR``, ``NeurIPS``) aside."""
    return sum(1 for w in re.findall(r"[^\W\d_]{2,}", _REFS.sub(" ", cell)) if not pf.acronym(w))


def _names_each_row(doc, rows, col: int) -> bool:
    """Whether a column names its rows: nearly every value its own (four in five distinct)."""
    values = [doc.text[slice(*_cell(doc, cells[col]))].strip().lower() for _, cells in rows if col < len(cells)]
    values = [v for v in values if v]
    return not values or len(set(values)) * 5 >= len(values) * 4


def _names_a_thing(doc, cell, start: int, end: int, index) -> bool:
    """Whether a benchmark (dataset, model) cell names it, not only links to it
    (``[Link](url)``, ``[Code](url)``: the row is then the paper's)."""
    links = _links_in(doc, cell, index)
    if not links or not all(l.text.strip().lower() in pf.GENERIC_LABELS for l in links):
        return True
    text = doc.text[start:end]
    for link in links:
        text = text.replace(doc.text[link.start:link.end], " ")
    return any(ch.isalnum() for ch in text)


def _papers_linked(doc, rows, title: int, index) -> bool:
    """Whether four rows in five link their paper: a paper's label in a cell, or the
    title's own link an arXiv id or a DOI."""
    linked = 0
    for _, cells in rows:
        links = [l for c in cells for l in _links_in(doc, c, index) if not l.image]
        own = [l for l in _links_in(doc, cells[title], index) if not l.image] if title < len(cells) else []
        linked += any(pf.label_text(l) in pf.PAPER_LABELS for l in links) or any(arxiv_month(l.url) for l in own)
    return len(rows) >= 3 and linked * 5 >= len(rows) * 4


def _date(text: str):
    parsed = dates.parse(text.strip())
    return parsed if parsed is not None and parsed.year is not None else None


def _links_in(doc, cell, index):
    start, end = _cell(doc, cell)
    return index.between(start, end) if end > start else []


_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_ROW_NUMBER = re.compile(r"\d{1,3}[.)][ \t]+")
_LEADING_BOLD = re.compile(r"\*\*(?P<t>[^*\n]+?)\*\*(?=[ \t]*(?:[-\u2013\u2014:,]|$))")
_MARKED_TAG = re.compile(r"(?:[^\w\s\[\]*_(|`<\\\"'\u201c\u2018]{1,8}[ \t]*)?(?:\[\*{0,2}[^\[\]*\n]{1,40}\*{0,2}\](?!\()[ \t]*)?")
_AFFILIATION = re.compile(r"[ \t]*\(@[^()\n]{0,80}\)[ \t]*$")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,30}:")  # ``:star:``, a mark before a highlighted title


def _only_badges(doc, start: int, end: int, links) -> bool:
    """Whether nothing but images (a star badge) and line breaks stand before the title link."""
    pieces, at = [], start
    for link in links:
        # (a badge that links somewhere holds its image: the outer link is the one to skip)
        if (link.image or _badge(doc, link)) and at <= link.start and link.end <= end:
            pieces.append(doc.text[at:link.start])
            at = link.end
    pieces.append(doc.text[at:end])
    return _SHORTCODE.sub("", _BREAK_TAG.sub("", "".join(pieces))).strip() == ""


def _badge(doc, link) -> bool:
    """``[![Star](badge.svg)](repo)``: a link whose whole text is an image."""
    text = doc.text[link.text_start:link.text_end].strip()
    return text.startswith("![") and text.endswith(")")


def _row(doc, line: int, cells, columns, index) -> Entry | None:
    if max(columns["date"] or 0, columns["title"]) >= len(cells):
        return None
    fields = {}
    if columns["date"] is not None:
        d_start, d_end = _cell(doc, cells[columns["date"]])
        text = doc.text[d_start:d_end]
        inner = pf.strip_emphasis(text, 0, len(text))
        if _date(text[inner[0]:inner[1]]) is not None:
            fields["date"] = Field(d_start + inner[0], d_start + inner[1], text[inner[0]:inner[1]])
        elif columns["venue_in_date"] and pf.YEAR.search(text):
            # ``CVPR, 2025`` where the others give a month: the venue instead of the date
            a, b = inner[0] + len(text[inner[0]:inner[1]]) - len(text[inner[0]:inner[1]].lstrip()), \
                len(text[:inner[1]].rstrip())
            fields["venue"] = Field(d_start + a, d_start + b, text[a:b])
        else:
            return None
    t_start, t_end = _cell(doc, cells[columns["title"]])
    cell_links = _links_in(doc, cells[columns["title"]], index)
    named = next((l for l in cell_links if not pf.is_label_link(l) and not l.image and not _badge(doc, l)), None)
    if named is not None and _only_badges(doc, t_start, named.start, cell_links):
        fields["title"] = Field(named.text_start, named.text_end, named.text)
        if columns["authors"] == columns["title"]:
            # ``[Title](url) <br> A. One, B. Two``: one cell for both, the authors after the title
            a = named.end
            while a < t_end and doc.text[a] in " \t":
                a += 1
            brk = _BREAK_TAG.match(doc.text, a)
            b = len(doc.text[:t_end].rstrip())
            if brk and b > brk.end() and "](" not in doc.text[brk.end():b]:
                a = brk.end() + len(doc.text[brk.end():b]) - len(doc.text[brk.end():b].lstrip())
                fields["authors"] = Field(a, b, doc.text[a:b])
    else:
        stop = min([l.start for l in cell_links] + [t_end])
        while stop > t_start and doc.text[stop - 1] in " \t":
            stop -= 1
        if stop <= t_start:
            return None
        # ``1) **Title** - what it does``, ``1) Title  What it does``: the row's number and
        # the summary after the title are not the title
        number = _ROW_NUMBER.match(doc.text, t_start, stop)
        start = number.end() if number else t_start
        bold = _LEADING_BOLD.match(doc.text, start, stop)
        if bold is not None:
            start, stop = bold.start("t"), bold.end("t")
        else:
            gap = doc.text.find("  ", start, stop)
            stop = gap if gap > start and number else stop
        # ``🔥[**Mooncake**] Mooncake: A KVCache-centric ... (@Moonshot AI)``: the list's marks, its
        # tag for the work and the authors' affiliation are no part of the title
        lead = _MARKED_TAG.match(doc.text, start, stop)
        affiliation = _AFFILIATION.search(doc.text, start, stop)
        if affiliation is not None:
            stop = affiliation.start()
        if lead is not None and lead.end() > start and len(pf.WORDS.findall(doc.text[lead.end():stop])) >= 3:
            start = lead.end()
        # ``"Title" [[paper](url)]``: the bracket that wraps the link and the quotes are no part of it
        while stop > start and doc.text[stop - 1] in " \t[":
            stop -= 1
        if stop - start > 2 and doc.text[start] in "\"\u201c" and doc.text[stop - 1] in "\"\u201d":
            start, stop = start + 1, stop - 1
        # ``**Title**``: the emphasis is the table's style, not the title's
        a, b = pf.strip_emphasis(doc.text, start, stop)
        fields["title"] = Field(a, b, doc.text[a:b])
    for key in ("authors", "venue", "subject"):
        col = columns[key]
        if col is not None and col < len(cells) and col != columns["title"]:
            a, b = _cell(doc, cells[col])
            if key == "subject":
                if b <= a or not _names_a_thing(doc, cells[col], a, b, index):
                    continue
                a, b = pf.strip_emphasis(doc.text, a, b)  # ``**-**``: the table's style
            if b > a:
                fields[key] = Field(a, b, doc.text[a:b])
    start, end = doc.line_starts[line], doc.line_end(line)
    links = list(index.between(start, end))
    links += pf.bare_links(doc, start, end, links)
    links.sort(key=lambda l: l.start)
    shape = "quoted-table-row" if doc.lines[line].lstrip().startswith(">") else "table-row"
    title = fields["title"].text
    subject = fields.get("subject")
    if subject is not None and title.strip().lower() in _NO_TITLE:
        title = subject.text  # ``| Gemma | 2024/02 | ... | [Technical report](url) |``: the row is named by its model
    return Entry("paper", doc.root, line, line + 1, start, end, title, fields, links, shape=shape)


_REPORT_WORDS = frozenset({"technical report", "tech report", "report", "announcement", "paper/blog", "model card"})
_NO_TITLE = frozenset(pf.GENERIC_LABELS) | _REPORT_WORDS  # link texts that name no paper
