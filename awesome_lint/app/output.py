"""Reporting findings: concise (``text``), full, statistics, json, github
workflow commands, SARIF 2.1.0.

Every format is a pure function of the findings, the linted texts and the
options, so a run can be replayed from stored findings and print the same.
"""
from __future__ import annotations

import json
import os
from collections import Counter
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
    # for the full format: the fix's title and applicability ("" without a
    # fix), its edits as (start, end, new text) in the normalised text, and
    # related places as (message, line, column, end line, end column)
    fix_title: str = ""
    fix_applicability: str = ""
    edits: tuple = ()
    related: tuple = ()

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
    fix_title, applicability, edits = "", "", ()
    if diag.fix is not None:
        fix_title, applicability = diag.fix.title, diag.fix.applicability
        edits = tuple((e.start, e.end, e.text) for e in diag.fix.edits)
    related = []
    for rel in diag.related:
        r_line, r_col = doc.line_col(rel.start)
        r_end_line, r_end_col = doc.line_col(max(rel.end, rel.start))
        related.append((rel.message, r_line + 1, r_col + 1, r_end_line + 1, r_end_col + 1))
    return Finding(path, line + 1, col + 1, end_line + 1, end_col + 1, diag.rule, diag.severity,
                   diag.message, fixable, fix_title, applicability, edits, tuple(related))


_COLORS = {"error": "\033[31m", "warning": "\033[33m", "bold": "\033[1m", "dim": "\033[2m",
           "add": "\033[32m", "help": "\033[36m", "reset": "\033[0m"}


def _palette(color: bool) -> dict:
    return _COLORS if color else dict.fromkeys(_COLORS, "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(findings: list[Finding], color: bool, fixed: int = 0, unsafe_hidden: int = 0) -> str:
    c = _palette(color)
    summary = []
    if fixed:
        summary.append(f"Fixed {_plural(fixed, 'finding')}.")
    if findings:
        errors = sum(1 for f in findings if f.severity == "error")
        summary.append(f"Found {_plural(errors, 'error')} and {_plural(len(findings) - errors, 'warning')}.")
        fixable = sum(1 for f in findings if f.fixable)
        if fixable:
            summary.append(f"{fixable} fixable with --fix{' (some need --unsafe-fixes)' if unsafe_hidden else ''}.")
    elif not fixed:
        summary.append("No findings.")
    return f"{c['dim']}{' '.join(summary)}{c['reset']}\n"


def _headline(f: Finding, c: dict) -> str:
    sev = f"{c[f.severity]}{f.severity}{c['reset']}"
    return f"{c['bold']}{f.path}:{f.line}:{f.column}:{c['reset']} {f.rule} {f.message} [{sev}]"


def text(findings: list[Finding], color: bool, fixed: int = 0, unsafe_hidden: int = 0,
         quiet: bool = False) -> str:
    """The concise format: one line per finding, then the summary line."""
    c = _palette(color)
    out = "".join(_headline(f, c) + "\n" for f in findings)
    return out if quiet else out + summary_line(findings, color, fixed, unsafe_hidden)


def counts(findings: list[Finding]) -> list[tuple[str, int, int, int]]:
    """(rule, errors, warnings, fixable) per rule, the most frequent first."""
    errors = Counter(f.rule for f in findings if f.severity == "error")
    warnings = Counter(f.rule for f in findings if f.severity != "error")
    fixable = Counter(f.rule for f in findings if f.fixable)
    rules = sorted(set(errors) | set(warnings), key=lambda r: (-(errors[r] + warnings[r]), r))
    return [(r, errors[r], warnings[r], fixable[r]) for r in rules]


def statistics(findings: list[Finding], fmt: str = "concise") -> str:
    rows = counts(findings)
    if fmt == "json":
        return json.dumps([{"rule": r, "errors": e, "warnings": w, "fixable": x} for r, e, w, x in rows],
                          indent=2) + "\n"
    if not rows:
        return "No findings.\n"
    total = ("total", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows))
    table = [("rule", "errors", "warnings", "fixable"), *rows, total]
    width = max(len(r[0]) for r in table)
    return "".join(f"{r[0]:<{width}}  {r[1]:>6}  {r[2]:>8}  {r[3]:>7}\n" for r in table)


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


def color_wanted(args, stream, env=None) -> bool:
    """--color always/never wins, then --no-color, then FORCE_COLOR, then
    NO_COLOR; otherwise colour only on a terminal."""
    env = os.environ if env is None else env
    choice = getattr(args, "color", None) or "auto"
    if choice != "auto":
        return choice == "always"
    if args.no_color:
        return False
    if env.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no"):
        return True
    if "NO_COLOR" in env:
        return False
    return stream.isatty()
