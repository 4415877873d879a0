"""The report of a run in the chosen format: a pure function of the findings,
the linted texts and the options, so a stored run replays byte for byte."""
from __future__ import annotations

from dataclasses import dataclass

from . import full, output


@dataclass(frozen=True)
class Options:
    format: str = "concise"  # full | concise | json | github | sarif
    color: bool = False
    show_fixes: bool = False
    quiet: bool = False  # findings only, no summary line
    statistics: bool = False  # counts per rule instead of the findings
    fixed: int = 0
    unsafe_hidden: int = 0


def render(findings: list[output.Finding], texts: dict[str, str], opts: Options, rules=None) -> str:
    """``texts``: shown path -> the normalised text its findings point into;
    ``rules``: name -> RuleInfo, needed only by SARIF."""
    if opts.statistics:
        return output.statistics(findings, "json" if opts.format == "json" else "concise")
    if opts.format == "json":
        return output.json_report(findings)
    if opts.format == "github":
        return output.github(findings)
    if opts.format == "sarif":
        return output.sarif(findings, rules or {})
    if opts.format == "full":
        body = full.render(findings, texts, opts.color, opts.show_fixes)
        if opts.quiet:
            return body
        tail = output.summary_line(findings, opts.color, opts.fixed, opts.unsafe_hidden)
        return body + ("\n" if body else "") + tail
    return output.text(findings, opts.color, opts.fixed, opts.unsafe_hidden, opts.quiet)
