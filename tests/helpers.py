"""Small helpers shared by several test modules."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from awesome_lint.engine import pipeline as engine
from awesome_lint.rule import Context


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` with a fixed identity and none of the caller's GIT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


_SCENARIO = re.compile(r"^## scenario: (?P<title>.+)$", re.M)
_BLOCK = re.compile(r"^~~~(?P<kind>input|findings|expected)\n(?P<body>.*?)^~~~$", re.M | re.S)


def scenarios(folder: Path):
    """Scenario files: ``## scenario: title``, optional ``config: {json rule settings}`` and
    ``unsafe: true`` lines, then ``~~~input``, ``~~~findings`` (``LINE RULE MESSAGE``) and an
    optional ``~~~expected`` block (the text after --fix).  One pytest param each:
    (file stem, rule settings, unsafe, blocks)."""
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heads = list(_SCENARIO.finditer(text))
        for head, nxt in zip(heads, heads[1:] + [None]):
            part = text[head.end():nxt.start() if nxt else len(text)]
            blocks = {m["kind"]: m["body"] for m in _BLOCK.finditer(part)}
            config = re.search(r"^config: (.+)$", part, re.M)
            unsafe = bool(re.search(r"^unsafe: true$", part, re.M))
            preset = re.search(r"^preset: (\w+)$", part, re.M)
            rules = json.loads(config[1]) if config else {}
            if preset:  # an opt-in canonical style for this scenario
                rules = {**rules, "preset": preset[1]}
            yield pytest.param(path.stem, rules, unsafe, blocks, id=f"{path.stem}: {head['title']}")


def check_scenario(settings, blocks, unsafe: bool) -> None:
    """The findings are the expected ones; --fix gives the expected text, and a second
    --fix changes nothing and leaves no applicable fix."""
    doc, diags = engine.check(blocks["input"], settings, Context())
    got = [f"{doc.line_col(d.start)[0] + 1} {d.rule} {d.message}" for d in diags]
    assert got == blocks["findings"].splitlines()
    if "expected" in blocks:
        outcome = engine.fix(blocks["input"], settings, Context(), unsafe=unsafe)
        assert outcome.text == blocks["expected"]
        again = engine.fix(outcome.text, settings, Context(), unsafe=unsafe)
        assert again.text == outcome.text
        assert not [d for d in again.diagnostics if d.fix and (unsafe or d.fix.applicability == "safe")]
