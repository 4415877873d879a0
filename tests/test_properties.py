"""Property tests: generated paper and classic lists full of defects.

For any list: no exception; --fix is idempotent; no URL and no title is lost;
code blocks and HTML comments come out byte-identical; BOM and line endings
are kept; the fixed list offers no safe fix any more.
"""
from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.app.source import Source
from awesome_lint.engine.config import Config
from awesome_lint.engine.pipeline import build_settings, check, fix
from awesome_lint.model.document import Document
from awesome_lint.rule import Context

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüø中文 -:?'", min_size=1, max_size=12)
TITLE = st.lists(WORD, min_size=1, max_size=6).map(" ".join).map(str.strip).filter(bool)
MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.",
          "September", "July.", "Jun", "Fed.", "DEc", "January", "march"]
BREAKS = [" \\", "\\", "<br>", "  ", "", " \\ "]
LABELS = ["Paper", "paper", "GitHub", "Github", "github", "Code", "code", "Project"]
BULLETS = ["- ", "* ", "+ ", "-  "]
SEPARATORS = [" - ", " – ", " — ", " -- ", ": ", " - "]
CODE_BLOCK = "```\n**Not An Entry** \\\n*Nobody* \\\n[[Paper](https://code.example/x)]\n```"
COMMENT = "<!--\n- [Hidden](https://comment.example/y) - in a comment\n-->"


@st.composite
def date(draw):
    day = draw(st.integers(1, 31))
    suffix = draw(st.sampled_from(["st", "nd", "rd", "th", ""]))
    pad = draw(st.booleans())
    day_text = (f"{day:02d}" if pad else str(day)) + suffix
    month = draw(st.sampled_from(MONTHS))
    year = draw(st.integers(2015, 2025))
    comma = draw(st.sampled_from([", ", " ", ", "]))
    return f"[{day_text} {month}{comma}{year}]", year


@st.composite
def paper(draw, n):
    title = draw(TITLE)
    authors = draw(TITLE)
    (date_text, year) = draw(date())
    brk = [draw(st.sampled_from(BREAKS)) for _ in range(3)]
    label = draw(st.sampled_from(LABELS))
    url = f"https://arxiv.org/abs/{2000 + n % 500}.{n:05d}"
    links = f"[[{label}]({url})]"
    if draw(st.booleans()):
        links += f" [[{draw(st.sampled_from(LABELS))}](https://github.com/o{n}/r{n})]"
    return f"**{title}**{brk[0]}\n*{authors}*{brk[1]}\n{date_text} [arXiv, {year}]{brk[2]}\n{links}"


@st.composite
def item(draw, n):
    name = draw(TITLE)
    bullet = draw(st.sampled_from(BULLETS))
    desc = draw(st.one_of(st.just(""), TITLE))
    sep = draw(st.sampled_from(SEPARATORS)) if desc else ""
    end = draw(st.sampled_from(["", ".", "!", " "])) if desc else ""
    return f"{bullet}[{name}](https://example.com/{n}){sep}{desc}{end}"


@st.composite
def document(draw, family):
    sections = draw(st.integers(1, 4))
    parts = ["# Awesome Generated", ""]
    n = 0
    for s in range(sections):
        parts += [f"## Section {s} {draw(WORD)}", ""]
        count = draw(st.integers(0, 5))
        for _ in range(count):
            n += 1
            parts.append(draw(paper(n)) if family == "papers" else draw(item(n)))
            if family == "papers" or draw(st.booleans()):
                parts.append("")
            if draw(st.integers(0, 9)) == 0 and n > 1:  # a duplicate of the previous entry
                parts.append(parts[-2] if family == "papers" else parts[-1])
                parts.append("")
        if draw(st.booleans()):
            parts += [CODE_BLOCK, ""]
        if draw(st.booleans()):
            parts += [COMMENT, ""]
    text = "\n".join(parts) + "\n"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.booleans())
    return ("\ufeff" if bom else "") + text.replace("\n", newline)


def assert_fix_properties(raw: str) -> None:
    source = Source.from_bytes(raw.encode("utf-8"))
    settings = build_settings(Config(), links=False)
    before, _ = check(source.text, settings, Context())
    once = fix(source.text, settings, Context())
    twice = fix(once.text, settings, Context())
    assert twice.text == once.text
    assert not [d for d in once.diagnostics if d.fix and d.fix.applicability == "safe"]
    after = Document(once.text, preset=before.family)
    assert Counter(l.url for l in after.links) >= Counter(
        l.url for l in before.links if not l.url.startswith("#"))
    assert Counter(e.title for e in after.entries) == Counter(e.title for e in before.entries)
    written = source.render(once.text)
    assert written.startswith("\ufeff") == raw.startswith("\ufeff")
    if "\r\n" in raw:
        assert "\n" not in written.replace("\r\n", "")
    for block in (CODE_BLOCK, COMMENT):
        assert once.text.count(block) == source.text.count(block)


@given(document("papers"))
def test_generated_paper_lists(raw):
    assert_fix_properties(raw)


@given(document("awesome"))
def test_generated_classic_lists(raw):
    assert_fix_properties(raw)


@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text):
    if not text.strip("\x00"):
        return
    settings = build_settings(Config(), links=False)
    source = Source.from_text(text.replace("\x00", ""))
    once = fix(source.text, settings, Context())
    assert fix(once.text, settings, Context()).text == once.text
