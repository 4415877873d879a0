"""Scenario files under tests/fixtures/papers/: input, expected findings, fixed output.

A scenario is a ``## scenario: title`` line followed by an optional ``config:`` line (JSON
rules settings, as in a config file), an ``~~~input`` block, a ``~~~findings``
block (``LINE RULE MESSAGE`` per line) and an optional ``~~~expected`` block
(the text after --fix; the fixed text must have no fixable finding left and a
second --fix must change nothing)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from awesome_lint import engine
from awesome_lint.config import validate
from awesome_lint.rule import Context

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "papers"
_SCENARIO = re.compile(r"^## scenario: (?P<title>.+)$", re.M)
_BLOCK = re.compile(r"^~~~(?P<kind>input|findings|expected)\n(?P<body>.*?)^~~~$", re.M | re.S)
_CONFIG = re.compile(r"^config: (?P<json>.+)$", re.M)


def scenarios():
    for path in sorted(FIXTURES.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heads = list(_SCENARIO.finditer(text))
        for head, nxt in zip(heads, heads[1:] + [None]):
            part = text[head.end():nxt.start() if nxt else len(text)]
            blocks = {m["kind"]: m["body"] for m in _BLOCK.finditer(part)}
            config = _CONFIG.search(part)
            rules = json.loads(config["json"]) if config else {}
            yield pytest.param(path.stem, rules, blocks, id=f"{path.stem}: {head['title']}")


def settings_for(rule_names, rules):
    cfg = validate({"select": rule_names, "rules": rules, "preset": "papers"}, None)
    return engine.build_settings(cfg)


def findings(text, settings):
    doc, diags = engine.check(text, settings, Context())
    return doc, diags, [f"{doc.line_col(d.start)[0] + 1} {d.rule} {d.message}" for d in diags]


@pytest.mark.parametrize("stem, rules, blocks", list(scenarios()))
def test_scenario(stem, rules, blocks):
    names = stem.split("+")
    settings = settings_for(names, rules)
    _, _, got = findings(blocks["input"], settings)
    assert got == blocks["findings"].splitlines()
    if "expected" in blocks:
        outcome = engine.fix(blocks["input"], settings, Context())
        assert outcome.text == blocks["expected"]
        again = engine.fix(outcome.text, settings, Context())
        assert again.text == outcome.text
        assert not [d for d in again.diagnostics if d.fix and d.fix.applicability == "safe"]


def test_fixtures_exist():
    assert len(list(scenarios())) >= 4
