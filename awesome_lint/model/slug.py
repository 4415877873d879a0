"""GitHub's heading anchors (the rules of github-slugger)."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# github-slugger lower-cases, then drops every character of these general
# categories: other numbers (², ½), all punctuation but connectors (``_``, ``‿``)
# and ``-``, symbols, controls, formats, private use, unassigned and separators
# but the plain space, which becomes ``-``.  Letters, marks, decimal and letter
# numbers survive, and so do the symbols Unicode counts as alphabetic.
_KEPT = {"Nd", "Nl", "Pc"}
_ALPHABETIC_SYMBOLS = (  # circled and squared Latin letters
    (0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189),
)


def _kept(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category[0] in "LM" or category in _KEPT or ch == "-":
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


# Fragments that work on a list's GitHub page without a heading of that name:
# "#top" is the top of any HTML page (the HTML standard's "indicated part of the
# document"), and GitHub shows a repository's README in an element with the id
# "readme", where "back to top" links of many lists point.
PAGE_ANCHORS = frozenset({"top", "readme"})


def anchor_forms(fragment: str) -> tuple[str, ...]:
    """The ids a link's ``#fragment`` can reach: browsers percent-decode it, and
    GitHub serves heading ids in lower case, so '#Finance' finds '#finance'."""
    decoded = unquote(fragment)
    return tuple(dict.fromkeys((fragment, fragment.lower(), decoded, decoded.lower())))


def slug(text: str) -> str:
    return "".join("-" if ch == " " else ch for ch in text.lower() if ch == " " or _kept(ch))


class Slugger:
    """Numbers repeated slugs the way GitHub does: foo, foo-1, foo-2."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = slug(text)
        result = base
        while result in self.seen:
            self.seen[base] += 1
            result = f"{base}-{self.seen[base]}"
        self.seen.setdefault(result, 0)
        return result


_HTML_TAG = re.compile(r"<[^>]*>")


def heading_text(inline_text: str, strip: bool = True) -> str:
    text = _HTML_TAG.sub("", inline_text)
    return text.strip() if strip else text
