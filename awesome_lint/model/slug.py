"""GitHub's heading anchors (the rules of github-slugger)."""
from __future__ import annotations

import re
import unicodedata

# github-slugger drops every character that is not a letter, mark, number,
# connector punctuation, space or hyphen.
_KEEP = {"L", "M", "N"}


def slug(text: str) -> str:
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch in "-_" or unicodedata.category(ch)[0] in _KEEP:
            out.append(ch)
    return "".join(out)


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


def heading_text(inline_text: str) -> str:
    return _HTML_TAG.sub("", inline_text).strip()
