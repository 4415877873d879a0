from __future__ import annotations

import pytest
from helpers import BROKEN_TOC, cli

from awesome_lint.app.cli import main



def lint(capsys, path, *extra):
    return cli(capsys, path, "--select", "toc", *extra)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "README.md"
    path.write_text(BROKEN_TOC)
    return tmp_path, path


def test_yaml_found_upward_changes_severity(project, capsys):
    root, path = project
    (root / ".awesome-lint.yaml").write_text("rules:\n  toc:\n    severity: warning\n")
    code, out, _ = lint(capsys, path)
    assert code == 0 and "[warning]" in out


def test_pyproject_table(project, capsys):
    root, path = project
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.awesome-lint]\nignore = ["toc"]\n')
    code = main([str(path)])
    out, _ = capsys.readouterr()
    assert code == 0 and "toc" not in out


def test_unknown_rule_points_at_the_key(project, capsys):
    root, path = project
    (root / ".awesome-lint.yml").write_text("preset: papers\nrules:\n  toc: {}\n  tocc:\n    severity: off\n")
    code, _, err = lint(capsys, path)
    assert code == 2
    assert err.strip() == f"awesome-lint: {root / '.awesome-lint.yml'}:4:3: unknown rule 'tocc'"


@pytest.mark.parametrize("body, where, what", [
    ("presett: papers\n", "1:1", "unknown key 'presett'"),
    ("rules:\n  toc:\n    exclud: [x]\n", "3:5", "unknown option 'exclud' for rule 'toc'"),
    ("rules:\n  toc:\n    exclude: 3\n", "3:5", "option 'exclude' expects list"),
    ("preset: novels\n", "1:1", "preset must be one of"),
    ("select: [toc, nope]\n", "1:1", "unknown rule 'nope' in select"),
    ("rules:\n  toc: {}\nconventions:\n  bullet: x\n", "4:3", "bullet must be one of '-', '*', '+'"),
    ("max-file-size: lots\n", "1:1", "max-file-size must be a size in bytes, or with K, M or G (20M)"),
    ("cache-dir: 5\n", "1:1", "cache-dir must be a folder name"),
])
def test_config_errors(project, capsys, body, where, what):
    root, path = project
    (root / ".awesome-lint.yaml").write_text(body)
    code, _, err = lint(capsys, path)
    assert code == 2 and f".awesome-lint.yaml:{where}: {what}" in err


def test_pyproject_unknown_option_position(project, capsys):
    root, path = project
    (root / "pyproject.toml").write_text('[tool.awesome-lint.rules.toc]\nseverity = "warning"\nbogus = 1\n')
    code, _, err = lint(capsys, path)
    assert code == 2 and "pyproject.toml:3:1: unknown option 'bogus'" in err


def test_invalid_yaml(project, capsys):
    root, path = project
    (root / ".awesome-lint.yaml").write_text("rules: [\n")
    code, _, err = lint(capsys, path)
    assert code == 2 and "invalid YAML" in err and len(err.strip().splitlines()) == 1


def test_explicit_config_and_cli_wins(project, capsys):
    root, path = project
    cfg = root / "elsewhere.yaml"
    cfg.write_text("ignore: [toc]\n")
    assert main([str(path), "--config", str(cfg)]) == 0
    capsys.readouterr()
    # --select on the command line wins over the file's ignore
    code, out, _ = lint(capsys, path, "--config", str(cfg))
    assert code == 1 and "anchor '#tool'" in out
    code, _, err = lint(capsys, path, "--config", str(root / "missing.yaml"))
    assert code == 2 and "config file not found" in err


def test_rule_options_reach_the_rule(project, capsys):
    root, path = project
    text = "# L\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n## Misc\n"
    path.write_text(text)
    code, out, _ = lint(capsys, path)
    assert code == 1 and "section 'Misc' is missing" in out
    (root / ".awesome-lint.yaml").write_text("rules:\n  toc:\n    exclude: [misc]\n")
    code, out, _ = lint(capsys, path)
    assert code == 0, out


@pytest.mark.parametrize("levels, too_deep", [(32, False), (33, True)])
def test_pyproject_nesting_is_limited_at_32_levels(project, capsys, levels, too_deep):
    root, path = project
    # a dotted key of N parts is N tables: the awesome-lint table and N - 1 inside it
    (root / "pyproject.toml").write_text("[tool.awesome-lint]\n" + ".".join(["a"] * levels) + " = 1\n")
    code, _, err = lint(capsys, path)
    assert code == 2
    assert ("config is nested too deeply" in err) == too_deep
    assert ("unknown" in err) != too_deep


def test_pyproject_errors_point_at_the_line(project, capsys):
    root, path = project
    (root / "pyproject.toml").write_text("bogus = 1\n\n[tool.awesome-lint]\nbogus = 2\nempty = []\n")
    code, _, err = lint(capsys, path)
    assert code == 2 and "pyproject.toml:4:1: unknown key 'bogus'" in err
    (root / "pyproject.toml").write_text("[tool.awesome-lint]\nignore = [")
    code, _, err = lint(capsys, path)
    assert code == 2 and "pyproject.toml:2:11: invalid TOML" in err and "end of document" not in err
    assert len(err.strip().splitlines()) == 1


def test_config_files_that_are_too_big_or_not_utf8_are_one_line_errors(project, capsys):
    root, path = project
    (root / ".awesome-lint.yaml").write_bytes(b"# " + b"x" * (64 * 1024) + b"\n")
    code, _, err = lint(capsys, path)
    assert code == 2 and "config file is larger than 64 KB" in err
    (root / ".awesome-lint.yaml").write_bytes(b"rules:\n  toc: {}\n# caf\xe9\n")
    code, _, err = lint(capsys, path)
    assert code == 2 and ".awesome-lint.yaml:3:6: config is not valid UTF-8" in err


def test_pinned_conventions_are_kept_as_written_and_a_fix_title_defaults_to_empty():
    from awesome_lint.engine.config import validate
    from awesome_lint.rule import Fix
    assert validate({"conventions": {"bullet": "*", "final-punctuation": "none"}}, None).conventions == {
        "bullet": "*", "final-punctuation": "none"}
    assert Fix.replace(0, 1, "x").title == ""
