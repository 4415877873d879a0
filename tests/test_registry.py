"""The registry: built-in rules from its table, plugins from the entry-point group."""
from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path

import pytest

from awesome_lint.engine import registry
from awesome_lint.rule import Rule

REPO = Path(__file__).resolve().parents[1]


def _rule_classes_in_rules_folder() -> dict[str, str]:
    """name -> "module:Class" for every class with a ``name`` in a public rules/ module."""
    found = {}
    for path in sorted((REPO / "rules").glob("*.py")):
        if path.name.startswith("_"):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if (isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == ["name"]
                        and isinstance(stmt.value, ast.Constant)):
                    found[stmt.value.value] = f"awesome_lint.rules.{path.stem}:{node.name}"
    return found


def test_the_table_lists_every_rule_module_and_nothing_else():
    assert registry.BUILTIN == _rule_classes_in_rules_folder()
    # one place lists the built-ins: the package declares none as entry points
    lines = (REPO / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith(f'[project.entry-points."{registry.GROUP}"]')]


def test_builtins_come_from_the_table():
    rules = registry.all_rules()
    for name in registry.BUILTIN:
        assert rules[name].source == "awesome-lint"
        assert issubclass(rules[name].cls, Rule) and rules[name].cls.name == name


def _dist(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


def test_group_declared_looks_at_every_entry_point_file(tmp_path, monkeypatch):
    quiet, noisy = tmp_path / "quiet", tmp_path / "noisy"
    quiet.mkdir()
    noisy.mkdir()
    _dist(quiet, "other", "[console_scripts]\nx = other:main\n")
    _dist(quiet, "bare", None)
    _dist(noisy, "plugin", "[awesome_lint.rules]\nx = plugin:X\n")
    monkeypatch.setattr(sys, "path", [str(quiet), str(tmp_path / "missing")])
    assert registry.group_declared() is False
    monkeypatch.setattr(sys, "path", [str(quiet), str(noisy)])
    assert registry.group_declared() is True


def test_group_declared_says_yes_for_what_it_cannot_read(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("p-1.0.dist-info/entry_points.txt", "[awesome_lint.rules]\nx = p:X\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert registry.group_declared() is True


def test_a_plugin_may_not_take_a_builtin_name(tmp_path, monkeypatch):
    (tmp_path / "rogue.py").write_text(
        "from awesome_lint.rule import Rule\nclass Toc(Rule):\n    name = 'toc'\n    def check(self, doc, ctx):\n        return []\n")
    _dist(tmp_path, "rogue", "[awesome_lint.rules]\ntoc = rogue:Toc\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_cache", None)
    with pytest.raises(registry.RegistryError, match="rogue declares rule 'toc'"):
        registry.all_rules()


def test_a_rule_is_told_the_documents_family():
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import validate
    from awesome_lint.rule import Context
    settings = engine.build_settings(validate({"select": ["toc"]}, None))
    papers = "# P\n\n**A Paper** \\\n*A. Author* \\\n[7th Oct., 2022] [arXiv, 2022] \\\n[[Paper](https://arxiv.org/abs/2210.00001)]\n"
    for text, family in ((papers, "papers"), ("# A\n\n- [A](https://a.example) - An A.\n", "awesome")):
        ctx = Context()
        engine.check(text, settings, ctx)
        assert ctx.family == family
