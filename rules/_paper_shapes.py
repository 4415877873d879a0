"""entry-format for paper entries not written as bold-title blocks (numbered,
labelled, bulleted, venue-first, tabled, paragraph entries).

Each check reads the section's convention from ``model/conventions.py`` (a
field, the order of two fields, well-formed links) and speaks only where one is
established.  The message names the convention and its count.
"""
from __future__ import annotations

import re

from awesome_lint.model.conventions import BLOCK_SHAPES, label_order
from awesome_lint.model.paper_fields import ANY_YEAR
from awesome_lint.model.papers import dated_venue, link_debris, venue_name
from awesome_lint.rule import WARNING


def check(rule, doc, ctx):
    by_section: dict[int, list] = {}
    for entry in doc.entries:
        if entry.kind == "paper" and entry.shape not in BLOCK_SHAPES:
            by_section.setdefault(id(entry.section), []).append(entry)
    for entries in by_section.values():
        yield from _missing_labels(rule, doc, entries)
        yield from _label_order(rule, doc, entries)
        yield from _venue_years(rule, doc, entries)
        yield from _malformed(rule, doc, entries)


def _missing_labels(rule, doc, entries):
    section = entries[0].section
    for key, convention in doc.conventions.labelled_fields(section).items():
        if convention.value is not True:
            continue
        label = doc.conventions.label_spelling(section, key)
        for entry in entries:
            if entry.labels and all(k != key for k, _ in entry.labels):
                yield rule.diagnostic(
                    f"entry '{entry.title}' has no '{label}' field where this section's entries have one "
                    f"({convention.support} of {convention.total})", *entry.headline(doc),
                )


def _label_order(rule, doc, entries):
    """A pair of labels written the other way round from the section's usual order."""
    conv = doc.conventions
    section = entries[0].section
    orders = conv.field_order(section)
    for entry in entries:
        keys = label_order(entry)
        pair = next(((a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if orders[(a, b)].value == b), None)
        if pair is None:
            continue
        a, b = pair
        where = next(f for k, f in entry.labels if k == a)
        usual = orders[(a, b)]
        label = conv.label_spelling(section, b)
        yield rule.diagnostic(
            f"'{where.text}' comes before '{label}' where this section's entries write '{label}' first "
            f"({usual.support} of {usual.total})",
            where.start, where.end, severity=WARNING,
        )


def _venue_years(rule, doc, entries):
    convention = doc.conventions.venue_year
    never_dated = doc.conventions.yearless_venues
    full: dict[int, bool] = {}  # section -> whether its dated venues mostly write four digits
    for entry in entries:
        if dated_venue(entry) is False and (c := convention.at(entry.section)).value is True:
            if "date" in entry.fields and venue_name(entry.fields["venue"].text) in never_dated:
                continue  # a journal the list never gives a year, on a paper whose date does
            venue = entry.fields["venue"]
            if id(entry.section) not in full:
                years = [bool(ANY_YEAR.search(e.fields["venue"].text)) for e in entries
                         if e.section is entry.section and dated_venue(e)]
                full[id(entry.section)] = sum(years) * 2 > len(years)
            yield rule.diagnostic(yearless(venue.text, c, full[id(entry.section)]), venue.start, venue.end)


# a year in two digits: 'ICLR 24', 'CVPR'23', 'Oct 23' (no four-digit year beside it)
_SHORT_YEAR = re.compile(r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]['’])|(?<= ['’]))\d\d\b(?![.:/-]\d)")


def yearless(text: str, c, four_digits: bool = True) -> str:
    """The message for a venue without a year that reads as one, in a section whose venues have
    one: four digits, or (``CVPR' 18``) two after an apostrophe."""
    short = _SHORT_YEAR.search(text)
    if short is not None and four_digits:
        return (f"venue '{text}' writes its year in two digits ('{short.group()}') where "
                f"{c.standard('a four-digit year', 'gives venues')}")
    if short is not None:
        return (f"venue '{text}' writes its year as a bare '{short.group()}' where "
                f"{c.standard('a year after an apostrophe', 'gives venues')}")
    return f"venue '{text}' has no year where {c.standard('a year', 'gives venues')}"


def _malformed(rule, doc, entries):
    """Bracket debris or a link without a destination, where the section's links are clean."""
    clean = doc.conventions.clean_links(entries[0].section)
    if clean.value is not True:
        return
    for entry in entries:
        found = link_debris(doc, entry)
        if found is not None:
            n, what = found
            yield rule.diagnostic(
                f"{what} in entry '{entry.title}' (this section's other entries have well-formed links, "
                f"{clean.support} of {clean.total})", doc.line_starts[n], doc.line_end(n),
            )
