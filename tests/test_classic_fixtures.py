"""Scenario files under tests/fixtures/classic/ (one file per rule, named after it).

Same layout as the paper scenarios: ``## scenario:``, an optional ``config:`` line
(JSON rule settings) and ``unsafe: true`` line (apply unsafe fixes too),
``~~~input``, ``~~~findings`` (``LINE:COL-ENDLINE:ENDCOL SEVERITY RULE MESSAGE``) and an optional ``~~~expected``
(the text after --fix, which a second --fix leaves alone)."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_scenario, scenarios

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import validate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "classic"


@pytest.mark.parametrize("rule, rules, unsafe, blocks", list(scenarios(FIXTURES)))
def test_scenario(rule, rules, unsafe, blocks):
    settings = engine.build_settings(validate({"select": [rule], "rules": rules, "preset": "awesome"}, None))
    check_scenario(settings, blocks, unsafe)


def test_every_classic_rule_has_a_scenario():
    stems = {p.stem for p in FIXTURES.glob("*.md")}
    assert {"entry-format", "awesome-badge", "main-heading", "balanced-punctuation",
            "no-repeat-punctuation", "no-ci-badge", "no-license-section"} <= stems
