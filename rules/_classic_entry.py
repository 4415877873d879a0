"""entry-format for classic lists: ``- [Name](url) - Description.``

Called by ``entry_format.EntryFormat``.  Each check looks at one field of an
item (see ``model/items.py``) and reports it only where it departs from a
convention the list has established (``model/conventions.py``); where the
change cannot alter the meaning it offers a safe fix of that field alone.
"""
from __future__ import annotations

import re

from awesome_lint.model.autolinks import bare_urls
from awesome_lint.model.rendered import written_end
from awesome_lint.model.conventions import Convention
from awesome_lint.model.descriptions import (
    CLOSING_QUOTES, casing, continues_name, ending, lazy_label, only_aside, stop_for,
)
from awesome_lint.rule import UNSAFE, WARNING, Fix

# lower-case words a description may start with: tools spelt so, and
# attributions ("by [Jane](...)") that are not a sentence
DEFAULT_ALLOWED_WORDS = ["npm", "pnpm", "webpack", "esbuild", "e.g.", "i.e.", "vs.", "etc.", "by", "via"]

_SUBJECT = re.compile(r"(?:\s*\([^)]*\))?(?:,|'s\b|’s\b|\s+(?:is|are|was|has|provides|allows|lets|offers|enables|helps|makes|supports)\b)")
_ASIDE = re.compile(r"[ \t]*\((?![^()]*\]\()[^()\n]*\)")


def check(rule, doc, ctx):
    options = rule.options
    conv = doc.conventions
    allowed = set(getattr(options, "allowed_words", None) or DEFAULT_ALLOWED_WORDS)
    yield from _bullets(rule, doc, getattr(options, "bullet", "auto"))
    allow_link_only = getattr(options, "allow_link_only", True)
    capitals = conv.capitalisation_for(allowed)
    repeats = conv.pins.get("name-in-description") == "avoid"
    for entry in doc.entries:
        if entry.kind != "item":
            continue
        yield from _gap(rule, doc, entry)
        yield from _separator(rule, doc, entry)
        desc = entry.fields.get("description")
        if desc is None:
            if not allow_link_only:
                name = entry.fields["name"]
                yield rule.diagnostic(f"item '{entry.title}' has no description", name.start, name.end,
                                      severity=WARNING)
            continue
        yield from _lazy_label(rule, doc, entry)
        yield from _ending(rule, doc, entry, desc)
        repeated = list(_repeats_name(rule, doc, entry, desc)) if repeats else []
        yield from repeated
        if not repeated:
            yield from _casing(rule, doc, entry, desc, allowed, capitals.of(entry))


def split_warning(rule, convention, start, end, what: str):
    return rule.diagnostic(
        f"{what} are split ({convention.tally()}): set 'conventions: {{{convention.key}: ...}}' to settle it",
        start, end, severity=WARNING,
    )


# -- bullets -------------------------------------------------------------------
def _bullets(rule, doc, option):
    conv = doc.conventions
    warned = set()
    for offset, marker, role, section in conv.bullet_marks:
        if doc.family_at(doc.line_col(offset)[0]) == "papers":
            continue  # a paper section's bullets are its entries' own layout
        convention = conv.bullets[role].at(section)
        if option in ("-", "*", "+") and role != "toc-bullet":
            convention = Convention(role, "document", convention.counts, option, "rule's 'bullet' option")
        wanted = convention.value
        if wanted is None:
            if convention.split and (role, convention.scope) not in warned \
                    and marker != convention.counts.most_common(1)[0][0]:
                warned.add((role, convention.scope))
                yield split_warning(rule, convention, offset, offset + 1, "list item bullets")
            continue
        if marker == wanted:
            continue
        yield rule.diagnostic(
            f"bullet '{marker}' where {convention.standard(repr(wanted))}", offset, offset + 1,
            Fix.replace(offset, offset + 1, wanted, f"use '{wanted}'"),
        )


def _gap(rule, doc, entry):
    gap = entry.fields.get("gap")
    if gap is None:
        return
    if gap.text == "":
        yield rule.diagnostic("no space after the bullet: markdown does not see this line as a list item",
                              gap.start - 1, gap.end + 1, Fix.replace(gap.start, gap.end, " ", "insert a space"))
        return
    convention = doc.conventions.bullet_gap.of(entry)
    wanted = convention.value
    if wanted is None or gap.text == wanted:
        return
    fix = None
    if entry.end_line == entry.start_line + 1 and _nothing_nested(doc, entry, gap) and len(wanted) < len(gap.text):
        fix = Fix.replace(gap.start, gap.end, wanted, f"use {wanted!r}")
    yield rule.diagnostic(f"{gap.text!r} after the bullet where {convention.standard(repr(wanted))}",
                          gap.start, gap.end, fix)


def _nothing_nested(doc, entry, gap) -> bool:
    """Narrowing the gap moves the item's content column: safe only when no
    indented line follows that would change parent."""
    for line in doc.lines[entry.end_line:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        bullet_col = gap.start - 1 - doc.line_starts[entry.start_line]
        return indent <= bullet_col or "\t" in line[:indent]
    return True


# -- separator -------------------------------------------------------------------
def _separator(rule, doc, entry):
    sep = entry.fields.get("separator")
    desc = entry.fields.get("description")
    convention = doc.conventions.separator.of(entry)
    wanted = convention.value
    if not wanted:
        return
    if sep is not None:
        if sep.text != wanted:
            yield rule.diagnostic(
                f"separator {sep.text!r} where {convention.standard(repr(wanted))}",
                sep.start, sep.end, Fix.replace(sep.start, sep.end, wanted, f"use {wanted!r}"),
            )
        return
    if desc is None or only_aside(desc.text) or continues_name(entry, desc):
        return
    start = entry.fields["name"].start
    yield rule.diagnostic("no separator between the name and the description where "
                          f"{convention.standard(repr(wanted))}", start, desc.start + 1, severity=WARNING)


def _after_aside(text: str, end: int, limit: int) -> int:
    """A parenthetical without links that follows the sentence belongs to it:
    "classes (a fork of X)." rather than "classes. (a fork of X)"."""
    m = _ASIDE.match(text, end, limit)
    return m.end() if m else end


def _balanced(text: str) -> bool:
    """Parentheses outside link destinations pair up (else the end is unclear)."""
    text = re.sub(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)", "]", text)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def _after_bare_url(text: str, start: int, at: int) -> bool:
    """A full stop at ``at`` would be glued to a bare URL: readers copy it along."""
    return any(written_end(text, end, at) == at for _, end, _ in bare_urls(text, start, at))


def _lazy_label(rule, doc, entry):
    found = lazy_label(doc, entry)
    if found is None:
        return
    start, end = found
    label = doc.text[start:end]
    yield rule.diagnostic(
        f"'{label}' runs on from the item above it (no blank line before it), so it renders inside that item",
        start, end, Fix.replace(start, start, "\n", "put a blank line before it", UNSAFE),
    )


def _ending(rule, doc, entry, desc):
    convention = doc.conventions.final_punctuation.of(entry)
    if convention.value != "stop":
        return
    found = ending(doc, entry, desc)
    if found is None or found[0] == "stop":
        return
    end = found[1]
    prose = doc.text[desc.start:end]
    last = prose.rstrip("*_~ \t\n")[-1:]
    stop, stops = stop_for(prose)
    fix = None
    if (last.isalnum() or last in CLOSING_QUOTES or last in "`") and _balanced(prose):
        at = _after_aside(doc.text, end, desc.end)
        if not _after_bare_url(doc.text, desc.start, at):
            fix = Fix.replace(at, at, stop, f"end the description with '{stop}'")
    yield rule.diagnostic(
        f"description does not end with {stops} where "
        f"{convention.standard('a final stop', 'ends descriptions with')}", max(end - 1, desc.start), end, fix,
    )


def _casing(rule, doc, entry, desc, allowed, convention):
    if convention.value != "capital":
        return
    if continues_name(entry, desc):
        return
    found = casing(entry, desc, allowed)
    if found is None or found[0] != "lower":
        return
    _, word, at = found
    yield rule.diagnostic(
        f"description starts with a lower-case letter ('{word}') where "
        f"{convention.standard('a capital', 'starts descriptions with')}", at, at + len(word), severity=WARNING,
    )


def _repeats_name(rule, doc, entry, desc):
    name = entry.title.strip()
    if not name:
        return
    text = desc.text.lstrip("*_\"“ \t")
    if text.lower().startswith(name.lower()):
        rest = text[len(name):]
        # "Delay a promise" after [delay] or "Redis client." after [Redis]
        # say what it does; "Foo is a ...", "Foo, formerly Bar, ..." repeat it.
        if not rest or (rest[0] in " \t,(:'’" and _SUBJECT.match(rest)):
            yield rule.diagnostic(f"description should not repeat the item name '{name}'",
                                  desc.start, desc.start + len(desc.text) - len(text) + len(name),
                                  severity=WARNING)
