"""What a reader sees of a document: its words and every URL it links.

The fix loop compares these before and after a round of fixes, so a fix that
changes what the page shows outside its own edits cannot go unnoticed."""
from __future__ import annotations

import re
from collections import Counter

from .autolinks import bare_urls

WORD = re.compile(r"[^\W_]+")
_TAG_OR_COMMENT = re.compile(r"<!--(?:.*?-->|.*)|<[^<>]*>", re.S)  # an unclosed comment hides the rest
_HTML_URL = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_CELL_BAR = re.compile(r"(?<!\\)\|")
# link kinds the markdown parser finds; bare URLs are found here
_MARKDOWN_LINKS = ("inline", "reference", "autolink")


def words(doc) -> Counter:
    """Every word of the rendered text (code and HTML text included)."""
    found: list[str] = []
    for tok in doc.tokens:
        if tok.type == "inline" and tok.children:
            found += _words_of(tok.children)
        elif tok.type in ("fence", "code_block"):
            found += WORD.findall(tok.content)
        elif tok.type == "html_block":
            found += WORD.findall(_TAG_OR_COMMENT.sub(" ", tok.content))
    return Counter(found)  # one count at the end: merging counters word by word is slow


# Children lists are shared by every document holding the same paragraph (the
# document builder caches them), so their words are found once: the fix loop
# compares the words of the text before and after each round.  Keyed by
# identity, the list kept alive with its words.
_FOUND: dict[int, tuple[list, list[str]]] = {}
_FOUND_LIMIT = 20_000


def _words_of(children: list) -> list[str]:
    hit = _FOUND.get(id(children))
    if hit is None or hit[0] is not children:
        found: list[str] = []
        _inline_words(children, found)
        if len(_FOUND) >= _FOUND_LIMIT:
            _FOUND.clear()
        hit = _FOUND[id(children)] = (children, found)
    return hit[1]


def _inline_words(children, found: list[str]) -> None:
    for child in children:
        if child.type in ("text", "code_inline"):
            found += WORD.findall(child.content)
        elif child.type == "html_inline":
            found += WORD.findall(_TAG_OR_COMMENT.sub(" ", child.content))
        elif child.type == "image":
            _inline_words(child.children or [], found)


def inline_ranges(doc) -> list[tuple[int, int]]:
    """Source ranges of inline content, each once: paragraphs, headings, and
    each cell of a table row (a bare URL ends at the cell's bar)."""
    ranges = []
    seen: set[tuple[int, int]] = set()
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or not tok.map or tuple(tok.map) in seen:
            continue
        seen.add(tuple(tok.map))
        first, last = tok.map
        start = doc.line_starts[first]
        end = doc.line_end(min(last, len(doc.lines)) - 1)
        if i and tokens[i - 1].type in ("th_open", "td_open"):
            cuts = [start, *(m.start() for m in _CELL_BAR.finditer(doc.text, start, end)), end]
            ranges.extend((a if a == start else a + 1, b) for a, b in zip(cuts, cuts[1:]))
        else:
            ranges.append((start, end))
    return ranges


def bare_links(doc) -> list[tuple[int, int, str]]:
    """(start, end, url) of every bare URL GitHub would link."""
    return [hit for start, end in inline_ranges(doc) for hit in bare_urls(doc.text, start, end)]


def written_end(text: str, end: int, limit: int) -> int:
    """Where the run of text a bare URL was cut from ends (its trimmed tail)."""
    while end < limit and not text[end].isspace() and text[end] != "<":
        end += 1
    return end


def urls(doc) -> Counter:
    """Every URL the page links, with its multiplicity; a bare URL also as
    written with the punctuation GitHub leaves out of it (``("bare", url,
    written)``), so changing what touches it counts as a change.  In-page
    anchors are left out: repairing them is a fix's job."""
    found: Counter = Counter()
    for link in doc.links:
        if link.kind in _MARKDOWN_LINKS and link.url and not link.url.startswith("#"):
            found[("url", link.url)] += 1
    for first, last in inline_ranges(doc):
        for start, end, url in bare_urls(doc.text, first, last):
            found[("url", url)] += 1
            found[("bare", url, doc.text[start:written_end(doc.text, end, last)])] += 1
    for content in _html(doc):
        for m in _HTML_URL.finditer(content):
            url = next(g for g in m.groups() if g is not None)
            if url and not url.startswith("#"):
                found[("url", url)] += 1
    return found


def _html(doc):
    for tok in doc.tokens:
        if tok.type == "html_block":
            yield tok.content
        elif tok.type == "inline":
            for child in tok.children or []:
                if child.type == "html_inline":
                    yield child.content
