"""The scenario checker itself: strict about places, severities and layout."""
from __future__ import annotations

import pytest
from helpers import ScenarioError, check_scenario, scenarios

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import validate

INPUT = "- [A](https://a.example) - Has ,, two commas.\n"
GOOD = "1:32-1:34 error no-repeat-punctuation repeated punctuation ',,'"


def scenario_file(tmp_path, text):
    (tmp_path / "no-repeat-punctuation.md").write_text(text)
    return list(scenarios(tmp_path))


def scenario(findings, heading="## scenario: doubled comma", extra=""):
    return f"# t\n\n{heading}\n{extra}\n~~~input\n{INPUT}~~~\n\n~~~findings\n{findings}\n~~~\n"


def run(tmp_path, text):
    (param,) = scenario_file(tmp_path, text)
    rule, rules, unsafe, blocks = param.values
    settings = engine.build_settings(validate({"select": [rule], "rules": rules, "preset": "awesome"}, None))
    check_scenario(settings, blocks, unsafe)


def test_the_right_place_and_severity_pass(tmp_path):
    run(tmp_path, scenario(GOOD))


@pytest.mark.parametrize("wrong", [
    GOOD.replace("1:32-", "1:31-"),  # start column
    GOOD.replace("-1:34", "-1:35"),  # end column
    GOOD.replace("-1:34", "-2:34"),  # end line
    GOOD.replace("error", "warning"),  # severity
])
def test_a_wrong_column_end_or_severity_fails(tmp_path, wrong):
    with pytest.raises(AssertionError):
        run(tmp_path, scenario(wrong))


@pytest.mark.parametrize("heading", ["## Scenario: doubled comma", "## scenario doubled comma",
                                     "### scenario: doubled comma", "## scenario:"])
def test_a_misspelt_heading_is_an_error(tmp_path, heading):
    good = scenario(GOOD, heading="## scenario: first")
    with pytest.raises(ScenarioError):
        scenario_file(tmp_path, good + "\n" + scenario(GOOD, heading=heading).split("\n", 2)[2])
    with pytest.raises(ScenarioError):
        scenario_file(tmp_path, scenario(GOOD, heading=heading))


@pytest.mark.parametrize("extra", ["unsafe: yes", "confg: {}", "some prose"])
def test_an_unknown_setting_line_is_an_error(tmp_path, extra):
    with pytest.raises(ScenarioError):
        scenario_file(tmp_path, scenario(GOOD, extra=extra))


@pytest.mark.parametrize("broken", [
    lambda s: s.replace("~~~findings", "~~~finding"),
    lambda s: s.replace("~~~input", "~~~inputs"),
    lambda s: s + "\n~~~input\nagain\n~~~\n",
])
def test_a_misspelt_missing_or_repeated_block_is_an_error(tmp_path, broken):
    with pytest.raises(ScenarioError):
        scenario_file(tmp_path, broken(scenario(GOOD)))
