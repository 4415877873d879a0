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
_MONTH_YEAR = re.compile(r"^(?P<m>0?[1-9]|1[0-2])[-/.](?P<y>(?:19|20)\d\d)$")  # ``06/2024``: a table's month
_SHORT_MONTH = re.compile(r"^(?P<y>\d{2})\.(?P<m>\d{2})$")
# ``20210625``: the compact day of lists that file papers by the day they came out
_COMPACT_DAY = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])$")
# ``24.05.26``: year first, as ``24.05`` is (the only form of three two-digit parts seen
# in real lists; a day-first ``26.05.24`` would read as 2026)
_SHORT_DAY = re.compile(r"^(?P<y>\d{2})\.(?P<m>\d{2})\.(?P<d>\d{2})$")
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
    # a month by design, written in digits (``2023-05``, ``202305``): it has no day to miss
    monthly: bool = False

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
    iso = _ISO.match(s) or _SHORT_DAY.match(s) or _COMPACT_DAY.match(s)
    if iso:
        d = ParsedDate(int(iso["d"]), int(iso["m"]), int(iso["y"]) + (2000 if len(iso["y"]) == 2 else 0))
        if not 1 <= d.month <= 12:
            return None
        d.style = "iso" if s == format_date(d, "iso") else None
        return d
    short = _SHORT_MONTH.match(s)
    if short:  # ``23.07``: a table's compact year and month
        d = ParsedDate(None, int(short["m"]), 2000 + int(short["y"]), monthly=True)
        return d if 1 <= d.month <= 12 else None
    written_month = _MONTH_YEAR.match(s)
    if written_month:
        return ParsedDate(None, int(written_month["m"]), int(written_month["y"]), monthly=True)
    numeric = _ISO_MONTH.match(s)
    if numeric:
        month = numeric["m"] or numeric["m2"]
        d = ParsedDate(None, int(month), int(numeric["y"] or numeric["y2"]), monthly=True)
        return d if 1 <= d.month <= 12 else None
    day = month = year = None
    problems: list[str] = []
    order: list[str] = []  # "d", "m", "y" in the order written
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


# -- the details a list chooses ---------------------------------------------------
# Each detail of how a date is written, and the canonical styles as sets of them.
DETAILS = ("order", "ordinal", "padding", "month", "comma", "may-dot")
STYLE_DETAILS = {
    "ordinal": {"order": "day-month-year", "ordinal": True, "padding": False, "month": "abbr.", "comma": True},
    "month-day": {"order": "month-day-year", "ordinal": False, "padding": False, "month": "abbr.", "comma": True},
    "day-month": {"order": "day-month-year", "ordinal": False, "padding": False, "month": "abbr", "comma": False},
    "iso": {"order": "iso"},
}


NUMERIC_FORMS = ("YYYY-MM", "YYYY/MM", "YYYY.MM", "YYYYMM", "YYYY-M", "YYYY/M", "YYYY.M", "YY.MM")


def numeric_form(text: str) -> str | None:
    """How a month written in digits is spelt: "YYYY-MM" (2023-05), "YYYYMM" (202305),
    "YYYY-M" (2023-5), ...; None for any other date."""
    if _SHORT_MONTH.match(text.strip()):
        return "YY.MM"
    m = _ISO_MONTH.match(text.strip())
    if m is None:
        return None
    if m["y"]:
        return "YYYY" + m["sep"] + "MM"
    return "YYYY" + text.strip()[4] + "M"


def render_numeric(d: ParsedDate, form: str) -> str:
    if form == "YY.MM":
        return f"{d.year % 100:02d}.{d.month:02d}"
    sep = form[4:-2] if form.endswith("MM") else form[4:-1]
    month = f"{d.month:02d}" if form.endswith("MM") else str(d.month)
    return f"{d.year:04d}{sep}{month}"


NUMERIC_DAY_FORMS = tuple(f"YYYY{sep}{m}{sep}{d}" for sep in "-/." for m, d in (("MM", "DD"), ("M", "D"))) + (
    "YY.MM.DD", "YYYYMMDD")


def numeric_day_form(text: str) -> str | None:
    """How a day written in digits is spelt: "YYYY-MM-DD" (2023-05-02), "YYYY.MM.DD",
    "YYYY/M/D" (2023/5/2), ...; None for any other date (or one that mixes them)."""
    if _SHORT_DAY.match(text.strip()):
        return "YY.MM.DD"
    if _COMPACT_DAY.match(text.strip()):
        return "YYYYMMDD"
    m = _ISO.match(text.strip())
    if m is None:
        return None
    text = text.strip()
    seps = {ch for ch in text if not ch.isdigit()}
    if len(seps) != 1:
        return None
    sep = seps.pop()
    # a single-digit part shows an unpadded list; 10-12 shows nothing, and is taken as padded
    unpadded = len(m["m"]) == 1 or len(m["d"]) == 1
    return f"YYYY{sep}M{sep}D" if unpadded else f"YYYY{sep}MM{sep}DD"


def render_numeric_day(d: ParsedDate, form: str) -> str:
    if form == "YY.MM.DD":
        return f"{d.year % 100:02d}.{d.month:02d}.{d.day:02d}"
    if form == "YYYYMMDD":
        return f"{d.year:04d}{d.month:02d}{d.day:02d}"
    sep = form[4]
    if form.endswith("DD"):
        return f"{d.year:04d}{sep}{d.month:02d}{sep}{d.day:02d}"
    return f"{d.year:04d}{sep}{d.month}{sep}{d.day}"


@lru_cache(maxsize=8192)
def written(text: str) -> tuple[tuple[str, object], ...]:
    """The details ``text`` shows, as (detail, value) pairs; a detail the
    date cannot show (the padding of day 12, the month style of May) is left out."""
    s = text.strip()
    if _ISO_MONTH.match(s):
        return ()  # ``2025.09``: a month in digits has no day to put before or after it
    if _ISO.match(s) or _SHORT_DAY.match(s) or _COMPACT_DAY.match(s):
        return (("order", "iso"),)
    order, out = [], {}
    day_digits = None
    for m in _TOKEN.finditer(s):
        if m["num"]:
            if len(m["num"]) == 4 and not m["ord"]:
                order.append("y")
                head = s[:m.start()]
                if order[:2] in (["d", "m"], ["m", "d"]):
                    out["comma"] = head.rstrip().endswith(",")
            else:
                order.append("d")
                day_digits = m["num"]
                out["ordinal"] = bool(m["ord"])
        elif m["word"]:
            order.append("m")
            word = m["word"].lower()
            if word == "may":
                out["may-dot"] = bool(m["dot"])  # "May." is wrong, unless it is the list's own template
            else:
                if len(word) > 3 and word != "sept":
                    out["month"] = "full"
                else:
                    out["month"] = "abbr." if m["dot"] else "abbr"
    if day_digits is not None and int(day_digits) < 10:
        out["padding"] = day_digits.startswith("0")
    if order == ["d", "m", "y"]:
        out["order"] = "day-month-year"
    elif order == ["m", "d", "y"]:
        out["order"] = "month-day-year"
    return tuple(out.items())


def render(d: ParsedDate, details: dict) -> str:
    """``d`` written with the given details (all of DETAILS for the order)."""
    if details.get("order") == "iso":
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    day = f"{d.day:02d}" if details.get("padding") and d.day < 10 else str(d.day)
    if details.get("ordinal"):
        day += ordinal(d.day)[-2:]
    form = details.get("month", "abbr.")
    if form == "full":
        month = MONTHS[d.month - 1].capitalize()
    elif form == "abbr":
        month = SHORT[d.month - 1]
    else:
        month = "May." if d.month == 5 and details.get("may-dot") else ABBR[d.month - 1]
    comma = "," if details.get("comma") else ""
    if details.get("order") == "month-day-year":
        return f"{month} {day}{comma} {d.year}"
    return f"{day} {month}{comma} {d.year}"


# Always wrong, whatever the list's style: these are reported with any fix.
DEFECTS = ("wrong ordinal", "month typo", "month capitalisation", "stray comma", "dot after May",
           "dot after a full month name")

_DEPARTURE = {
    ("ordinal", False): "missing ordinal", ("ordinal", True): "ordinal suffix",
    ("padding", True): "zero padding", ("padding", False): "missing zero padding",
    ("month", "full"): "full month name", ("month", "abbr"): "undotted month",
    ("month", "abbr."): "dotted month", ("comma", False): "missing comma", ("comma", True): "comma before the year",
    ("may-dot", True): "dot after May", ("may-dot", False): "no dot after May",
}


def departure(detail: str, own, wanted) -> str:
    """A few words for a date detail written ``own`` where ``wanted`` is the standard."""
    if detail == "order":
        return f"{own} order"
    return _DEPARTURE.get((detail, own), f"{detail} {own}")


_STANDARD = {
    ("ordinal", True): "ordinal suffixes", ("ordinal", False): "no ordinal suffix",
    ("padding", True): "zero-padded days", ("padding", False): "unpadded days",
    ("month", "full"): "full month names", ("month", "abbr."): "'Jan.' abbreviations",
    ("month", "abbr"): "'Jan' abbreviations", ("comma", True): "a comma before the year",
    ("comma", False): "no comma before the year",
    ("may-dot", True): "'May.' with a dot", ("may-dot", False): "'May' without a dot",
}


def standard_words(detail: str, value) -> str:
    """How a list that chose ``value`` for ``detail`` writes its dates, in a few words."""
    if detail == "order":
        return f"{value} dates"
    return _STANDARD.get((detail, value), f"{detail} {value}")
