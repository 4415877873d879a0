"""Inline suppressions in HTML comments.

``<!-- awesome-lint disable RULE... -->`` / ``enable`` / ``disable-next-line`` /
``disable-line``; ``<!--lint disable RULE-->`` (sindresorhus/awesome-lint's
spelling, ``lint ignore`` meaning the next line) is accepted too.  A reason may
follow the rules after a colon: ``disable-next-line toc: kept on purpose``.  Comments
only suppress, never enable a rule that is off.  Only comments the parser saw
as HTML count, so a comment inside a code block never does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"^\s*(?P<tool>awesome-lint|lint)\s+(?P<verb>disable-next-line|disable-line|disable|enable|ignore)\b(?P<rules>[^\n]*)$",
    re.S,
)
ALL = "*"


@dataclass
class Suppressions:
    # rule (or ALL) -> list of [first, last] 1-based line ranges, last None = open
    ranges: dict[str, list[list]] = field(default_factory=dict)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, name)

    def suppressed(self, rule: str, line: int) -> bool:
        for key in (rule, ALL):
            for first, last in self.ranges.get(key, ()):
                if first <= line and (last is None or line <= last):
                    return True
        return False


def collect(doc, aliases: dict[str, str]) -> Suppressions:
    """``aliases`` maps every accepted rule spelling to a rule name."""
    result = Suppressions()
    for start, end, body in doc.comments:
        match = _DIRECTIVE.match(body)
        if not match:
            continue
        line = doc.line_col(start)[0] + 1
        end_line = doc.line_col(end)[0] + 1
        names = []
        listed = match.group("rules").split(":", 1)[0]
        for raw in re.split(r"[\s,]+", listed.strip()):
            if not raw:
                continue
            name = aliases.get(raw)
            if name is None:
                if match.group("tool") == "awesome-lint":
                    result.unknown.append((start, end, raw))
                continue
            names.append(name)
        if not names and not listed.strip():
            names = [ALL]
        verb = match.group("verb")
        for name in names:
            spans = result.ranges.setdefault(name, [])
            if verb == "disable":
                spans.append([line, None])
            elif verb == "enable":
                for span in spans:
                    if span[1] is None:
                        span[1] = line
                if name == ALL:
                    for other in result.ranges.values():
                        for span in other:
                            if span[1] is None:
                                span[1] = line
            elif verb in ("disable-next-line", "ignore"):
                target = _next_content_line(doc, end_line)
                spans.append([target, target])
            else:  # disable-line
                spans.append([line, end_line])
    return result


def _next_content_line(doc, after: int) -> int:
    """The first non-blank line after 1-based line ``after``."""
    n = after  # 0-based index of the line after
    while n < len(doc.lines) and not doc.lines[n].strip():
        n += 1
    return n + 1
