"""Reading the fields of a paper entry out of a piece of a line.

Shared by the list, paragraph and table readers: what follows a title
(``- Authors (CVPR 2021)``, ``, NeurIPS 2019``, ``Venue Year.``), labelled
lines (``🗓️ Publication Date: *9th Feb. 2021*``), and bare URLs, which
markdown (without linkify) does not make links of.
"""
from __future__ import annotations

import bisect
import re

from . import dates
from .nodes import Field, Link

YEAR = re.compile(r"\b(?:19|20)\d\d[a-z]?\b")
ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # also glued to its venue: ``CVPR2019``
# the last parenthetical that carries a year: ``(CVPR 2021)``, ``(arxiv, 2018)``
_PAREN_VENUE = re.compile(r"\((?P<v>[^()]*\b(?:19|20)\d\d[a-z]?\b[^()]*)\)")
# a venue written out: ``CVPR 2022``, ``AI Open 2020``, ``arXiv, 2021``, ending in its year
_VENUE_YEAR = re.compile(r"[A-Za-z][^\[\]()\n]{0,110}?[ ,]\s*(?:19|20)\d\d[a-z]?\Z")
# ``arXiv 2024.02``, ``ACM Computing Surveys 2023.01``: a venue, then the month it came out, in digits
_VENUE_MONTH = re.compile(r"(?P<v>[A-Za-z][^\[\]()\n]{0,80}?)[ ,][ \t]*(?P<d>(?:19|20)\d\d[-./](?:0[1-9]|1[0-2]))\Z")
_VENUE_YEAR_LOOSE = re.compile(
    r"(?:[^\W_][^\[\]()\n]{0,80}?[ ,]\s*)?(?:19|20)\d\d[a-z]?(?:[ \t]+[\w&-]+){0,6}\Z")
# a run in emphasis, the authors of many shapes: ``_A. One, B. Two._``
EMPHASISED = re.compile(r"(?P<m>[*_])(?P<in>[^*_\n]+?)(?P=m)")
_LEAD_SEP = re.compile(r"[ \t]*(?:[-\u2013\u2014,:.]|by\b)?[ \t]*")
# decoration in front of a label or title: emoji, symbols, a stray bullet
_DECORATION = re.compile(r"[^\w\s\[\]()*_<>`'\"]*[ \t]*")
_LABELLED = re.compile(r"(?P<label>[A-Za-z][A-Za-z .'/&-]{0,30}?)[ \t]*[:\uff1a][ \t]*(?P<value>\S.*?)[ \t]*$")
_EMPHASIS = re.compile(r"(?P<m>\*\*|__|[*_])(?P<in>[^*_].*?)(?P=m)$")
_BARE_URL = re.compile(r"(?<![(<\[])\bhttps?://[^\s<>()\[\]]+")

LABEL_KEYS = {
    "date": "date", "publication date": "date", "published": "date", "publish date": "date",
    "release date": "date", "released": "date", "submission date": "date", "time": "date",
    "journal": "venue", "venue": "venue", "conference": "venue", "published in": "venue",
    "publication": "venue", "booktitle": "venue", "proceedings": "venue", "source": "venue",
    "authors": "authors", "author": "authors", "author(s)": "authors", "by": "authors",
    "paper": "links", "code": "links", "pdf": "links", "project": "links", "project page": "links",
    "homepage": "links", "github": "links", "demo": "links", "website": "links", "dataset": "links",
    "data": "links", "video": "links", "blog": "links", "slides": "links", "arxiv": "links",
    "link": "links", "links": "links", "url": "links", "model": "links", "models": "links",
}
# link texts that name what a link is, not where the paper appeared
GENERIC_LABELS = {
    "scholar", "google scholar", "code", "github", "pdf", "paper", "project", "project page", "website",
    "homepage", "demo", "dataset", "data", "video", "blog", "slides", "supp", "bibtex", "poster", "model",
    "colab", "huggingface", "page", "link", "official", "unofficial", "pytorch", "tensorflow", "html",
    "abstract", "abs", "openreview", "talk", "oral", "benchmark", "weights", "checkpoint", "leaderboard",
}


WORDS = re.compile(r"[^\W\d_]+")  # runs of letters: a title's words

# the labels of the link to a paper itself (``[[Paper](url)]``, ``[pdf](url)``)
PAPER_LABELS = frozenset({"paper", "pdf", "arxiv", "openreview", "abstract", "abs"})


def written_label(link: Link) -> str:
    """A link's text without the brackets around it, as written: ``[[CVPR2019]](u)`` is ``CVPR2019``."""
    return link.text.strip().strip("[]()").strip()


def label_text(link: Link) -> str:
    return written_label(link).lower()


def is_label_link(link: Link) -> bool:
    """``[[code]](url)``, ``[paper](url)``: a link that names a resource of the entry."""
    label = label_text(link)
    return label in GENERIC_LABELS or label == "arxiv" or label.split("/")[0] in GENERIC_LABELS


def resource_link(link: Link) -> bool:
    """A label link, also one that says more after its label (``[official code - caffe](url)``)."""
    return is_label_link(link) or label_text(link).split(" ", 1)[0] in GENERIC_LABELS


def label_like(link: Link) -> bool:
    """A resource link, or a short name in brackets of its own (``[[Code-Keras]](url)``,
    ``[\\[Slide\\]](url)``): the way the list writes its labels, whatever the word."""
    if resource_link(link):
        return True
    text = link.text.strip()
    inner = text.lstrip("\\[").rstrip("\\]").strip()
    return text.startswith(("[", "\\[")) and text.endswith("]") and 0 < len(inner) <= 30 and len(inner.split()) <= 3


def field(base: int, text: str, start: int, end: int) -> Field:
    return Field(base + start, base + end, text[start:end])


def read_tail(text: str, base: int, fields: dict, separated: bool = True) -> bool:
    """Authors and venue from what follows a title, before its links.
    ``text`` is that stretch of the line, at offset ``base``.  True when a
    venue with a year was found (the evidence that this is a paper)."""
    lead = _LEAD_SEP.match(text)
    had_sep = lead.end() > 0 and lead.group().strip() != ""
    start = lead.end()
    end = len(text.rstrip(" \t.,;"))
    tags = _TRAILING_TAGS.search(text, max(start, end - 200), end)  # (only the tail: linear on long lines)
    if tags:  # ``ACL 2021. `blind` ``: the list's own tags after the venue, in code spans
        end = len(text[:tags.start()].rstrip(" \t.,;"))
    if start >= end:
        return False
    bracketed = _BRACKET_VENUE.fullmatch(text, start, end)
    if bracketed:  # ``[Title](url) [ICML'17]``: the venue and its year in brackets
        fields.setdefault("venue", field(base, text, bracketed.start("v"), bracketed.end("v")))
        return True
    venue = None
    for venue in _PAREN_VENUE.finditer(text, start, end):
        pass
    if venue is not None:
        if _is_date(venue.group("v")):
            return True  # a date in brackets, not a venue: ``(Mar 2017)``
        bar = text.find("|", venue.start("v"), venue.end("v"))
        if bar > 0:
            # ``(Oct., 2025 | CVPR 2026)``: the month the paper came out, then where it appeared
            a, b = skip(text, venue.start("v"), bar, " \t"), len(text[:bar].rstrip())
            c, d = skip(text, bar + 1, venue.end("v"), " \t"), len(text[:venue.end("v")].rstrip())
            if _is_date(text[a:b]) and d > c:
                fields.setdefault("date", field(base, text, a, b))
                fields.setdefault("venue", field(base, text, c, d))
                return True
        authors_end = len(text[:venue.start()].rstrip(" \t,;"))
        blurb = text[start:authors_end].strip(" \t-\u2013\u2014")
        if _BARE_YEAR.fullmatch(venue.group("v")) and blurb and not only_names(blurb):
            return False  # ``- A brief intro to the language, by Saša Jurić (2015).``: a book's year after its blurb
        fields.setdefault("venue", field(base, text, venue.start("v"), venue.end("v")))
        if authors_end > start and (had_sep or not separated) and re.search(r"[A-Za-z]", text[start:authors_end]):
            fields.setdefault("authors", field(base, text, start, authors_end))
        return True
    authors = EMPHASISED.match(text, start, end)
    if authors and authors.end() < end:
        # ``_A. One, B. Two._ NAACL 2025``: the authors in emphasis, then the venue
        rest = skip(text, authors.end(), end, " \t.,")
        dated = (_VENUE_YEAR.match(text[rest:end]) or _VENUE_YEAR_TRACK.match(text[rest:end])) \
            and not _is_date(text[rest:end])
        # (or ``*Zhi Gao (BIGAI) et al.* arXiv.``: a preprint, no year to give)
        if dated or _PREPRINT.fullmatch(text, rest, end) and _listed_people(text[authors.start():authors.end()]):
            a, b = strip_emphasis(text, authors.start(), authors.end())
            fields.setdefault("authors", field(base, text, a, len(text[:b].rstrip(" \t.,"))))
            fields.setdefault("venue", field(base, text, rest, end))
            return bool(dated)
    piece = text[start:end]
    month = _VENUE_MONTH.match(piece)
    if month and not _is_date(month.group("v")):
        fields.setdefault("venue", field(base, text, start + month.start("v"), start + month.end("v")))
        fields.setdefault("date", field(base, text, start + month.start("d"), start + month.end("d")))
        return True
    named = _ET_AL.match(piece)
    if named and _VENUE_YEAR.match(piece, named.end()) and not _is_date(piece[named.end():]):
        # ``, Yu et al., CVPR 2022``: the first author and the rest, then the venue
        fields.setdefault("authors", field(base, text, start, start + named.end("a")))
        fields.setdefault("venue", field(base, text, start + named.end(), end))
        return True
    loose = lead.group().strip() == ","  # ``[Title](url), NeurIPS 2020 workshop``, ``, 2003``
    if (_VENUE_YEAR.match(piece) or loose and _VENUE_YEAR_LOOSE.match(piece)) and not _is_date(piece) \
            or (short := _VENUE_SHORT_YEAR.match(piece)) and acronym(short.group("v")):
        fields.setdefault("venue", field(base, text, start, end))  # (``KDD'20``: the year written short)
        return True
    return False


_VENUE_SHORT_YEAR = re.compile(r"(?P<v>[A-Za-z][\w&\-]{1,15})(?:[ \t][A-Za-z][\w&\-]{1,15})?[ \t]?['\u2019][ \t]?\d\d\Z")


_BARE_YEAR = re.compile(r"[ \t]*(?:19|20)\d\d[a-z]?[ \t]*")
_PREPRINT = re.compile(r"(?:ar[Xx]iv|ArXiv|ARXIV|[Pp]reprint|bioRxiv|medRxiv|SSRN|OpenReview)")


def _listed_people(text: str) -> bool:
    """Emphasis that names people: several, or one and others (``A. One (Lab) et al.``)."""
    return "," in text or " and " in text or "et al" in text


_BRACKET_VENUE = re.compile(r"\[(?P<v>[A-Za-z][^\[\]\n]{0,40}?(?:['\u2019][ \t]?\d\d|[ \t,](?:19|20)\d\d))\]")
_TRAILING_TAGS = re.compile(r"(?:[ \t.,]*`[^`\n]{1,30}`)+[ \t.,;]*\Z")
# after the authors: the venue, its year, and the track (``EMNLP 2022 Demo``, ``ACL 2022 (Findings)``)
_VENUE_YEAR_TRACK = re.compile(r"[A-Za-z][^\[\]()\n]{0,110}?[ ,]\s*(?:19|20)\d\d[a-z]?"
                               r"(?:[ \t]+[A-Z][\w&.\-]*){0,2}(?:[ \t]*\([^()\n]{1,40}\))?\Z")
_ET_AL = re.compile(r"(?P<a>[A-Z][^,;()\[\]\n]{0,60}?[ \t]et al\.?)[ \t]*[,.]?[ \t]*")

# what may stand after a bold title where the list puts the venue: a name and
# perhaps a short year (``TACL``, ``EMNLP 18``), not a sentence
_BARE_VENUE = re.compile(r"[A-Z][\w&'/-]*(?:[ \t]+[\w&'/-]+){0,3}\Z")


def skip(text: str, at: int, end: int, chars: str) -> int:
    """Where ``text[at:end]`` starts once the given characters are passed over."""
    piece = text[at:end]
    return at + len(piece) - len(piece.lstrip(chars))


def read_bare_venue(text: str, base: int, fields: dict) -> None:
    """A venue without a four-digit year after a bold title, kept so that the
    list's venue-year convention can judge it (no evidence of a paper)."""
    lead = _LEAD_SEP.match(text)
    start, end = lead.end(), len(text.rstrip(" \t.,;"))
    if "venue" not in fields and start < end and _BARE_VENUE.match(text, start, end) and not _is_date(text[start:end]):
        fields["venue"] = field(base, text, start, end)


def _is_date(text: str) -> bool:
    """A date, not a venue the date reader would forgive into one (``SEM 2018``)."""
    parsed = dates.parse(text)
    return parsed is not None and "month typo" not in parsed.problems


def strip_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """The span inside ``*...*`` / ``**...**`` / ``_..._`` when the whole piece is emphasised."""
    m = _EMPHASIS.match(text, start, end)
    # (``**Hallucination** of Models: A **Survey**`` is two highlights, not one emphasis)
    if m and m.end() == end and m.group("m") not in m.group("in"):
        return m.start("in"), m.end("in")
    return start, end


def read_labelled(text: str, start: int, end: int, base: int, fields: dict, labels: list) -> str | None:
    """``Label: value`` at ``text[start:end]``: the value goes to its field.
    Returns the field key ("date", "venue", "authors", "links", or the label
    itself lower-cased), None when the piece is not labelled."""
    deco = _DECORATION.match(text, start, end)
    m = _LABELLED.match(text, deco.end(), end)
    if not m or len(m.group("label").split()) > 4:
        return None
    label = m.group("label").strip()
    key = LABEL_KEYS.get(label.lower(), label.lower())
    labels.append((key, field(base, text, m.start("label"), m.start("label") + len(label))))
    v_start, v_end = strip_emphasis(text, m.start("value"), m.end("value"))
    if key == "date":
        if dates.parse(text[v_start:v_end]) is not None:
            fields.setdefault("date", field(base, text, v_start, v_end))
    elif key in ("venue", "authors"):
        fields.setdefault(key, field(base, text, v_start, v_end))
    return key


def bare_links(doc, start: int, end: int, known: list[Link]) -> list[Link]:
    """Bare ``https://`` URLs in ``doc.text[start:end]`` that no link covers."""
    found = []
    spans = sorted((link.start, link.end) for link in known)
    starts = [a for a, _ in spans]
    reach, far = [], -1  # the furthest end of the links starting up to each one
    for _, b in spans:
        far = max(far, b)
        reach.append(far)
    for m in _BARE_URL.finditer(doc.text, start, end):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < reach[i]:
            continue  # inside a link
        url = m.group().rstrip(".,;:!?'\"")
        a, b = m.start(), m.start() + len(url)
        found.append(Link(url, url, url, a, b, a, b, a, b, "bare", doc.line_col(a)[0]))
    return found


PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "dos", "del", "al", "al.", "et"}


def acronym(word: str) -> bool:
    """A word of two capitals or more: a venue's or an event's name (``CVPR``, ``NeurIPS``, ``WMT``)."""
    return sum(ch.isupper() for ch in word) >= 2


def name_parts(text: str) -> list[str]:
    """The people of an author list, as written: parted by commas and 'and' (", and" leaves none empty)."""
    return [p for p in re.split(r",|\band\b", text.strip().rstrip(".")) if p.strip()]


def only_names(text: str) -> bool:
    """``A. One, Bo Chen and Chen Wu.``: people only, each a few capitalised words, no
    title, venue or year among them (``Ross Girshick, Fast R-CNN, arXiv:1504.08083.``)."""
    parts = name_parts(text)
    if not parts:
        return False
    for part in parts:
        words = part.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
            return False
        if any(ch.isdigit() for ch in part):
            return False
    return True
