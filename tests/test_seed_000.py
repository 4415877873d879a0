"""The findings the issue names in seed 000, at lines read off the seed with grep."""
from __future__ import annotations

import collections

import pytest

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.model.document import Document
from awesome_lint.rule import Context

SEED = "seeds/000_81a941aaf0f0a0f6.txt"


@pytest.fixture(scope="module")
def seed(request):
    from conftest import SHARED

    path = SHARED / SEED
    if not path.is_file():
        pytest.skip("../shared is not present")
    text = path.read_text(encoding="utf-8")
    settings = engine.build_settings(Config())
    doc, diags = engine.check(text, settings, Context())
    found = collections.defaultdict(list)
    for d in diags:
        found[(doc.line_col(d.start)[0] + 1, d.rule)].append(d.message)
    return text, settings, diags, found


@pytest.mark.parametrize("line, words", [
    (63, "zero padding"), (234, "wrong ordinal"), (205, "has no year"), (1165, "missing ordinal"),
    (1734, "stray comma"), (2029, "missing comma"), (2029, "full month name"), (2611, "full month name"),
])
def test_date_defects(seed, line, words):
    assert any(words in m for m in seed[3][(line, "date-format")])


def test_date_defect_counts(seed):
    messages = [d.message for d in seed[2] if d.rule == "date-format"]
    assert sum("zero padding" in m for m in messages) == 40
    assert sum("wrong ordinal" in m for m in messages) == 20


def test_out_of_order_neighbours(seed):
    lines = sorted(line for (line, rule) in seed[3] if rule == "sort-order")
    assert len(lines) == 18
    # a paper whose date, not its place, breaks the order (its arXiv id fits there) is
    # reported on the date: 1st Jul. on an August id (line 83), not the paper after it
    assert 83 in lines and 86 not in lines and 2896 in lines
    assert any("its arXiv id (Aug 2024) fits its place: the date looks wrong" in m for m in seed[3][(83, "sort-order")])
    # the papers to move, not their neighbours: two Oct. 2024 papers above the 2025 block,
    # five July/August ones above a later August run, each block one finding
    assert any("and the paper after it (line 217) are older than the entry after them at line 222" in m
               for m in seed[3][(212, "sort-order")])
    assert any("and the 4 papers after it (to line 1687) are older than the nearest paper in order after them "
               "at line 1697" in m for m in seed[3][(1667, "sort-order")])


def test_cross_section_duplicates(seed):
    dups = [m for (line, rule), ms in seed[3].items() if rule == "duplicate" for m in ms
            if "listed twice" in m and "(section '" in m]
    assert len(dups) == 11  # ten titles, one of them listed three times
    assert seed[3][(2395, "duplicate")] and seed[3][(2658, "duplicate")]


@pytest.mark.parametrize("line, words", [
    (259, "'<br>' should be"), (1198, "missing line break"),
    (325, "malformed link in entry 'SANO"), (1201, "malformed link in entry 'Data-driven"),
])
def test_entry_format(seed, line, words):
    assert any(words in m for m in seed[3][(line, "entry-format")])


def test_broken_toc_anchor(seed):
    assert any("matches no heading" in m for m in seed[3][(57, "toc")])


def test_fix_converges_and_keeps_content(seed, tmp_path):
    text, settings = seed[0], seed[1]
    outcome = engine.fix(text, settings, Context())
    assert not [d for d in outcome.diagnostics if d.fix and d.fix.applicability == "safe"]
    assert engine.fix(outcome.text, settings, Context()).text == outcome.text
    before, after = Document(text), Document(outcome.text)
    assert collections.Counter(e.title for e in before.entries) == collections.Counter(e.title for e in after.entries)
    assert (collections.Counter(e.section.title for e in before.entries)
            == collections.Counter(e.section.title for e in after.entries))
    urls = lambda d: collections.Counter(l.url for l in d.links if not l.url.startswith("#"))
    assert urls(before) == urls(after)
