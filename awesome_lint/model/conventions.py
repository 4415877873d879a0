"""A list's own conventions: every style choice, inferred once, with its evidence.

For each choice (bullet, separator, final punctuation, date details, line
breaks, order, ...) this counts what the items making that choice do, at the
scope where the choice lives (the document, a section, one list), and calls a
value *established* when a clear majority uses it.  Rules ask here and report
only departures from an established value; a split choice has no value.  A
value pinned in the configuration (or by an opt-in preset) always wins.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import contents, dates, descriptions, identity
from . import paper_fields as pf
from .papers import break_span, dated_venue, link_debris, venue_name, venue_year

# A value is established when at least this share (three in four) of the items making the
# choice use it, and at least MIN_EVIDENCE of them do.
THRESHOLD = 0.75
MIN_EVIDENCE = 3
# A section holds its papers in an order of its own only when chance would rarely
# put that many in a row: 3 of 4 dates shuffled at random are in a row 5 times in 6,
# 5 of 6 only once in 14.  A smaller section follows the list's order, if it has one.
MIN_OWN_ORDER = 6
# a section sorted by year alone: this many papers with a year, of this many years, this share in place
MIN_YEAR_ORDER = 5
MIN_YEARS = 3
YEAR_ORDER_THRESHOLD = 0.9
# What no reader sees once rendered (blank lines between entries) is a
# convention only when nearly every item keeps it.
INVISIBLE_THRESHOLD = 0.95
# A section's own majority overrides the document's only with this many items.
SECTION_EVIDENCE = 5
# A section short of its own majority follows the list around it when two in
# three of its items already do what the list does: the rest are departures.
LEANING = 2 / 3
# Alphabetical order is a convention when most neighbours agree (an unsorted
# list has about half its neighbours in order); one long list of a sorted
# document that is plainly in another order keeps its own.
SORTED_THRESHOLD = 0.8
# a section headed by a year holds papers of that year: all but one in ten
YEAR_SECTION_THRESHOLD = 0.9
SORTED_EVIDENCE = 5
GROUP_SORTED = 0.6
# Papers in the shapes other than bold-title blocks: a field, an order of fields,
# well-formed links are a section's convention when four in five of its papers keep it.
SHAPE_THRESHOLD = 0.8
BLOCK_SHAPES = frozenset({"bold-block", "quoted-bold-block"})
# Listing an entry under each topic it fits is a list's habit when it does so
# again and again; in a paper list, where a paper normally has one home, only
# when the copies are also common (this share of its papers).
CROSS_SHARE_PAPERS = 0.05

NEWEST, OLDEST, ALPHA, NONE = "newest-first", "oldest-first", "alphabetical", "none"
COLLATIONS = ("case-insensitive", "natural", "raw", "line", "numeric", "library")
BREAKS = {"backslash": " \\", "br": "<br>", "spaces": "  "}
_BREAK_KIND = (
    ("backslash", re.compile(r"\\[ \t]*$")),
    ("br", re.compile(r"<br\s*/?>\.?[ \t]*$", re.I)),
    ("spaces", re.compile(r"\S[ \t]{2,}$")),
)
_LINE_BULLET = re.compile(r"(?P<lead>[ \t>]*)(?P<b>[-*+])(?=[ \t]|$)")
_NOISE = re.compile(r"[\W_]+")

# What each choice may be pinned to: key -> allowed values (None: any string)
PINNABLE = {
    "bullet": ("-", "*", "+"),
    "nested-bullet": ("-", "*", "+"),
    "toc-bullet": ("-", "*", "+"),
    "note-bullet": ("-", "*", "+"),
    "bullet-gap": None,
    "separator": None,
    "final-punctuation": ("stop", "none"),
    "capitalisation": ("capital", "lower"),
    "name-in-description": ("allowed", "avoid"),
    "line-break": tuple(BREAKS),
    "labels": ("list", "canonical"),
    "last-line-break": (True, False),
    "trailing-spaces": ("none", "spaces"),
    "blank-lines": None,
    "authors": (True, False),
    "date-or-venue": (True, False),
    "venue-year": (True, False),
    "date-order": ("day-month-year", "month-day-year", "iso"),
    "date-ordinal": (True, False),
    "date-padding": (True, False),
    "date-month": ("abbr.", "abbr", "full"),
    "date-comma": (True, False),
    "date-may-dot": (True, False),
    "date-numeric-month": dates.NUMERIC_FORMS,
    "date-numeric-day": dates.NUMERIC_DAY_FORMS,
    "date-precision": ("day", "month"),
    "paper-order": (NEWEST, OLDEST, NONE),
    "arxiv-dating": ("arxiv", "other"),
    "labelled-field": (True, False),  # false: a labelled field may be left out
    "field-order": ("none",),  # none: labelled fields in any order
    "clean-links": (True, False),
    "item-order": (ALPHA, NONE),
    "cross-listing": ("allowed", "reported"),
    "collation": COLLATIONS,
}

# Opt-in canonical styles; never switched on by detection.
PRESETS = {
    "awesome": {  # the Awesome index's guidelines, for lists submitted there
        "bullet": "-", "nested-bullet": "-", "note-bullet": "-", "bullet-gap": " ", "separator": " - ",
        "final-punctuation": "stop", "capitalisation": "capital", "name-in-description": "avoid",
    },
    "papers": {  # the seeds' canonical paper style
        "line-break": "backslash", "labels": "canonical", "trailing-spaces": "none",
        **{f"date-{k}": v for k, v in dates.STYLE_DETAILS["ordinal"].items()},
    },
}


@dataclass
class Convention:
    """One choice at one scope: what the items do, and the established value."""

    key: str
    scope: str  # "document", "section 'Tools'", "list at line 12"
    counts: Counter = field(default_factory=Counter)
    value: object = None  # None: not established (split, or too little evidence)
    source: str = "inferred"  # "inferred" | "config" | "preset"
    unit: str = "items"
    of: int | None = None  # how many items make the choice, when counts overlap
    section: object = field(default=None, repr=False, compare=False)  # the section of a section's convention
    # a split section's own majority, taken because the list around it shares it
    leaned: bool = field(default=False, compare=False)
    evidence_key: object = None  # the count that stands for the value, when it is not a value itself
    # the items its inner scopes leave over disagree with the scope as written
    # ('*' 161, '+' 4): no value, and no split to warn about
    mostly: bool = field(default=False, compare=False)
    # the section of a section's convention is one around the entry's own
    around: bool = field(default=False, compare=False)

    @property
    def total(self) -> int:
        return self.of if self.of is not None else sum(self.counts.values())

    @property
    def support(self) -> int:
        return self.counts.get(self.value if self.evidence_key is None else self.evidence_key, 0)

    @property
    def established(self) -> bool:
        return self.value is not None

    @property
    def split(self) -> bool:
        """Made by enough items, in ways that are all common: one warning at most."""
        if self.established or self.mostly or len(self.counts) < 2 or self.total < 2 * MIN_EVIDENCE:
            return False
        second = self.counts.most_common(2)[1][1]
        return second >= MIN_EVIDENCE

    def evidence(self) -> str:
        if self.source != "inferred":
            return f"set by the {self.source}"
        shared = ", as the list around it does" if self.leaned else ""
        return f"{self.support:,} of {self.total:,} {self.unit}{shared}"

    def standard(self, value_text: str, verb: str = "uses") -> str:
        """Whose standard a departure breaks, for messages: "this list uses '*' (57 of 60 list items)"."""
        if self.source == "inferred":
            whose = "this list" if self.scope == "document" else \
                f"the section '{self.section.title}' around it" if self.around and self.section is not None \
                else "this section"
            return f"{whose} {verb} {value_text} ({self.evidence()})"
        return f"the {self.source} asks for {value_text}"

    def tally(self) -> str:
        return ", ".join(f"{show(v)} {n:,}" for v, n in self.counts.most_common())

    def as_dict(self) -> dict:
        return {
            "key": self.key, "scope": self.scope, "value": self.value, "source": self.source,
            "unit": self.unit, "counts": [[v, n] for v, n in self.counts.most_common()],
        }


def show(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, str) else str(value)


def settle(key: str, scope: str, counts: Counter, unit: str, pins: dict, sources: dict,
           threshold: float = THRESHOLD, minimum: int = MIN_EVIDENCE) -> Convention:
    if key in pins:
        return Convention(key, scope, counts, pins[key], sources.get(key, "config"), unit)
    total = sum(counts.values())
    value = None
    if total:
        top, n = counts.most_common(1)[0]
        if n >= minimum and n >= threshold * total:
            value = top
    return Convention(key, scope, counts, value, "inferred", unit)


class Scoped:
    """A choice made per item, established per section with the document as fallback."""

    def __init__(self, doc_level: Convention, sections: dict[int, Convention],
                 lists: dict[tuple, Convention] | None = None, threshold: float = THRESHOLD):
        self.document = doc_level
        self.threshold = threshold
        self.sections = sections
        self.lists = lists or {}
        self._found: dict[int, Convention] = {}  # section id -> at's answer: every entry asks

    def of(self, entry) -> Convention:
        """An entry's convention: its own markdown list's, where that list has the
        items for one, else its section's (see ``at``)."""
        own = self.lists.get(_list_key(entry))
        if own is not None and own.source == "inferred" and own.total >= SECTION_EVIDENCE \
                and own.counts != self.document.counts and own.established:
            return own
        return self.at(entry.section)

    def at(self, section) -> Convention:
        """The convention of the nearest section (the entry's own, then its parents,
        each counting the items of its subsections) with the evidence for one of
        its own; a section split on the choice has none.  Else the document's."""
        key = id(section)
        if key not in self._found:
            self._found[key] = self._nearest(section)
        return self._found[key]

    def _nearest(self, section) -> Convention:
        found = self._nearest_from(section)
        if found.scope != "document" and found.section is not None and found.section is not section:
            if found.total * 10 >= self.document.total * 9:  # (the section that holds nearly all the list)
                return replace(found, scope="document")
            return replace(found, around=True)  # a section around the entry's own: named in messages
        return found

    def _nearest_from(self, section) -> Convention:
        while section is not None and section.heading is not None:
            own = self.sections.get(id(section))
            if own is not None and own.source == "inferred" and own.total >= SECTION_EVIDENCE:
                if own.counts == self.document.counts:  # the section holds the whole list
                    return own if self.document.source != "inferred" else replace(own, scope="document")
                # a section split on the choice keeps its split: fixing the rest of
                # the list must not make it a departure on the next run; unless most
                # of it already does what the list around it does (three odd items
                # in a short section are the list's departures, not a split)
                if own.established or not self._leans_outward(own, section.parent):
                    return own
                return replace(own, value=own.counts.most_common(1)[0][0], leaned=True)
            section = section.parent
        return self.document

    def _leans_outward(self, own: Convention, parent) -> bool:
        """Whether most of a split section does what the established scope around
        it does: its other items are then departures.  (Fixing them makes the
        section established, which leaves the outer scope's share as high or
        higher: the next run judges the same.)"""
        lead, n = own.counts.most_common(1)[0]
        if n < LEANING * own.total or self.threshold > THRESHOLD:
            return False  # (what no reader sees is a departure only where nearly every item agrees)
        outer = self.at(parent) if parent is not None and parent.heading is not None else self.document
        return outer.established and outer.value == lead

    def distinct(self) -> list[Convention]:
        """The document's convention and each section's that stands on its own."""
        return [self.document] + [c for c in self.sections.values()
                                  if c.total >= SECTION_EVIDENCE and c.value != self.document.value]


def _effective(conv) -> Counter:
    """What a scope counts for in the scopes around it: nothing once it has its
    own established value (its items follow that, and fixing them must not move
    an outer scope), else its items as they are."""
    if conv.established and conv.source == "inferred" and conv.total >= SECTION_EVIDENCE:
        return Counter()
    return Counter(conv.counts)


def _list_key(entry) -> tuple:
    return (id(entry.section), entry.list_line)


def _section_scope(section) -> str:
    return f"section '{section.title}'" if section.heading else "document start"


class Conventions:
    """Everything inferred about one document; each choice is computed when first asked."""

    def __init__(self, doc, pins: dict | None = None, sources: dict | None = None):
        self.doc = doc
        self.pins = dict(pins or {})
        self.sources = dict(sources or {})

    def _settle(self, key, scope, counts, unit, **kw) -> Convention:
        return settle(key, scope, counts, unit, self.pins, self.sources, **kw)

    def _scoped(self, key: str, observed, unit: str, threshold: float = THRESHOLD) -> Scoped:
        """``observed``: (entry or section, value) pairs.

        Each scope is settled from the inside out, and an inner scope (a list,
        a subsection) that has its own established value is left out of the
        scopes around it: its items follow it.  (A split section still shows
        its items as written to the scopes around it, so fixing inside it can
        tip an outer scope; the fix loop infers afresh each round for that.)"""
        direct: dict[int, tuple[object, Counter]] = {}
        lists: dict[tuple, Counter] = {}
        list_section: dict[int, object] = {}  # id -> the section of a list's items
        for where, value in observed:
            section = getattr(where, "section", where)
            if getattr(where, "list_line", None) is not None:
                lists.setdefault(_list_key(where), Counter())[value] += 1
                list_section[id(section)] = section
            else:
                direct.setdefault(id(section), (section, Counter()))[1][value] += 1
        raw_direct = {sid: Counter(c) for sid, (_, c) in direct.items()}
        for k, c in lists.items():
            raw_direct.setdefault(k[0], Counter()).update(c)
        in_lists = {}
        for k, c in lists.items():
            conv = self._settle(key, f"list at line {k[1] + 1}", c, unit, threshold=threshold)
            in_lists[k] = conv
            own = direct.setdefault(k[0], (list_section[k[0]], Counter()))[1]
            own.update(_effective(conv))
        sections: dict[int, Convention] = {}

        def settle_tree(section) -> tuple[Counter, Counter]:
            counts = Counter(direct.get(id(section), (None, Counter()))[1])
            raw = Counter(raw_direct.get(id(section), Counter()))
            for child in section.children:
                child_counts, child_raw = settle_tree(child)
                counts.update(child_counts)
                raw.update(child_raw)
            if section.heading is None or not counts:
                return counts, raw
            conv = self._settled(key, _section_scope(section), counts, raw, unit, threshold)
            conv.section = section
            sections[id(section)] = conv
            return _effective(conv), raw

        counts, raw = settle_tree(self.doc.root)
        # where every item follows an inner scope, the document's own value judges
        # nothing: it is settled on the items as written, for the record
        whole = self._settled(key, "document", counts or raw, raw, unit, threshold)
        return Scoped(whole, sections, in_lists, threshold)

    def _settled(self, key, scope, counts, raw, unit, threshold) -> Convention:
        """Decided on ``counts`` (inner scopes left out), shown with the items as written."""
        conv = self._settle(key, scope, counts, unit, threshold=threshold)
        if conv.source == "inferred" and raw != counts:
            written = self._settle(key, scope, raw, unit, threshold=threshold)
            if written.established and conv.value != written.value:
                # what the inner scopes leave over may be split, or lean against the
                # scope as written ('+' 4 of 21): neither is this scope's convention
                conv.value, conv.mostly = None, True
        conv.counts = raw
        return conv

    # -- classic items -------------------------------------------------------------
    def items(self):
        return [e for e in self.doc.entries if e.kind == "item"]

    @cached_property
    def bullet_marks(self) -> list[tuple[int, str, str, object]]:
        """(offset, marker, role, section) of every bullet list item; role is
        "toc-bullet", "bullet", "nested-bullet" or "note-bullet" (a list without a
        single link: notes, steps, an explanation, which many lists bullet their own way)."""
        doc = self.doc
        toc = contents.find(doc)
        # a list whose every item opens with a link to an anchor is a table of
        # contents, wherever it stands and whatever its heading says
        anchors: dict[int, bool] = {}
        linked: set[int] = set()  # lists that hold a link
        for block in doc.blocks:
            if block.list_line is not None and block.links:
                linked.add(block.list_line)
            if block.kind == "list_item" and block.list_line is not None:
                first = block.links[0].url if block.links else ""
                anchors[block.list_line] = anchors.get(block.list_line, True) and doc.in_page(first)
        seen, out = set(), []
        for block in doc.blocks:
            if block.kind != "list_item" or block.start_line in seen or block.start_line in doc.code_lines:
                continue
            seen.add(block.start_line)
            m = _LINE_BULLET.match(doc.lines[block.start_line])
            if m:
                in_toc = (toc is not None and toc.holds(block.start_line)) or anchors.get(block.list_line, False)
                # (the list's news, "* May 29, 2024: a year of this list!", is notes too, links or not)
                role = ("toc-bullet" if in_toc else "note-bullet" if block.list_line not in linked
                        or contents.news(self.section_at(block.start_line))
                        else "bullet" if block.list_depth <= 1 else "nested-bullet")
                out.append((doc.line_starts[block.start_line] + m.start("b"), m.group("b"), role,
                            self.section_at(block.start_line)))
        for entry in doc.entries:
            bullet = entry.fields.get("bullet")
            if entry.kind == "item" and bullet and entry.start_line not in seen:
                role = "bullet" if entry.depth == 0 else "nested-bullet"
                out.append((bullet.start, bullet.text, role, entry.section))  # glued items markdown does not see
        return out

    @cached_property
    def bullets(self) -> dict[str, Scoped]:
        """role -> the bullet convention, per section with the document as fallback."""
        return {
            role: self._scoped(role, ((s, m) for _, m, r, s in self.bullet_marks if r == role),
                               "link-less list items" if role == "note-bullet" else "list items")
            for role in ("bullet", "nested-bullet", "toc-bullet", "note-bullet")
        }

    def section_at(self, line: int):
        """The innermost section holding a line."""
        starts = self.__dict__.get("_section_starts")
        if starts is None:
            starts = self.__dict__["_section_starts"] = [s.start_line for s in self.doc.sections[1:]]
        i = bisect.bisect_right(starts, line)
        return self.doc.sections[i] if i else self.doc.root

    @cached_property
    def bullet_gap(self) -> Scoped:
        return self._scoped("bullet-gap", (
            (e, e.fields["gap"].text) for e in self.items() if "gap" in e.fields and e.fields["gap"].text
        ), "items")

    @cached_property
    def separator(self) -> Scoped:
        def observed():
            for e in self.items():
                desc = e.fields.get("description")
                if desc is None:
                    continue
                sep = e.fields.get("separator")
                if sep is not None:
                    yield e, sep.text
                elif not descriptions.only_aside(desc.text) and not descriptions.continues_name(e, desc):
                    yield e, ""  # (a sentence carried on from the name, "by Jane", needs none)
        return self._scoped("separator", observed(), "items with a description")

    @cached_property
    def decorations(self) -> Convention:
        """What items put between the name and the separator (shown, never enforced)."""
        votes = Counter()
        for e in self.items():
            deco = e.fields.get("decorations")
            votes[_decoration_kind(deco.text) if deco else "nothing"] += 1
        return self._settle("decorations", "document", votes, "items")

    @cached_property
    def final_punctuation(self) -> Scoped:
        def observed():
            for e in self.items():
                desc = e.fields.get("description")
                if desc is not None and (end := descriptions.ending(self.doc, e, desc)) is not None:
                    yield e, end[0]
        return self._scoped("final-punctuation", observed(), "descriptions")

    def capitalisation_for(self, allowed) -> Scoped:
        key = frozenset(allowed)
        cache = self.__dict__.setdefault("_casing", {})
        if key not in cache:
            def observed():
                for e in self.items():
                    desc = e.fields.get("description")
                    if desc is not None and (c := descriptions.casing(e, desc, allowed)) is not None:
                        yield e, c[0]
            cache[key] = self._scoped("capitalisation", observed(), "descriptions")
        return cache[key]

    # -- paper entries -------------------------------------------------------------
    def papers(self):
        return [e for e in self.doc.entries if e.kind == "paper"]

    @cached_property
    def line_break(self) -> Convention:
        doc = self.doc
        votes = Counter(
            kind for e in self.papers() for n in range(e.start_line, e.end_line - 1)
            if (kind := break_kind(doc.lines[n]))
        )
        return self._settle("line-break", "document", votes, "entry lines with a break")

    @cached_property
    def links_line(self) -> Convention:
        """Whether an entry's row of links starts a rendered line of its own ("own line")
        or follows the text above it ("after text": ``Authors. [[paper](url)]``); a
        row of links the source puts on the next line without a break renders as the latter."""
        doc = self.doc
        votes = Counter()
        for e in self.papers():
            if e.shape not in BLOCK_SHAPES or e.end_line - e.start_line < 2:
                continue
            link = next((l for l in e.links if l.line > e.start_line and not l.image), None)
            if link is None:
                continue
            line = link.line
            before = doc.text[doc.line_starts[line]:link.start].strip(" \t>[")
            joined = bool(before) or break_kind(doc.lines[line - 1]) is None
            votes["after text" if joined else "own line"] += 1
        return self._settle("links-line", "document", votes, "entries' rows of links")

    @cached_property
    def break_spelling(self) -> str | None:
        """How the list writes its kind of break, where most of its breaks of that kind
        are written one way (``<br />``, ``<br/>``, ``<br>``): the break the fix writes."""
        kind = self.line_break.value
        if kind != "br":
            return None
        spelt = Counter(break_span(line)[1].strip().lower() for e in self.papers()
                        for line in self.doc.lines[e.start_line:e.end_line - 1] if break_kind(line) == kind)
        top = spelt.most_common(1)
        return top[0][0] if top and top[0][1] * 2 > sum(spelt.values()) else None

    @cached_property
    def trailing_spaces(self) -> Convention:
        """Whether entries' last lines end clean or with stray spaces (which no reader
        sees): ``none`` where the list keeps them clean.  Counted on last lines only,
        a last line with a break as clean: no fix of a break then moves the count, so a
        second --fix judges as the first did."""
        votes = Counter()
        for e in self.papers():
            line = self.doc.lines[e.end_line - 1]
            if line.strip():
                votes["spaces" if break_kind(line) is None and line != line.rstrip() else "none"] += 1
        # stray spaces are an editor's leftovers, never a style: two entries in three
        # kept clean make clean the list's habit
        return self._settle("trailing-spaces", "document", votes, "entries' last lines", threshold=LEANING)

    @cached_property
    def last_line_break(self) -> Convention:
        style = self.line_break.value
        votes = Counter(
            break_kind(self.doc.lines[e.end_line - 1]) == style for e in self.papers() if e.end_line - e.start_line > 1
        )
        return self._settle("last-line-break", "document", votes, "entries")

    @cached_property
    def blank_lines(self) -> Scoped:
        """How many blank lines part entries: a habit of the whole file (an editor's,
        a formatter's), never a section's, since no reader sees it."""
        papers = self.papers()
        counts = Counter(g for a, b in zip(papers, papers[1:]) if (g := blank_gap(self.doc, a, b)))
        whole = self._settle("blank-lines", "document", counts, "gaps between entries",
                             threshold=INVISIBLE_THRESHOLD)
        return Scoped(whole, {}, None, INVISIBLE_THRESHOLD)

    def _has(self, key, test, among=None) -> Scoped:
        entries = self.papers() if among is None else among
        return self._scoped(key, ((e, bool(test(e))) for e in entries), "entries")

    @cached_property
    def authors(self) -> Scoped:
        return self._has("authors", lambda e: "authors" in e.fields)

    @cached_property
    def date_or_venue(self) -> Scoped:
        return self._has("date-or-venue", lambda e: "date" in e.fields or "venue" in e.fields)

    @cached_property
    def venue_year(self) -> Scoped:
        with_venue = [e for e in self.papers() if dated_venue(e) is not None]
        return self._has("venue-year", dated_venue, with_venue)

    @cached_property
    def yearless_venues(self) -> frozenset:
        """Venues the list never writes with a year ('IEEE TSE', 'JMLR', a journal beside
        'ICML 2024'): where the paper's date gives the year, such a venue needs none."""
        named, dated = set(), set()
        for e in self.papers():
            state = dated_venue(e)
            if state is None:
                continue
            name = venue_name(e.fields["venue"].text)
            (dated if state else named).add(name)
        return frozenset(named - dated)

    # -- papers in the other shapes (numbered, labelled, bulleted, ...), per section -----
    def _shaped(self, section) -> list:
        """The section's papers that are not bold-title blocks."""
        return [e for e in section.entries if e.kind == "paper" and e.shape not in BLOCK_SHAPES]

    def _per_section(self, name: str, section, build):
        cache = self.__dict__.setdefault(name, {})
        if id(section) not in cache:
            cache[id(section)] = build()
        return cache[id(section)]

    def labelled_fields(self, section) -> dict[str, Convention]:
        """For each labelled field ('Journal:', 'Authors:'), whether the section's
        labelled papers give it; with the label as the section usually writes it."""
        def build():
            labelled = [e for e in self._shaped(section) if e.labels]
            out = {}
            for key in dict.fromkeys(k for e in labelled for k, _ in e.labels):
                counts = Counter(any(k == key for k, _ in e.labels) for e in labelled)
                conv = self._settle("labelled-field", _section_scope(section), counts, "labelled entries",
                                    threshold=SHAPE_THRESHOLD)
                out[key] = replace(conv, evidence_key=True)
            return out
        return self._per_section("_labelled_fields", section, build)

    def label_spelling(self, section, key: str) -> str:
        written = Counter(f.text for e in self._shaped(section) for k, f in e.labels if k == key)
        return written.most_common(1)[0][0]

    def field_order(self, section) -> dict[tuple, Convention]:
        """For each pair of labelled fields, which one the section's papers write first:
        ``(a, b) -> Convention`` established on ``a`` first."""
        def build():
            firsts: Counter = Counter()
            for entry in self._shaped(section):
                keys = label_order(entry)
                for i, a in enumerate(keys):
                    for b in keys[i + 1:]:
                        firsts[(a, b)] += 1
            out = {}
            for (a, b) in firsts:
                counts = Counter({a: firsts[(a, b)], b: firsts[(b, a)]})
                out[(a, b)] = self._settle("field-order", _section_scope(section), counts, "entries",
                                           threshold=SHAPE_THRESHOLD)
            return out
        return self._per_section("_field_order", section, build)

    def clean_links(self, section) -> Convention:
        """Whether the section's papers write well-formed links (no bracket debris)."""
        def build():
            counts = Counter(link_debris(self.doc, e) is None for e in self._shaped(section))
            conv = self._settle("clean-links", _section_scope(section), counts, "entries",
                                threshold=SHAPE_THRESHOLD)
            return replace(conv, evidence_key=True)
        return self._per_section("_clean_links", section, build)

    def labels(self, aliases: dict[str, str]) -> dict[str, Convention]:
        """canonical label -> the spelling convention of links with that label."""
        spellings: dict[str, Counter] = {}
        for entry in self.papers():
            for link in entry.links:
                canon = aliases.get(link.text.lower())
                if canon:
                    spellings.setdefault(canon, Counter())[link.text] += 1
        return {canon: self._settle(f"label:{canon}", "document", c, "links") for canon, c in spellings.items()}

    # -- dates -------------------------------------------------------------------
    @cached_property
    def dates(self) -> dict[str, Convention]:
        votes: dict[str, Counter] = {d: Counter() for d in dates.DETAILS}
        for entry in self.doc.entries:
            fld = entry.fields.get("date")
            if fld is None or dates.parse(fld.text) is None:
                continue
            for detail, value in dates.written(fld.text):
                if detail != "month":
                    votes[detail][value] += 1
        # the month style is counted month by month: a month written its own settled way
        # counts as --fix will leave it, so fixing its odd dates never tips the list's
        # month style for the next run
        for conv in self.month_forms.values():
            votes["month"].update(Counter({conv.value: conv.total}) if conv.established else conv.counts)
        return {d: self._settle(f"date-{d}", "document", c, "dates") for d, c in votes.items()}

    @cached_property
    def numeric_months(self) -> Convention:
        """How months written in digits are spelt (2023-05, 202305, 2023-5)."""
        return self._numeric("date-numeric-month", dates.numeric_form, "dates in digits")

    @cached_property
    def numeric_days(self) -> Convention:
        """How days written in digits are spelt (2023-05-02, 2023.05.02, 2023/5/2)."""
        return self._numeric("date-numeric-day", dates.numeric_day_form, "days in digits")

    def _numeric(self, key: str, form_of, unit: str) -> Convention:
        votes = Counter(form for e in self.doc.entries if (f := e.fields.get("date")) is not None
                        if (form := form_of(f.text)) is not None)
        return self._settle(key, "document", votes, unit)

    @cached_property
    def date_precision(self) -> Convention:
        """Whether the list dates papers to the day or to the month ('May, 2023')."""
        votes = Counter()
        for entry in self.doc.entries:
            field = entry.fields.get("date")
            parsed = dates.parse(field.text) if field is not None else None
            if parsed is not None and parsed.year is not None and parsed.month is not None:
                votes["month" if parsed.monthly or parsed.day is None else "day"] += 1
        return self._settle("date-precision", "document", votes, "dates")

    def date_details(self, text: str) -> dict:
        """How ``text`` should be written: each established detail, else its own."""
        own = dict(dates.written(text))
        wanted = dict(own)
        order = self.dates["order"]
        if order.established:
            wanted["order"] = order.value
        for detail in ("ordinal", "padding", "month", "comma"):
            conv = self.dates[detail]
            if conv.established:
                wanted[detail] = conv.value
        # "May." only where the list writes its May dates so
        wanted["may-dot"] = self.dates["may-dot"].value is True
        month = self.month_form_of(text)
        if month is not None and month.established and month.source == "inferred":
            wanted["month"] = month.value
        return wanted

    @cached_property
    def month_forms(self) -> dict[int, Convention]:
        """How each month is written, for lists that write some months in full and
        abbreviate the others ("June", "July", but "Oct."): a list split on the
        month style overall may still be settled month by month."""
        votes: dict[int, Counter] = {}
        for entry in self.doc.entries:
            fld = entry.fields.get("date")
            parsed = dates.parse(fld.text) if fld is not None else None
            form = dict(dates.written(fld.text)).get("month") if parsed is not None else None
            if form is not None and parsed.month is not None:
                votes.setdefault(parsed.month, Counter())[form] += 1
        return {m: self._settle("date-month", "document", c, f"{dates.MONTHS[m - 1].capitalize()} dates")
                for m, c in votes.items()}

    def month_form_of(self, text: str) -> Convention | None:
        """The month convention a date answers to: its month's own where that month is
        settled ("June" in full among "Oct."), else the list's (None: the list's)."""
        whole = self.dates["month"]
        if whole.source != "inferred":
            return None
        parsed = dates.parse(text)
        own = self.month_forms.get(parsed.month) if parsed is not None and parsed.month else None
        return own if own is not None and own.established else None

    # -- order ---------------------------------------------------------------------
    @cached_property
    def _paper_runs(self) -> list[tuple[object, list]]:
        """(section, date keys in document order) of each section's dated papers."""
        out = []
        for section in self.doc.sections:
            keys = [k for e in section.entries if e.kind == "paper" and (k := date_key(e)) is not None]
            out.append((section, keys))
        return out

    @cached_property
    def _group_votes(self) -> dict[int, Counter]:
        """Per section, the direction votes of its groups of papers added up: a
        group in order counts whole, whatever the group before it ends on."""
        out = {}
        for section in self.doc.sections:
            papers = [e for e in section.entries if e.kind == "paper"]
            votes = Counter()
            for group in paper_groups(self.doc, papers):
                votes.update(_direction_votes([k for e in group if (k := date_key(e)) is not None]))
            out[id(section)] = votes
        return out

    def _direction(self, scope: str, votes: Counter, dated: int, threshold: float = THRESHOLD,
                   unit: str = "dated entries in order") -> Convention:
        if "paper-order" in self.pins:
            return Convention("paper-order", scope, votes, self.pins["paper-order"],
                              self.sources.get("paper-order", "config"), unit, dated)
        value = None
        if dated >= MIN_EVIDENCE and votes[NEWEST] != votes[OLDEST]:
            top = NEWEST if votes[NEWEST] > votes[OLDEST] else OLDEST
            if votes[top] >= threshold * dated:
                value = top
        return Convention("paper-order", scope, votes, value, "inferred", unit, dated)

    @cached_property
    def _year_keys(self) -> dict[int, list]:
        """Per section whose papers give years but no dates (``Names. 2005. **Title**``,
        ``**Title.** AAAI 2020.``), each paper's year as its sort key (None: no year): such
        sections are sorted by year or not at all (ties of a year keep any order)."""
        out = {}
        for section in self.doc.sections:
            papers = [e for e in section.entries if e.kind == "paper"]
            if len(papers) < MIN_YEAR_ORDER or any(date_key(e) is not None for e in papers):
                continue
            keys = [(y,) if (y := year_key(e)) is not None else None for e in papers]
            # (a group of a few papers, under a line of its own, is in year order by chance as often as not)
            at = {id(e): i for i, e in enumerate(papers)}
            for group in paper_groups(self.doc, papers):
                if sum(keys[at[id(e)]] is not None for e in group) < MIN_YEAR_ORDER:
                    for e in group:
                        keys[at[id(e)]] = None
            known = [k for k in keys if k is not None]
            if len(known) >= MIN_YEAR_ORDER and len(set(known)) >= MIN_YEARS and not _by_preprint(papers, keys):
                out[id(section)] = keys
        return out

    def order_keys(self, section, papers: list) -> list:
        """The key each of a section's papers is sorted by: its date, or in a section of
        years without dates, its year."""
        years = self._year_keys.get(id(section))
        if years is not None and len(years) == len(papers):
            return years
        return [date_key(e) for e in papers]

    def order_field(self, entry):
        """The field a paper's place in its order is read from: its date, else its year."""
        return entry.fields.get("date") or entry.fields.get("year") or entry.fields.get("venue")

    @cached_property
    def document_paper_order(self) -> Convention:
        votes, dated = Counter(), 0
        for section, keys in self._paper_runs:
            if len(keys) >= MIN_EVIDENCE:
                own = self._direction(_section_scope(section), self._group_votes[id(section)], len(keys))
                # a section sorted its own way counts as --fix will leave it: all in order
                votes.update(Counter({own.value: len(keys), _other(own.value): 1})
                             if own.established and len(keys) >= MIN_OWN_ORDER else self._group_votes[id(section)])
                dated += len(keys)
        return self._direction("document", votes, dated)

    @cached_property
    def _runs_by_section(self) -> dict[int, list]:
        return {id(section): keys for section, keys in self._paper_runs}

    @cached_property
    def _dated_sections(self) -> int:
        return sum(1 for _, k in self._paper_runs if len(k) >= MIN_EVIDENCE)

    def paper_order(self, section) -> Convention:
        """The direction a section's papers are sorted in (sections of < 3 dated papers have none)."""
        cache = self.__dict__.setdefault("_paper_order", {})
        years = self._year_keys.get(id(section))
        if years is not None and id(section) not in cache:
            # by year: each section shows its own order (ties count for both directions, so
            # more of its papers must be in place than of a dated section's)
            papers = [e for e in section.entries if e.kind == "paper"]
            votes = Counter()
            for group in paper_groups(self.doc, papers):
                members = {id(e) for e in group}
                votes.update(_direction_votes([k for e, k in zip(papers, years) if k is not None and id(e) in members]))
            cache[id(section)] = self._direction(_section_scope(section), votes, sum(k is not None for k in years),
                                                 YEAR_ORDER_THRESHOLD, "papers in order by year")
        if id(section) not in cache:
            keys = self._runs_by_section.get(id(section), [])
            votes = self._group_votes.get(id(section), Counter())
            # (a list's only dated section has no other to follow: its own order is all there is)
            alone = self._dated_sections <= 1
            conv = self._direction(_section_scope(section), votes,
                                   len(keys) if alone or len(keys) >= MIN_OWN_ORDER else 0)
            if not conv.established and len(keys) >= MIN_EVIDENCE:
                whole = self.document_paper_order
                # a section that is merely untidy follows the list; one sorted the other way does
                # not, nor one that keeps no order at all (no more than half its papers in place)
                if whole.established and votes.get(whole.value, 0) >= votes.get(_other(whole.value), 0) \
                        and votes.get(whole.value, 0) * 2 > len(keys):
                    conv = whole
            cache[id(section)] = conv
        return cache[id(section)]

    @cached_property
    def arxiv_dating(self) -> Convention:
        """Whether the list dates its papers by arXiv: the date in the month of the
        paper's arXiv id, or shortly before it (a held submission)."""
        counts = Counter()
        for entry in self.doc.entries:
            key, month = date_key(entry), identity.entry_arxiv_month(entry)
            if key is not None and month is not None:
                lead = (month[0] * 12 + month[1]) - (key[0] * 12 + key[1])
                counts["arxiv" if 0 <= lead <= 1 else "other"] += 1
        return self._settle("arxiv-dating", "document", counts, "dated papers with an arXiv link")

    @cached_property
    def misdated(self) -> dict:
        """Papers (id -> their arXiv id's (year, month)) whose own date breaks their section's order,
        in another month than their arXiv id, in a list that dates papers by arXiv, where the id's
        month keeps the order: the date is what is wrong (``30 Dec 2021`` for a November number,
        ``27 Jan 2022`` for a June one), not the place."""
        if self.arxiv_dating.value != "arxiv":
            return {}
        out = {}
        for section, _ in self._paper_runs:
            direction = self.paper_order(section).value
            if direction not in (NEWEST, OLDEST):
                continue
            ordered = (lambda a, b: a >= b) if direction == NEWEST else (lambda a, b: a <= b)
            for group in paper_groups(self.doc, [e for e in section.entries if e.kind == "paper"]):
                self._misdated_in([(e, k) for e in group if (k := date_key(e)) is not None], ordered, out)
        return out

    @staticmethod
    def _misdated_in(dated: list, ordered, out: dict) -> None:
        for i, (entry, key) in enumerate(dated):
            before = [dated[i - 1][1]] if i > 0 else []
            after = [dated[i + 1][1]] if i + 1 < len(dated) else []
            if all(ordered(b, key) for b in before) and all(ordered(key, a) for a in after):
                continue  # in its place
            month = identity.entry_arxiv_month(entry)
            if month is None or key[:2] == month:
                continue
            if all(ordered(b[:2], month) for b in before) and all(ordered(month, a[:2]) for a in after):
                out[id(entry)] = month

    @cached_property
    def year_sections(self) -> Convention:
        """Whether the papers under headings that are years (``### 2020``, ``2021 papers``) are of
        that year, by their date, their venue's year or their own year field: a habit of the whole
        list, which its small sections share.  (A heading that names an event as well, ``CVPR
        2023``, ``WMT 2019``, is judged by its own papers: see ``misfiled``.)"""
        counts = Counter()
        for section, year, papers in self._year_headed:
            if not _names_event(section.title):
                counts.update(v for e in papers if (v := year_verdict(e, year)) is not None)
        return self._settle("year-sections", "document", counts, "papers with a year under a year heading",
                            threshold=YEAR_SECTION_THRESHOLD, minimum=SECTION_EVIDENCE)

    @cached_property
    def _year_headed(self) -> list[tuple]:
        """(section, its heading's year, the papers under it) for each section headed by a year."""
        out = []
        for section in self.doc.sections:
            year = heading_year(section.title) if section.heading is not None else None
            if year is not None:
                out.append((section, year, self._papers_under(section)))
        return out

    def _papers_under(self, section) -> list:
        """The papers of a section and of the sections below it that name no year of their own."""
        found = [e for e in section.entries if e.kind == "paper"]
        for child in section.children:
            if child.heading is not None and heading_year(child.title) is None:
                found += self._papers_under(child)
        return found

    @cached_property
    def misfiled(self) -> list[tuple]:
        """(paper, the section headed by the year it is filed under, that year, the convention) for
        each paper of another year, where papers under such headings are of their year: in the whole
        list for headings that are years, in the section itself for those that name an event."""
        out = []
        whole = self.year_sections
        for section, year, papers in self._year_headed:
            verdicts = [(e, year_verdict(e, year)) for e in papers]
            if _names_event(section.title):
                counts = Counter(v for _, v in verdicts if v is not None)
                conv = self._settle("year-sections", _section_scope(section), counts, "papers with a year",
                                    threshold=YEAR_SECTION_THRESHOLD, minimum=SECTION_EVIDENCE)
                conv = replace(conv, section=section)
            else:
                conv = whole
            if conv.value == "of the heading's year":
                out += [(e, section, year, conv) for e, v in verdicts if v == "of another year"]
        return out

    @cached_property
    def item_groups(self) -> list[list]:
        """Classic items that are siblings in one markdown list, in document order."""
        groups: dict[tuple, list] = {}
        for entry in self.items():
            groups.setdefault((id(entry.section), entry.list_line, id(entry.parent)), []).append(entry)
        return [g for g in groups.values() if len(g) > 1]

    def _in_order(self, name: str, groups=None) -> int:
        key = COLLATE[name]
        doc = self.doc
        return sum(key(doc, a) <= key(doc, b) for g in (groups or self.item_groups) for a, b in zip(g, g[1:]))

    @cached_property
    def collation(self) -> Convention:
        """The collation under which the list's sibling items are most in order."""
        votes = Counter({name: self._in_order(name) for name in COLLATIONS})
        if "collation" in self.pins:
            return Convention("collation", "document", votes, self.pins["collation"],
                              self.sources.get("collation", "config"), "neighbours in order")
        best = max(COLLATIONS, key=lambda n: (votes[n], -COLLATIONS.index(n)))
        return Convention("collation", "document", votes, best, "inferred", "neighbours in order")

    @cached_property
    def collations(self) -> list[str]:
        """Every collation the list is about as sorted under as under the best one,
        best first: a pair is out of order only if it is under all of them."""
        best = self.collation
        if best.source != "inferred":
            return [best.value]
        pairs = sum(len(g) - 1 for g in self.item_groups)
        # (the library's filing, articles set aside and numbers as words, is a list's own rule
        # where it sorts best, never a second opinion that excuses a slip of plain order)
        return [best.value] + [n for n in COLLATIONS if n != best.value and n != "library"
                               and best.counts[n] >= SORTED_THRESHOLD * pairs]

    @cached_property
    def item_order(self) -> Convention:
        pairs = sum(len(g) - 1 for g in self.item_groups)
        in_order = self.collation.counts.get(self.collation.value, 0)
        votes = Counter({ALPHA: in_order, NONE: pairs - in_order})
        return self._settle("item-order", "document", votes, "neighbours in order",
                            threshold=SORTED_THRESHOLD, minimum=SORTED_EVIDENCE)

    def group_sorted(self, group) -> bool:
        """Whether one list follows the document's alphabetical order: a long list
        that is plainly in another order (curated, by date) keeps it."""
        pairs = len(group) - 1
        if "item-order" in self.pins:
            return True
        if pairs < SORTED_EVIDENCE:
            return True  # too short to have an order of its own: it follows the list
        return self._in_order(self.collation.value, [group]) >= GROUP_SORTED * pairs

    # -- cross-listing ------------------------------------------------------------------
    @cached_property
    def copies(self) -> list[tuple]:
        """(entry, the first entry it repeats, same title?) for every repeated entry."""
        return list(identity.copies(self.doc))

    @cached_property
    def repeated_sections(self) -> dict[int, object]:
        """id(section) -> the earlier section of the same name that it repeats: most of its entries
        are copies of that section's (a block pasted twice, not entries filed under two topics)."""
        pairs = Counter((id(entry.section), id(first.section)) for entry, first, same in self.copies
                        if first.section is not entry.section)
        by_id = {id(s): s for s in self.doc.sections}
        out = {}
        for (later, earlier), n in pairs.items():
            a, b = by_id[later], by_id[earlier]
            # (two sections of one name under other parents, ``Python > Tools`` and ``Go > Tools``, are two topics)
            if a.heading is not None and natural_key(a.title) == natural_key(b.title) and n * 2 >= len(a.entries) \
                    and a.level == b.level and natural_key(a.parent.title) == natural_key(b.parent.title):
                out[later] = b
        return out

    def repeats(self, entry, first) -> bool:
        """Whether a copy is part of a repeated section: of the section it repeats, or of an
        entry that section lists too."""
        original = self.repeated_sections.get(id(entry.section))
        return original is not None and (original is first.section or any(
            e.title == entry.title and e.primary_url == entry.primary_url for e in original.entries))

    @cached_property
    def cross_listing(self) -> Convention:
        """Whether the list files one entry under several topics on purpose: the same
        entry again in another section, a digest section ("Trending", "News") aside."""
        crossed = sum(1 for entry, first, same in self.copies
                      if same and first.section is not entry.section and not identity.benchmarks(entry, first)
                      and not self.repeats(entry, first)
                      and not identity.in_digest(entry.section) and not identity.in_digest(first.section))
        entries = len(self.doc.entries)
        counts = Counter({"cross-listed": crossed, "listed once": entries - crossed})
        if "cross-listing" in self.pins:
            return Convention("cross-listing", "document", counts, self.pins["cross-listing"],
                              self.sources.get("cross-listing", "config"), "entries")
        habit = crossed >= MIN_EVIDENCE and (
            self.doc.family != "papers" or crossed >= CROSS_SHARE_PAPERS * entries)
        value = "allowed" if habit else "reported"
        return Convention("cross-listing", "document", counts, value, "inferred", "entries",
                          evidence_key="cross-listed" if value == "allowed" else "listed once")

    # -- the whole picture -----------------------------------------------------------
    def report(self) -> list[Convention]:
        """Every choice this document makes, for `awesome-lint conventions`."""
        out: list[Convention] = []
        if self.items():
            for scoped in (*self.bullets.values(), self.bullet_gap, self.separator, self.final_punctuation,
                           self.capitalisation_for(()),):
                out += [c for c in scoped.distinct() if c.total or c.source != "inferred"]
            out += [self.decorations, self.collation, self.item_order]
        if self.copies:
            out.append(self.cross_listing)
        if self.papers():
            out += [self.line_break, self.last_line_break, self.trailing_spaces]
            for scoped in (self.blank_lines, self.authors, self.date_or_venue, self.venue_year):
                out += scoped.distinct()
            whole = self.document_paper_order
            out.append(whole)
            if self.arxiv_dating.total:
                out.append(self.arxiv_dating)
            if self.year_sections.total:
                out.append(self.year_sections)
            out += [c for s in self.doc.sections if any(e.kind == "paper" for e in s.entries)
                    if (c := self.paper_order(s)) is not whole and c.total >= MIN_EVIDENCE]
        for section in self.doc.sections:
            if self._shaped(section):
                shaped = [*self.labelled_fields(section).values(), *self.field_order(section).values(),
                          self.clean_links(section)]
                out += [c for c in shaped if c.total >= MIN_EVIDENCE and (c.established or c.split)]
        out += [c for c in self.dates.values() if c.total]
        if self.date_precision.total:
            out.append(self.date_precision)
        for numeric in (self.numeric_months, self.numeric_days):
            if numeric.total:
                out.append(numeric)
        return out


# -- helpers shared with the rules ------------------------------------------------------
def _decoration_kind(text: str) -> str:
    text = text.strip()
    if text.startswith("[!") or text.startswith("!["):
        return "badge"
    if text.startswith("[["):
        return "bracketed link"
    if text.startswith("["):
        return "link or tag"
    if text.startswith("`"):
        return "code span"
    if text.startswith(":"):
        return "shortcode"
    if text.startswith("("):
        return "parenthetical"
    return "emoji or other"


def break_kind(line: str) -> str | None:
    for kind, pattern in _BREAK_KIND:
        if pattern.search(line):
            return kind
    return None


def blank_gap(doc, previous, entry) -> int | None:
    """Blank lines between two entries of one section; None if anything else is there."""
    if previous is None or previous.section is not entry.section:
        return None
    between = doc.lines[previous.end_line:entry.start_line]
    return None if any(line.strip() for line in between) else len(between)


# a heading that is a year, perhaps with a venue's acronym or a word for papers around it
_HEADING_YEAR = re.compile(r"(?:19|20)\d\d")
_HEADING_WORDS = frozenset({"papers", "paper", "year", "publications", "articles", "works", "in", "published"})


def heading_year(title: str) -> int | None:
    """``2020``, ``🔥 2021``, ``CVPR 2023``, ``Papers in 2019``: that year. Not ``Before 2020``,
    ``2014 Others & Before``, ``2019-2021`` or ``2023.05``."""
    years = _HEADING_YEAR.findall(title)
    if len(years) != 1 or re.search(r"(?:19|20)\d\d[-./\u2013~]\d|\d[-\u2013~][ \t]*(?:19|20)\d\d", title):
        return None
    for word in pf.WORDS.findall(title.replace(years[0], " ")):
        if word.lower() not in _HEADING_WORDS and not pf.acronym(word):
            return None  # ``Before``, ``Others``: the heading is more than a year
    return int(years[0])


def year_verdict(entry, year: int) -> str | None:
    """Whether a paper under a heading of ``year`` is "of the heading's year", "of another year",
    or None where it gives no year to tell.  Its date, its venue's year and its year field say
    what year it is; its arXiv id or a preprint's year can agree with the heading, never
    contradict it (a preprint comes out a year or two before the venue that the list files
    it under, and an old paper is posted years after)."""
    stated, preprint = _stated_years(entry)
    if year in stated or year in preprint:
        return "of the heading's year"
    return "of another year" if stated else None


def _stated_years(entry) -> tuple[set, set]:
    stated, preprint = set(), set()
    key = date_key(entry)
    if key is not None:
        stated.add(key[0])
    month = identity.entry_arxiv_month(entry)
    if month is not None:
        preprint.add(month[0])
    for name in ("venue", "year"):
        fld = entry.fields.get(name)
        if fld is not None:
            found = {int(y) for y in _HEADING_YEAR.findall(fld.text)}
            if name == "venue" and (short := venue_year(entry)) is not None:
                found.add(short)  # (``EACL'24``)
            (preprint if name == "venue" and _PREPRINT_VENUE.search(fld.text) else stated).update(found)
    return stated, preprint


_PREPRINT_VENUE = re.compile(r"ar[Xx]iv|preprint|[Cc]o[Rr][Rr]\b|bioRxiv|medRxiv|SSRN", re.I)


def _names_event(title: str) -> bool:
    """A year heading that names an event too (``CVPR 2023``, ``WMT 2019``): letters in capitals."""
    return any(pf.acronym(w) for w in pf.WORDS.findall(title))


def paper_years(entry) -> frozenset:
    """The years a paper gives: its date's, its venue's, its own year field's, its arXiv id's."""
    stated, preprint = _stated_years(entry)
    return frozenset(stated | preprint)


def _by_preprint(papers: list, years: list) -> bool:
    """Whether a section's order is its papers' arXiv ids' rather than their venues' years
    (an ICLR 2024 paper among 2023 preprints, where it was posted): the papers out of year
    order sit, by their ids, where they belong (at least half of them)."""
    known = [(e, y) for e, y in zip(papers, years) if y is not None]
    votes = _direction_votes([y for _, y in known])
    sign = -1 if votes[NEWEST] > votes[OLDEST] else 1
    kept = _run_members([tuple(sign * x for x in y) for _, y in known])
    months = [identity.entry_arxiv_month(e) for e, _ in known]
    slips = [i for i in range(len(known)) if i not in kept]
    explained = 0
    for i in slips:
        if months[i] is None:
            continue
        before = next((months[j] for j in range(i - 1, -1, -1) if months[j] is not None), None)
        after = next((months[j] for j in range(i + 1, len(known)) if months[j] is not None), None)
        mine = tuple(sign * x for x in months[i])
        explained += (before is None or tuple(sign * x for x in before) <= mine) and \
            (after is None or mine <= tuple(sign * x for x in after))
    return bool(slips) and explained * 2 >= len(slips)


def _run_members(keys: list) -> set:
    """The positions of one longest non-decreasing run through ``keys``."""
    tails: list = []  # the key ending the best run of each length, and its position
    ends: list = []
    before: dict = {}
    for i, k in enumerate(keys):
        at = bisect.bisect_right(tails, k)
        before[i] = ends[at - 1] if at else None
        if at == len(tails):
            tails.append(k)
            ends.append(i)
        else:
            tails[at], ends[at] = k, i
    out, i = set(), ends[-1] if ends else None
    while i is not None:
        out.add(i)
        i = before[i]
    return out


def year_key(entry) -> int | None:
    """The year a paper gives in its own fields (its year, its venue's), not its arXiv id's."""
    fld = entry.fields.get("year")
    if fld is not None and fld.text[:4].isdigit():
        return int(fld.text[:4])
    venue = entry.fields.get("venue")
    if venue is not None and _ID_VENUE.search(venue.text) and not _HEADING_YEAR.search(_ID_VENUE.sub("", venue.text)):
        return None  # (``arXiv:1912.11960``: an id, no year the list writes)
    return venue_year(entry)


_ID_VENUE = re.compile(r"arxiv[: ]?[ \t]*\d{4}\.\d{4,5}", re.I)


def date_key(entry):
    fld = entry.fields.get("date")
    if fld is None:
        return None
    parsed = dates.parse(fld.text)
    return parsed.key if parsed is not None else None


def label_order(entry) -> list[str]:
    """The labelled fields of an entry in the order it writes them (links aside)."""
    seen = []
    for key, _ in entry.labels:
        if key not in seen and key != "links":
            seen.append(key)
    return seen


def paper_groups(doc, entries: list) -> list[list]:
    """A section's papers in the groups that lines of text between them make
    (``**Arxiv**`` over the preprints, after the conference papers): each
    group keeps an order of its own."""
    groups, start = [], 0
    for i in range(1, len(entries) + 1):
        if i == len(entries) or _text_between(doc, entries[i - 1], entries[i]):
            groups.append(entries[start:i])
            start = i
    return groups


def _text_between(doc, before, after) -> bool:
    rows = before.shape.endswith("table-row") and after.shape.endswith("table-row")
    for n in range(before.end_line, after.start_line):
        line = doc.lines[n].strip(" \t>")
        # (a row of the papers' table that is no paper of it, ``| Title | CVPR 2023 |``, is one undated;
        # a table after a list of papers is a group of its own)
        if line and not (line.startswith("<!--") and line.endswith("-->")) and not (rows and line.startswith("|")):
            return True
    return False


def _other(direction: str) -> str:
    return OLDEST if direction == NEWEST else NEWEST


def _longest_run(keys: list) -> int:
    """The most entries that are already in (non-decreasing) order."""
    tails: list = []
    for k in keys:
        i = bisect.bisect_right(tails, k)
        if i == len(tails):
            tails.append(k)
        else:
            tails[i] = k
    return len(tails)


def _direction_votes(keys: list) -> Counter:
    """How many dated entries are in place for each direction (ties in both)."""
    return Counter({OLDEST: _longest_run(keys), NEWEST: _longest_run([tuple(-x for x in k) for k in keys])}) \
        if keys else Counter()


def natural_key(title: str) -> str:
    """Letters and digits only, lower-cased."""
    return _NOISE.sub("", title.casefold())


def _source_line(doc, entry) -> str:
    """The item as written from its name on, lower-cased: what a generator sorting lines compares."""
    name = entry.fields.get("name")
    start = name.start if name is not None else entry.start
    return doc.text[start:doc.line_end(entry.start_line)].casefold()


_DIGITS = re.compile(r"(\d+)")


def numeric_key(title: str) -> tuple:
    """The lower-cased text with its numbers compared as numbers: '8 tips' before '10 Lessons'."""
    parts = _DIGITS.split(title.casefold().strip())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ARTICLE = re.compile(r"\A(?:the|a|an)\s+", re.I)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _words(n: int) -> str:
    """A number in words, as a library catalogue files it: 25 is 'twenty five'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + _words(n % 100))
    if n < 1_000_000:
        return _words(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + _words(n % 1000))
    return str(n)


def library_key(title: str) -> str:
    """How a library files a title: a leading 'The', 'A' or 'An' set aside, numbers read as words
    ('5 Questions' with the F's, '10,000' as 'ten thousand'), letters and digits only."""
    text = _ARTICLE.sub("", title.strip())
    text = _NUMBER.sub(lambda m: " " + _words(int(m.group().replace(",", ""))) + " ", text)
    return natural_key(text)


# How lists compare names: the lower-cased text (what most lists' own CI
# checks do), letters and digits only, the raw text, the markdown line, the
# lower-cased text with numbers by value, or as a library files titles.
COLLATE = {
    "case-insensitive": lambda doc, e: e.title.casefold().strip(),
    "natural": lambda doc, e: natural_key(e.title),
    "raw": lambda doc, e: e.title.strip(),
    "line": _source_line,
    "numeric": lambda doc, e: numeric_key(e.title),
    "library": lambda doc, e: library_key(e.title),
}

