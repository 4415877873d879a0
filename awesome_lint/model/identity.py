"""Which entries are the same thing: one spelling per destination and per title,
and the copies a list holds (what the duplicate rule judges and the
conventions count as cross-listing)."""
from __future__ import annotations

import bisect
import difflib
import os
import re
from functools import lru_cache
from urllib.parse import urlsplit

from .paper_fields import WORDS

_ARXIV = re.compile(r"^/(?:abs|pdf|html)/(?P<id>(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(?:v\d+)?(?:\.pdf)?/?$", re.I)
_TITLE_NOISE = re.compile(r"(?:[^\w+#]|_)+")  # "ISS" and "ISS++", "C" and "C#" are two names
_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
# Sections that show again what the catalogue lists: a copy there is the point of the section.
_DIGEST = re.compile(
    r"\b(?:trending|featured|highlights?|spotlight|top picks|editor'?s picks?|staff picks?|"
    r"what'?s new|recently added|latest|news)\b", re.I)


def _split(url: str):
    """The parts of a URL, or None when it has none (a stray bracket in the host)."""
    try:
        return urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return None


_PLACEHOLDERS = frozenset({"nan", "none", "null", "undefined", "tbd", "todo", "n/a", "na", "-", "?"})


URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # a scheme: "https:", "mailto:"


def in_repository(url: str) -> bool:
    """A link into the list's own repository: a relative path (``./docs/SURVEYS.md``,
    ``docs/``), no scheme, no other host (``//``), not an anchor of this page."""
    url = url.strip()
    return bool(url) and not URL_SCHEME.match(url) and not url.startswith(("//", "#"))


def placeholder_url(url: str) -> bool:
    """A destination that stands for none: a number (``[OSS](1)``) or a word such as
    ``nan`` that a spreadsheet or script left behind."""
    path = url.strip()
    return path.isdigit() or path.lower() in _PLACEHOLDERS


def normalise_url(url: str) -> str:
    """One spelling per destination: no scheme, ``www.``, fragment or trailing slash;
    arXiv abstracts and PDFs become the arXiv id, GitHub repositories ignore case."""
    url = url.strip()
    parts = _split(url)
    if parts is None:  # no parts to compare, only the spelling
        return url.lower()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path
    if host in ("arxiv.org", "export.arxiv.org"):
        m = _ARXIV.match(path)
        if m:
            return "arxiv:" + m.group("id").lower()
    if host == "github.com":
        segments = [s for s in path.split("/") if s]
        if len(segments) >= 2:
            segments[1] = segments[1].removesuffix(".git")
            if len(segments) == 2:
                part = "#" + parts.fragment if parts.fragment and parts.fragment.lower() != "readme" else ""
                return "github:" + "/".join(segments).lower() + part  # #survey and #data-source: two places
            path = "/" + "/".join(segments[:2]).lower() + "/" + "/".join(segments[2:])
    path = path.rstrip("/")
    query = "?" + parts.query if parts.query else ""
    # a fragment names another part of one page (#c and #cpp of one books page)
    fragment = "#" + parts.fragment if parts.fragment and parts.fragment.lower() != "readme" else ""
    return f"{host}{path}{query}{fragment}"


@lru_cache(maxsize=16384)
def arxiv_month(url: str) -> tuple[int, int] | None:
    """The (year, month) an arXiv link's id was given in: ``2107.03374`` is July
    2021, ``hep-th/9901001`` January 1999."""
    if "arxiv" not in url.lower():
        return None  # (most links: no need to take them apart)
    key = normalise_url(url)
    if not key.startswith("arxiv:"):
        return None
    ident = key[len("arxiv:"):]
    digits = ident.split("/")[1] if "/" in ident else ident
    yy, mm = int(digits[:2]), int(digits[2:4])
    if not 1 <= mm <= 12:
        return None
    # old-style ids began in 1991 and ended in 2007
    return (1900 + yy if "/" in ident and yy >= 91 else 2000 + yy), mm


def entry_arxiv_month(entry) -> tuple[int, int] | None:
    """The (year, month) of the first arXiv link an entry carries, if any."""
    return next((m for link in entry.links if (m := arxiv_month(link.url))), None)


def _same_paper_title(a: str, b: str) -> bool:
    """One title, with or without the short name in front ("DAVI: Diffusion Prior-Based
    Amortized ..." and "Diffusion Prior-Based Amortized ..."), or with a slip."""
    x, y = normalise_title(a), normalise_title(b)
    if x == y:
        return True
    core = [normalise_title(_core_title(t)) for t in (a, b)]
    # (a letter or two apart in a long title, "Problem" and "Problems", is one title;
    # other numbers are another edition, week or part: "(October 14 - October 20)")
    return min(len(c.split()) for c in core) >= 4 and (core[0] == core[1] or (
        _DIGITS.findall(core[0]) == _DIGITS.findall(core[1])
        and difflib.SequenceMatcher(None, *core).ratio() >= 0.95))


# a label the list puts in front of a title ('🔥[**GQA**] ', '[CVPR 2023] ') and an
# affiliation or note after it (' (@NVIDIA)')
_LEAD_TAG = re.compile(r"^[^\w\[]*(?:\[[^\[\]]{1,60}\][ \t]*)?")
_TAIL_NOTE = re.compile(r"[ \t]*\((?:@|[^()]*\bet al\b)[^()]*\)[ \t]*$")


def _core_title(title: str) -> str:
    """The title without its label, its affiliation and the short name in front."""
    core = _TAIL_NOTE.sub("", _LEAD_TAG.sub("", title, count=1))
    name, colon, rest = core.partition(":")
    return rest if colon and len(name.split()) <= 3 and rest.strip() else core


def _one_name(a, b, url: str | None) -> bool:
    """Two names of one listed thing: one is the other with words added ("An
    Introduction to Statistical Learning" and "... with Applications in R"), or one
    is the site's own name ("hadoopilluminated.com" for a page there).  (Not for
    papers: "Segment Anything" and "Segment Anything in Medical Images" are two.)"""
    x, y = sorted((normalise_title(a.title or "").split(), normalise_title(b.title or "").split()), key=len)
    if len(x) >= 2 and y[:len(x)] == x:
        return True
    parts = _split(url) if url else None  # (none for 'https://exa[mple.com/')
    if parts is not None and (parts.hostname or "").removeprefix("www.") == "github.com":
        # ``linebender/xilem`` and ``xilem`` at github.com/linebender/xilem: the repository's
        # name with and without its owner
        repo = parts.path.strip("/").lower()
        names = {(t or "").strip().lower() for t in (a.title, b.title)}
        if repo.count("/") == 1 and names == {repo, repo.split("/")[1]}:
            return True
    host = (parts.hostname or "").removeprefix("www.") if parts is not None else ""
    return bool(host) and any(normalise_title(t or "") == normalise_title(host) for t in (a.title, b.title))


def normalise_title(title: str) -> str:
    return _TITLE_NOISE.sub(" ", title.lower()).strip()


def in_digest(section) -> bool:
    """A section (or one inside it) that repeats picks from the rest of the list:
    "Trending", "Featured", "News", ..."""
    return section is not None and any(_digest_title(s.title) for s in section.lineage())


def _digest_title(title: str) -> bool:
    """A title that names a digest, in its first two words ("Latest News", "🔥 Trending",
    "Paper Highlights"), not a topic that mentions one ("Instruction Tuning (& Latest Works)")."""
    m = _DIGEST.search(title)
    return m is not None and len(WORDS.findall(title[:m.start()])) <= 1  # (a section's number is no word)


_OWNER = re.compile(r"\A[\w.-]+/(?=[\w.-]+\Z)")


def siblings(doc, a, b) -> bool:
    """Two listed things that share a home page by nature: parts or editions of one
    project ("uv" and "uv-build", "hatch" and "hatchling", "Llama 3.1" and "Llama
    3.2"), or one whose description names the other ("(part of Django)").  A
    title that only adds words to the other ("TR-101" and "TR-101 Synth Drum
    Machine") names the same thing."""
    # (a repository named with its owner, ``astral-sh/uv``, by its own name)
    x, y = sorted((_OWNER.sub("", a.title.lower().strip()), _OWNER.sub("", b.title.lower().strip())), key=len)
    stem = len(os.path.commonprefix([x, y]))
    first = min(len(w[0]) if (w := _WORD.findall(t)[:1]) else 0 for t in (x, y))
    if first >= 2 and stem >= first and not (stem == len(x) and y[stem:stem + 1].isspace()):
        return True
    return _names(doc, a, b.title) or _names(doc, b, a.title)


_DESTINATION = re.compile(r"\]\([^)]*\)|<[a-z][\w+.-]*:[^>]*>|\b[a-z][\w+.-]*://\S+", re.I)


def _names(doc, entry, title: str) -> bool:
    """Whether the entry's own words (not its URLs) name ``title``."""
    if len(title) < 2:
        return False
    text = doc.text[entry.start:entry.end]
    head = text.find(entry.title)
    rest = _DESTINATION.sub(" ", text[head + len(entry.title):] if head >= 0 else text)
    return re.search(rf"(?<![^\W_]){re.escape(title)}(?![^\W_])", rest, re.I) is not None


def _arxiv_ids(entry) -> set[str]:
    return {key for link in entry.links if (key := normalise_url(link.url)).startswith("arxiv:")}


def _different_preprints(a, b) -> bool:
    ids_a, ids_b = _arxiv_ids(a), _arxiv_ids(b)
    return bool(ids_a) and bool(ids_b) and not ids_a & ids_b


def _different_authors(a, b) -> bool:
    fa, fb = a.fields.get("authors"), b.fields.get("authors")
    return fa is not None and fb is not None and normalise_title(fa.text) != normalise_title(fb.text)


# papers of this many titles under one URL: a page that lists them, not one paper's
SHARED_PAGE = 3
_ONE_PAPER = re.compile(r"arxiv:|doi\.org/|.*\.pdf$|.*[?&]id=|.*/(?:abs|pdf|paper|document|article)/"
                        r"|.*/(?:doi(?:/abs|/full|/pdf)?|chapter)/10\.\d{4,}/|pubmed\.ncbi\.nlm\.nih\.gov/\d+/?$"
                        r"|(?:www\.)?ijcai\.org/proceedings/\d{4}/\d+", re.I)


def names_one_paper(url_key: str) -> bool:
    return _ONE_PAPER.match(url_key) is not None


def _first_surname(entry) -> str | None:
    authors = entry.fields.get("authors")
    if authors is None:
        return None
    first = re.split(r",|;|\band\b|\bet al\b", authors.text, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_][\w'-]*", first)
    return words[-1].lower() if words else None


def _other_first_author(a, b) -> bool:
    """Whether both name their first author and the surnames differ (``Koehn`` and ``Luong``)."""
    sa, sb = _first_surname(a), _first_surname(b)
    return sa is not None and sb is not None and sa != sb


_NO_NAME = frozenset({"", "unnamed", "untitled", "none", "na", "n a", "tbd", "tba", "unknown"})


def benchmarks(entry, first) -> bool:
    """Two rows of tables of benchmarks (datasets, models), each under its own heading:
    a benchmark listed under every task it serves."""
    return "subject" in entry.fields and "subject" in first.fields and entry.section is not first.section


def copies(doc, allowed=lambda url: False):
    """(entry, the first entry it repeats, same title?) for every repeated entry.

    Papers repeat by title or by primary URL; other items by URL (their names
    are too short to tell things apart).  ``allowed(url)``: URLs that may repeat."""
    by_url: dict = {}  # a key (and a section's id with a key) -> the first entry under it
    by_title: dict = {}
    bare = [link for link in doc.links if link.bare]
    starts = [link.start for link in bare]
    keyed = []
    titles_at: dict[str, set] = {}  # a paper URL -> the titles that link to it
    for entry in doc.entries:
        url = entry.primary_url
        if url is None:  # an entry whose only link is a URL in its text, which GitHub links
            at = bisect.bisect_left(starts, entry.start)
            if at < len(bare) and bare[at].start < entry.end:
                url = bare[at].url
        if entry.kind == "item" and entry.parent is not None and not url:
            continue
        url_key = normalise_url(url) if url and not allowed(url) and not placeholder_url(url) else None
        title_key = normalise_title(entry.title) if entry.kind == "paper" and entry.title else None
        subject = entry.fields.get("subject")
        if subject is not None:
            # a row of a table of benchmarks (datasets, models) is that benchmark: the paper it
            # cites may be listed elsewhere, or give several benchmarks; its name repeats only
            # when the benchmark does
            name = normalise_title(subject.text)
            if name in _NO_NAME or not any(ch.isalnum() for ch in name):  # ``unnamed``, ``-``: the paper's one
                name = f"{normalise_title(entry.title)} unnamed"
            url_key, title_key = None, "subject " + name
        if url_key and title_key:
            titles_at.setdefault(url_key, set()).add(title_key)
        keyed.append((entry, url, url_key, title_key))
    for entry, url, url_key, title_key in keyed:
        papers = entry.kind == "paper"
        if papers and len(titles_at.get(url_key, ())) >= SHARED_PAGE and not names_one_paper(url_key):
            # a conference's programme or a lab's page of papers, where several papers
            # link: no paper's own address, so no wrong link either (an arXiv id, a DOI or
            # a PDF is one paper's: three titles there are three slips)
            url_key = None
        # (an earlier copy in the entry's own list or table first: a row pasted twice there is a
        # copy, wherever else the list files the paper too; sub-lists of a section, ``* HTTP
        # Client`` and ``* HTTP Server``, are topics of their own)
        here = (id(entry.section), getattr(entry, "list_line", None))
        first = (by_title.get((here, title_key)) or by_title.get(title_key)) if title_key else None
        same_title = first is not None
        if first is None and url_key:
            first = by_url.get((here, url_key)) or by_url.get(url_key)
        if first is not None and papers and first.kind == "paper" and _different_preprints(first, entry) \
                and (not same_title or _different_authors(first, entry) or title_key.startswith("subject ")):
            first = None  # two papers sharing a code base, one title or one model's name, each with its own arXiv id
        if first is not None and same_title and papers and first.kind == "paper" and len(title_key.split()) <= 4 \
                and url_key != normalise_url(first.primary_url or "") and _other_first_author(first, entry):
            # two works of one short title ("Neural Machine Translation") by other people; a long
            # title twice over other names is one title copied onto the wrong paper
            first = None
        if first is not None:
            same = same_title or _same_paper_title(first.title, entry.title) \
                or (not papers and _one_name(first, entry, url))
            # two things on one site's home page (one vendor's apps) are not a wrong link,
            # nor a tool named after a paper (a classic item) that links to the paper
            if same or first.kind == entry.kind:
                yield entry, first, same
        if url_key:
            by_url.setdefault(url_key, entry)
            by_url.setdefault((here, url_key), entry)
        if title_key:
            by_title.setdefault(title_key, entry)
            by_title.setdefault((here, title_key), entry)
