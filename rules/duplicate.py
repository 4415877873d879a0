"""duplicate: the same paper or link listed twice; one URL under two titles."""
from __future__ import annotations

import fnmatch
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from awesome_lint.model import contents
from awesome_lint.model.identity import benchmarks, copies, in_digest, in_repository, normalise_title, normalise_url, siblings
from awesome_lint.rule import WARNING, Related, Rule

__all__ = ["Duplicate", "normalise_title", "normalise_url"]


class Duplicate(Rule):
    name = "duplicate"
    aliases = ("double-link",)
    summary = "The same entry (normalised URL or title) appears only once in the list"
    tags = ("entries", "links")

    @dataclass
    class Options:
        # the same entry may be listed once in each of several sections (classic
        # lists that cross-list repeatedly are let be anyway; see conventions)
        allow_cross_section: bool = False
        # URL patterns (shell-style, matched against the URL as written) that may repeat
        allow: list[str] = field(default_factory=list)

    def check(self, doc, ctx):
        # An entry filed under each topic it fits is the list's habit when it does
        # so again and again (see conventions); a digest section ("Trending",
        # "News") repeats the catalogue by design.
        cross_ok = self.options.allow_cross_section or doc.conventions.cross_listing.value == "allowed"
        pinned = doc.conventions.cross_listing.source != "inferred"
        found = list(copies(doc, self._allowed)) if self.options.allow else doc.conventions.copies
        pasted = {id(entry) for entry, first, _ in found if doc.conventions.repeats(entry, first)}
        yield from self._repeated_blocks(doc, Counter(id(e.section) for e, _, _ in found if id(e) in pasted))
        for entry, first, same in found:
            if id(entry) in pasted:
                continue  # reported once, with the block it is part of
            if first.section is not entry.section:
                if cross_ok or benchmarks(entry, first):
                    continue
                if not pinned and (in_digest(entry.section) or in_digest(first.section)):
                    continue
            if not same and entry.kind == first.kind == "item" and not _in_page(entry.primary_url) \
                    and siblings(doc, entry, first):
                continue  # parts of one project ("uv", "uv-build") share its repository
            if not same and entry.kind == first.kind == "item" and _own_pages(entry, first):
                continue  # a course's own pages under it ("Syllabus", "Lectures"), the course's address too
            if not same and _own_page(entry.primary_url) and _in_contents(entry) and _in_contents(first):
                continue  # two topics of its contents that one of the list's own pages covers
            yield self._report(doc, entry, first, same, entry.primary_url)

    def _repeated_blocks(self, doc, copied: Counter):
        """One finding for each run of sections that repeats earlier sections of the same names
        (``copied``: section id -> how many of its copies are of the section it repeats)."""
        repeated = doc.conventions.repeated_sections
        if not repeated:
            return
        runs: list[list] = []
        last = None  # where the last run ended, past the sections with no entries after it
        for index, section in enumerate(doc.sections):
            if id(section) in repeated:
                if runs and last == index - 1:
                    runs[-1].append(section)
                else:
                    runs.append([section])
                last = index
            elif last == index - 1 and not section.entries:
                last = index  # an empty heading inside the pasted block does not end it
        for sections in runs:
            originals = [repeated[id(s)] for s in sections]
            listed = sum(copied[id(s)] for s in sections)
            head = sections[0].heading
            if len(sections) == 1:
                message = (f"section '{sections[0].title}' repeats the section of that name at line "
                           f"{originals[0].heading.line + 1}: {listed} of its {len(sections[0].entries)} entries "
                           "are listed there")
            else:
                message = (f"the {len(sections)} sections from '{sections[0].title}' (line {head.line + 1}) to "
                           f"'{sections[-1].title}' repeat the sections of those names from line "
                           f"{originals[0].heading.line + 1}: {listed} entries are listed twice")
            yield self.diagnostic(message, head.start, head.end,
                                  related=(Related("first listed here", originals[0].heading.start,
                                                   originals[0].heading.end),))

    def _allowed(self, url: str) -> bool:
        return any(fnmatch.fnmatchcase(url, pattern) for pattern in self.options.allow)

    def _report(self, doc, entry, first, same, url):
        line = first.start_line + 1
        where = entry.headline(doc)
        severity = None
        if same:
            subject = entry.fields.get("subject")
            named = f"'{subject.text}' (from '{entry.title}')" if subject is not None else f"'{entry.title}'"
            message = f"{named} is listed twice; first at line {line}"
            if first.section is not entry.section:
                if first.section.heading is not None:
                    message += f" (section '{first.section.title}')"
                habit = doc.conventions.cross_listing
                if habit.source == "inferred":
                    crossed, total = habit.counts["cross-listed"], habit.total
                    message += (f"; {crossed:,} such cop{'y' if crossed == 1 else 'ies'} among the list's "
                                f"{total:,} entries (to file entries under each topic they fit, set "
                                "'cross-listing: allowed' under 'conventions')")
                # Listing an entry under two topics is often deliberate: worth
                # a look, not a failed build (allow-cross-section silences it).
                severity = WARNING
        else:
            message = (f"one URL under two titles: '{entry.title}' links to {url}, as '{first.title}' "
                       f"does at line {line}; one of the two links is wrong, or the two entries are one thing under two names")
        return self.diagnostic(message, *where, severity=severity,
                               related=(Related("first listed here", *first.headline(doc)),))


def _in_page(url: str | None) -> bool:
    """A link to a place in this page ('#week-42', './#week-42'): each heading has its own."""
    return bool(url) and url.removeprefix("./").startswith("#")


def _own_page(url: str | None) -> bool:
    """A page of the list's own repository (``./docs/SURVEYS.md``), not a place in this one."""
    return bool(url) and in_repository(url) and not _in_page(url)


def _in_contents(entry) -> bool:
    heading = entry.section.heading
    return heading is not None and contents.titled(heading.text)


def _top(entry):
    """The item an entry is nested under, at the top of its list (itself when not nested)."""
    while entry.parent is not None:
        entry = entry.parent
    return entry


def _own_pages(entry, first) -> bool:
    """Two items of one item's sub-list (or the item and one below it) that share a page of
    that item's own site: its syllabus and its lectures on the course page.  Two topics under
    a heading item that both point into another site ('PCA' and 't-SNE' at one scikit-learn
    anchor) are still one wrong link."""
    top = _top(entry)
    if top is not _top(first) or entry is top and first is top:
        return False
    host = urlsplit(top.primary_url or "").netloc.lower().removeprefix("www.")
    return bool(host) and urlsplit(entry.primary_url or "").netloc.lower().removeprefix("www.") == host
