"""toc: the table of contents links every section, in order, by GitHub's anchors."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from awesome_lint.model import contents
from awesome_lint.model.paper_fields import WORDS
from awesome_lint.rule import Fix, Related, Rule
from awesome_lint.model.slug import PAGE_ANCHORS, anchor_forms, slug

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[-*+]|\d+[.)])[ \t]+")
# what decorates a heading around its name: emoji in front, a count behind (``🎵 Audio (39)``)
_EMOJI_LEAD = re.compile(r"[^\w(\[]+")
_COUNT_TAIL = re.compile(r"[(\[]\d+[)\]]$")
# this many broken anchors, half the ToC's or more, are one fault: one finding
_GROUPED = 5
_WORDS = re.compile(r"[^\W_]+")
DEFAULT_EXCLUDE = [
    "contributing", "contribute", "contribution", "contributions", "contributors", "license", "licence",
    "footnotes", "related lists", "related", "credits", "acknowledgements", "acknowledgments",
    "citation", "star history", "contact", "sponsors",
]


class Toc(Rule):
    name = "toc"
    summary = "Table of contents links every section, in heading order, with working GitHub anchors"
    tags = ("structure", "links")
    fixable = True

    @dataclass
    class Options:
        # sections a ToC may leave out (compared case-insensitively)
        exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))

    def check(self, doc, ctx):
        toc = contents.find(doc)
        if toc is None:
            return
        heading, items, region = toc.heading, toc.items, (toc.first_line, toc.end_line)
        targets = {h.slug: h for h in doc.headings}
        targets.update({h.ident: h for h in doc.headings if h.ident and h.ident not in targets})
        known = set(targets) | doc.anchors | PAGE_ANCHORS
        linked = []  # (item block, link, heading or None)
        broken = []
        find_heading = _HeadingFinder(doc)
        for block in items:
            for link in block.links:
                if not link.url.startswith("#"):
                    continue
                forms = anchor_forms(link.url[1:])
                target = next((targets[form] for form in forms if form in targets), None)
                if target is None and not any(form in known for form in forms):
                    match = find_heading(link.text)
                    # the heading it meant counts as listed: one finding, not two
                    target = match
                    fix = None
                    if match is not None and link.url_start is not None:
                        fix = Fix.replace(link.url_start, link.url_end, "#" + match.slug,
                                          f"point the link at #{match.slug}")
                    hint = f" (did you mean #{match.slug}?)" if match else ""
                    broken.append((link, match, self.diagnostic(f"anchor '{link.url}' matches no heading{hint}",
                                                                link.start, link.end, fix)))
                linked.append((block, link, target))
        scope = _scope(doc, heading, region, linked, self.options.exclude)
        regen = _regenerate(doc, region, items, linked, scope) if scope else None
        for _, _, diag in broken:
            if regen is not None and diag.fix is not None:
                diag.fix = regen  # one rewrite mends the anchors and the rest at once
        grouped = len(broken) >= _GROUPED and 2 * len(broken) >= len(linked)
        in_scope = {id(h) for h in scope}
        present = [t for _, _, t in linked if t is not None and id(t) in in_scope]
        listed_ids = {id(h) for h in present}
        missing = self._missing(doc, scope, present, listed_ids) if scope else []
        if not grouped:
            missing = _meant(broken, missing)
        if grouped:
            yield self._grouped(heading, broken, len(linked), regen)
        else:
            yield from (diag for _, _, diag in broken)
        if not scope:
            return
        for h in missing:
            yield self.diagnostic(f"section '{h.text}' is missing from the table of contents",
                                  h.start, h.end, regen)
        in_order = [h for h in scope if id(h) in listed_ids]
        listed = [h for h in present]
        if listed != in_order and len(set(listed)) == len(listed):
            first_bad = next(i for i, (a, b) in enumerate(zip(listed, in_order)) if a != b)
            block, link, _ = next(x for x in linked if x[2] is listed[first_bad])
            yield self.diagnostic(
                f"table of contents is out of order: '{listed[first_bad].text}' comes before "
                f"'{in_order[first_bad].text}' in the document order",
                link.start, link.end, regen,
            )

    def _missing(self, doc, scope, present, listed_ids) -> list:
        """The headings in the ToC's scope that it does not list (``present``: those it does)."""
        in_scope = {id(h) for h in scope}
        # a title that recurs ("Libraries" under each language) labels parts of
        # sections; a ToC that lists none of its copies does not list labels
        titles = Counter(" ".join(h.text.split()).lower() for h in doc.headings)
        listed_titles = {" ".join(h.text.split()).lower() for h in present}
        excluded = self._excluded()
        missing = [h for h in scope if id(h) not in listed_ids and not left_out(h.text, excluded)
                   and not (titles[" ".join(h.text.split()).lower()] > 1
                            and " ".join(h.text.split()).lower() not in listed_titles)]
        # an umbrella heading whose subsections the ToC lists in its place is not missing
        sections = {id(sec.heading): sec for sec in doc.sections if sec.heading is not None}

        def umbrella(h) -> bool:
            sec = sections.get(id(h))
            kids = [c.heading for c in sec.children if id(c.heading) in in_scope] if sec is not None else []
            return bool(kids) and all(id(k) in listed_ids for k in kids)

        return [h for h in missing if not umbrella(h)]

    def _grouped(self, heading, broken, total: int, regen):
        """One finding for a ToC whose anchors broke together (the headings were renamed,
        or took emoji and counts), with every mend at once where each has one."""
        names = [link.url for link, _, _ in broken]
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        fixes = [diag.fix for _, _, diag in broken]
        fix = None
        if all(f is not None for f in fixes):
            fix = regen or Fix(tuple(e for f in fixes for e in f.edits), fixes[0].applicability,
                               "point each link at its heading's anchor")
        example = next((f"#{match.slug}" for _, match, _ in broken if match is not None), "")
        return self.diagnostic(
            f"{len(broken)} of the table of contents' {total} anchors match no heading ({shown})"
            + (f"; the headings' anchors are like {example}" if example else ""),
            heading.start, heading.end, fix,
            related=tuple(Related("no such heading", link.start, link.end) for link, _, _ in broken))

    def _excluded(self) -> set[str]:
        return {e.lower() for e in self.options.exclude}


def left_out(title: str, names: set[str]) -> bool:
    """Whether a heading is one a ToC may leave out: one of ``names`` as written, or
    in the plural, after an emoji, or as the first word of a longer title ("Licenses",
    "📜 License (MIT)", "Contributing Guidelines")."""
    words = [_singular(w) for w in WORDS.findall(title.lower())]
    plain = {" ".join(WORDS.findall(n.lower())) for n in names}
    plain |= {_singular(p) for p in plain}
    return bool(words) and (" ".join(words) in plain or (words[0] in plain and len(words) <= 4))


def _singular(word: str) -> str:
    """'licenses' -> 'license' (not 'access' -> 'acces')."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _meant(broken, missing: list) -> list:
    """Pair each dead link that names no heading with the unlisted heading its words
    (text and anchor) name best, where one does clearly: '[Motion-guided](#motion-guided-
    editing-model)' for 'Motion-guided Video Editing'.  Its finding says which; the heading
    is then no second finding.  The headings still missing."""
    left = list(missing)
    for link, match, diag in broken:
        if match is not None or not left:
            continue
        words = set(_WORDS.findall(link.text.lower())) | set(_WORDS.findall(link.url.lower()))
        scored = []
        for h in left:
            own = set(_WORDS.findall(h.text.lower()))
            shared = len(own & words)
            scored.append((shared / len(own) if own else 0, shared, h))
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        best = scored[0]
        if best[0] >= 0.75 and best[1] >= 2 and (len(scored) == 1 or scored[1][:2] < best[:2]):
            h = best[2]
            diag.message = f"{diag.message} (did you mean #{h.slug}, section '{h.text}', which it does not list?)"
            left.remove(h)
    return left


def _bare(text: str) -> str:
    """A heading's name without its emoji and count."""
    lead = _EMOJI_LEAD.match(text)
    text = text[lead.end():] if lead else text
    count = _COUNT_TAIL.search(text)
    return (text[:count.start()] if count else text).rstrip()


class _HeadingFinder:
    """The heading a ToC line's text names: by its text, its anchor, or its name without
    emoji and count, each looked up once (a long ToC of broken links stays linear)."""

    def __init__(self, doc) -> None:
        self.by_text, self.by_slug, self.by_bare = {}, {}, {}
        for h in doc.headings:
            self.by_text.setdefault(" ".join(h.text.split()).lower(), h)
            self.by_slug.setdefault(h.slug, h)
            self.by_slug.setdefault(slug(h.text), h)
            self.by_bare.setdefault(" ".join(_bare(h.text).split()).lower(), h)

    def __call__(self, text: str):
        wanted = " ".join(text.split()).lower()
        return self.by_text.get(wanted) or self.by_slug.get(slug(text)) or self.by_bare.get(wanted)


def _scope(doc, toc_heading, region, linked, exclude):
    """Headings the ToC should list: after it, at the levels it covers, under
    the parents it covers (a list may keep a separate part out of its ToC)."""
    listed = {t for _, _, t in linked if t is not None and t.line > toc_heading.line}
    if not listed:
        return []
    low = min(t.level for t in listed)
    high = max(t.level for t in listed)
    section_of = {s.heading: s for s in doc.sections[1:]}
    parents = {section_of[t].parent for t in listed if t.level == low}
    skip = {e.lower() for e in exclude}
    scope, covered = [], set()
    for h in doc.headings:
        if h.line < region[1] or not low <= h.level <= high:
            continue
        parent = section_of[h].parent
        if (parent in parents if h.level == low else parent in covered) and (
            h in listed or not left_out(h.text, skip)
        ):
            scope.append(h)
            covered.add(section_of[h])
    # The levels a ToC covers are its convention: a deeper level of which it
    # lists half the headings or fewer (a stray link to one subsection) is not one.
    for level in range(low + 1, high + 1):
        at_level = [h for h in scope if h.level == level]
        if at_level and 2 * sum(h in listed for h in at_level) <= len(at_level):
            scope = [h for h in scope if h.level < level]
            break
    # Likewise under one parent: headings among which the ToC lists half or
    # fewer ("NLP in Korean" listed, the "Libraries" and "Datasets" labels
    # beside it not) are not all its entries.
    groups: dict[int, list] = {}
    for h in scope:
        groups.setdefault(id(section_of[h].parent), []).append(h)
    thin = {key for key, hs in groups.items() if len(hs) > 2 and 2 * sum(h in listed for h in hs) <= len(hs)}
    return [h for h in scope if id(section_of[h].parent) not in thin or h in listed]


def _regenerate(doc, region, items, linked, scope):
    """One fix that rewrites the ToC list, or None where that would lose content."""
    if not items:
        return None
    first = min(b.start_line for b in items)
    last = max(b.end_line for b in items)  # exclusive
    lines = doc.lines[first:last]
    # Only a plain list of anchor links is rewritten; anything else is the
    # maintainer's own layout.
    for block in items:
        if not block.links or any(not l.url.startswith("#") for l in block.links) or block.end_line - block.start_line != 1:
            return None
    if any(line.strip() and not _ITEM.match(line) for line in lines):
        return None
    sample = _ITEM.match(lines[0])
    bullet = sample.group("bullet") if sample and not sample.group("bullet")[0].isdigit() else "-"
    low = min(h.level for h in scope)
    # A line the ToC has already stays as written (its indent, its escapes, its
    # text), with only a broken anchor mended; a missing one is written like its siblings.
    kept = {}
    in_scope = {id(h) for h in scope}
    for block, link, target in linked:
        if not first <= block.start_line < last:
            continue
        if target is None or id(target) in kept or id(target) not in in_scope:
            # the rewrite would drop a line: one to an HTML anchor, to no heading at all, to a
            # heading listed twice or outside what the ToC covers; the layout is the list's own
            return None
        line = doc.lines[block.start_line]
        if target.slug not in anchor_forms(link.url[1:]):
            at = doc.line_starts[block.start_line]
            line = line[:link.url_start - at] + "#" + target.slug + line[link.url_end - at:]
        kept[id(target)] = (line, target.level)
    base = next((_ITEM.match(line).group("indent") for line, level in kept.values() if level == low), "")
    unit = _indent_unit(lines, base)
    # where the ToC names sections without their headings' emoji and counts, so does a new line
    bare = any(_bare(t.text) != t.text for _, link, t in linked if t is not None) and all(
        " ".join(link.text.split()).lower() == " ".join(_bare(t.text).split()).lower()
        for _, link, t in linked if t is not None and _bare(t.text) != t.text)

    def name(h) -> str:
        return _escape(_bare(h.text) if bare else h.text)

    wanted = [
        kept[id(h)][0] if id(h) in kept else f"{base}{unit * (h.level - low)}{bullet} [{name(h)}](#{h.slug})"
        for h in scope
    ]
    old_items = [line for line in lines if line.strip()]
    blanks_after = {}
    count = 0
    for line in reversed(lines):
        if not line.strip():
            count += 1
        else:
            blanks_after[id(line)] = count
            count = 0
    # keep the blank lines that followed an unchanged item
    follow = []
    for line in lines:
        if line.strip():
            follow.append(blanks_after.get(id(line), 0))
    out = []
    import difflib  # only when a list needs rewriting: not worth every run's import

    matcher = difflib.SequenceMatcher(None, old_items, wanted, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            out.append(wanted[j1 + k])
            if tag == "equal" and i1 + k < len(follow) and j1 + k < len(wanted) - 1:
                out.extend([""] * follow[i1 + k])
    start = doc.line_starts[first]
    end = doc.line_end(last - 1)
    new = "\n".join(out)
    if new == doc.text[start:end]:
        return None
    return Fix.replace(start, end, new, "regenerate the table of contents")


def _indent_unit(lines, base: str = "") -> str:
    """One level of nesting: what a nested item's indent adds to the top level's."""
    for line in lines:
        m = _ITEM.match(line)
        if m and len(m.group("indent")) > len(base) and m.group("indent").startswith(base):
            indent = m.group("indent")[len(base):]
            return "\t" if indent.startswith("\t") else indent
    return "  "


def _escape(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")
