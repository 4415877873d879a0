"""The document model: what rules see."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Field:
    """A piece of an entry: its text and where it sits."""

    start: int
    end: int
    text: str


@dataclass(eq=False)
class Link:
    text: str  # the link text as plain text
    url: str  # the destination as written (escapes resolved); percent-encoded for a reference link
    href: str  # the destination as markdown-it parsed it (escapes and entities resolved, not encoded)
    start: int
    end: int
    text_start: int
    text_end: int
    url_start: int | None  # None for reference links
    url_end: int | None
    kind: str  # "inline" | "reference" | "autolink" | "bare"
    line: int  # 0-based
    image: bool = False
    in_heading: bool = False
    # a URL in plain text that GitHub links (GFM autolinks): its span is the
    # URL as written; `url` has "http://" in front of a "www." one
    bare: bool = False


@dataclass(eq=False)
class Heading:
    level: int
    text: str
    slug: str  # unique anchor, numbered as GitHub numbers repeats
    line: int
    start: int  # offset of the heading line
    end: int  # end of the heading line (no newline)
    content_start: int
    content_end: int
    # ``<h3 id="wmt18">WMT 2018</h3>``: written in HTML; the id it gives is an anchor besides its slug
    html: bool = False
    ident: str = ""


@dataclass(eq=False)
class Section:
    heading: Heading | None  # None for the part before the first heading
    level: int
    parent: "Section | None" = None
    children: list["Section"] = field(default_factory=list)
    entries: list["Entry"] = field(default_factory=list)
    start_line: int = 0
    end_line: int = 0  # exclusive, where the next heading of this level or higher starts
    # "papers" or "awesome" from the entries the section holds; None without entries
    family: str | None = None

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def lineage(self):
        """This section and the headed sections around it, innermost first."""
        section = self
        while section is not None and section.heading is not None:
            yield section
            section = section.parent


@dataclass(eq=False)
class Entry:
    kind: str  # "paper" | "item"
    section: Section
    start_line: int  # 0-based
    end_line: int  # exclusive
    start: int  # offset of the first line's first character
    end: int  # offset just past the last line (its newline not included)
    title: str
    fields: dict[str, Field] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    depth: int = 0  # nesting depth of a list item
    parent: "Entry | None" = None
    list_line: int | None = None  # first line of the markdown list it is an item of
    # papers: how the entry is written ("bold-block", "numbered-labelled",
    # "table-row", ...; "quoted-" in front inside a ``>`` quote)
    shape: str = ""
    # papers: the labelled fields in written order, (field key, the label as written)
    labels: list[tuple[str, Field]] = field(default_factory=list)

    def headline(self, doc) -> tuple[int, int]:
        """Where a finding about the whole entry points: its title (or name),
        else its first line."""
        named = self.fields.get("title") or self.fields.get("name")
        if named is not None:
            return named.start, named.end
        return self.start, doc.line_end(self.start_line)

    @property
    def primary_url(self) -> str | None:
        for link in self.links:
            if not link.image and link.url and not link.url.startswith("#"):
                return link.url
        return None


@dataclass(eq=False)
class Block:
    """A paragraph or list item of the markdown, with its container context."""

    kind: str  # "paragraph" | "list_item" | "heading"
    start_line: int
    end_line: int
    inline: object  # the markdown-it inline token
    links: list[Link]
    list_depth: int  # 0 outside lists
    in_blockquote: bool
    item_line: int | None = None  # first line of the enclosing list item
    list_line: int | None = None  # first line of the innermost enclosing list


def links_within(links: list[Link], start: int, end: int) -> list[Link]:
    """The links (sorted by start) that start in ``[start, end)``, found by
    bisection: a block with many entries costs linear time, not quadratic."""
    if any(a.start > b.start for a, b in zip(links, links[1:])):  # not in order: filter them all
        return [link for link in links if start <= link.start < end]
    first = bisect.bisect_left(links, start, key=lambda link: link.start)
    last = bisect.bisect_left(links, end, lo=first, key=lambda link: link.start)
    return links[first:last]
