"""Paper entries written as list items or as bare paragraphs.

List items (numbered or bulleted, also inside ``>`` quotes), by what opens them:
``**Title**`` (with the venue after it, an italic authors line, or labelled
sub-bullets ``- 🗓️ Publication Date: 9th Feb. 2021``), ``[**CVPR 2023**] Title``
(venue first), ``[2023/10] **Title**`` (date first), ``**ViT**: "Title", ICLR, 2021`` (a
quoted title), ``[Title](url) - Authors (VENUE YEAR)``
(the link is the title),
``[Title] [[scholar]](url) [[MICCAI 2017]](url)`` (a bracketed title, the venue
as a link text).  Paragraphs: ``[Title](url), Venue Year [[code]](url)``, and a
``**Title**`` line followed by ``- Paper: <url>`` / ``- Code: <url>`` bullets.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field as dc_field

from . import dates
from .identity import arxiv_month, names_one_paper, normalise_url
from . import paper_fields as pf
from . import paper_quoted
from .nodes import Entry, Field

_MARKER = re.compile(r"[ \t>]*(?P<m>[-*+]|\d{1,3}[.)])[ \t]+")
_PREFIX = re.compile(r"[ \t>]*")
_VENUE_FIRST = re.compile(r"\[\*\*(?P<v>[^*\]]+)\*\*\](?!\()[ \t]*")  # not [**Title**](url)
# ``[arXiv:2406.08423] **Title**``: a plain bracketed venue before a bold title
_VENUE_BEFORE_BOLD = re.compile(r"\[(?P<v>[^\[\]*\n]{3,60})\](?!\()[ \t]*(?=\*\*[^*\n]+\*\*)")
# ``(ACMMM 2022) **Title**, A. One et al.``: a venue and its year in parentheses before a
# bold title, perhaps with a bracketed tag between (``(CVPR 2023) [💬 3D] **Title**``)
_PAREN_VENUE_BEFORE_BOLD = re.compile(r"(?:[^\w\s\[\]*_(]{1,8}[ \t]*)?"  # a highlight: ``⭐⭐(NeurIPS 2023)``
                                      r"\((?P<v>[^()*\n]{0,80}?(?:19|20)\d\d[^()*\n]{0,10})\)[ \t]*"
                                      r"(?:\[[^\[\]\n]{1,60}\](?!\()[ \t]*)?(?=\*\*[^*\n]+\*\*)")
_BOLD = re.compile(r"(?P<deco>[^\w\s\[\]*_(]{1,8}[ \t]*)?\*\*(?P<t>[^*\n]+?)\*\*")
_BRACKET = re.compile(r"\[(?P<t>[^\[\]\n]{3,})\](?!\()")
# a title in quotes, perhaps after the method's short name in bold, then ", Venue, Year"
# (the name with a colon, or in brackets: ``**[RT-2]** "Title"``, or before the quote: ``**CortexBench** "Title"``)
_QUOTED = re.compile(r"(?:\*\*[^*\n]+\*\*[ \t]*:?[ \t]*)?[\"\u201c](?P<t>[^\"\u201d\n]{8,}?)[\"\u201d]")
# ``, *arXiv, Apr 2022*``, ``, *Conference on Robot Learning (CoRL), Nov 2023*``, ``, AAAI Jan 2024``,
# ``*ICRA, May 17th 2024*``, ``3DV, 2022``, also after a title that ends in its own question mark
_QUOTED_TAIL = re.compile(r"[ \t]*,?[ \t]*[*_]?(?P<v>(?:\d[A-Za-z]|[A-Za-z])[^,\[\]*_\n]{0,80}?)(?:,[ \t]*|[ \t]+(?=[A-Z][a-z]{2,8}\.?[ \t]))"
                          r"(?P<d>(?P<month>[A-Z][a-z]{2,8}\.?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?)?(?:19|20)\d\d)\b")
# a title in plain text, its authors in emphasis, then the venue and year, then the links
_PLAIN_TITLE = re.compile(r"(?P<t>[^\[\]*_\n]{8,}?)[.?!,]?[ \t]+[*_](?P<a>[^*_\n]+?)[*_][ \t]*"
                          r"(?P<v>[A-Za-z][^\[\]\n]{0,60}?(?:19|20)\d\d[^\[\]\n]{0,20}?)[ \t.,]*(?=\[)")
_BR_VENUE = re.compile(r"(?P<t>[^\[\]*_`<>\s][^\[\]*_`<>\n]{7,}?)[ \t]*<br[ \t]*/?>[ \t]*"
                       r"(?:(?P<v>[A-Za-z][^\[\]<>\n]{0,80}?)[ \t.,]*)?(?=\[)", re.I)
# people: "Percy Liang et al.", "A. One, B. Two", "Laskar et al."
_NAMES = re.compile(r"[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)*(?:[ \t]+et al\.?|,[ \t]*[A-Z].*|[ \t]+and[ \t]+[A-Z].*)$")
# the links that make a bold title a paper's, on the lines below it (``[[Paper](url)]``)
_PAPER_LABELS = pf.PAPER_LABELS
# a plain title, then its venue and year (perhaps in <ins> or emphasis), then its links
_PLAIN_VENUE = re.compile(r"(?P<t>[^\[\]*_<>`\n]{8,}?)[.,][ \t]*(?:<(?P<tag>ins|em|i|b|u)>|(?P<em>[*_]{1,2}))?"
                          r"(?P<v>[A-Za-z][^,<>*_\[\]\n]{0,40}?,?[ \t]*(?:19|20)\d\d)"
                          r"(?:</(?P=tag)>|(?P=em))?[ \t.]*(?=\[)")
# ``Title. Authors et al. Venue Year``: a citation in plain text, the authors perhaps left out
_PLAIN_CITATION = re.compile(r"(?P<t>[^\[\]*_`<>\n]{8,}?)\.[ \t]+"
                             r"(?:(?P<a>[A-Z][^.\[\]\n]{0,200}?(?:\.[ \t]*)?et al)\.[ \t]+)?"
                             r"(?P<v>(?:[A-Za-z][\w\-]*[ \t]+){1,6}(?:19|20)\d\d|arXiv:\d{4}\.\d{4,5})[ \t]*(?=\[|$)")
# ``(Arxiv 24.05.26) Title [Paper](url)``, ``(NeurIPS 2020 Spotlight) Title [Paper](url)``: a
# paragraph led by its venue, and perhaps its date, in parentheses (the whole perhaps in bold)
_PAREN_LEAD = re.compile(r"(?P<bold>\*\*)?\((?P<v>[^()\n]{2,80})\)[ \t]+")
_LEAD_DATE = re.compile(r"(?<![\d.])\d\d\.\d\d\.\d\d(?![\d.])")
_LEAD_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|[A-Za-z](?:19|20|1|2)\d(?!\d)")
_NAME_FIRST = re.compile(r"\*\*\[(?P<n>[^\[\]*\n]{1,40})\]\*\*[ \t]+(?=\w)")
# ``Title | **[CVPR' 14]** |``: the venue as a cell after the title, between pipes (perhaps
# after an empty one), bold or bracketed or both, its year in four digits or as ``' 14``
_PIPED_VENUE = re.compile(r"(?P<t>[^|\[\]*_`<>\n]{8,}?)[ \t]*(?:\|[ \t]*)+"
                          r"(?P<em>\*\*|__)?\[?(?P<v>[A-Za-z][^|\[\]*_\n]{0,40}?"
                          r"(?:['\u2019][ \t]?\d\d|(?:19|20)\d\d|(?<=[A-Z]{2})[ \t]\d\d))\]?(?(em)(?P=em))[ \t]*\|?[ \t]*")
# ``AF-DCGAN - ``: a name of a word or two (a method's), a dash or a colon, then a link
_NAME_DASH = re.compile(r"(?P<n>[^\s\[\]()*_`#][^\s\[\]()*_`]{0,24}(?:[ \t][^\s\[\]()*_`]{1,24})?)(?:[ \t]+[-\u2013\u2014]|[ \t]*:)[ \t]+")
_NAMED_THINGS, _OWN_NAMES = 4, 0.8  # a list's entries, nearly every one under a name of its own
_COMMA_DATE_TAIL = re.compile(r"[ \t]*,[ \t]*(?P<d>(?:19|20)\d\d[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
                              r"(?:[ \t]*,[ \t]*(?P<v>[A-Za-z][^,\[\]\n]{0,60}?))?[ \t]*,?[ \t]*(?=\[)")
_BRACKET_DATE_TAIL = re.compile(r"[ \t]*\[(?P<d>[^\[\]\n]{4,24})\](?:[ \t]*\[(?P<v>[^\[\]\n]{2,60})\](?!\())?[ \t]*")
_CODE_DATE = re.compile(r"`(?P<d>[^`\n]{4,12})`")
_WORDS = pf.WORDS
_MARKUP = re.compile(r"[\[\]*_`<]")  # a plain title has none
# (a year alone in brackets is the paper's year, read as its venue's)
_SERIAL = re.compile(r"\[(?!(?:19|20)\d\d\])\d{1,4}(?:[_\-.]\d{1,4})*\][ \t]*(?=\S)")
_DATE_FIRST = re.compile(r"\\?\[(?P<d>[^\[\]\\\n]{4,24})\\?\][ \t]+(?=\S)")  # (also escaped: ``\[2024/03\]``)
# ``Title (2017), K. He et al.``: a plain title, then its year in parentheses
_TITLE_YEAR = re.compile(r"(?P<t>[^\n]{8,}?)[ \t]+(?=\((?:19|20)\d\d[a-z]?\)(?:[ \t]*[,.]|[ \t]*$))")
# ``2016-ICLR - Title.``, ``CVPR 2019: Title``: the year and the venue as one word, then a dash or a colon
_YEAR_VENUE_LEAD = re.compile(r"(?P<v>(?:19|20)\d\d[-\u2013 ]?[A-Za-z][\w&'.]{1,15}|[A-Za-z][\w&'.]{1,15}[-\u2013 ]?(?:19|20)\d\d)"
                              r"(?:[ \t]+[-\u2013\u2014]|[ \t]*:)[ \t]+(?=\w)")


def _is_full_date(text: str) -> bool:
    """A date with its year and month (``2023/10``, ``Oct 2023``), not a venue (``CVPR 2023``)."""
    parsed = dates.parse(text)
    return parsed is not None and parsed.key is not None and parsed.month is not None \
        and "month typo" not in parsed.problems  # ``[SEM 2018]`` is a venue


@dataclass
class _Item:
    line: int
    end: int  # exclusive, past the item's last non-blank line
    ordered: bool
    quoted: bool
    children: list = dc_field(default_factory=list)
    blocks: list = dc_field(default_factory=list)


def _items(doc) -> list[_Item]:
    """Every list item, in document order, with its direct children and blocks."""
    out, stack, quote = [], [], 0
    ordered = []
    for tok in doc.tokens:
        kind = tok.type
        if kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif kind == "list_item_open":
            first, last = tok.map
            while last - 1 > first and not doc.lines[last - 1].strip(" \t>"):
                last -= 1
            item = _Item(first, last, ordered[-1], quote > 0)
            if stack:
                stack[-1].children.append(item)
            stack.append(item)
            out.append(item)
        elif kind == "list_item_close":
            stack.pop()
    by_line = {item.line: item for item in out}
    for block in doc.blocks:
        owner = by_line.get(block.item_line) if block.item_line is not None else None
        if owner is not None:
            owner.blocks.append(block)
    return out


def list_entries(doc) -> list[Entry]:
    entries = []
    weak: list[tuple[Entry, tuple]] = []  # (entry, its list) read in a shape its list must vouch for
    strong: dict[tuple, Counter] = {}  # a markdown list -> its papers' shapes
    claimed_until = -1
    for item in _items(doc):
        if item.line < claimed_until or not item.blocks or item.blocks[0].kind != "list_item":
            continue
        read = _item_entry(doc, item)
        if read is None:
            continue
        entry, sure = read
        where = (item.blocks[0].list_line, item.blocks[0].list_depth)
        if sure:
            entries.append(entry)
            strong.setdefault(where, Counter())[entry.shape] += 1
            claimed_until = item.end
        else:
            weak.append((entry, where))
    # ``- Bayesian GAN [[arXiv]](url)`` among ``- Title of Four Words [[arXiv]](url)``: a short title
    # is a paper where its list is papers of its very shape (four in five of its items)
    unsure = Counter(where for _, where in weak)
    for entry, where in weak:
        shapes = strong.get(where, Counter())
        entry.shape = entry.shape.removesuffix("-short")
        if shapes[entry.shape] >= MIN_SHAPED and shapes[entry.shape] * 5 >= (sum(shapes.values()) + unsure[where]) * 4:
            entries.append(entry)
    entries.sort(key=lambda e: e.start)
    return _without_named_things(doc, entries)


MIN_SHAPED = 4  # a list's papers of one shape that make the shape its own


def _without_named_things(doc, entries: list[Entry]) -> list[Entry]:
    """``[[3D Match](url)] Keypoint matching benchmark.``: where nearly every one of a list's
    bracketed links names something else, they are datasets or tools, not the venues
    papers share; the list holds no papers of that shape."""
    list_of = {block.start_line: block.list_line for block in doc.blocks if block.kind == "list_item"}
    groups: dict[object, list[Entry]] = {}
    for entry in entries:
        if entry.shape.endswith("venue-link-first") and "venue" in entry.fields:
            groups.setdefault(list_of.get(entry.start_line), []).append(entry)
    dropped = set()
    for group in groups.values():
        venues = {entry.fields["venue"].text.lower() for entry in group}
        if len(group) >= _NAMED_THINGS and len(venues) >= _OWN_NAMES * len(group):
            dropped.update(id(entry) for entry in group)
    return [entry for entry in entries if id(entry) not in dropped]


def _item_entry(doc, item: _Item) -> tuple[Entry, bool] | None:
    """The paper an item is, and whether it is one on its own evidence (or only if its list's
    other items are papers of its shape)."""
    head = item.blocks[0]
    line = doc.lines[item.line]
    base = doc.line_starts[item.line]
    marker = _MARKER.match(line)
    if marker is None:
        return None
    body = marker.end()
    fields: dict = {}
    labels: list = []
    links = [link for b in item.blocks for link in b.links]
    for child in item.children:
        links += [link for b in child.blocks for link in b.links]
    kind = "numbered" if item.ordered else "bullet"
    if item.children and not any(l.line == item.line for l in head.links) \
            and (_label_over_entries(doc, item) or len(item.children) >= 2 and _groups_papers(doc, item)):
        return None  # ``- **CVPR**`` / ``- <span id=..>**Text to Face**</span>`` over the papers it groups
    written = paper_quoted.read(doc, item.line, item.end, links, ("quoted-" if item.quoted else "") + kind + "-authors-first")
    if written is not None:
        return written, True
    head_lines = {item.line}
    if line.count("**") % 2 and head.end_line > item.line + 1 and doc.lines[item.line + 1].count("**") % 2:
        # ``- [2023/06] **SYNAPSE: Leveraging Few-Shot Exemplars for`` / ``Human-Level Control.** ...``:
        # a bold title the source wraps; the two lines read as one, the line break as a space
        # (same length: every offset still points into the text)
        line = line + " " + doc.lines[item.line + 1]
        head_lines.add(item.line + 1)
    head_links = [l for l in head.links if l.line in head_lines]
    shape, title, evidence = _head(doc, line, base, body, head_links, fields, kind)
    if shape is None:
        return None
    if shape.endswith("-bold-authors") and links:
        shape = shape.replace("-bold-authors", "-bold")  # its links below it: the bold shape, authors after the title
    if shape.endswith("-bold") and "venue" not in fields and "title" in fields:
        title = _venue_in_title(doc, fields) or title
    # the rest of the item: continuation lines, later paragraphs, sub-bullets
    pieces = [(n, _PREFIX.match(doc.lines[n]).end()) for b in item.blocks
              for n in range(b.start_line, b.end_line) if n not in head_lines]
    for child in item.children:
        if child.blocks:
            m = _MARKER.match(doc.lines[child.line])
            if m:
                pieces.append((child.line, m.end()))
    if shape.endswith("-bold") and "venue" not in fields and len(_WORDS.findall(title)) <= 2 and pieces:
        # ``- **FEATHER**`` over ``  - Characteristic Functions on Graphs: ..., CIKM 2020``: the
        # method's name, then its paper's title and venue on the first line below
        n, col = min(pieces)
        text = doc.lines[n]
        stop = len(text.rstrip(" \t.\\"))
        named = _COMMA_VENUE.search(text, col, stop)
        if named and "](" not in text and not _MARKUP.search(text[col:named.start()]) \
                and len(_WORDS.findall(text[col:named.start()])) >= 3:
            fields["title"] = pf.field(doc.line_starts[n], text, col, named.start())
            fields["venue"] = pf.field(doc.line_starts[n], text, named.start("v"), named.end("v"))
            title = text[col:named.start()]
            pieces.remove((n, col))
            evidence = evidence or bool(links)  # (a title, its venue and year, its links: a paper)
    labelled = 0
    for n, col in sorted(pieces):
        text = doc.lines[n]
        key = _sub_line(text, col, doc.line_starts[n], fields, labels)
        labelled += key is not None and key != "authors-italic"
    end_line = item.end
    links += pf.bare_links(doc, base, doc.line_end(end_line - 1), links)
    links.sort(key=lambda l: l.start)
    if labelled and shape.endswith("-bold"):
        shape = shape.replace("-bold", "-labelled")
    plain = shape.endswith("-plain")
    if (shape.endswith(("-bold", "-link-title")) or plain) and "authors" not in fields:
        # ``* **Title**,`` then the authors, plain, on a line below (a venue in emphasis after them)
        for n, col in sorted(pieces)[:4]:
            text = doc.lines[n]
            names = text[col:].rstrip(" \t,\\")
            # (also one author, ``Jiawei Zhang``, and names with particles or accents: ``Nathan de Lara``)
            if "](" in names or not (_NAMES.match(names) or len(names.split()) >= 2 and pf.only_names(names)):
                continue
            venue = _venue_tail(names)
            if venue is not None:
                fields["venue"] = pf.field(doc.line_starts[n], text, col + venue[0], col + venue[1])
                names = names[:venue[0] - 1].rstrip(" \t.,")
            fields["authors"] = pf.field(doc.line_starts[n], text, col, col + len(names))
            break
    def paper_link(below: bool = True) -> bool:  # asked only of bold and plain titles: every list item comes here
        return any((l.line != item.line or not below) and pf.label_text(l) in _PAPER_LABELS for l in links)

    def lab_over_citation() -> bool:
        # ``* Berkeley [[Paper]](u)`` over ``Names, The Title, CVPR, 2015.``: the line below is
        # the whole citation and the bullet only a lab's name
        return any(l.line == item.line for l in links) and not pf.only_names(fields["authors"].text)

    evidence = evidence or labelled >= 1 and bool(links) or (
        shape.endswith("-bold") and bool(links) and ("authors" in fields or paper_link())) or (
        plain and "authors" in fields and paper_link(below=False) and not lab_over_citation()) or (
        # ``- Title of Four Words [[paper](https://arxiv.org/abs/...)]``: a title, the paper's own
        # preprint (or DOI, OpenReview forum, PDF) beside it, nothing below (a note or a lab's name has none)
        plain and "authors" not in fields and len(_WORDS.findall(title)) >= 4
        and any(l.line == item.line and pf.label_text(l) in _PAPER_LABELS and _one_paper(l.url) for l in links))
    # (a short title with the paper's own link beside it: a paper where its list is such papers)
    short = not evidence and (plain or shape.endswith("-plain-short")) and "authors" not in fields \
        and _WORDS.findall(title) and any(l.line == item.line and pf.label_text(l) in _PAPER_LABELS for l in links)
    if not evidence and not short:
        return None
    if item.quoted:
        shape = "quoted-" + shape
    return Entry("paper", doc.root, item.line, end_line, base, doc.line_end(end_line - 1), title, fields,
                 links, shape=shape, labels=labels), bool(evidence)


def _one_paper(url: str) -> bool:
    """An arXiv id, a DOI, a paper's page at its publisher or its venue: a link to one paper
    (a note, a lab's page, any PDF is none)."""
    return arxiv_month(url) is not None or _PUBLISHED.match(normalise_url(url)) is not None


_PUBLISHED = re.compile(r"(?:arxiv:|doi\.org/|openreview\.net/(?:forum|pdf)|aclanthology\.org/|(?:www\.)?aclweb\.org/anthology/"
                        r"|papers\.nips\.cc/|proceedings\.neurips\.cc/|proceedings\.mlr\.press/|openaccess\.thecvf\.com/"
                        r"|ieeexplore\.ieee\.org/(?:abstract/)?document/|dl\.acm\.org/doi/|link\.springer\.com/(?:article|chapter)/"
                        r"|ojs\.aaai\.org/|(?:www\.)?ijcai\.org/proceedings/|(?:www\.)?ecva\.net/papers/)", re.I)


_TAG = re.compile(r"<[^<>\n]*>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")


def _label_over_entries(doc, item: _Item) -> bool:
    """``- **CVPR**`` over ``  - Title of the Paper [[Paper]](url)``: a name of a few words, no
    link, over sub-items each of which names a thing of its own (not ``- Paper: url``, the
    field of one paper), or over such labels in turn (``- **Year 2025**`` / ``  - **CVPR**``)."""
    line = doc.lines[item.line]
    marker = _MARKER.match(line)
    head = _TAG.sub(" ", line[marker.end():] if marker else line).strip(" \t*_:")
    if not head or "](" in line or len(_WORDS.findall(head)) > 4 or "[" in head:
        return False
    named = 0
    for child in item.children:
        if not child.blocks or child.blocks[0].kind != "list_item":
            continue
        text = doc.lines[child.line]
        m = _MARKER.match(text)
        if m is None:
            continue
        end = len(text.rstrip())
        key = pf.read_labelled(text, m.end(), end, 0, {}, [])
        if key in ("date", "venue", "authors", "links") or key in pf.GENERIC_LABELS or key in _PAPER_LABELS:
            return False  # ``- Paper: <url>``: the fields of one paper
        if "](" in text:
            if len(_WORDS.findall(_LINK_TARGET.sub("]", text[m.end():end]))) < 4:
                return False  # ``- [PDF](url)``: its links
            named += 1
        elif child.children and _label_over_entries(doc, child):
            named += 1
    return named >= 1


def _groups_papers(doc, item: _Item) -> bool:
    """Whether an item without a link of its own heads papers of their own (two or more
    sub-items that are papers on their own evidence), not the fields of one paper."""
    papers = 0
    for child in item.children:
        if child.blocks and child.blocks[0].kind == "list_item":
            read = _item_entry(doc, child)
            papers += read is not None and read[1]
            if papers >= 2:
                return True
    return False


# ``**Title (AAAI 2020)**``: the venue and its year in parentheses, closing the bold title
# (a two-digit year only after an acronym: ``(AAAI 17)``, never ``(Part 12)``)
_TITLE_VENUE = re.compile(r"(?P<t>\S.*?\S)[ \t]*\((?P<v>[A-Za-z][^()\n]{0,60}?[ \t,](?:19|20)\d\d[a-z]?[^()\n]{0,24}"
                          r"|[A-Z]{2,}[\w\-]*[ \t]\d\d)\)[ \t.]*")


def _venue_in_title(doc, fields: dict) -> str | None:
    """Split ``Title (VENUE YEAR)`` into its title and venue; the title, or None."""
    t = fields["title"]
    m = _TITLE_VENUE.fullmatch(t.text)
    if m is None or len(_WORDS.findall(m.group("t"))) < 2:
        return None
    fields["title"] = Field(t.start, t.start + m.end("t"), m.group("t"))
    fields["venue"] = Field(t.start + m.start("v"), t.start + m.end("v"), m.group("v"))
    return m.group("t")


def _head(doc, line: str, base: int, body: int, links, fields: dict, kind: str, dated_lead: bool = True):
    """(shape, title, evidence) of an item's first line, or (None, "", False)."""
    tagged_tail = _tail_after_links(_TRAILING_INDEX, line, base, links)
    if tagged_tail:
        # ``Title [[ICML 2013](url)] [[Code](url)] (**DICA**) [65]``: the method's short name and the
        # list's own number for the paper, after its links; the line reads without them
        shape, title, evidence = _head(doc, line[:tagged_tail.start()], base, body, links, fields, kind, dated_lead)
        if shape is not None:
            return shape, title, evidence
        fields.clear()
    badge = _tail_after_links(_TRAILING_BADGE, line, base, links, images=False)
    if badge and "venue" not in fields and "date" not in fields:
        # ``Title [[Paper]](url) ![](https://img.shields.io/badge/arXiv-2025.09-red)``: the badge
        # says where and when; the rest of the line reads without it
        label, message = badge.group("l"), badge.group("m")
        read = {}
        if _is_full_date(message):
            read["date"] = pf.field(base, line, badge.start("m"), badge.end("m"))
            read["venue"] = pf.field(base, line, badge.start("l"), badge.end("l"))
        elif _ANY_YEAR.fullmatch(message):
            read["venue"] = pf.field(base, line, badge.start("l"), badge.end("m"))
        if read and label.lower() not in pf.GENERIC_LABELS | {"blog", "code", "github", "stars"}:
            shape, title, evidence = _head(doc, line[:badge.start()].rstrip(), base, body,
                                           [l for l in links if l.start - base < badge.start()], fields, kind, dated_lead)
            if shape is not None:
                fields.update(read)
                return shape.removesuffix("-short"), title, True
            fields.clear()
    trailing = _tail_after_links(_TRAILING_DATE, line, base, links)
    if trailing and "date" not in fields and _is_full_date(trailing.group("d")):
        # ``Title [[paper](url)] [[code](url)] (2023.12.01)``: the date after the links; the rest
        # of the line reads without it
        fields["date"] = pf.field(base, line, trailing.start("d"), trailing.end("d"))
        shape, title, evidence = _head(doc, line[:trailing.start()], base, body, links, fields, kind, dated_lead)
        if shape is not None:
            # (a linked title's tail reads a date in parentheses as the evidence it is)
            return shape, title, evidence or shape.endswith("-link-title")  # (a short title stays unsure)
        fields.clear()  # not read so: the line as it is
    end = len(line.rstrip())
    anchor = _ANCHOR_OPEN.match(line, body)
    if anchor:  # ``1. <span id="Gamper">**Title.**</span>``: the list's anchor for its own links to the paper
        body = anchor.end()
        closed = line.rfind("</", body, end)
        if closed >= 0 and line.startswith(("</span>", "</a>"), closed) and not line[closed:end].strip(" \t").split(">", 1)[1].strip():
            end = len(line[:closed].rstrip())
    marked = _MARKS_BEFORE.match(line, body)
    if marked and dated_lead and (d := _DATE_FIRST.match(line, marked.end())) and _is_full_date(d.group("d")):
        body = marked.end()  # ``* 🔥📖 [Oct 2023] **Title**``: the list's marks before the date
    dated = _DATE_FIRST.match(line, body) if dated_lead else None  # (one date leads, not a run of them)
    if dated and _is_full_date(dated.group("d")):
        # ``[2023/10] **Title** *Authors* [[paper](url)]``: the date leads, the rest reads as usual
        fields["date"] = pf.field(base, line, dated.start("d"), dated.end("d"))
        shape, title, _ = _head(doc, line, base, dated.end(), links, fields, kind, dated_lead=False)
        if shape is None:
            fields.pop("date")
            return None, "", False
        if "authors" not in fields and "title" in fields:
            title = _authors_after_title(fields) or title
        return f"{kind}-date-first", title, True
    serial = _SERIAL.match(line, body)
    if serial is not None:  # ``[2024_099] **Title**``: the list's own number for the paper, no venue
        body = serial.end()
    after_links = [l for l in links if l.start - base >= body]
    quoted = _QUOTED.match(line, body)
    if quoted and (tail := _QUOTED_TAIL.match(line, quoted.end())) and after_links:
        # ``**ViT**: "An Image is Worth 16x16 Words", ICLR, 2021 (*Google*). [[Paper](url)]``
        fields["title"] = pf.field(base, line, quoted.start("t"), quoted.end("t"))
        if tail.group("month") and dates.parse(tail.group("d")) is not None:
            # ``*arXiv, May 2023*``: the venue, then the month it came out
            fields["venue"] = pf.field(base, line, tail.start("v"), tail.end("v"))
            fields["date"] = pf.field(base, line, tail.start("d"), tail.end("d"))
        else:
            fields["venue"] = pf.field(base, line, tail.start("v"), tail.end("d"))
        return f"{kind}-quoted-title", quoted.group("t"), True
    broken = _BR_VENUE.match(line, body)
    if broken and any(pf.label_text(l) in _PAPER_LABELS for l in after_links) \
            and len(_WORDS.findall(broken.group("t"))) >= 3:
        # ``- Title <br> NeurIPS 2022 [[Paper]](url) [[Code]](url)``: the venue on the title's
        # rendered second line (or none: ``<br> [[Paper]](url)``)
        fields["title"] = pf.field(base, line, broken.start("t"), broken.end("t"))
        if broken.group("v"):
            fields["venue"] = pf.field(base, line, broken.start("v"), broken.end("v"))
        return f"{kind}-plain-break", broken.group("t"), True
    tagged = _VENUE_FIRST.match(line, body)  # ``[**Verilog**] "Title" [2023-09] ...``: a tag before it
    name_tag = None
    if tagged and not (_ANY_YEAR.search(tagged.group("v")) or _APOSTROPHE_YEAR.search(tagged.group("v"))) \
            and _PIPED_VENUE.match(line, tagged.end()):
        # ``[**ALOCC**]Title | **[CVPR' 18]** |``: the method's name; its venue is the cell after the title
        tagged, name_tag = None, tagged
    quoted_dated = quoted or (tagged and _QUOTED.match(line, pf.skip(line, tagged.end(), end, ": \t")))
    if quoted_dated and _quoted_dated(line, base, quoted_dated, after_links, fields):
        return f"{kind}-quoted-title", quoted_dated.group("t"), True
    escaped = line.startswith("\\[", body) and next((l for l in after_links if l.start - base == body + 2), None)
    if escaped and line.startswith("\\]", escaped.end - base) and not escaped.image:
        # ``- \[[arxiv](url)\] Title. `2024.02` ``: the venue as the text of the paper's link
        start = escaped.end - base + 2
        stop = min([l.start - base - (2 if line.startswith("\\[", l.start - base - 2) else 0)
                    for l in after_links if l.start - base >= start] + [end])
        code = _CODE_DATE.search(line, start, stop)
        if code and _is_full_date(code.group("d")) and len(_WORDS.findall(line[start:code.start()])) >= 3:
            fields["venue"] = Field(escaped.text_start, escaped.text_end, doc.text[escaped.text_start:escaped.text_end])
            fields["date"] = pf.field(base, line, code.start("d"), code.end("d"))
            t_start, t_stop = start + len(line[start:]) - len(line[start:].lstrip()), code.start()
            while t_stop > t_start and line[t_stop - 1] in " \t.":
                t_stop -= 1
            fields["title"] = pf.field(base, line, t_start, t_stop)
            return f"{kind}-venue-link-first", line[t_start:t_stop], True
    wrapped = line.startswith("[", body) and next((l for l in after_links if l.start - base == body + 1), None)
    if wrapped and line.startswith("]", wrapped.end - base) and not wrapped.image and _venue_like(wrapped.text):
        # ``- [[NeurIPS](url)] Title. [[tensorflow](url)] [__`cls.`__] :star:``: the venue
        # links to the paper, the title follows in plain text, then code links and tags
        start = pf.skip(line, wrapped.end - base + 1, end, " \t")
        later = [l for l in after_links if l.start - base >= start]
        stop = _unwrapped(line, min([l.start - base for l in later] + [end]), end)
        tag = line.find("[", start, stop)
        stop = stop if tag < 0 else tag
        t_stop = stop
        while t_stop > start and line[t_stop - 1] in " \t.":
            t_stop -= 1
        title = line[start:t_stop]
        if len(_WORDS.findall(title)) >= 2 and not _MARKUP.search(title) and _links_and_tags(line, base, stop, end, later):
            fields["venue"] = _link_title(wrapped)
            fields["title"] = pf.field(base, line, start, t_stop)
            return f"{kind}-venue-link-first", title, True
    venue = (tagged or _VENUE_BEFORE_BOLD.match(line, body)
             or _PAREN_VENUE_BEFORE_BOLD.match(line, body) or _paren_venue(line, base, body, end, after_links)
             or _year_venue_lead(line, base, body, end, after_links))
    if venue:
        # (``(*NAACL'21*)``: the emphasis is the list's style, not the venue's)
        v_start, v_end = pf.strip_emphasis(line, venue.start("v"), venue.end("v"))
        month = _VENUE_AND_MONTH.fullmatch(line, v_start, v_end)
        if month and "date" not in fields and _is_full_date(month.group("d")):
            # ``(arXiv 2023.05)``: the venue, then the month the paper came out
            v_end = month.end("v")
            fields["date"] = pf.field(base, line, month.start("d"), month.end("d"))
        fields["venue"] = pf.field(base, line, v_start, v_end)
        start = venue.end()
        linked = next((l for l in after_links if l.start - base == start and not pf.is_label_link(l)), None)
        if linked is not None:
            fields["title"] = _link_title(linked)
            return f"{kind}-venue-first", linked.text, True
        bold = _BOLD.match(line, start)
        if bold is not None and _whole_title(line, bold.group("t"), bold.end(), end):
            # ``[arXiv:2406.08423] **Title**, A. One, B. Two``: the bold part is the title (also
            # after the list's mark for a highlight: ``(arXiv 2023) ⭐⭐**Title**, Authors``)
            fields["title"] = pf.field(base, line, bold.start("t"), bold.end("t"))
            return f"{kind}-venue-first", bold.group("t").strip(), True
        stop = _unwrapped(line, min([l.start - base for l in after_links if l.start - base >= start] + [end]), end)
        while stop > start and line[stop - 1] in " \t.,":
            stop -= 1
        if stop <= start:
            return None, "", False
        start, stop = pf.strip_emphasis(line, start, stop)  # ``**Title**``: the list's highlight
        fields["title"] = pf.field(base, line, start, stop)
        # (``Title with **Highlighted** Words``: the title as the page shows it)
        return f"{kind}-venue-first", _HIGHLIGHT.sub(r"\g<in>", line[start:stop]), True
    cited = _author_year(doc, line, base, body, after_links, fields)
    if cited is not None:
        return f"{kind}-author-year", cited, True
    cited = _authors_bold_title(line, base, body, end, after_links, fields)
    if cited is not None:
        return f"{kind}-authors-bold-title", cited, True
    dashed = _NAME_DASH.match(line, body)
    linked = dashed and next((l for l in after_links if l.start - base == dashed.end()), None)
    if linked and not linked.image and not pf.is_label_link(linked) and len(_WORDS.findall(linked.text)) >= 3 \
            and names_one_paper(normalise_url(linked.url)) \
            and _links_and_tags(line, base, linked.end - base, end, [l for l in after_links if l.start > linked.start]):
        # ``* AF-DCGAN - [AF-DCGAN: Amplitude Feature Deep Convolutional GAN](arxiv) ([github](u))``:
        # the method's name, then its paper's title as the link to the paper itself
        fields["title"] = _link_title(linked)
        return f"{kind}-name-link-title", linked.text, True
    called = _NAME_COLON_IN.match(line, body)
    if called and after_links and all(pf.resource_link(l) for l in after_links):
        # ``- ***AIGV-Assessor:*** *Benchmarking and Evaluating ...* [[Paper]](url) [[Code]](url)``:
        # the method's name, then its paper's title, then label links
        first_link = _unwrapped(line, min(l.start - base for l in after_links), end)
        stop = first_link
        while stop > called.end() and line[stop - 1] in " \t.":
            stop -= 1
        a, b = pf.strip_emphasis(line, called.end(), stop)
        if len(_WORDS.findall(line[a:b])) >= 3 and not _MARKUP.search(line[a:b]) \
                and _only_links(line, base, first_link, end, after_links):
            fields["title"] = pf.field(base, line, a, b)
            return f"{kind}-name-title", line[a:b], True
    named = _NAME_FIRST.match(line, body) or name_tag
    bold = None if named else _BOLD.match(line, body)  # (``**[ViT]** Title``: below)
    if bold is None and not named and dashed and (after := _BOLD.match(line, dashed.end())) \
            and len(_WORDS.findall(after.group("t"))) >= 3 and _whole_title(line, after.group("t"), after.end(), end):
        bold = after  # ``7. EEC: "**Examining Gender and Race Bias in ...**".``: the dataset's name, then its paper
    at = pf.skip(line, bold.end() + 1, end, " \t") if bold and line.startswith(":", bold.end()) else None
    if at is not None and line[at:at + 1] not in ('"', "\u201c"):  # (``**ViT**: "Title"`` names the method)
        # ``**System report**: A. One. 2018. [Title](url)``: a label, then perhaps a citation
        cited = _author_year(doc, line, base, at, after_links, fields)
        if cited is not None:
            return f"{kind}-author-year", cited, True
        # ``**Talk2Car**: Deruyttere, Thierry, et al. **Talk2Car: Taking Control ...** Venue. 2019.``
        cited = _authors_bold_title(line, base, at, end, after_links, fields)
        return (f"{kind}-authors-bold-title", cited, True) if cited is not None else (None, "", False)
    if bold:
        title = bold.group("t").strip()
        linked = next((l for l in after_links if l.start - base == bold.start("t") and l.end - base == bold.end("t")
                       and not l.image and not pf.is_label_link(l)), None)
        if linked is not None and not doc.in_page(linked.url):
            # ``**[Title](url)** [[code](url)]`` with an italic authors line: the bold title is a link
            fields["title"] = _link_title(linked)
            tail_links = [l for l in after_links if l.start - base >= bold.end()]
            return f"{kind}-bold", linked.text, bool(tail_links)
        if title.startswith("[") or title.endswith(":") or not re.search(r"[A-Za-z\u00c0-\uffff]", title):
            return None, "", False
        t_start, t_end = bold.start("t"), bold.end("t")
        quoted = _QUOTED_BOLD.fullmatch(line, t_start, t_end)
        if quoted:  # ``**"Title."**``: the quotes (and the stop inside them) are the citation's, not the title's
            t_start, t_end = quoted.start("q"), quoted.end("q")
            title = line[t_start:t_end]
        fields["title"] = pf.field(base, line, t_start, t_end)
        tail_links = [l for l in after_links if l.start - base >= bold.end()]
        stop = _unwrapped(line, min([l.start - base for l in tail_links] + [end]), end)
        names = line[bold.end():end].strip(" \t;,.")
        if not after_links and len(_WORDS.findall(title)) >= 3 and names \
                and pf.only_names(_ET_AL_TAIL.sub("", names)) and (" et al" in names or "," in names):
            # ``- **Scaling Laws of Synthetic Data;** Zeyu Qin et al``: a paper named by its title
            # and its authors alone, no link yet
            t_stop = bold.end("t")
            while t_stop > bold.start("t") and line[t_stop - 1] in " \t;,.":
                t_stop -= 1
            fields["title"] = pf.field(base, line, bold.start("t"), t_stop)
            a = line.index(names, bold.end())
            fields["authors"] = pf.field(base, line, a, a + len(names))
            return f"{kind}-bold-authors", line[bold.start("t"):t_stop], True
        evidence = False
        if stop > bold.end():
            evidence = pf.read_tail(line[bold.end():stop], base + bold.end(), fields, separated=False)
            if not evidence and tail_links:
                pf.read_bare_venue(line[bold.end():stop], base + bold.end(), fields)
        return f"{kind}-bold", title, evidence and bool(tail_links)
    led = _lead_before_link(line, base, body, end, after_links, fields)
    if led is not None:
        return f"{kind}-lead-link-title", led, True
    first = next((l for l in after_links if l.start - base == body), None)
    if first is not None:
        if first.image or not first.text.strip() or doc.in_page(first.url) or pf.is_label_link(first):
            return None, "", False
        fields["title"] = _link_title(first)
        tail_links = [l for l in after_links if l.start > first.end]
        stop = min([l.start - base for l in tail_links] + [end])
        # (``, Yu et al., CVPR 2022 | [github](u) | [bibtex](u)``: pipes between the links)
        while stop > first.end - base and line[stop - 1] in " \t|":
            stop -= 1
        evidence = pf.read_tail(line[first.end - base:stop], first.end, fields)
        evidence = evidence or any(l.text.startswith("[") and pf.is_label_link(l) for l in tail_links)
        # ``- [Wav2CLIP: Learning Audio Representations](arxiv) [[code](url)]``: the title links
        # to the paper's own preprint, and nothing but its labels follow
        evidence = evidence or (arxiv_month(first.url) is not None and len(_WORDS.findall(first.text)) >= 3
                                and all(pf.label_like(l) for l in tail_links)
                                and _links_and_tags(line, base, first.end - base, end, tail_links))
        return f"{kind}-link-title", first.text, evidence
    plain = _PLAIN_TITLE.match(line, body)
    if plain and after_links and len(plain.group("t").split()) >= 3 and _NAMES.match(plain.group("a")):
        # ``Holistic evaluation of language models. _Percy Liang et al._ arXiv 2022. [[paper](url)]``
        fields["title"] = pf.field(base, line, plain.start("t"), plain.end("t"))
        fields["authors"] = pf.field(base, line, plain.start("a"), plain.end("a"))
        fields["venue"] = pf.field(base, line, plain.start("v"), plain.end("v"))
        return f"{kind}-plain-title", plain.group("t"), True
    cited = _PLAIN_CITATION.match(line, body)
    if cited and (cited.group("a") or kind == "numbered") and len(cited.group("t").split()) >= 3 \
            and all(pf.is_label_link(l) for l in after_links) \
            and _only_links(line, base, cited.end(), end, after_links):
        # ``25. Title. Noroozi, Mehdi et al. CVPR 2018 [[code]][1.26]``
        fields["title"] = pf.field(base, line, cited.start("t"), cited.end("t"))
        if cited.group("a"):
            fields["authors"] = pf.field(base, line, cited.start("a"), cited.end("a"))
        fields["venue"] = pf.field(base, line, cited.start("v"), cited.end("v"))
        return f"{kind}-plain-citation", cited.group("t"), True
    venue_tail = _PLAIN_VENUE.match(line, body)
    if venue_tail and after_links and len(venue_tail.group("t").split()) >= 3:
        tail_links = [l for l in after_links if l.start - base >= venue_tail.end()]
        if (len(tail_links) == len(after_links) and all(pf.is_label_link(l) for l in tail_links)
                and any(pf.label_text(l) in _PAPER_LABELS for l in tail_links)
                and _only_links(line, base, venue_tail.end(), end, tail_links)):
            # ``- Title, <ins>ICLR, 2024</ins> [[Paper](url)] [[Code](url)]``, also after its
            # authors (``A. One, B. Two, "Title", CVPR, 2015``)
            start, stop = _citation_title(line, venue_tail.start("t"), venue_tail.end("t"), fields, base)
            fields["title"] = pf.field(base, line, start, stop)
            fields["venue"] = pf.field(base, line, venue_tail.start("v"), venue_tail.end("v"))
            return f"{kind}-plain-venue", line[start:stop], True
    cited = _quoted_citation(line, base, body, end, after_links, fields)
    if cited is not None:  # (after the plain venue: ``A. One, "Title", ICLR 2016. [[Paper](url)]`` is one)
        return f"{kind}-quoted-citation", cited, True
    bracket = _BRACKET.match(line, body) if name_tag is None else None
    if bracket:
        tail_links = [l for l in after_links if l.start - base >= bracket.end()]
        if not any(l.text.startswith("[") or pf.is_label_link(l) for l in tail_links):
            return None, "", False
        gap = line[bracket.end():tail_links[0].start - base].rstrip(" \t[")
        if gap.strip() and "[" not in gap:
            return None, "", False  # ``[Chinese Blog] Title [[Link](url)]``: the bracket is a tag
        fields["title"] = pf.field(base, line, bracket.start("t"), bracket.end("t"))
        for link in tail_links:
            label = pf.label_text(link)
            if label and label not in pf.GENERIC_LABELS:
                inner = doc.text[link.text_start:link.text_end]
                a = link.text_start + (len(inner) - len(inner.lstrip("[")))
                b = link.text_end - (len(inner) - len(inner.rstrip("]")))
                fields["venue"] = Field(a, b, doc.text[a:b])
                break
        return f"{kind}-bracket-title", bracket.group("t"), True
    first_link = _unwrapped(line, min((l.start - base for l in after_links), default=end), end)
    if named:  # ``**[ViT]** An Image is Worth 16x16 Words [[paper](url)]``: the method's name, then the title
        body = named.end()
    piped = _PIPED_VENUE.fullmatch(line, body, first_link)
    if piped and len(_WORDS.findall(piped.group("t"))) >= 2 and (
            # label links, pipes perhaps between them, among them the paper's own unless the
            # method's name leads (``**[FDTS]** Title | **[ECCV' 20]**`` has no link yet)
            all(pf.resource_link(l) for l in after_links)
            and (named or any(pf.label_text(l) in _PAPER_LABELS or pf.label_text(l) == "link" for l in after_links))
            and _only_links(line, base, first_link, end, after_links, also="|")):
        # ``**[R-CNN]** Rich feature hierarchies for ... | **[CVPR' 14]** |[`[pdf]`](url)``
        fields["title"] = pf.field(base, line, piped.start("t"), piped.end("t"))
        fields["venue"] = pf.field(base, line, piped.start("v"), piped.end("v"))
        return f"{kind}-piped-venue", piped.group("t"), True
    rest = line[body:first_link]
    paren = _TITLE_VENUE.fullmatch(line, body, len(line[:first_link].rstrip()))
    if paren and len(_WORDS.findall(paren.group("t"))) >= 3 and not _MARKUP.search(paren.group("t")) \
            and after_links and all(pf.is_label_link(l) for l in after_links) \
            and any(pf.label_text(l) in _PAPER_LABELS for l in after_links) \
            and _only_links(line, base, first_link, end, after_links):
        # ``- ERNIE: Enhanced Language Representation (ACL, 2019) [[paper]](url)``
        fields["title"] = pf.field(base, line, paren.start("t"), paren.end("t"))
        fields["venue"] = pf.field(base, line, paren.start("v"), paren.end("v"))
        return f"{kind}-plain-paren-venue", paren.group("t"), True
    venue_link = _venue_link_after(doc, line, base, body, first_link, end, after_links, fields)
    if venue_link is not None:
        return f"{kind}-title-venue-link", venue_link, True
    # (a short name before the links is an author or a lab, ``* UML / UT [[Paper]](u)``, not a title)
    if (not _MARKUP.search(rest) and len(rest.split()) >= 3
            and (not after_links or len(_WORDS.findall(rest)) >= 4)
            and all(pf.resource_link(l) for l in after_links)  # (also ``[\\[official code\\]](url)``)
            and _only_links(line, base, first_link, end, after_links, also=",")):
        # ``-   Title of the paper.`` with its links and its authors on the lines below, or
        # its label links after it: ``- Title. [[paper]](url) [[code]](url)`` (``Title, [[arXiv]](url), ...``)
        stop = first_link
        while stop > body and line[stop - 1] in " \t.,":
            stop -= 1
        year = _TITLE_YEAR.match(line, body, stop)
        if year and after_links and len(_WORDS.findall(year.group("t"))) >= 2 \
                and pf.read_tail(line[year.end("t"):stop], base + year.end("t"), fields):
            # ``- Mask R-CNN (2017), K. He et al. [[pdf]](url)``: the title, its year in
            # parentheses, its authors, its label links
            fields["title"] = pf.field(base, line, body, year.end("t"))
            return f"{kind}-plain-year", year.group("t"), True
        led = _PLAIN_LEAD.match(line, body, stop)
        if led and len(_WORDS.findall(line[led.end():stop])) >= 3 and (led.group("y") or pf.acronym(led.group("v"))):
            # ``* 2014 - Title. [[Paper]](url)``, ``- NeurIPS'23 Title [[arxiv]](url)``: the year or the
            # venue leads, the title follows
            name = "year" if led.group("y") else "venue"
            fields[name] = pf.field(base, line, led.start(name[0]), led.end(name[0]))
            body = led.end()
        comma = _COMMA_VENUE.search(line, body, stop)
        if comma and pf.acronym(comma.group("v").split()[0]) and len(_WORDS.findall(line[body:comma.start()])) >= 3:
            # ``* Title, VLDB'21. [\\[paper\\]](url)``: the venue and its year close the title
            fields["venue"] = pf.field(base, line, comma.start("v"), comma.end("v"))
            stop = comma.start()
        fields["title"] = pf.field(base, line, body, stop)
        return f"{kind}-plain", line[body:stop], False
    if (not _MARKUP.search(rest) and rest.strip() and after_links and all(pf.is_label_link(l) for l in after_links)
            and _only_links(line, base, first_link, end, after_links)):
        # ``- Bayesian GAN [[arXiv]](url)``: a title of a word or two, a paper only where its list's
        # other items are papers of this shape (see ``list_entries``)
        stop = first_link
        while stop > body and line[stop - 1] in " \t.":
            stop -= 1
        fields["title"] = pf.field(base, line, body, stop)
        return f"{kind}-plain-short", line[body:stop], False
    return None, "", False


_NAME_COLON_IN = re.compile(r"\*{2,3}(?P<n>[^*\n]{1,40}?):\*{2,3}[ \t]*(?=\S)")  # (the colon inside the emphasis)
_ANCHOR_OPEN = re.compile(r"<(?:span|a)[ \t]+(?:id|name)[ \t]*=[ \t]*[\"'][^\"'<>\n]{1,80}[\"'][ \t]*>[ \t]*")
_MARKS_BEFORE = re.compile(r"(?:[^\w\s\[\]()*_<>`'\"\\]{1,4}[ \t]*){1,3}(?=\[)")
_QUOTED_BOLD = re.compile(r"[ \t]*[\"\u201c](?P<q>[^\"\u201c\u201d\n]{4,}?)[ \t.]*[\"\u201d][ \t.]*")
_TAIL = 300  # how far back from a line's end its trailing date, badge or tags are looked for (linear time)


def _tail_after_links(pattern, line: str, base: int, links, images: bool = True):
    """``pattern``'s match at the end of ``line`` where it comes after all the line's links
    (its images aside unless ``images``: a badge may be the line's only one), or None."""
    ends = [l.end for l in links if images or not l.image]
    if not ends:
        return None
    m = pattern.search(line, max(0, len(line) - _TAIL))
    return m if m is not None and m.start() >= max(ends) - base else None
_TRAILING_INDEX = re.compile(r"(?:[ \t]*(?:\[\d{1,4}\](?!\()|\(\*\*[^*\n]{1,30}\*\*\)))+[ \t]*$")
# a shields.io badge ending the line: ``![](https://img.shields.io/badge/LABEL-MESSAGE-COLOR)``
_TRAILING_BADGE = re.compile(r"[ \t]*!\[[^\]\n]*\]\(https?://img\.shields\.io/badge/(?P<l>[A-Za-z][\w.%]{0,30})-"
                             r"(?P<m>[\w.%]{2,20})-[\w#]+(?:\?[^)\s]*)?\)[ \t]*$")
_TRAILING_DATE = re.compile(r"[ \t]*[(\[](?P<d>[^()\[\]\n]{6,24})[)\]][ \t.]*$")
_ANY_YEAR = pf.ANY_YEAR
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}[ \t]+[A-Za-z]{3,9}\.?,?[ \t]+(?:19|20)\d\d")


def _venue_link_after(doc, line: str, base: int, body: int, first_link: int, end: int, links, fields: dict):
    """``- Title [[CVPR2019 Oral]](url) [[Pytorch]](url)``, ``- Title [[arXiv 5 Dec 2024]](url)``:
    a plain title, then the paper's link whose text is its venue (or its date) with the year,
    then label links.  The title, or None."""
    if not links or first_link <= body:
        return None
    rest = line[body:first_link]
    paper = links[0]
    label = pf.written_label(paper)  # (a venue has a capital)
    # ``- Title, [[IJCAI]](arxiv), [[Code]](url)``: a venue's name alone where the link is to
    # the paper itself (a year-less word in brackets is otherwise a tag or a tool's name)
    named = _YEARLESS_VENUE.fullmatch(label) and pf.acronym(label.split()[0]) and not pf.is_label_link(paper) \
        and names_one_paper(normalise_url(paper.url))
    if (_MARKUP.search(rest) or len(_WORDS.findall(rest)) < 3 or paper.image
            or not (_ANY_YEAR.search(label) and _venue_like(label) or named)
            or not all(l is paper or pf.resource_link(l) or _venue_like(pf.written_label(l)) for l in links)
            or not _only_links(line, base, first_link, end, links, also=",")):
        return None
    stop = first_link
    while stop > body and line[stop - 1] in " \t.,":
        stop -= 1
    inner = doc.text[paper.text_start:paper.text_end]
    a = paper.text_start + (len(inner) - len(inner.lstrip("[ ")))
    b = paper.text_end - (len(inner) - len(inner.rstrip("] ")))
    fields["title"] = pf.field(base, line, body, stop)
    fields["venue"] = Field(a, b, doc.text[a:b])
    dated = _DAY_MONTH_YEAR.search(doc.text, a, b)
    if dated and _is_full_date(dated.group()):  # ``[[17 Nov 2022]](arxiv)``: the day it came out
        fields["date"] = Field(dated.start(), dated.end(), dated.group())
    return line[body:stop]


_PLAIN_LEAD = re.compile(r"(?:(?P<y>(?:19|20)\d\d)[ \t]*[-\u2013\u2014:]"
                         r"|(?P<v>[A-Za-z][A-Za-z&]{1,11}(?:['\u2019]\d\d|-\d\d|[ \t](?:19|20)\d\d)"
                         r"(?:[ \t]+(?:spotlight|oral|poster|workshop|findings|demo)\b)?))[ \t]+(?=\S)")
_COMMA_VENUE = re.compile(r",[ \t]*(?P<v>[A-Za-z][\w&\-]{1,15}(?:[ \t][A-Za-z][\w&\-]{1,15})?"
                          r"(?:['\u2019]\d\d|[ \t]?(?:19|20)\d\d))\Z")
_YEARLESS_VENUE = re.compile(r"[A-Za-z][A-Za-z&\-]{1,11}\.?(?:[ \t]+[A-Za-z][\w&\-]{0,11}\.?){0,5}")
_VENUE_WORDS = re.compile(r"[A-Za-z0-9][\w&'\-]{0,11}(?:[ \t]+[\w&'\-]{1,12}){0,3}")  # (names no repository)
_TAGS = re.compile(r"\[[^\[\]\n]{0,80}\]|:[a-z0-9_+\-]{1,30}:")


_HIGHLIGHT = re.compile(r"(?P<m>\*\*|__)(?P<in>[^*_\n]+?)(?P=m)")


_VENUE_AND_MONTH = re.compile(r"(?P<v>[A-Za-z][^()\[\]\n]{0,60}?)[ \t,]+(?P<d>(?:19|20)\d\d[./-]\d{1,2})")
_APOSTROPHE_YEAR = re.compile(r"[A-Za-z][ \t]?['\u2019\u2018][ \t]?\d\d(?!\d)")  # ``NAACL'21``, ``WSDM '25``


def _paren_venue(line: str, base: int, body: int, end: int, links):
    """``- (arXiv 2024.5) Title, [[Paper]](url), [[Project]](url)``: a venue with its year in
    parentheses before a plain title, the paper's own link among label links after it."""
    lead = _PAREN_LEAD.match(line, body)
    if lead is None or lead.group("bold") or not links \
            or not (_ANY_YEAR.search(lead.group("v")) or _APOSTROPHE_YEAR.search(lead.group("v"))):
        return None
    if not all(pf.resource_link(l) for l in links) or not any(pf.label_text(l) in _PAPER_LABELS for l in links):
        return None
    first = _unwrapped(line, min(l.start for l in links) - base, end)
    if first <= lead.end() or not _only_links(line, base, first, end, links, also=","):
        return None
    return lead


def _quoted_dated(line: str, base: int, quoted, links, fields: dict) -> bool:
    """``- "Title" [2023-11] [ICML 2024] [[paper](url)]``, ``"Title", 2023-03, arXiv, [[paper](url)]``:
    the month the paper came out, perhaps its venue, after the quoted title, then its labels."""
    dated = _BRACKET_DATE_TAIL.match(line, quoted.end()) or _COMMA_DATE_TAIL.match(line, quoted.end())
    if not dated or not _is_full_date(dated.group("d")) or not any(pf.label_like(l) for l in links) \
            or not all(l.start - base >= dated.end() - 1 for l in links):
        return False
    fields["title"] = pf.field(base, line, quoted.start("t"), quoted.end("t"))
    fields["date"] = pf.field(base, line, dated.start("d"), dated.end("d"))
    if dated.group("v"):
        fields["venue"] = pf.field(base, line, dated.start("v"), dated.end("v"))
    return True


# before a linked title: the date or year, then perhaps the venue (``20210625 ICML-21``,
# ``1993-TNN-``, ``2017.12-``); or the venue and its year alone (``ECCV-22``, ``IEEE TNNLS-22``)
_DATED_LEAD = re.compile(r"(?P<d>(?:19|20)\d\d(?:[.\-/]?\d{1,2}(?:[.\-/]?\d{1,2})?)?)"
                         r"(?:(?:[ \t]*[-\u2013][ \t]*|[ \t]+)(?P<v>(?:[A-Z]|ar[Xx]iv)[\w&.'\u2019 \-]{0,40}?))?")
_VENUE_LEAD = re.compile(r"(?P<v>[A-Z][\w&.\- ]{0,30}?(?:[-'\u2019 ]\d\d|(?:19|20)\d\d)(?:-[a-z]+)?)")


def _lead_before_link(line: str, base: int, body: int, end: int, links, fields: dict) -> str | None:
    """``- 20210625 ICML-21 [Title](url)``, ``-   1993-TNN-[Title](url)``, ``- ECCV-22 [Title](url)``:
    a short lead that dates the paper or names its venue and year, then the title as a link,
    then nothing but links. The title, or None (fields untouched)."""
    first = next((l for l in links if l.start - base > body and not l.image), None)
    if first is None or pf.is_label_link(first) or len(_WORDS.findall(first.text)) < 2 \
            or line[first.start - base - 1:first.start - base] == "[":
        return None
    lead_end = first.start - base
    lead = line[body:lead_end].rstrip(" \t-\u2013:")
    if not lead or len(lead) > 60 or _MARKUP.search(lead) \
            or not _only_links(line, base, first.end - base, end, [l for l in links if l.start >= first.end]):
        return None
    found: dict = {}
    dated = _DATED_LEAD.fullmatch(lead)
    if dated:
        d = dated.group("d")
        parsed = dates.parse(d)
        key = "date" if parsed is not None and parsed.month is not None else "year" if len(d) == 4 else None
        if key is None:
            return None
        found[key] = pf.field(base, line, body + dated.start("d"), body + dated.end("d"))
        if dated.group("v"):
            v = dated.group("v").rstrip(" -")
            found["venue"] = pf.field(base, line, body + dated.start("v"), body + dated.start("v") + len(v))
        elif key == "year":
            return None  # a year alone is no lead: ``2020 edition``
    else:
        venue = _VENUE_LEAD.fullmatch(lead)
        if venue is None:
            return None
        found["venue"] = pf.field(base, line, body, body + len(lead))
    found["title"] = _link_title(first)
    fields.update(found)
    return first.text


def _year_venue_lead(line: str, base: int, body: int, end: int, links):
    """``* 2016-ICLR - Title. [[Paper]](url) [[Code]](url)``: the venue's year and name lead,
    a title of three words or more follows, then nothing but the entry's labels."""
    lead = _YEAR_VENUE_LEAD.match(line, body)
    if lead is None or not links or not all(pf.label_like(l) for l in links):
        return None
    first = _unwrapped(line, min(l.start - base for l in links), end)
    if len(_WORDS.findall(line[lead.end():first])) < 3 or _MARKUP.search(line[lead.end():first]) \
            or not _only_links(line, base, first, end, links):
        return None
    return lead


def _whole_title(line: str, bold: str, at: int, end: int) -> bool:
    """Whether a bold part ending at ``at`` is the whole title: it ends a sentence, or a
    separator, a link or the line's end follows it, not more of the title
    (``**Calibrated** Self-Rewarding Models`` highlights a word)."""
    rest = line[at:end].lstrip(" \t")
    if rest[:1] in ('"', "\u201d"):  # (``"**Title**".``: the quotes around it are the citation's)
        rest = rest[1:].lstrip(" \t")
    return not rest or rest[0] in ",.;:[(|\\<!" or bold.rstrip()[-1:] in ".?!\"\u201d"


def _venue_like(text: str) -> bool:
    """``NeurIPS``, ``CVPR 2019``, ``arXiv``: a short name with a capital, not a label like ``code``."""
    label = text.strip().lower()
    return label == "arxiv" or (len(text) <= 30 and bool(_VENUE_WORDS.fullmatch(text.strip()))
                                and any(ch.isupper() for ch in text) and label.split(" ", 1)[0] not in pf.GENERIC_LABELS)


def _links_and_tags(line: str, base: int, start: int, end: int, links) -> bool:
    """Whether ``line[start:end]`` holds only links, bracketed tags (``[__`cls.`__]``) and
    ``:shortcodes:`` after the title."""
    return not _TAGS.sub(" ", _without_links(line, base, start, end, links)).strip(" \t[]|,()")


# ``A. One, B. Two, and C. Three. 2018. [Title](url). In *Proceedings of ACL 2018*.``
_AUTHOR_YEAR = re.compile(r"(?P<a>[^\[\]*_`<>\n]{2,800}?)\.[ \t]+(?P<y>(?:19|20)\d\d[a-z]?)\.[ \t]+")
_CITED_VENUE = re.compile(r"[ \t]*[.,]?[ \t]*(?:In[ \t]+)?(?P<m>[*_])(?P<v>[^*_\n]{2,200}?)(?P=m)")


_AUTHORS_BOLD = re.compile(r"(?P<a>[^\[\]*_`<>\n]{2,400}?)[ \t]+\*\*(?P<t>[^*\n]{8,}?)\*\*")
# ``He, Kaiming, et al. "**Deep residual learning**." arXiv preprint arXiv:1512.03385 (2015).``
_AUTHORS_QUOTED = re.compile(r"(?P<a>[^\[\]*_`<>\n\"\u201c]{2,400}?)[ \t]*[\"\u201c](?P<b>\*\*)?[\"\u201c]?"
                             r"(?P<t>[^*\"\u201c\u201d\n]{4,}?)[.,]?(?(b)\*\*)[.,]?[\"\u201d][.,]?[ \t]*")
# ``**[7]**``: the paper's number in the list, in bold brackets
_CITATION_NUMBER = re.compile(r"(?:\*\*\[\d{1,4}\]\*\*|\[\d{1,4}\])[ \t]+")
_ET_AL_TAIL = re.compile(r",?[ \t]+et[ \t]+al\.?[ \t]*$")


def _authors_bold_title(line: str, base: int, at: int, end: int, links, fields: dict) -> str | None:
    """``Yu, Licheng, et al. **Mattnet: Modular attention network.** Proceedings of CVPR. 2018.
    [[Paper]](url) [[Code]](url)``: a citation that sets its title in bold after the authors,
    then its venue with the year, then label links.  The title, or None."""
    m = _AUTHORS_BOLD.match(line, at)
    if m is None or not links:
        return None
    names = m.group("a").rstrip(" \t.")
    year = _YEAR_AFTER_NAMES.search(names)  # ``Ann One and Bo Two. 2005. **Title**``: the ACL style
    if year is not None:
        names = names[:year.start()].rstrip(" \t.,")
    if not pf.only_names(_ET_AL_TAIL.sub("", names)):
        return None
    tail = [l for l in links if l.start - base >= m.end()]
    if len(tail) != len(links) or not all(_resource_label(l) for l in tail):
        return None
    stop = _unwrapped(line, tail[0].start - base, end)
    venue = line[m.end():stop].strip(" \t.,")
    if not (_ANY_YEAR.search(venue) or year is not None) or not _only_links(line, base, stop, end, tail):
        return None
    t_start, t_stop = _names_and_title(line, base, m, names, fields)
    if year is not None:
        at_year = m.start("a") + year.start("y")
        fields["year"] = pf.field(base, line, at_year, at_year + len(year.group("y")))
        cited = _PROCEEDINGS.match(venue)
        venue = cited.group("v") if cited else venue
    if venue:
        v_start = line.index(venue, m.end())
        fields["venue"] = pf.field(base, line, v_start, v_start + len(venue))
    return line[t_start:t_stop]


def _names_and_title(line: str, base: int, m, names: str, fields: dict) -> tuple[int, int]:
    """The authors and the bold title of an ``_AUTHORS_BOLD`` match into ``fields``; the title's span."""
    t_start, t_stop = m.start("t"), m.end("t")
    while t_stop > t_start and line[t_stop - 1] in " \t.":
        t_stop -= 1
    if len(names.split()) >= 2:  # (one word, ``BERT **BERT: Pre-training ...**``, is the model's name)
        fields["authors"] = pf.field(base, line, m.start("a"), m.start("a") + len(names))
    fields["title"] = pf.field(base, line, t_start, t_stop)
    return t_start, t_stop


_YEAR_AFTER_NAMES = re.compile(r"[.,]?[ \t]+(?P<y>(?:19|20)\d\d)[a-z]?\Z")
# ``In Proceedings of ACL, pages 427–434``: the venue, without the pages
_PROCEEDINGS = re.compile(r"(?:In[ \t]+)?(?P<v>[^,\n]{2,120}?)(?:,[ \t]*(?:pages?|pp\.|vol)\b.*)?\Z")


def _quoted_citation(line: str, base: int, at: int, end: int, links, fields: dict) -> str | None:
    """``Hinton, Geoffrey E., et al. "**Title**." Venue (2006): 1527-1554. [[pdf]](url)``, a
    remark perhaps after the links: the authors, the title in bold inside quotes, the venue
    with its year, then the paper's label links.  The title, or None."""
    m = _AUTHORS_QUOTED.match(line, at)
    if m is None or not pf.only_names(_ET_AL_TAIL.sub("", m.group("a").rstrip(" \t."))):
        return None
    tail = [l for l in links if l.start - base >= m.end()]
    if not tail or len(tail) != len(links) or not pf.label_like(tail[0]):
        return None
    stop = _unwrapped(line, tail[0].start - base, end)
    venue = line[m.end():stop].rstrip(" \t.,")
    if not _ANY_YEAR.search(venue) or "](" in venue:
        return None
    fields["authors"] = pf.field(base, line, m.start("a"), m.start("a") + len(m.group("a").rstrip(" \t.")))
    fields["title"] = pf.field(base, line, m.start("t"), m.end("t"))
    fields["venue"] = pf.field(base, line, m.end(), m.end() + len(venue))
    return m.group("t")


def _resource_label(link) -> bool:
    """``[[Paper]]``, ``[[Paper: ACM Link]]``, ``[[Paper ieee link]]``: a label, perhaps said more of."""
    return pf.resource_link(link) or pf.label_text(link).split(":", 1)[0].strip() in pf.GENERIC_LABELS


def _author_year(doc, line: str, base: int, at: int, links, fields: dict) -> str | None:
    """The title of a citation in the ACL style at ``line[at:]``, its fields into ``fields``."""
    m = _AUTHOR_YEAR.match(line, at)
    if m is None or not pf.only_names(m.group("a")):
        return None
    title = next((l for l in links if l.start - base == m.end() and not l.image and not pf.is_label_link(l)), None)
    if title is None or not title.text.strip():
        return None
    fields["authors"] = pf.field(base, line, m.start("a"), m.end("a"))
    fields["title"] = _link_title(title)
    fields["year"] = pf.field(base, line, m.start("y"), m.end("y"))  # (the venue's, written before the title)
    venue = _CITED_VENUE.match(line, title.end - base)
    if venue:
        fields["venue"] = pf.field(base, line, venue.start("v"), venue.end("v"))
    return title.text


def _citation_title(line: str, start: int, stop: int, fields: dict, base: int) -> tuple[int, int]:
    """Where the title is in ``line[start:stop]``: a quoted title, or what follows two or
    more leading authors (``Ana Lima, Bo Chen and Chen Wu, The Title``); the authors go
    to ``fields``.  Anything else is the title whole."""
    text = line[start:stop]
    quoted = _QUOTED.search(text)
    if quoted:
        lead = text[:quoted.start()].rstrip(" ,")
        if lead and pf.only_names(lead):
            fields["authors"] = pf.field(base, line, start, start + len(lead))
        return start + quoted.start("t"), start + quoted.end("t")
    parts = text.split(", ")
    names = 0
    while names < len(parts) - 1:
        person = parts[names].removeprefix("and ")  # "..., and Huchuan Lu, Title"
        if not (2 <= len(person.split()) <= 6 and pf.only_names(person)):
            break
        names += 1
    if names < 2 and not (names == 1 and " and " in parts[0]):
        return start, stop
    lead = len(", ".join(parts[:names]))
    fields["authors"] = pf.field(base, line, start, start + lead)
    return start + lead + 2, stop


def _only_links(line: str, base: int, start: int, end: int, links, also: str = "") -> bool:
    """Whether ``line[start:end]`` holds nothing but the links and the brackets and spaces
    around them (and the characters of ``also``)."""
    return not _without_links(line, base, start, end, links).strip(" \t[]" + also)


def _without_links(line: str, base: int, start: int, end: int, links) -> str:
    """``line[start:end]`` with each link (at offset ``base``) blanked out, same length."""
    kept = list(line[start:end])
    for l in links:
        for k in range(max(l.start - base, start), min(l.end - base, end)):
            kept[k - start] = " "
    return "".join(kept)


def _venue_tail(names: str) -> tuple[int, int] | None:
    """``A. One, B. Two. *ICML 2023*``: where the venue in emphasis after the authors is."""
    mark = names[-1:]
    if mark not in ("*", "_"):
        return None
    opening = names.rfind(mark, 0, len(names) - 1)
    inner = names[opening + 1:-1]
    if opening <= 0 or "*" in inner or "_" in inner or not pf.YEAR.search(inner):
        return None
    return opening + 1, len(names) - 1


def _link_title(link):
    return Field(link.text_start, link.text_end, link.text)


def _sub_line(text: str, col: int, base: int, fields: dict, labels: list) -> str | None:
    """Read one later line of an entry; the field key it gave, if any."""
    end = len(text.rstrip())
    end -= len(text[:end]) - len(text[:end].rstrip("\\"))  # a trailing line-break backslash
    end = len(text[:end].rstrip())
    if col >= end:
        return None
    key = pf.read_labelled(text, col, end, base, fields, labels)
    if key is not None:
        return key
    inner = pf.strip_emphasis(text, col, end)
    piece = text[inner[0]:inner[1]]
    if "date" not in fields and dates.parse(piece) is not None:
        fields["date"] = pf.field(base, text, *inner)
        return "date"
    if inner != (col, end) and "authors" not in fields and "](" not in piece:
        fields["authors"] = pf.field(base, text, *inner)
        return "authors-italic"
    lead = pf.EMPHASISED.match(text, col, end)
    if lead and "authors" not in fields and "](" not in lead.group("in") and _SHORT_VENUE.fullmatch(text, lead.end(), end):
        # ``*A. One, B. Two.* Preprint'24``: the authors in emphasis, the venue after them
        fields["authors"] = pf.field(base, text, lead.start("in"), lead.end("in"))
        fields.setdefault("venue", pf.field(base, text, pf.skip(text, lead.end(), end, " \t"), end))
        return "authors-italic"
    if lead and "authors" not in fields and "](" not in lead.group("in") \
            and _LINKS_AND_YEAR.fullmatch(_INLINE_LINK.sub("", text[lead.end():end])):
        # ``*A. One, B. Two.* [[abs](url)], 2024``: the authors in emphasis, then the links,
        # then perhaps the month the paper came out (``], 2021.11``)
        fields["authors"] = pf.field(base, text, lead.start("in"), lead.end("in"))
        month = _TRAILING_MONTH.search(text, lead.end(), end)
        if month and "date" not in fields and dates.parse(month.group()) is not None:
            fields["date"] = pf.field(base, text, month.start(), month.end())
        return "authors-italic"
    if lead and "authors" not in fields and "](" not in lead.group("in"):
        # ``*A. One, B. Two.* IEEE Data Engineering Bulletin 2017. [paper](url)``: the authors in
        # emphasis, the venue and its year, then the links (a tag in backticks may come first)
        first = text.find("[", lead.end(), end)
        venue = _VENUE_BEFORE_LINKS.fullmatch(text, lead.end(), first) if first > 0 else None
        if venue and _only_inline_links(text, first, end):
            fields["authors"] = pf.field(base, text, lead.start("in"), lead.end("in"))
            fields.setdefault("venue", pf.field(base, text, venue.start("v"), venue.end("v")))
            return "authors-italic"
    return None


# ``KDD 2019.``, ``ACL 2022 (Findings).``, ``EMNLP 2022 Demo. `score` ``: a venue with its year
_VENUE_BEFORE_LINKS = re.compile(r"[ \t.,]*(?P<v>[A-Za-z][^\[\]\n`*]{0,100}?(?:19|20)\d\d(?:[ \t]+[A-Z][\w&.\-]*|"
                                 r"[ \t]*\([^()\n]{1,40}\))?)[ \t.,]*(?:`[^`\n]{1,30}`[ \t.,]*)*")


def _only_inline_links(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is links only (``[paper](u) [code](u)``, ``[[pdf](u)]``)."""
    rest = _INLINE_LINK.sub("", text[start:end])
    return not rest.strip(" \t,.;|")


# ``[paper](u)``, ``[[paper](u)]``, ``[[paper]](u)``
_INLINE_LINK = re.compile(r"\[?\[[^\[\]\n]*\]\([^()\s]*\)\]?|\[\[[^\[\]\n]*\]\]\([^()\s]*\)")
_LINKS_AND_YEAR = re.compile(r"[ \t,.;|]*(?:(?:19|20)\d\d(?:[./-]\d{1,2})?[ \t,.;]*)?")
_TRAILING_MONTH = re.compile(r"(?<![\d.])(?:19|20)\d\d[./-]\d{1,2}(?=[ \t,.;]*$)")


# (perhaps the track after the year: ``ACL'24 Findings``, ``NAACL'24 Short``)
_SHORT_VENUE = re.compile(r"[ \t]+[A-Za-z][\w&.\- ]{0,40}?(?:['\u2019]\d\d|(?:19|20)\d\d)?"
                          r"(?:[ \t]+[A-Z][\w&.\-]*){0,2}[ \t]*")


# -- paragraphs -----------------------------------------------------------------
def paragraph_entries(doc) -> list[Entry]:
    entries = []
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or block.list_depth:
            continue
        by_line: dict[int, list] = {}
        for link in block.links:
            by_line.setdefault(link.line, []).append(link)
        written = paper_quoted.read(doc, block.start_line, block.end_line, block.links,
                                    ("quoted-" if block.in_blockquote else "") + "paragraph-authors-first")
        if written is not None:
            entries.append(written)
            continue
        for n in range(block.start_line, block.end_line):
            dated = _dated_paragraph(doc, block, n, by_line.get(n, []))
            if dated is not None:
                entries.append(dated)
                continue
            entry = _link_paragraph(doc, block, n, by_line.get(n, [])) or _paren_lead(doc, block, n, by_line.get(n, [])) \
                or _cited_paragraph(doc, block, n, by_line.get(n, [])) or (
                _bold_with_bullets(doc, blocks, index) if n == block.start_line == block.end_line - 1 else None)
            if entry is not None:
                entries.append(entry)
    return entries


# ``Title. Lingjiao Chen et al`` / ``Title. Ann One, Bo Two``: the authors after the title's stop
_TITLE_THEN_AUTHORS = re.compile(r"(?P<t>.{8,}?[.?!])[ \t]+(?P<a>[A-Z][^.?!\n]{1,200}?(?:[ \t]+et[ \t]+al\.?)?)[ \t.]*\Z")


def _authors_after_title(fields: dict) -> str | None:
    """Split the authors off a title that runs on into them; the title, or None."""
    t = fields["title"]
    m = _TITLE_THEN_AUTHORS.fullmatch(t.text)
    if m is None:
        return None
    names = m.group("a")
    if not (" et al" in names or "," in names) or not pf.only_names(_ET_AL_TAIL.sub("", names)):
        return None
    title = m.group("t").rstrip(".")
    fields["title"] = Field(t.start, t.start + len(title), title)
    fields["authors"] = Field(t.start + m.start("a"), t.start + m.start("a") + len(names), names)
    return title


def _dated_paragraph(doc, block, n: int, links) -> Entry | None:
    """``\\[2024/03\\] Title. A. One et al. [\\[paper\\]](url)``: a paper as a line of its own, its
    date leading, read as a list item's first line is."""
    line = doc.lines[n]
    base = doc.line_starts[n]
    body = _PREFIX.match(line).end()
    lead = _DATE_FIRST.match(line, body)
    if lead is None or not links or not _is_full_date(lead.group("d")):
        return None
    fields: dict = {}
    shape, title, evidence = _head(doc, line, base, body, links, fields, "paragraph")
    if shape is None or not evidence or "title" not in fields:
        return None
    shape = ("quoted-" if block.in_blockquote else "") + shape
    return Entry("paper", doc.root, n, n + 1, base, doc.line_end(n), title, fields, links, shape=shape)


def _link_paragraph(doc, block, n: int, links) -> Entry | None:
    line = doc.lines[n]
    base = doc.line_starts[n]
    body = _PREFIX.match(line).end()
    first = next((l for l in links if l.start - base == body), None)
    if first is None or first.image or doc.in_page(first.url) or pf.is_label_link(first) or not first.text.strip():
        return None
    fields = {"title": _link_title(first)}
    tail_links = [l for l in links if l.start > first.end]
    stop = min([l.start - base for l in tail_links] + [len(line.rstrip())])
    if not pf.read_tail(line[first.end - base:stop], first.end, fields):
        return None
    shape = "quoted-paragraph-link" if block.in_blockquote else "paragraph-link"
    return Entry("paper", doc.root, n, n + 1, base, doc.line_end(n), first.text, fields, links, shape=shape)


def _cited_paragraph(doc, block, n: int, links) -> Entry | None:
    """``**[7]** He, Kaiming, et al. "**Title**." Venue (2015). [[pdf]](url)``: a numbered citation
    as a paragraph of its own."""
    line = doc.lines[n]
    base = doc.line_starts[n]
    lead = _CITATION_NUMBER.match(line, _PREFIX.match(line).end())
    if lead is None:
        return None
    fields: dict = {}
    title = _quoted_citation(line, base, lead.end(), len(line.rstrip()), links, fields)
    last = n + 1
    if title is None:
        # ``**[1]** Ann One and Bo Two. **Title**. Neural Networks, 16(1):5–9, 2003.``: the title in
        # bold, a citation without links (its last line may wrap onto the next)
        last = n + 2 if n + 1 < block.end_line and not _CITATION_NUMBER.match(doc.lines[n + 1]) else n + 1
        title = _bold_citation(doc, n, last, lead.end(), fields)
        if title is None:
            return None
    shape = "quoted-paragraph-citation" if block.in_blockquote else "paragraph-citation"
    return Entry("paper", doc.root, n, last, base, doc.line_end(last - 1), title, fields, links, shape=shape)


# ``Finn, C., Abbeel, P., & Levine, S. (2017).``: names, perhaps the year in parentheses
_APA_YEAR = re.compile(r"[ \t]*\((?P<y>(?:19|20)\d\d)[a-z]?\)\.?\Z")


def _bold_citation(doc, first: int, last: int, at: int, fields: dict) -> str | None:
    line = doc.lines[first]
    base = doc.line_starts[first]
    m = _AUTHORS_BOLD.match(line, at)
    if m is None:
        return None
    names = m.group("a").rstrip(" \t.")
    apa = _APA_YEAR.search(names)
    if apa:
        names = names[:apa.start()].rstrip(" \t.,")
    if not pf.only_names(_ET_AL_TAIL.sub("", names.replace("&", " and "))):
        return None
    rest = line[m.end():] + (" " + doc.lines[last - 1] if last > first + 1 else "")
    if not apa and not _ANY_YEAR.search(rest):
        return None
    t_start, t_stop = _names_and_title(line, base, m, names, fields)
    if apa:
        at_year = m.start("a") + apa.start("y")
        fields["year"] = pf.field(base, line, at_year, at_year + 4)
    v_line, v_from = line, m.end()
    if line[m.end():].strip(" \t.,") in ("", "In") and last > first + 1:  # (``In`` / ``Venue, pages ...``)
        v_line, v_from, base = doc.lines[last - 1], 0, doc.line_starts[last - 1]
    venue = v_line[v_from:].strip(" \t.,")
    cut = re.search(r",[ \t]*(?:\d|pages?\b|pp\.|vol|Springer|IEEE\b)", venue)
    venue = (venue[:cut.start()] if cut else venue).removeprefix("In ").strip(" \t.,")
    if venue and len(venue) <= 120 and venue[:1].isalpha():
        v_start = v_line.index(venue, v_from)
        fields["venue"] = pf.field(base, v_line, v_start, v_start + len(venue))
    return line[t_start:t_stop]


def _unwrapped(line: str, at: int, end: int) -> int:
    """Where the text before a line's first link ends: before the bracket that wraps it
    (``[[paper](url)]``), which belongs to the links, not to the title or venue."""
    return at - 1 if at < end and line[at - 1] == "[" else at


def _paren_lead(doc, block, n: int, links) -> Entry | None:
    line = doc.lines[n]
    base = doc.line_starts[n]
    lead = _PAREN_LEAD.match(line, _PREFIX.match(line).end())
    if lead is None or not links:
        return None
    venue = lead.group("v")
    dated = _LEAD_DATE.search(venue)
    if dated is None and not _LEAD_YEAR.search(venue):
        return None  # ``(see below) ...``: parentheses without a year are no venue
    first = min(links, key=lambda l: l.start)
    stop = first.start - base
    if not pf.is_label_link(first) or stop <= lead.end():
        return None  # the paper's links are its resources; a link as the title is another shape
    start = lead.end()
    while stop > start and line[stop - 1] in " \t.,":
        stop -= 1
    if lead.group("bold") and line.endswith("**", start, stop):
        stop -= 2  # ``**(Arxiv 23.12.01) Title**``: the list's highlight
    if _MARKUP.search(line, start, stop) or len(_WORDS.findall(line[start:stop])) < 3:
        return None
    fields = {"title": pf.field(base, line, start, stop)}
    v_start, v_stop = lead.start("v"), lead.end("v")
    if dated is not None and dates.parse(dated.group()) is not None:
        fields["date"] = pf.field(base, line, v_start + dated.start(), v_start + dated.end())
        v_stop = v_start + len(venue[:dated.start()].rstrip(" \t,"))
    if v_stop > v_start:
        fields["venue"] = pf.field(base, line, v_start, v_stop)
    shape = "quoted-paragraph-paren-lead" if block.in_blockquote else "paragraph-paren-lead"
    return Entry("paper", doc.root, n, n + 1, base, doc.line_end(n), line[start:stop], fields,
                 sorted(links, key=lambda l: l.start), shape=shape)


def _bold_with_bullets(doc, blocks, index: int) -> Entry | None:
    """``**Title**`` alone on its line, then bullets ``- Paper: <url>``."""
    block = blocks[index]
    line = doc.lines[block.start_line]
    base = doc.line_starts[block.start_line]
    body = _PREFIX.match(line).end()
    bold = _BOLD.match(line, body)
    if not bold or bold.end() != len(line.rstrip()) or bold.group("t").strip().endswith(":"):
        return None
    fields = {"title": pf.field(base, line, bold.start("t"), bold.end("t"))}
    labels: list = []
    links = []
    last = block.end_line
    labelled = 0
    for j in range(index + 1, len(blocks)):
        later = blocks[j]
        gap = doc.lines[last:later.start_line]
        if later.kind != "list_item" or later.list_depth != block.list_depth + 1 or any(g.strip(" \t>") for g in gap):
            break
        text = doc.lines[later.start_line]
        m = _MARKER.match(text)
        if m is None or pf.read_labelled(text, m.end(), len(text.rstrip()), doc.line_starts[later.start_line],
                                         fields, labels) is None:
            break
        labelled += 1
        links += later.links
        last = later.end_line
    if not labelled or not any(key in ("date", "venue", "authors", "links") for key, _ in labels):
        return None  # ``**NeurIPS**`` over ``- ProTo: Program-Guided ...``: a group of papers, not one
    end = doc.line_end(last - 1)
    links += pf.bare_links(doc, base, end, links)
    if not links:
        return None
    links.sort(key=lambda l: l.start)
    shape = "quoted-bold-subbullets" if block.in_blockquote else "bold-subbullets"
    return Entry("paper", doc.root, block.start_line, last, base, end, bold.group("t").strip(), fields, links,
                 shape=shape, labels=labels)
