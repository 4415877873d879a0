"""entry-format for paper entries not written as bold-title blocks (numbered,
labelled, bulleted, venue-first, tabled, paragraph entries).

Each check compares an entry with what the other entries of its section do,
and speaks only where they agree: at least ``MIN_ENTRIES`` of them, and a
share of at least ``SHARE``.  The message names the convention and its count.
"""
from __future__ import annotations

import re
from collections import Counter

from awesome_lint.model.paper_fields import YEAR
from awesome_lint.rule import WARNING

BLOCK_SHAPES = frozenset({"bold-block", "quoted-bold-block"})
MIN_ENTRIES = 3
SHARE = 0.8
_DEBRIS = re.compile(r"\[\[|\]\]\(|\]\s+\(|\]\(\s*\)")


def _established(count: int, total: int) -> bool:
    return count >= MIN_ENTRIES and count >= SHARE * total


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


def _spelling(entries, key: str) -> str:
    """How the section usually writes the label of ``key``."""
    written = Counter(f.text for e in entries for k, f in e.labels if k == key)
    return written.most_common(1)[0][0]


def _missing_labels(rule, doc, entries):
    labelled = [e for e in entries if e.labels]
    if len(labelled) < MIN_ENTRIES:
        return
    having = Counter(k for e in labelled for k in {k for k, _ in e.labels})
    for key, count in having.items():
        if count == len(labelled) or not _established(count, len(labelled)):
            continue
        label = _spelling(labelled, key)
        for entry in labelled:
            if all(k != key for k, _ in entry.labels):
                yield rule.diagnostic(
                    f"entry '{entry.title}' has no '{label}' field where this section's entries have one "
                    f"({count} of {len(labelled)})", *entry.headline(doc),
                )


def _label_order(rule, doc, entries):
    """A pair of labels written the other way round from the section's usual order."""
    firsts: Counter = Counter()
    for entry in entries:
        keys = _order(entry)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                firsts[(a, b)] += 1
    for entry in entries:
        keys = _order(entry)
        for i, a in enumerate(keys):
            reported = False
            for b in keys[i + 1:]:
                usual, unusual = firsts[(b, a)], firsts[(a, b)]
                if usual > unusual and _established(usual, usual + unusual):
                    where = next(f for k, f in entry.labels if k == a)
                    yield rule.diagnostic(
                        f"'{where.text}' comes before '{_spelling(entries, b)}' where this section's entries "
                        f"write '{_spelling(entries, b)}' first ({usual} of {usual + unusual})",
                        where.start, where.end, severity=WARNING,
                    )
                    reported = True
                    break
            if reported:
                break


def _order(entry) -> list[str]:
    seen = []
    for key, _ in entry.labels:
        if key not in seen and key != "links":
            seen.append(key)
    return seen


def _venue_years(rule, doc, entries):
    convention = doc.conventions.venue_year
    for entry in entries:
        venue = entry.fields.get("venue")
        if venue is not None and not YEAR.search(venue.text) and (c := convention.at(entry.section)).value is True:
            yield rule.diagnostic(
                f"venue '{venue.text}' has no year where {c.standard('a year', 'gives venues')}",
                venue.start, venue.end,
            )


def _malformed(rule, doc, entries):
    """Bracket debris left once the entry's links are taken out: ``[[x] (url)]``,
    ``[[x]]([x](url))``, ``[x]()``; only where the section's links are clean."""
    broken = []
    for entry in entries:
        line = _debris_line(doc, entry)
        if line is not None:
            broken.append((entry, line))
    clean = len(entries) - len(broken)
    if not broken or not _established(clean, len(entries)):
        return
    for entry, (n, what) in broken:
        yield rule.diagnostic(
            f"{what} in entry '{entry.title}' (this section's other entries have well-formed links, "
            f"{clean} of {len(entries)})", doc.line_starts[n], doc.line_end(n),
        )


def _debris_line(doc, entry) -> tuple[int, str] | None:
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
    for link in links:
        if link.kind == "inline" and not link.url and not link.image:
            return link.line, f"link '{link.text}' has no destination"
    return None
