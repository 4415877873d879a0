"""Scenario files under tests/fixtures/papers/: input, expected findings, fixed output.

A scenario is a ``## scenario: title`` line followed by an optional ``config:`` line (JSON
rules settings, as in a config file), an ``~~~input`` block, a ``~~~findings``
block (``LINE:COL-ENDLINE:ENDCOL SEVERITY RULE MESSAGE`` per line, see helpers.scenarios) and an optional ``~~~expected`` block
(the text after --fix; the fixed text must have no fixable finding left and a
second --fix must change nothing)."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_scenario, scenarios

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import validate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "papers"


@pytest.mark.parametrize("stem, rules, unsafe, blocks", list(scenarios(FIXTURES)))
def test_scenario(stem, rules, unsafe, blocks):
    # a file named "date-format+sort-order.md" runs both rules
    # conventions are inferred from each scenario's list; `preset: papers` opts into the canonical style
    settings = {k: v for k, v in rules.items() if k != "preset"}
    preset = {"preset": rules["preset"]} if "preset" in rules else {}
    cfg = validate({"select": stem.split("+"), "rules": settings, "family": "papers", **preset}, None)
    check_scenario(engine.build_settings(cfg), blocks, unsafe)


def test_fixtures_exist():
    assert len(list(scenarios(FIXTURES))) >= 4
