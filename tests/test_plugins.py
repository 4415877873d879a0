"""A third-party rule registers through the same entry-point group as the built-ins."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap


def test_plugin_rule_is_listed_and_runs(tmp_path):
    pkg = tmp_path / "demo_plugin"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent('''
        from dataclasses import dataclass
        from awesome_lint.rule import Rule, WARNING

        class NoTodo(Rule):
            name = "no-todo"
            summary = "No TODO left in the list"
            default_severity = WARNING

            @dataclass
            class Options:
                word: str = "TODO"

            def check(self, doc, ctx):
                for number, line in enumerate(doc.lines):
                    col = line.find(self.options.word)
                    if col >= 0:
                        start = doc.offset(number, col)
                        yield self.diagnostic(f"{self.options.word} left here", start, start + len(self.options.word))
    '''))
    dist = tmp_path / "demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[awesome_lint.rules]\nno-todo = demo_plugin:NoTodo\n")
    listed = tmp_path / "README.md"
    listed.write_text("# List\n\n- [A](https://a.example) - TODO describe.\n")
    (tmp_path / ".awesome-lint.yaml").write_text("rules:\n  no-todo:\n    word: describe\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    rules = subprocess.run([sys.executable, "-m", "awesome_lint", "rules", "--json"],
                           capture_output=True, text=True, env=env, timeout=60)
    row = next(r for r in json.loads(rules.stdout) if r["name"] == "no-todo")
    assert row["source"] == "demo-plugin" and row["options"] == ["word"]

    run = subprocess.run([sys.executable, "-m", "awesome_lint", str(listed), "--select", "no-todo",
                          "--output-format", "json"], capture_output=True, text=True, env=env, timeout=60)
    findings = json.loads(run.stdout)
    assert run.returncode == 0  # warnings only
    assert [(f["rule"], f["line"], f["column"], f["message"]) for f in findings] == [
        ("no-todo", 3, 33, "describe left here")]
