"""Entry dates: read the many shapes lists write, emit one chosen style.

``parse`` is lenient (typos of month names, stray or missing commas, zero
padding, wrong ordinals) and records what it had to forgive, so a rule can say
what was wrong and whether rewriting is safe.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, field

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
ABBR = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.")
SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STYLES = ("ordinal", "month-day", "iso", "day-month")

_TOKEN = re.compile(r"(?P<num>\d+)(?P<ord>st|nd|rd|th)?|(?P<word>[A-Za-z]+)(?P<dot>\.)?|(?P<sep>[,\s/\-]+)|(?P<other>.)")
_ISO = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$")
# month-precision numeric dates: ``2023-05`` and the compact ``202305`` of tables
_ISO_MONTH = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<m>\d{2})$|^(?P<y2>(?:19|20)\d\d)[-/.](?P<m2>\d)$")
_EXACT_MONTH = {name[:3]: i for i, name in enumerate(MONTHS)}
_EXACT_MONTH.update({name: i for i, name in enumerate(MONTHS)})
_EXACT_MONTH["sept"] = 8


@dataclass
class ParsedDate:
    day: int | None
    month: int | None  # 1-12
    year: int | None
    problems: list[str] = field(default_factory=list)
    style: str | None = None  # the style the text was written in, if any exactly
    # how it was written (ordinal suffix, padding, month spelling, comma, order,
    # precision), so a fix can write another date the same way: see format_like
    details: dict = field(default_factory=dict)

    @property
    def precision(self) -> str:
        return "month" if self.day is None and self.month is not None and self.year is not None else "day"

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None and self.year is not None

    @property
    def valid(self) -> bool:
        if not self.complete:
            return False
        return 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]

    @property
    def key(self) -> tuple[int, int, int] | None:
        """What sorting compares; None when the date cannot be placed.  A month
        without a day (``2023-05``) sorts before the days of that month."""
        if self.precision == "month" and 1 <= self.month <= 12:
            return (self.year, self.month, 0)
        return (self.year, self.month, self.day) if self.valid else None


def ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }".replace(" ", "")


def format_date(d: ParsedDate, style: str = "ordinal") -> str:
    if style == "iso":
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if style == "month-day":
        return f"{ABBR[d.month - 1]} {d.day}, {d.year}"
    if style == "day-month":
        return f"{d.day} {SHORT[d.month - 1]} {d.year}"
    return f"{ordinal(d.day)} {ABBR[d.month - 1]}, {d.year}"


DETAIL_NAMES = {"ordinal": "ordinal suffix", "pad": "zero padding", "month": "month spelling",
                "dot": "dot after the month", "comma": "comma before the year", "order": "order",
                "sep": "separator", "precision": "precision"}


def format_like(d: ParsedDate, details: dict) -> str:
    """``d`` written the way ``details`` (another date's, or a list's
    established ones) says; missing details take the canonical choice."""
    order = details.get("order", "dmy")
    if details.get("month") == "number":
        sep = details.get("sep", "-")
        width = 2 if details.get("pad", True) else 1
        text = f"{d.year:04d}{sep}{d.month:0{width}d}"
        if d.day is not None and details.get("precision") != "month":
            text += f"{sep}{d.day:0{width}d}"
        return text
    if details.get("month") == "full":
        month = MONTHS[d.month - 1].capitalize()
    elif d.month == 5 or details.get("dot", True):
        month = ABBR[d.month - 1]
    else:
        month = SHORT[d.month - 1]
    if d.day is None or details.get("precision") == "month":
        return f"{month} {d.year}" if d.year is not None else month
    day = ordinal(d.day) if details.get("ordinal", True) else str(d.day)
    if details.get("pad") and d.day < 10:
        day = "0" + day
    comma = "," if details.get("comma", True) else ""
    if order.startswith("m"):
        text = f"{month} {day}"
    else:
        text = f"{day} {month}"
    return f"{text}{comma} {d.year}" if d.year is not None else text


def common_details(parsed, share: float = 0.8) -> dict | None:
    """The details most dates of a list share (each by at least ``share`` of the
    dates that show it, from 3 dates on), or None when they are those of a
    named style (``format_date`` writes them) or nothing is shared."""
    parsed = [p for p in parsed if p.details]
    if len(parsed) < 3:
        return None
    shared = {}
    keys = {k for p in parsed for k in p.details}
    for key in sorted(keys):
        votes: dict = {}
        for p in parsed:
            if key in p.details:
                votes[p.details[key]] = votes.get(p.details[key], 0) + 1
        value, count = max(votes.items(), key=lambda kv: kv[1])
        if count >= share * sum(votes.values()):
            shared[key] = value
    sample = ParsedDate(7, 10, 2022)
    if not shared or any(format_like(sample, shared) == format_date(sample, s) for s in STYLES):
        if shared.get("precision") != "month":
            return None
    return shared


def month_like(d: ParsedDate, like: dict | None) -> bool:
    """A month-precision date in a list whose dates are month-precision."""
    return bool(like) and like.get("precision") == "month" and d.precision == "month" and 1 <= d.month <= 12


def describe_like(d: ParsedDate, details: dict) -> str:
    """Why a date differs from the established ``details``, in a few words."""
    why = []
    for problem in dict.fromkeys(d.problems):
        if problem in ("missing comma", "stray comma") and "comma" in details:
            continue  # said below, against the list's own choice
        if (problem == "missing ordinal" and not details.get("ordinal", True)) or (
            problem == "zero padding" and details.get("pad")) or (
            problem == "undotted month" and details.get("dot") is False) or (
            problem == "full month name" and details.get("month") == "full"):
            continue
        why.append(problem)
    for key, wanted in details.items():
        written = d.details.get(key)
        if written is None or written == wanted or key in ("precision",):
            continue
        if key == "comma":
            why.append("missing comma" if wanted else "comma where the list writes none")
        elif key == "ordinal" and not wanted:
            why.append("ordinal suffix where the list writes none")
        elif key == "pad" and wanted:
            why.append("no zero padding where the list pads")
        elif key == "dot" and not wanted:
            why.append("dot after the month where the list writes none")
        elif key not in ("ordinal", "pad", "dot"):
            why.append(f"{DETAIL_NAMES.get(key, key)} unlike the list's")
    return ", ".join(dict.fromkeys(why)) or "not in the list's style"


def _month(word: str) -> tuple[int | None, str | None]:
    """Month index 0-11 of a word, and how it was misspelt (None if exact)."""
    low = word.lower()
    if low in _EXACT_MONTH:
        return _EXACT_MONTH[low], None
    if len(low) < 3:
        return None, None
    best = [i for i, name in enumerate(MONTHS) if _near(low, name[:3]) or (len(low) > 3 and _near(low, name))]
    if len(best) == 1:
        return best[0], "month typo"
    return None, None


def _near(a: str, b: str) -> bool:
    """Edit distance at most one (one substitution, insertion or deletion)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


@lru_cache(maxsize=8192)
def parse(text: str) -> ParsedDate | None:
    """A date in any of the shapes lists use, or None if ``text`` is not a date.

    Cached: several rules ask about the same dates on every fix round, so the
    result is shared and must not be changed by callers."""
    s = text.strip()
    if not s or len(s) > 40:
        return None
    iso = _ISO.match(s)
    if iso:
        d = ParsedDate(int(iso["d"]), int(iso["m"]), int(iso["y"]))
        if not 1 <= d.month <= 12:
            return None
        d.style = "iso" if s == format_date(d, "iso") else None
        d.details = {"order": "ymd", "month": "number", "sep": s[4], "precision": "day"}
        if d.month < 10:
            d.details["pad"] = len(iso["m"]) == 2
        return d
    numeric = _ISO_MONTH.match(s)
    if numeric:
        month = numeric["m"] or numeric["m2"]
        d = ParsedDate(None, int(month), int(numeric["y"] or numeric["y2"]))
        if not 1 <= d.month <= 12:
            return None
        sep = numeric["sep"] if numeric["y"] else s[4]
        d.details = {"order": "ymd", "month": "number", "sep": sep, "precision": "month"}
        if d.month < 10:  # only a one-digit month shows whether the list pads
            d.details["pad"] = len(month) == 2
        return d
    day = month = year = None
    problems: list[str] = []
    order: list[str] = []  # "d", "m", "y" in the order written
    details: dict = {}
    tokens = []
    for m in _TOKEN.finditer(s):
        if m["other"]:
            return None
        tokens.append(m)
    for m in tokens:
        if m["num"]:
            digits, suffix = m["num"], m["ord"]
            value = int(digits)
            if len(digits) == 4 and not suffix and year is None:
                year = value
                order.append("y")
                continue
            if day is not None or not 1 <= value <= 31 or len(digits) > 2:
                return None
            day = value
            order.append("d")
            details["ordinal"] = bool(suffix)
            details["pad"] = digits.startswith("0") if value < 10 else None
            if digits.startswith("0"):
                problems.append("zero padding")
            if suffix and suffix.lower() != ordinal(value)[-2:]:
                problems.append("wrong ordinal")
            elif not suffix:
                problems.append("missing ordinal")
        elif m["word"]:
            if month is not None:
                return None
            index, typo = _month(m["word"])
            if index is None:
                return None
            month = index + 1
            order.append("m")
            word = m["word"]
            details["month"] = "full" if len(word) > 3 and word.lower() != "sept" else "abbr"
            if details["month"] == "abbr" and word.lower() != "may":
                details["dot"] = bool(m["dot"])
            if typo:
                problems.append("month typo")
            elif len(word) > 3 and word.lower() != "sept":
                problems.append("full month name")
            elif word != word.capitalize():
                problems.append("month capitalisation")
            elif word.lower() == "may" and m["dot"]:
                problems.append("dot after May")
            elif word.lower() != "may" and not m["dot"] and len(word) == 3:
                problems.append("undotted month")
            if len(word) > 3 and m["dot"] and not typo:
                problems.append("dot after a full month name")
    if month is None or (day is None and year is None):
        return None
    d = ParsedDate(day, month, year, problems)
    details["order"] = "".join(order)
    details["precision"] = "day" if day is not None else "month"
    if year is not None and day is not None and order and order[-1] == "y":
        details["comma"] = s.rpartition(str(year))[0].rstrip().endswith(",")
    d.details = {k: v for k, v in details.items() if v is not None}
    if d.complete and d.valid:
        for style in STYLES:
            if s == format_date(d, style):
                d.style = style
                break
    if year is None:
        d.problems.append("missing year")
    if day is None:
        d.problems.append("missing day")
    if order == ["d", "m", "y"]:
        head, _, tail = s.rpartition(str(year))
        if "," not in head:
            d.problems.append("missing comma")
        elif head.count(",") > 1 or not head.rstrip().endswith(","):
            d.problems.append("stray comma")
    return d


def describe(original: str, d: ParsedDate, style: str) -> str:
    """Why ``original`` is not in the chosen style, in a few words."""
    if style != "ordinal" or not d.problems:
        return f"not in the list's {style} style"
    return ", ".join(dict.fromkeys(d.problems))
