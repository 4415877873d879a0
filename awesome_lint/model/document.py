"""From markdown-it-py tokens to ``Document``: sections, entries, links."""
from __future__ import annotations

import bisect
import html
import re
from collections import OrderedDict, defaultdict
from functools import cached_property, lru_cache
from types import SimpleNamespace

from . import shapes
from .autolinks import bare_urls
from .markdown import normalized, tune
from .nodes import Block, Entry, Heading, Link, Section
from .positions import align, table_cells
from .slug import Slugger, anchor_forms, heading_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# bounded reach: many tags that never close must not cost quadratic time
_ANCHOR = re.compile(r"""<a\s[^>]{0,1000}?\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.I)
# a file's page on GitHub: owner/repo, then its path on a branch
_GITHUB_FILE = re.compile(r"https?://(?:www\.)?github\.com/([^/\s#?]+/[^/\s#?]+)/(?:blob|tree)/[^\s#?]+", re.I)
_ID_ATTR = re.compile(r"""<[a-z][a-z0-9]*\s[^>]{0,1000}?\bid\s*=\s*["']?([^"'\s>]+)""", re.I)
# (perhaps inside the tags of a collapsible section: ``<details open><summary><h2>Dashboards</h2></summary>``)
_WRAPPER = r"(?:details|summary|div|center|p|span)"
_HTML_HEADING = re.compile(rf"[ \t]{{0,3}}(?:<{_WRAPPER}(?:\s[^<>]*)?>[ \t]*)*<h(?P<level>[1-6])(?P<attrs>\s[^<>]*)?>"
                           rf"(?P<inner>(?:(?!</?h[1-6][\s>]).)*)</h(?P=level)>(?:[ \t]*</{_WRAPPER}>)*[ \t]*", re.I)


# Inline parsing is most of markdown-it's time.  The fix loop re-parses a
# document whose paragraphs are mostly unchanged, so inline children are
# cached by paragraph content (and the reference definitions they may use).
# The cached lists are final: text_join runs here, once, before caching, and
# is switched off as a core rule because it rewrites tokens in place.
# The cache is bounded by the size of what it holds (the characters of its
# keys stand for the tokens made of them), oldest entries going first.
_INLINE_CACHE: "OrderedDict[tuple, list]" = OrderedDict()
_INLINE_CACHE_CHARS = 4_000_000
_cached_chars = 0


def _cached_inline(state) -> None:
    from markdown_it.rules_core.text_join import text_join

    global _cached_chars
    refs = state.env.get("references")
    refs_key = hash(repr(sorted(refs.items()))) if refs else 0
    for token in state.tokens:
        if token.type != "inline":
            continue
        key = (refs_key, token.content)
        children = _INLINE_CACHE.get(key)
        if children is None:
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            text_join(SimpleNamespace(tokens=[token]))
            size = len(token.content) + 64
            if size <= _INLINE_CACHE_CHARS // 4:
                _INLINE_CACHE[key] = token.children
                _cached_chars += size
                while _cached_chars > _INLINE_CACHE_CHARS:
                    old_key, _ = _INLINE_CACHE.popitem(last=False)
                    _cached_chars -= len(old_key[1]) + 64
        else:
            _INLINE_CACHE.move_to_end(key)
            token.children = children


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = tune(MarkdownIt("commonmark").enable(["table", "strikethrough"]))
    md.core.ruler.at("inline", _cached_inline)
    md.core.ruler.disable("text_join")
    return md


def _plain(children, images: bool = True) -> str:
    out = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif tok.type == "image" and images:
            out.append(_plain(tok.children or []))
    return "".join(out)


class Document:
    """The parsed list.  Offsets index ``text``; lines are 0-based."""

    def __init__(self, text: str, path: str | None = None, preset: str | None = None,
                 pins: dict | None = None, pin_sources: dict | None = None, style: str | None = None) -> None:
        self.text = text
        self.style = style  # the opt-in canonical style preset, if any
        self._pins = pins
        self._pin_sources = pin_sources
        self.path = path
        self.lines = text.split("\n")
        self.line_starts = [0]
        for line in self.lines[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.headings: list[Heading] = []
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self._bare_seen: set[tuple[int, int]] = set()
        self.anchors: set[str] = set()  # explicit HTML id/name anchors
        self.comments: list[tuple[int, int, str]] = []  # (start, end, text) of HTML comments
        self.code_lines: set[int] = set()  # lines of code and HTML blocks
        # index in ``tokens`` of each inline token -> (start, end, prefix) of
        # the source it was parsed from, as ``positions.align`` takes it
        self.inline_regions: dict[int, tuple[int, int, str]] = {}
        self._aligned: dict[int, object] = {}
        self.tokens = _parser().parse(self._masked())
        self._walk()
        self.links.sort(key=lambda link: link.start)  # bare URLs among the others, in text order
        del self._bare_seen
        self.root = self.sections[0]
        self.preset = preset
        self.section_starts = [s.start_line for s in self.sections]
        # each section takes the family of the entries it holds (shapes.py)
        self.entries: list[Entry] = shapes.build_entries(self)
        for entry in self.entries:
            entry.section.entries.append(entry)
        self.family = preset or self._dominant_family()

    @cached_property
    def conventions(self):
        """What this list's own style is (see ``conventions.py``)."""
        from .conventions import Conventions

        return Conventions(self, self._pins, self._pin_sources)

    # -- links into this document ------------------------------------------------
    def in_page(self, url: str) -> bool:
        """Whether a link's URL points into this document: ``#anchor``, or this
        file's own name or GitHub address with an anchor of one of its headings."""
        return url.startswith("#") or url in self._own_urls

    @cached_property
    def _own_urls(self) -> frozenset[str]:
        # Some tables of contents spell each anchor out in full
        # (https://github.com/o/r/blob/master/README.md#section).  The list's own
        # address is nowhere given, so a GitHub address counts once two or more
        # links of one repository reach this file's name and this page's anchors.
        # the file's own name, and README.md (a copy of a list under another name)
        own = {(self.path or "README.md").replace("\\", "/").rsplit("/", 1)[-1].lower(), "readme.md"}
        targets = {h.slug for h in self.headings} | self.anchors
        found: set[str] = set()
        by_repo: dict[str, set[str]] = defaultdict(set)
        for link in self.links:
            base, sep, fragment = link.url.partition("#")
            if not (base and sep and fragment) or base.rstrip("/").rsplit("/", 1)[-1].lower() not in own:
                continue
            if not any(f in targets for f in anchor_forms(fragment)):
                continue
            repo = _GITHUB_FILE.fullmatch(base)
            if repo:
                by_repo[repo.group(1).lower()].add(link.url)
            elif "/" not in base.removeprefix("./").lstrip("/"):  # README.md#x, ./README.md#x
                found.add(link.url)
        for urls in by_repo.values():
            if len(urls) >= 2:
                found |= urls
        return frozenset(found)

    # -- positions -----------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and column of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line, offset - self.line_starts[line]

    def offset(self, line: int, col: int = 0) -> int:
        return self.line_starts[line] + col

    def line_end(self, line: int) -> int:
        return self.line_starts[line] + len(self.lines[line])

    def aligned(self, index: int):
        """Source positions of the children of the inline token ``tokens[index]``
        (the same object each time: treat it as read-only)."""
        hit = self._aligned.get(index)
        if hit is None:
            start, end, prefix = self.inline_regions[index]
            hit = self._aligned[index] = align(self.text, start, end, self.tokens[index].children or [], prefix)
        return hit

    # -- building --------------------------------------------------------------
    def _masked(self) -> str:
        # A byte-order mark is no text: markdown would read "\ufeff# Title" as a
        # paragraph.  A space in its place keeps every offset.
        bom = self.text.startswith("\ufeff")
        text = " " + self.text[1:] if bom else self.text
        # Front matter is not markdown: blank it out so line numbers still agree.
        body = text[1:] if bom else text
        match = _FRONT_MATTER.match(body)
        if not match:
            return text
        return "\n" * match.group().count("\n") + body[match.end():]

    def _region(self, token) -> tuple[int, int]:
        first, last = token.map
        start = self.line_starts[first]
        end = self.line_end(last - 1) if last - 1 < len(self.lines) else len(self.text)
        return start, end

    def _walk(self) -> None:
        slugger = Slugger()
        root = Section(None, 0, start_line=0, end_line=len(self.lines))
        self.sections.append(root)
        open_sections = [root]
        list_depth = 0
        list_lines: list[int] = []
        list_ends: list[int] = []
        closed: dict[int, tuple[int, int]] = {}  # depth -> (first line, end line) of the list that just closed
        item_lines: list[int] = []
        quote_depth = 0
        row_cells: list[tuple[int, int]] | None = None
        cell = 0
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            kind = tok.type
            if kind == "tr_open":
                row_cells, cell = None, 0
            elif kind in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
                # a list that follows another at once, only blank lines between, is the
                # same list to a reader (markdown splits it where the marker changes)
                prev = closed.get(list_depth)
                joined = prev is not None and not any(self.lines[n].strip() for n in range(prev[1], tok.map[0]))
                list_lines.append(prev[0] if joined else tok.map[0])
                list_ends.append(tok.map[1])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                closed[list_depth + 1] = (list_lines.pop(), list_ends.pop())
                for deeper in [d for d in closed if d > list_depth + 1]:
                    del closed[deeper]
            elif kind == "list_item_open":
                item_lines.append(tok.map[0])
            elif kind == "list_item_close":
                item_lines.pop()
            elif kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind in ("fence", "code_block", "html_block"):
                self.code_lines.update(range(*tok.map))
                if kind == "html_block":
                    # the source lines, not the token's content: inside a list item or a
                    # quote that content has lost its indentation, and offsets would shift
                    start = self.line_starts[tok.map[0]]
                    self._scan_html(self.text[start:self.line_end(tok.map[1] - 1)], start)
                    if tok.map[1] - tok.map[0] == 1 and not list_depth and not quote_depth:
                        self._html_heading(tok.map[0], slugger, open_sections)
            elif kind == "inline":
                parent = tokens[i - 1]
                region = self._region(tok)
                if parent.type == "heading_open":
                    self.inline_regions[i] = (*region, "heading")
                    self._heading(tok, parent, slugger, open_sections)
                    continue
                prefix = "block"
                if parent.type in ("th_open", "td_open"):
                    if row_cells is None:
                        first_of_item = bool(item_lines) and item_lines[-1] == tok.map[0]
                        row_cells = table_cells(self.text, *region, quote_depth > 0, first_of_item)
                    # a short row gets empty cells after its end
                    region = row_cells[cell] if cell < len(row_cells) else (region[1], region[1])
                    prefix, cell = "cell", cell + 1
                self.inline_regions[i] = (*region, prefix)
                in_item = bool(item_lines) and tokens[i - 2].type == "list_item_open"
                self._inline_block(
                    i,
                    "list_item" if in_item else "paragraph",
                    list_depth,
                    quote_depth > 0,
                    item_lines[-1] if item_lines else None,
                    list_lines[-1] if list_lines else None,
                )
        self._section_ends()

    def _section_ends(self) -> None:
        """A section ends at the next heading of its level or higher: one pass
        with a stack of the sections still open."""
        open_sections: list[Section] = []
        for section in self.sections[1:]:
            while open_sections and open_sections[-1].level >= section.level:
                open_sections.pop().end_line = section.start_line
            open_sections.append(section)
        for section in open_sections:
            section.end_line = len(self.lines)

    def _heading(self, tok, parent, slugger, open_sections) -> None:
        start, end = self._region(tok)
        aligned = align(self.text, start, end, tok.children or [], "heading")
        # an image (a badge by the title) has no text in the rendered heading, nor in its
        # anchor; the spaces around it stay in the anchor (`# Awesome C++ ![b](u)` -> awesome-c-)
        raw = heading_text(_plain(tok.children or [], images=False), strip=False)
        text = raw.strip()
        level = int(parent.tag[1])
        content = [s for s in aligned.spans if s[1] > s[0]]
        heading = Heading(
            level,
            text,
            slugger.slug(raw),
            tok.map[0],
            start,
            end,
            content[0][0] if content else end,
            content[-1][1] if content else end,
        )
        self._open_section(heading, open_sections)
        self._collect_links(tok, aligned, in_heading=True, region=(start, end))

    def _open_section(self, heading: Heading, open_sections) -> None:
        self.headings.append(heading)
        while open_sections[-1].level >= heading.level:
            open_sections.pop()
        section = Section(heading, heading.level, open_sections[-1], start_line=heading.line)
        open_sections[-1].children.append(section)
        open_sections.append(section)
        self.sections.append(section)

    def _html_heading(self, line: int, slugger, open_sections) -> None:
        """A line that is one HTML heading element opens a section, as the page shows it.
        GitHub gives it the anchor of its text, as it does a markdown heading (the two
        numbered together); its own id is an anchor too."""
        m = _HTML_HEADING.fullmatch(self.lines[line])
        if m is None:
            return
        text = html.unescape(heading_text(m.group("inner")))
        if not text:
            return
        ident = _ID_ATTR.search(self.lines[line], m.start("level") - 2, m.start("inner"))  # (the heading tag's id only)
        start = self.line_starts[line]
        raw = html.unescape(heading_text(m.group("inner"), strip=False))  # (``Models 🚀``: the emoji leaves its '-')
        heading = Heading(int(m.group("level")), text, slugger.slug(raw), line, start,
                          self.line_end(line), start + m.start("inner"), start + m.end("inner"), html=True,
                          ident=ident.group(1) if ident else "")
        self._open_section(heading, open_sections)

    def _inline_block(self, index, kind, depth, quoted, item_line, list_line=None) -> None:
        tok = self.tokens[index]
        aligned = self.aligned(index)
        links = self._collect_links(tok, aligned, region=self.inline_regions[index][:2])
        self.blocks.append(
            Block(kind, tok.map[0], tok.map[1], tok, links, depth, quoted, item_line, list_line)
        )

    def _collect_links(self, tok, aligned, in_heading: bool = False, region=None) -> list[Link]:
        found = []
        children = tok.children or []
        for index, pos in sorted(aligned.links.items(), key=lambda kv: kv[1].start):
            child = children[index]
            image = child.type == "image"
            href = child.attrs.get("src" if image else "href", "") or ""
            if pos.url_start is not None:
                url = _unescape(self.text[pos.url_start:pos.url_end])
            else:  # a reference: its url has always been the encoded destination
                url = normalized(href)
            if image:
                text = _plain(child.children or [])
            else:
                text = _plain(_link_children(children, index))
            link = Link(
                text, url, str(href), pos.start, pos.end, pos.text_start, pos.text_end,
                pos.url_start, pos.url_end, pos.kind, self.line_col(pos.start)[0], image, in_heading,
            )
            found.append(link)
        for child, (start, _end) in zip(children, aligned.spans):
            if child.type == "html_inline":
                self._scan_html(child.content, start)
        self.links.extend(found)
        if region is not None:
            self._bare_links(*region, in_heading)
        # bare URLs are links of the document, not parts of entries: entry
        # formats are about markdown links
        return found

    def _bare_links(self, start: int, end: int, in_heading: bool) -> None:
        for s, e, url in bare_urls(self.text, start, end):
            if (s, e) in self._bare_seen:
                continue
            self._bare_seen.add((s, e))
            written = self.text[s:e]
            self.links.append(Link(
                written, url, url, s, e, s, e, s, e, "bare", self.line_col(s)[0], False, in_heading, bare=True,
            ))

    def _scan_html(self, content: str, offset: int) -> None:
        """Anchors and comments of HTML that starts at ``offset``."""
        self.anchors.update(m.group(1) for m in _ANCHOR.finditer(content))
        self.anchors.update(m.group(1) for m in _ID_ATTR.finditer(content))
        # One pass: after an unclosed "<!--" no later one can close either
        # (a regex search from each "<!--" would be quadratic).
        at = content.find("<!--")
        while at >= 0:
            close = content.find("-->", at + 4)
            if close < 0:
                return
            self.comments.append((offset + at, offset + close + 3, content[at + 4:close]))
            at = content.find("<!--", close + 3)

    def family_at(self, line: int) -> str | None:
        """The family of the section holding ``line``."""
        return shapes.section_at(self, line).family

    @property
    def families(self) -> set[str]:
        """The families of the sections that hold entries."""
        return {s.family for s in self.sections if s.family}

    def _dominant_family(self) -> str:
        paper_entries = sum(1 for e in self.entries if e.kind == "paper")
        # Paper lists often carry a few bullet lists too (news, resources):
        # papers win unless classic items clearly dominate.
        return "papers" if paper_entries and paper_entries * 2 >= len(self.entries) - paper_entries else "awesome"


def _link_children(children, open_index):
    depth = 0
    out = []
    for index in range(open_index + 1, len(children)):  # no slice: a copy per link is quadratic
        tok = children[index]
        if tok.type == "link_open":
            depth += 1
        elif tok.type == "link_close":
            if depth == 0:
                break
            depth -= 1
        out.append(tok)
    return out


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(url: str) -> str:
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    return html.unescape(_ESCAPE.sub(r"\1", url))


def parse(text: str, path: str | None = None, preset: str | None = None) -> Document:
    return Document(text, path, preset)
