"""Small helpers shared by several test modules."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from awesome_lint.app.cli import main
from awesome_lint.engine import pipeline as engine
from awesome_lint.rule import Context


def cli(capsys, *argv) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *argv) -> tuple[int, list[dict], str]:
    """The command line with ``--output-format json``: (exit code, findings, stderr)."""
    code, out, err = cli(capsys, *argv, "--output-format", "json")
    return code, json.loads(out or "[]"), err


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` with a fixed identity and none of the caller's GIT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


# A small list whose table of contents has one broken anchor: "#tool" for the
# "Tools" section, line 5, columns 3-16 (the link "[Tools](#tool)").  FIXED_TOC
# is what `toc --fix` makes of it: only that anchor differs.
BROKEN_TOC = """\
# Awesome Test

## Contents

- [Tools](#tool)
- [Papers](#papers)

## Tools

- [Thing](https://example.com) - A thing.

## Papers

- [Other](https://example.org) - Another thing.
"""
FIXED_TOC = BROKEN_TOC.replace("(#tool)", "(#tools)")


def paper_entry(title: str, url: str, date: str = "7th Oct., 2022", venue: str = "arXiv, 2022") -> str:
    """One paper in the canonical four-line shape (title, authors, date and venue, links)."""
    return f"**{title}** \\\n*A. Author* \\\n[{date}] [{venue}] \\\n[[Paper]({url})]\n"


_SCENARIO = re.compile(r"^## scenario: (?P<title>\S.*)$", re.M)
_BLOCK = re.compile(r"^~~~(?P<kind>\w*)\n(?P<body>.*?)^~~~$", re.M | re.S)
_KINDS = {"input", "findings", "expected"}
_SETTING = re.compile(r"^(?:config: .+|unsafe: true|preset: \w+)$")


class ScenarioError(ValueError):
    """A scenario file that does not follow the layout: a misspelt heading or
    block would otherwise drop a scenario, or part of one, without a word."""


def scenarios(folder: Path):
    """Scenario files: a ``# title`` line, then per scenario ``## scenario: title``,
    optional ``config: {json rule settings}`` and ``unsafe: true`` lines, ``~~~input``,
    ``~~~findings`` (one ``LINE:COL-ENDLINE:ENDCOL SEVERITY RULE MESSAGE`` per finding,
    1-based, the end column just past the span) and an optional ``~~~expected`` block
    (the text after --fix).  Anything else outside the blocks is an error.  One pytest
    param each: (file stem, rule settings, unsafe, blocks)."""
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heads = list(_SCENARIO.finditer(text))
        if not heads:
            raise ScenarioError(f"{path.name}: no '## scenario: ' heading")
        _only_layout(path, text[:heads[0].start()], preamble=True)
        for head, nxt in zip(heads, heads[1:] + [None]):
            part = text[head.end():nxt.start() if nxt else len(text)]
            found = list(_BLOCK.finditer(part))
            kinds = [m["kind"] for m in found]
            where = f"{path.name}: scenario {head['title']!r}"
            if set(kinds) - _KINDS or len(set(kinds)) != len(kinds) or not {"input", "findings"} <= set(kinds):
                raise ScenarioError(f"{where}: blocks {kinds}, wanted input, findings and maybe expected once each")
            outside = _BLOCK.sub("", part)
            _only_layout(path, outside, where=where)
            blocks = {m["kind"]: m["body"] for m in found}
            config = re.search(r"^config: (.+)$", outside, re.M)
            unsafe = bool(re.search(r"^unsafe: true$", outside, re.M))
            preset = re.search(r"^preset: (\w+)$", outside, re.M)
            rules = json.loads(config[1]) if config else {}
            if preset:  # an opt-in canonical style for this scenario
                rules = {**rules, "preset": preset[1]}
            yield pytest.param(path.stem, rules, unsafe, blocks, id=f"{path.stem}: {head['title']}")


def _only_layout(path: Path, text: str, preamble: bool = False, where: str = "") -> None:
    for line in text.splitlines():
        if not line.strip() or (preamble and line.startswith("# ")) or (not preamble and _SETTING.match(line)):
            continue
        raise ScenarioError(f"{where or path.name}: unexpected line {line!r}")


def finding_lines(doc, diags) -> list[str]:
    """Findings in the scenario layout: where (start and end), severity, rule, message."""
    out = []
    for d in diags:
        line, col = doc.line_col(d.start)
        end_line, end_col = doc.line_col(max(d.end, d.start))
        out.append(f"{line + 1}:{col + 1}-{end_line + 1}:{end_col + 1} {d.severity} {d.rule} {d.message}")
    return out


def check_scenario(settings, blocks, unsafe: bool) -> None:
    """The findings are the expected ones, at the expected places and severities;
    --fix gives the expected text, and a second --fix changes nothing and leaves no
    applicable fix."""
    doc, diags = engine.check(blocks["input"], settings, Context())
    assert finding_lines(doc, diags) == blocks["findings"].splitlines()
    if "expected" in blocks:
        outcome = engine.fix(blocks["input"], settings, Context(), unsafe=unsafe)
        assert outcome.text == blocks["expected"]
        again = engine.fix(outcome.text, settings, Context(), unsafe=unsafe)
        assert again.text == outcome.text
        assert not [d for d in again.diagnostics if d.fix and (unsafe or d.fix.applicability == "safe")]
