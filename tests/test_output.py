"""app/output.py directly: positions, fixability and every report format."""
from __future__ import annotations

import json

from awesome_lint.app import output
from awesome_lint.app.output import Finding, place
from awesome_lint.engine.registry import all_rules
from awesome_lint.model.document import Document
from awesome_lint.rule import Diagnostic, Fix

TEXT = "# T\n\nab\ncd é\n"


def finding(**changes):
    base = dict(path="a.md", line=3, column=2, end_line=4, end_column=3, rule="toc", severity="error",
                message="bad", fixable=False)
    return Finding(**{**base, **changes})


def test_place_gives_one_based_positions_with_an_exclusive_end():
    doc = Document(TEXT)
    f = place("a.md", doc, Diagnostic("toc", "m", TEXT.index("b"), TEXT.index("d") + 1))
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 2, 4, 3)
    empty = place("a.md", doc, Diagnostic("toc", "m", TEXT.index("c"), TEXT.index("c")))
    assert (empty.line, empty.column, empty.end_line, empty.end_column) == (4, 1, 4, 1)


def test_fixable_counts_unsafe_fixes_only_when_they_are_allowed():
    doc = Document(TEXT)
    safe = Diagnostic("r", "m", 0, 1, fix=Fix.replace(0, 1, "x"))
    unsafe = Diagnostic("r", "m", 0, 1, fix=Fix.replace(0, 1, "x", applicability="unsafe"))
    none = Diagnostic("r", "m", 0, 1)
    assert [place("a", doc, d).fixable for d in (safe, unsafe, none)] == [True, False, False]
    assert [place("a", doc, d, unsafe=True).fixable for d in (safe, unsafe, none)] == [True, True, False]


def test_text_lines_and_summary():
    findings = [finding(), finding(line=5, column=1, severity="warning", message="meh", fixable=True)]
    assert output.text(findings, color=False) == (
        "a.md:3:2: toc bad [error]\n"
        "a.md:5:1: toc meh [warning]\n"
        "Found 1 error and 1 warning. 1 fixable with --fix.\n"
    )
    assert output.text([finding(), finding()], color=False, unsafe_hidden=1).endswith(
        "Found 2 errors and 0 warnings.\n")
    assert output.text([finding(fixable=True)] * 2, color=False, unsafe_hidden=1).endswith(
        "2 fixable with --fix (some need --unsafe-fixes).\n")
    assert output.text([], color=False) == "No findings.\n"
    assert output.text([], color=False, fixed=1) == "Fixed 1 finding.\n"
    assert output.text([finding()], color=False, fixed=2).endswith("Fixed 2 findings. Found 1 error and 0 warnings.\n")


def test_colour_only_when_asked():
    coloured = output.text([finding()], color=True)
    assert "\033[31merror\033[0m" in coloured and "\033[1ma.md:3:2:\033[0m" in coloured
    assert "\033[" not in output.text([finding()], color=False)


def test_json_keys_and_unicode():
    (got,) = json.loads(output.json_report([finding(message="é “q”")]))
    assert got == {"path": "a.md", "line": 3, "column": 2, "end_line": 4, "end_column": 3, "rule": "toc",
                   "severity": "error", "message": "é “q”", "fixable": False}
    assert "é" in output.json_report([finding(message="é")])  # not \\u-escaped
    assert output.json_report([]) == "[]\n"


def test_github_commands_escape_properties_and_messages():
    got = output.github([finding(path="d:i,r/a.md", message="50% off\nnext", severity="warning")])
    assert got == "::warning file=d%3Ai%2Cr/a.md,line=3,col=2,endLine=4,title=toc::50%25 off%0Anext\n"
    assert output.github([]) == ""


def test_sarif_results_point_at_their_rules():
    rules = all_rules()
    log = json.loads(output.sarif([finding(rule="toc"), finding(rule="plugin-x", severity="warning")], rules))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    names = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert names == sorted(rules)
    first, second = run["results"]
    assert first["ruleIndex"] == names.index("toc") and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 2, "endLine": 4, "endColumn": 3}
    assert "ruleIndex" not in second and second["level"] == "warning"
