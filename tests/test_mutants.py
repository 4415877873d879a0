"""Mutants of the real lists in ../shared: whatever the damage, awesome-lint exits 0, 1
or 2 without a traceback, --fix is idempotent, changes only lines that fixable findings
point at, loses no URL (bare ones included) or title, and costs about what the
unmutated list costs.  `pytest --hypothesis-profile=long tests/test_mutants.py` digs deeper."""
from __future__ import annotations

import contextlib
import io
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.app.cli import main
from awesome_lint.app.linediff import matching_blocks, opcodes
from awesome_lint.app.source import Source
from awesome_lint.engine.config import Config
from awesome_lint.engine.pipeline import build_settings, check, fix
from awesome_lint.model.autolinks import bare_urls
from awesome_lint.model.document import Document
from awesome_lint.rule import Context

from conftest import shared_lists

LISTS = shared_lists()
WINDOW = 60  # lines of a real list per example: real structure, bounded time
DATES = ["[7th Oct., 2022]", "[Oct. 7, 2022]", "[2022-10-07]", "7 Oct 2022", "[32nd Foo., 20222]", "[1st Jan., 2024] \\"]
STRAYS = list("[]()<>`*_|!#") + ["<!--", "-->", "](", "\\"]

pytestmark = pytest.mark.skipif(not LISTS, reason="../shared is not present")


@st.composite
def mutant(draw):
    path = draw(st.sampled_from(LISTS))
    lines = path.read_text(encoding="utf-8").split("\n")
    start = draw(st.integers(0, max(len(lines) - WINDOW, 0)))
    window = lines[start:start + WINDOW]
    original = "\n".join(window) + "\n"
    for _ in range(draw(st.integers(1, 4))):
        if not window:
            break
        i = draw(st.integers(0, len(window) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "stray", "date"]))
        if kind == "delete":
            del window[i]
        elif kind == "duplicate":
            window.insert(i, window[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(window) - 1))
            window[i], window[j] = window[j], window[i]
        elif kind == "stray":
            at = draw(st.integers(0, len(window[i])))
            window[i] = window[i][:at] + draw(st.sampled_from(STRAYS)) + window[i][at:]
        else:
            window.insert(i, draw(st.sampled_from(DATES)))
    text = "\n".join(window) + "\n"
    ending = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    if ending == "\r\n":
        text = text.replace("\n", "\r\n")
    elif ending == "mixed":
        text = text.replace("\n", "\r\n", draw(st.integers(1, 20)))
    return f"{path.name}@{start}", original, text


def cli(path: Path, *flags: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--offline", "--no-progress", *flags, str(path)])
    return code, err.getvalue()


def kept(text: str, family: str) -> Counter:
    """Every URL (markdown links and bare ones as written) and every title."""
    doc = Document(text, preset=family)
    found = Counter(("url", l.url) for l in doc.links if not l.url.startswith("#"))
    found.update(("bare", text[s:e]) for s, e, _ in bare_urls(text))
    found.update(("title", e.title) for e in doc.entries if e.title)
    return found


def fixable_lines(text: str) -> set[int]:
    doc, diagnostics = check(text, build_settings(Config(), links=False), Context())
    lines = set()
    for diag in diagnostics:
        if diag.fix and diag.fix.applicability == "safe":
            for edit in diag.fix.edits:
                first, last = doc.line_col(edit.start)[0], doc.line_col(max(edit.start, edit.end - 1))[0]
                lines.update(range(first, last + 2))  # an insertion at a line end may start the next
    return lines


def _mapped(lines: set[int], text: str, original: str) -> set[int]:
    """``lines`` of ``text`` as lines of ``original``, where the two agree."""
    if text == original:
        return lines
    out = set()
    for a, b, size in matching_blocks(original.split("\n"), text.split("\n")):
        out |= {a + (line - b) for line in lines if b <= line < b + size}
    return out


def _around_blanks(lines: list[str], at: int) -> set[int]:
    """The lines an insertion before line ``at`` may belong to: its neighbours,
    and past the run of blank lines it sits in, on both sides."""
    low, high = at - 1, at
    while low >= 0 and not lines[low].strip():
        low -= 1
    while high < len(lines) and not lines[high].strip():
        high += 1
    return set(range(low - 1, high + 2))


_BASE_CPU: dict[str, float] = {}


def cpu(func, *args) -> float:
    start = time.process_time()  # this process's CPU: other jobs on the machine do not count
    func(*args)
    return time.process_time() - start


@given(mutant())  # the CI profile runs 40 examples, --hypothesis-profile=long many more
def test_mutated_real_lists(case):
    name, original, raw = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "README.md"
        path.write_bytes(raw.encode("utf-8"))
        code, err = cli(path)
        assert code in (0, 1, 2) and "Traceback" not in err and "internal error" not in err, err
        if code == 2:
            assert err.count("\n") == 1, err
            return
        code, err = cli(path, "--fix")
        assert code in (0, 1) and "internal error" not in err, err
        once = path.read_bytes()
        assert cli(path, "--fix")[0] in (0, 1) and path.read_bytes() == once  # idempotent

    source = Source.from_bytes(raw.encode("utf-8"))
    fixed = Source.from_bytes(once).text
    family = Document(source.text).family
    lost = kept(source.text, family) - kept(fixed, family)
    assert not lost, lost
    # a line may change where a finding of the text some round of the fix loop
    # started from names it (a fix can tip a convention, and the next round
    # fixes what a second --fix would), mapped back to the input's lines
    allowed = set()
    for text in fix(source.text, build_settings(Config(), links=False), Context()).history or [source.text]:
        allowed |= _mapped(fixable_lines(text), text, source.text)
    old, new = source.text.split("\n"), fixed.split("\n")
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        if tag != "equal":
            # an insertion sits between two old lines, and a moved entry may be aligned
            # either side of the blank lines that separate entries (however many)
            touched = set(range(i1, i2)) if tag != "insert" else _around_blanks(old, i1)
            if tag == "delete" and not "".join(old[i1:i2]).strip():
                touched |= _around_blanks(old, i1)  # the aligner may take a moved entry's gap from either end
            assert touched & allowed, (name, tag, old[i1:i2], new[j1:j2])

    # cost: within 3x the unmutated window's (CPU time, loosely: +0.5 s for start-up noise)
    settings_ = build_settings(Config(), links=False)
    if name not in _BASE_CPU:
        _BASE_CPU[name] = cpu(fix, original, settings_, Context())
    assert cpu(fix, source.text, settings_, Context()) <= 3 * _BASE_CPU[name] + 0.5
