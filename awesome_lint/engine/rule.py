"""What rules are made of: edits, fixes, diagnostics, and the Rule base class."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator

from .files import Files

if TYPE_CHECKING:
    from ..model.document import Document

SAFE = "safe"
UNSAFE = "unsafe"
ERROR = "error"
WARNING = "warning"


def option(default=dataclasses.MISSING, *, factory=dataclasses.MISSING, choices=None, minimum=None,
           check=None):
    """An option field whose value the config loader checks beyond its type:
    ``choices`` (allowed values), ``minimum`` (for numbers) and ``check``, a
    function returning why a value is wrong (or None)."""
    meta = {"choices": tuple(choices) if choices else None, "minimum": minimum, "check": check}
    if factory is not dataclasses.MISSING:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of the normalised document with ``text``.

    ``pieces``, when given, says the new text is made of slices of the old
    one, ``(start, end)``, and literal strings, in order: a move.  The fix
    loop can then apply other fixes inside the moved slices in the same round
    instead of waiting for the next one.
    """

    start: int
    end: int
    text: str
    pieces: tuple = ()

    @classmethod
    def move(cls, start: int, end: int, pieces, source: str) -> "Edit":
        pieces = tuple(pieces)
        text = "".join(p if isinstance(p, str) else source[p[0]:p[1]] for p in pieces)
        return cls(start, end, text, pieces)


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: str = SAFE
    title: str = ""
    # (old URL, new URL) pairs this fix deliberately swaps; any other URL it
    # loses makes the fix loop revert it
    replaces: tuple[tuple[str, str], ...] = ()

    @classmethod
    def replace(cls, start: int, end: int, text: str, title: str = "", applicability: str = SAFE,
                replaces: tuple[tuple[str, str], ...] = ()) -> "Fix":
        return cls((Edit(start, end, text),), applicability, title, replaces)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(frozen=True)
class Related:
    """Another place a finding points at (the first copy of a duplicate)."""

    message: str
    start: int
    end: int


@dataclass
class Diagnostic:
    rule: str
    message: str
    start: int  # offsets into the normalised text
    end: int
    severity: str = ERROR
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


@dataclass
class Context:
    """What a rule may know beyond the document."""

    path: str | None = None  # the linted file, None for stdin
    family: str = "awesome"  # "papers" | "awesome"
    links: bool = False  # network rules allowed
    changed_lines: set[int] | None = None  # 1-based; None means every line
    progress: bool = False  # a progress bar on stderr is welcome
    extra: dict = field(default_factory=dict)
    files: Files = field(default_factory=Files)  # the only way a rule should look at other files

    def touches_change(self, doc, start: int, end: int) -> bool:
        """Whether ``doc.text[start:end]`` covers a changed line (always, without
        ``changed_lines``): any line of a span counts, not only its first."""
        if self.changed_lines is None:
            return True
        first = doc.line_col(start)[0] + 1
        last = doc.line_col(max(start, end - 1))[0] + 1
        return any(n in self.changed_lines for n in range(first, last + 1))


class Rule:
    """Base class of every rule, built-in or plugin.

    Subclasses set the class attributes and implement ``check``.  Options are
    an inner dataclass named ``Options``; config keys are its field names in
    kebab-case.
    """

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    tags: ClassVar[tuple[str, ...]] = ()
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    default_severity: ClassVar[str] = ERROR
    network: ClassVar[bool] = False  # runs only when links are enabled
    families: ClassVar[tuple[str, ...]] = ("papers", "awesome")
    # "entries": runs when any section of the list is of one of ``families``
    # (a paper list may hold a classic section); "document": when the list as
    # a whole is (its header, its headings)
    scope: ClassVar[str] = "entries"
    # presets that switch the rule on when it is off by default (a guideline of
    # one canonical style, such as the Awesome index's, not a defect)
    presets: ClassVar[tuple[str, ...]] = ()

    @dataclass
    class Options:
        pass

    def __init__(self, options: "Rule.Options | None" = None) -> None:
        self.options = options if options is not None else self.Options()

    def check(self, doc: "Document", ctx: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic(self, message: str, start: int, end: int, fix: Fix | None = None,
                   severity: str | None = None, related: tuple[Related, ...] = ()) -> Diagnostic:
        return Diagnostic(self.name, message, start, end, severity or self.default_severity, fix, related)

    @classmethod
    def option_names(cls) -> dict[str, dataclasses.Field]:
        return {f.name.replace("_", "-"): f for f in dataclasses.fields(cls.Options)}
