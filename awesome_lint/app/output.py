"""Reporting findings: text, json, github workflow commands, SARIF 2.1.0."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .. import __version__


@dataclass
class Finding:
    """A diagnostic placed in a file, with 1-based positions."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fixable: bool

    def as_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "rule": self.rule,
            "severity": self.severity, "message": self.message, "fixable": self.fixable,
        }


def place(path: str, doc, diag, unsafe: bool = False) -> Finding:
    """``fixable`` means this run's --fix would fix it: unsafe fixes count
    only when --unsafe-fixes is given."""
    line, col = doc.line_col(diag.start)
    end_line, end_col = doc.line_col(max(diag.end, diag.start))
    fixable = diag.fix is not None and (unsafe or diag.fix.applicability == "safe")
    return Finding(path, line + 1, col + 1, end_line + 1, end_col + 1, diag.rule, diag.severity,
                   diag.message, fixable)


_COLORS = {"error": "\033[31m", "warning": "\033[33m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def text(findings: list[Finding], color: bool, fixed: int = 0, unsafe_hidden: int = 0) -> str:
    c = _COLORS if color else dict.fromkeys(_COLORS, "")
    lines = []
    for f in findings:
        sev = f"{c[f.severity]}{f.severity}{c['reset']}"
        lines.append(f"{c['bold']}{f.path}:{f.line}:{f.column}:{c['reset']} {f.rule} {f.message} [{sev}]")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    fixable = sum(1 for f in findings if f.fixable)
    summary = []
    if fixed:
        summary.append(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.")
    if findings:
        summary.append(f"Found {errors} error{'s' if errors != 1 else ''} and {warnings} warning{'s' if warnings != 1 else ''}.")
        if fixable:
            summary.append(f"{fixable} fixable with --fix{' (some need --unsafe-fixes)' if unsafe_hidden else ''}.")
    elif not fixed:
        summary.append("No findings.")
    lines.append(f"{c['dim']}{' '.join(summary)}{c['reset']}")
    return "\n".join(lines) + "\n"


def json_report(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(findings: list[Finding]) -> str:
    out = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        props = (f"file={_gh_escape(f.path, True)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},title={_gh_escape(f.rule, True)}")
        out.append(f"::{level} {props}::{_gh_escape(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def sarif(findings: list[Finding], rules: dict) -> str:
    """``rules``: name -> RuleInfo of every known rule."""
    names = sorted(rules)
    index = {name: i for i, name in enumerate(names)}
    driver_rules = [
        {
            "id": name,
            "name": name,
            "shortDescription": {"text": rules[name].cls.summary or name},
            "defaultConfiguration": {"level": "error" if rules[name].cls.default_severity == "error" else "warning"},
            "properties": {"tags": list(rules[name].cls.tags), "fixable": rules[name].cls.fixable},
        }
        for name in names
    ]
    results = []
    for f in findings:
        result = {
            "ruleId": f.rule,
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column},
                }
            }],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "awesome-lint", "version": __version__, "rules": driver_rules}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def color_wanted(args, stream) -> bool:
    return not args.no_color and "NO_COLOR" not in os.environ and stream.isatty()
