"""Scenario files under tests/fixtures/classic/ (one file per rule, named after it).

Same layout as the paper scenarios: ``## scenario:``, an optional ``config:`` line
(JSON rule settings) and ``unsafe: true`` line (apply unsafe fixes too),
``~~~input``, ``~~~findings`` (``LINE RULE MESSAGE``) and an optional ``~~~expected``
(the text after --fix, which a second --fix leaves alone)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from awesome_lint import engine
from awesome_lint.config import validate
from awesome_lint.rule import Context

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "classic"
_SCENARIO = re.compile(r"^## scenario: (?P<title>.+)$", re.M)
_BLOCK = re.compile(r"^~~~(?P<kind>input|findings|expected)\n(?P<body>.*?)^~~~$", re.M | re.S)


def scenarios():
    for path in sorted(FIXTURES.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heads = list(_SCENARIO.finditer(text))
        for head, nxt in zip(heads, heads[1:] + [None]):
            part = text[head.end():nxt.start() if nxt else len(text)]
            blocks = {m["kind"]: m["body"] for m in _BLOCK.finditer(part)}
            config = re.search(r"^config: (.+)$", part, re.M)
            unsafe = bool(re.search(r"^unsafe: true$", part, re.M))
            rules = json.loads(config[1]) if config else {}
            yield pytest.param(path.stem, rules, unsafe, blocks, id=f"{path.stem}: {head['title']}")


@pytest.mark.parametrize("rule, rules, unsafe, blocks", list(scenarios()))
def test_scenario(rule, rules, unsafe, blocks):
    settings = engine.build_settings(validate({"select": [rule], "rules": rules, "preset": "awesome"}, None))
    doc, diags = engine.check(blocks["input"], settings, Context())
    got = [f"{doc.line_col(d.start)[0] + 1} {d.rule} {d.message}" for d in diags]
    assert got == blocks["findings"].splitlines()
    if "expected" in blocks:
        outcome = engine.fix(blocks["input"], settings, Context(), unsafe=unsafe)
        assert outcome.text == blocks["expected"]
        again = engine.fix(outcome.text, settings, Context(), unsafe=unsafe)
        assert again.text == outcome.text
        assert not [d for d in again.diagnostics if d.fix and (unsafe or d.fix.applicability == "safe")]


def test_every_classic_rule_has_a_scenario():
    stems = {p.stem for p in FIXTURES.glob("*.md")}
    assert {"entry-format", "awesome-badge", "main-heading", "balanced-punctuation",
            "no-repeat-punctuation", "no-ci-badge", "no-license-section"} <= stems
