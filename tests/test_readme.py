"""The README stays honest: every rule has a row, and the quick start is what CI runs."""
from __future__ import annotations

import re
from pathlib import Path

from awesome_lint.engine.registry import all_rules

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def rules_table_names() -> set[str]:
    section = README.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))


def test_every_rule_has_a_readme_row_and_no_row_is_stale():
    installed = {name for name, info in all_rules().items() if info.source == "awesome-lint"}
    assert rules_table_names() == installed


def quick_start_blocks() -> list[str]:
    section = README.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def test_quick_start_has_install_run_and_test_commands():
    run, test = quick_start_blocks()[:2]
    assert "pip install" in run and "awesome-lint examples/" in run
    example = re.search(r"awesome-lint (examples/\S+)", run).group(1)
    assert (REPO / example).is_file()
    assert "pytest" in test


def test_ci_runs_the_readme_test_command():
    test = quick_start_blocks()[1]
    command = test.split("&&")[-1].strip()
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_quick_start_example_is_clean_and_broken_example_is_not(capsys):
    from awesome_lint.app.cli import main

    assert main([str(REPO / "examples" / "awesome-papers.md")]) == 0
    assert main([str(REPO / "examples" / "broken-papers.md")]) == 1
    capsys.readouterr()
