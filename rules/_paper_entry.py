"""entry-format for paper lists (dispatched from rules/entry_format.py).

Style choices (line break, break on the last line, label spelling, blank lines,
whether authors and dates are expected) come from the conventions the list has
established (``model/conventions.py``); a choice the list is split on is left
alone, so a list consistent in its own style is quiet.
"""
from __future__ import annotations

import re

from awesome_lint.model import dates
from awesome_lint.model.conventions import BREAKS, Convention, blank_gap, break_kind
from awesome_lint.model.papers import break_span, venue_year
from awesome_lint.rule import WARNING, Fix
from awesome_lint.rules import _paper_shapes

DEFAULT_LABELS = {
    "github": "GitHub", "git hub": "GitHub", "code": "Code", "paper": "Paper", "project": "Project",
    "project page": "Project", "website": "Website", "homepage": "Homepage", "demo": "Demo",
    "dataset": "Dataset", "data": "Data", "video": "Video", "blog": "Blog", "slides": "Slides",
    "arxiv": "arXiv", "pdf": "PDF", "huggingface": "HuggingFace", "hugging face": "HuggingFace",
    "colab": "Colab", "supp": "Supp", "bibtex": "BibTeX", "poster": "Poster", "model": "Model",
}

_RESIDUE_BAD = re.compile(r"\[\[|\]\s*\\?\s*\(|\]\]")


def check(rule, doc, ctx):
    yield from _paper_shapes.check(rule, doc, ctx)  # entries in the other paper shapes
    entries = [e for e in doc.entries if e.kind == "paper" and e.shape in _paper_shapes.BLOCK_SHAPES]
    if not entries:
        return
    opts = rule.options
    conv = doc.conventions
    style = conv.line_break
    if opts.line_break in BREAKS:
        style = Convention("line-break", "document", style.counts, opts.line_break, "rule's 'line-break' option")
    last_break = conv.last_line_break.value  # None: the list is split on it, leave last lines alone
    labels = _label_choices(conv, rule)
    authors = conv.authors if opts.require_authors else None
    dated = conv.date_or_venue if opts.require_date else None
    venue_years = conv.venue_year
    gap = conv.blank_lines
    previous = None
    for entry in entries:
        yield from _separation(rule, doc, entry, previous, gap)
        previous = entry
        if style.established:
            yield from _breaks(rule, doc, entry, style, last_break)
        yield from _labels(rule, doc, entry, labels)
        yield from _malformed(rule, doc, entry)
        where = entry.headline(doc)
        section = entry.section
        if authors is not None and "authors" not in entry.fields and (c := authors.at(section)).value is True:
            yield rule.diagnostic(f"entry '{entry.title}' has no authors line where "
                                  f"{c.standard('an authors line', 'gives entries')}", *where)
        if dated is not None and "date" not in entry.fields and "venue" not in entry.fields \
                and (c := dated.at(section)).value is True:
            yield rule.diagnostic(f"entry '{entry.title}' has no date/venue line where "
                                  f"{c.standard('a date or venue', 'gives entries')}", *where)
        venue = entry.fields.get("venue")
        if venue is not None and venue_year(entry) is None and (c := venue_years.at(section)).value is True:
            yield rule.diagnostic(_paper_shapes.yearless(venue.text, c), venue.start, venue.end)


def _separation(rule, doc, entry, previous, usual):
    if previous is not None and previous.end_line == entry.start_line:
        yield rule.diagnostic(
            f"entry '{entry.title}' is not separated from the previous entry by a blank line",
            entry.start, doc.line_end(entry.start_line),
            Fix.replace(entry.start, entry.start, "\n", "insert a blank line"),
        )
        return
    gap = blank_gap(doc, previous, entry)
    usual = usual.at(entry.section)
    if gap and usual.established and gap != usual.value:
        want = usual.value
        plural = "s" if want != 1 else ""
        yield rule.diagnostic(
            f"entry '{entry.title}' is separated from the previous entry by {gap} blank lines where "
            f"{usual.standard(f'{want} blank line{plural}', 'separates entries by')}",
            entry.start, doc.line_end(entry.start_line),
            Fix.replace(previous.end, entry.start, "\n" * (want + 1), f"leave {want} blank line{plural}"),
            severity=WARNING,  # invisible once rendered: tidy it, but do not fail a build on it
        )


def _breaks(rule, doc, entry, convention, last_break: bool):
    style = convention.value
    trailing = doc.conventions.trailing_spaces
    wanted_break = BREAKS[style]
    spelling = doc.conventions.break_spelling if convention.source == "inferred" else None
    if spelling is not None:
        wanted_break = spelling  # the list's own '<br />'
    for n in range(entry.start_line, entry.end_line):
        line = doc.lines[n]
        last = n == entry.end_line - 1
        content_end, tail = break_span(line)
        if not line[:content_end].strip():
            continue
        if last and last_break is None:
            continue
        wanted = wanted_break if (not last or last_break) else ""
        if tail == wanted:
            continue
        kind = break_kind(line)
        if kind is None and not last and (_wrapped(doc.lines[n + 1]) or _links_go_on(line, doc.lines[n + 1])):
            continue  # a title, author list or row of links wrapped in the source: one field, no break inside
        if kind is None and not last and _links_row(doc.lines[n + 1]) \
                and doc.conventions.links_line.value == "after text":
            continue  # the links render after this line's text, where the list keeps them
        if kind == style == "backslash" and wanted and tail.lstrip(" \t") == "\\" and convention.source == "inferred":
            continue  # spaces before a backslash break render the same: only a canonical style asks for one
        if kind == style == "br" and wanted and spelling is not None and tail.lstrip(" \t").lower() == spelling:
            continue  # (spaces before '<br />' render the same)
        if not tail.strip() and not wanted:
            if trailing.value != "none":
                continue  # stray spaces no reader sees, in a list that leaves them
            message = "trailing whitespace"
        elif kind == style and tail.rstrip() != tail:
            message = "trailing whitespace after the line break"
        elif not wanted:
            message = "the last line of an entry takes no line break"
        elif kind is None:
            message = f"missing line break '{wanted}'"
        elif kind == style:
            message = f"line break should be '{wanted}'"
        elif kind == "spaces":
            message = f"line break of trailing spaces should be '{wanted}'"
        else:
            message = f"line break '{tail.strip()}' should be '{wanted}'"
        start = doc.line_starts[n]
        if wanted and kind != style:
            shown = "'" + wanted.strip() + "'"
            message += f" where {convention.standard(shown, 'ends entry lines with')}"
        yield rule.diagnostic(
            message, start + content_end, start + len(line),
            Fix.replace(start + content_end, start + len(line), wanted, "normalise the line break"),
        )


def _wrapped(next_line: str) -> bool:
    """Whether a line goes on with the field above instead of starting one of its own
    (authors in emphasis, links and dates in brackets, a labelled field, a list item)."""
    text = next_line.lstrip(" \t>")
    if not text or not text[0].isalnum() or re.match(r"[\w ]{1,30}:\s", text) or "](" in text:
        return False
    content = text[:break_span(text)[0]].strip()
    return dates.parse(content) is None  # a bare date line ("16 May 2023") is a field of its own


_TAIL_BREAK = re.compile(r"[ \t]*(?:\\|<br\s*/?>)$", re.I)
# a line of bracketed links only: ``[[Code](url)]``, ``[[Code]](url)``, ``[Code](url)``
_LINKS_ONLY = re.compile(r"^[ \t>]*(?:(?:\[\[[^\]\n]*\]\([^)\n]*\)\]|\[\[[^\]\n]*\]\]\([^)\n]*\)"
                         r"|\[[^\]\n]*\]\([^)\n]*\))[ \t]*)+$")


def _links_go_on(line: str, next_line: str) -> bool:
    """Two lines of bracketed links render as one row of links, as an entry keeps them."""
    return bool(_LINKS_ONLY.match(line.rstrip())) and _links_row(next_line)


def _links_row(line: str) -> bool:
    # (the line may end in a break of its own: it is still a row of links)
    return bool(_LINKS_ONLY.match(_TAIL_BREAK.sub("", line.rstrip())))


def _label_map(rule) -> dict[str, str]:
    merged = dict(DEFAULT_LABELS)
    merged.update({k.lower(): v for k, v in rule.options.labels.items()})
    return merged


def _label_choices(conv, rule) -> dict[str, tuple[str, object]]:
    """lower-case label -> (the spelling to use, the convention behind it)."""
    aliases = _label_map(rule)
    chosen = {}
    for canon, convention in conv.labels(aliases).items():
        if rule.options.label_style == "canonical":
            convention = Convention(convention.key, "document", convention.counts, canon, "rule's 'label-style' option")
        elif conv.pins.get("labels") == "canonical":
            convention = Convention(convention.key, "document", convention.counts, canon,
                                    conv.sources.get("labels", "config"))
        if not convention.established:
            continue
        for alias, target in aliases.items():
            if target == canon:
                chosen[alias] = (convention.value, convention)
    return chosen


def _labels(rule, doc, entry, labels):
    for link in entry.links:
        wanted, convention = labels.get(link.text.lower(), (None, None))
        if wanted is None or wanted == link.text:
            continue
        if doc.text[link.text_start:link.text_end] != link.text:
            continue  # markup inside the label: leave it alone
        if DEFAULT_LABELS.get(link.text.lower()) == link.text:
            continue  # the name's own spelling ('GitHub') is never a departure, however the list spells it
        yield rule.diagnostic(
            f"link label '{link.text}' should be '{wanted}' where {convention.standard(f'{wanted!r}', 'spells it')}",
            link.text_start, link.text_end,
            Fix.replace(link.text_start, link.text_end, wanted, f"write '{wanted}'"),
        )


def _malformed(rule, doc, entry):
    """Bracket debris left around the links once the real links are taken out."""
    links = sorted(entry.links, key=lambda l: l.start)
    index = 0
    for n in range(entry.start_line + 1, entry.end_line):
        line = doc.lines[n]
        if "[" not in line and "]" not in line:
            continue
        start = doc.line_starts[n]
        end = start + len(line)
        pieces, cursor = [], start
        while index < len(links) and links[index].start < end:
            link = links[index]
            if link.start >= cursor:
                pieces.append(doc.text[cursor:link.start])
                cursor = link.end
            index += 1
        pieces.append(doc.text[cursor:end])
        residue = "\x00".join(pieces)
        if _RESIDUE_BAD.search(residue) or not _balanced(residue):
            yield rule.diagnostic(f"malformed link in entry '{entry.title}'", start, end)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
