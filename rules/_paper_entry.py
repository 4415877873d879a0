"""entry-format for paper lists (dispatched from rules/entry_format.py).

Style choices the config leaves open (line break, break on the last line,
label spelling, whether authors and dates are expected) follow what most
entries of the list already do, so a list consistent in its own style is quiet.
"""
from __future__ import annotations

import re
from collections import Counter

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

BREAKS = {"backslash": " \\", "br": "<br>", "spaces": "  "}
_KIND = (
    ("backslash", re.compile(r"\\[ \t]*$")),
    ("br", re.compile(r"<br\s*/?>\.?[ \t]*$", re.I)),
    ("spaces", re.compile(r"\S[ \t]{2,}$")),
)
_RESIDUE_BAD = re.compile(r"\[\[|\]\s*\\?\s*\(|\]\]")


def break_kind(line: str) -> str | None:
    for kind, pattern in _KIND:
        if pattern.search(line):
            return kind
    return None


def check(rule, doc, ctx):
    yield from _paper_shapes.check(rule, doc, ctx)  # entries in the other paper shapes
    entries = [e for e in doc.entries if e.kind == "paper" and e.shape in _paper_shapes.BLOCK_SHAPES]
    if not entries:
        return
    opts = rule.options
    style = _break_style(doc, entries, opts.line_break)
    last_break = _last_line_break(doc, entries, style)
    labels = _label_choices(doc, entries, rule)
    expect_authors = opts.require_authors and _most(entries, lambda e: "authors" in e.fields)
    expect_date = opts.require_date and _most(entries, lambda e: "date" in e.fields or "venue" in e.fields)
    venue_years = _most([e for e in entries if "venue" in e.fields], lambda e: venue_year(e) is not None)
    gap = _usual_gap(doc, entries)
    previous = None
    for entry in entries:
        yield from _separation(rule, doc, entry, previous, gap)
        previous = entry
        yield from _breaks(rule, doc, entry, style, last_break)
        yield from _labels(rule, doc, entry, labels)
        yield from _malformed(rule, doc, entry)
        title = entry.fields.get("title")
        where = (title.start, title.end) if title else (entry.start, doc.line_end(entry.start_line))
        if expect_authors and "authors" not in entry.fields:
            yield rule.diagnostic(f"entry '{entry.title}' has no authors line", *where)
        if expect_date and "date" not in entry.fields and "venue" not in entry.fields:
            yield rule.diagnostic(f"entry '{entry.title}' has no date/venue line", *where)
        venue = entry.fields.get("venue")
        if venue is not None and venue_years and venue_year(entry) is None:
            yield rule.diagnostic(f"venue '{venue.text}' has no year", venue.start, venue.end)


def _most(items, test) -> bool:
    items = list(items)
    return bool(items) and 2 * sum(1 for x in items if test(x)) >= len(items)


def _break_style(doc, entries, option: str) -> str:
    if option in BREAKS:
        return option
    votes = Counter(
        kind for e in entries for n in range(e.start_line, e.end_line - 1)
        if (kind := break_kind(doc.lines[n]))
    )
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return "backslash"
    return ranked[0][0]


def _last_line_break(doc, entries, style: str) -> bool:
    """Whether the list ends entries with a break too (some `<br>` lists do)."""
    with_break = sum(1 for e in entries if break_kind(doc.lines[e.end_line - 1]) == style)
    return with_break * 2 > len(entries)


def _blank_gap(doc, previous, entry) -> int | None:
    """Blank lines between two entries of one section; None if anything else is there."""
    if previous is None or previous.section is not entry.section:
        return None
    between = doc.lines[previous.end_line:entry.start_line]
    return None if any(line.strip() for line in between) else len(between)


def _usual_gap(doc, entries) -> int:
    """How many blank lines most entries of the list are separated by (one on a tie)."""
    votes = Counter(g for a, b in zip(entries, entries[1:]) if (g := _blank_gap(doc, a, b)))
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return 1
    return ranked[0][0]


def _separation(rule, doc, entry, previous, usual: int):
    if previous is not None and previous.end_line == entry.start_line:
        yield rule.diagnostic(
            f"entry '{entry.title}' is not separated from the previous entry by a blank line",
            entry.start, doc.line_end(entry.start_line),
            Fix.replace(entry.start, entry.start, "\n", "insert a blank line"),
        )
        return
    gap = _blank_gap(doc, previous, entry)
    if gap and gap != usual:
        plural = "s" if usual != 1 else ""
        yield rule.diagnostic(
            f"entry '{entry.title}' is separated from the previous entry by {gap} blank lines, "
            f"not {usual} as in the rest of the list",
            entry.start, doc.line_end(entry.start_line),
            Fix.replace(previous.end, entry.start, "\n" * (usual + 1), f"leave {usual} blank line{plural}"),
            severity=WARNING,  # invisible once rendered: tidy it, but do not fail a build on it
        )


def _breaks(rule, doc, entry, style: str, last_break: bool):
    wanted_break = BREAKS[style]
    for n in range(entry.start_line, entry.end_line):
        line = doc.lines[n]
        last = n == entry.end_line - 1
        content_end, tail = break_span(line)
        if not line[:content_end].strip():
            continue
        wanted = wanted_break if (not last or last_break) else ""
        if tail == wanted:
            continue
        kind = break_kind(line)
        if not tail.strip() and not wanted:
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
        yield rule.diagnostic(
            message, start + content_end, start + len(line),
            Fix.replace(start + content_end, start + len(line), wanted, "normalise the line break"),
        )


def _label_map(rule) -> dict[str, str]:
    merged = dict(DEFAULT_LABELS)
    merged.update({k.lower(): v for k, v in rule.options.labels.items()})
    return merged


def _label_choices(doc, entries, rule) -> dict[str, str]:
    """lower-case label -> the spelling to use."""
    aliases = _label_map(rule)
    spellings: dict[str, Counter] = {}
    for entry in entries:
        for link in entry.links:
            canon = aliases.get(link.text.lower())
            if canon:
                spellings.setdefault(canon, Counter())[link.text] += 1
    chosen = {}
    for canon, counts in spellings.items():
        pick = canon
        if rule.options.label_style != "canonical":
            ranked = counts.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                pick = ranked[0][0]
        for alias, target in aliases.items():
            if target == canon:
                chosen[alias] = pick
    return chosen


def _labels(rule, doc, entry, labels):
    for link in entry.links:
        wanted = labels.get(link.text.lower())
        if wanted is None or wanted == link.text:
            continue
        if doc.text[link.text_start:link.text_end] != link.text:
            continue  # markup inside the label: leave it alone
        yield rule.diagnostic(
            f"link label '{link.text}' should be '{wanted}'", link.text_start, link.text_end,
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
