"""--stdin-filename and --extend-select."""
from __future__ import annotations

import io
import sys

import pytest

from awesome_lint.app.cli import main

LIST = "# L\n\n- [Other](other.md) - Exists.\n- [Gone](gone.md) - Missing.\n- [Twice](other.md) - Again.\n"


def run(capsys, monkeypatch, argv, stdin: str | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, monkeypatch):
    """proj/ with its own config (local-link only) and other.md; the cwd is outside it."""
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / ".awesome-lint.yaml").write_text("select: [local-link]\n")
    (proj / "other.md").write_text("hello\n")
    monkeypatch.chdir(tmp_path)
    return proj


def test_stdin_filename_finds_config_resolves_links_and_names_the_findings(project, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["--stdin-filename", "proj/README.md"], LIST)
    assert (code, err) == (1, "")
    assert out == ("proj/README.md:4:3: local-link link to a missing file: gone.md [error]\n"
                   "Found 1 error and 0 warnings.\n")
    # '-' with a name is the same; the named file need not exist
    assert run(capsys, monkeypatch, ["-", "--stdin-filename", "proj/README.md"], LIST)[1] == out


def test_without_stdin_filename_stdin_has_no_place(project, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["-", "--select", "local-link,duplicate"], LIST)
    assert out == ("<stdin>:5:4: duplicate one URL under two titles: 'Twice' links to other.md, as 'Other' does at line 3; one of the two links is wrong, or the two entries are one thing under two names [error]\n"
                   "Found 1 error and 0 warnings.\n")


def test_stdin_filename_with_fix_writes_the_text_to_stdout(project, capsys, monkeypatch):
    text = "# L\n\n- [Other](other.md) - Exists,, twice.\n"
    code, out, err = run(capsys, monkeypatch, ["--stdin-filename", "proj/README.md", "--fix",
                                               "--extend-select", "no-repeat-punctuation"], text)
    assert code == 0
    assert out == text.replace(",,", ",")
    assert err == "Fixed 1 finding.\n"
    assert not (project / "README.md").exists()


def test_extend_select_adds_to_the_config_selection(project, capsys, monkeypatch):
    argv = ["--stdin-filename", "proj/README.md", "--output-format", "json"]
    import json

    rules = lambda out: sorted({f["rule"] for f in json.loads(out)})  # noqa: E731
    assert rules(run(capsys, monkeypatch, argv, LIST)[1]) == ["local-link"]
    assert rules(run(capsys, monkeypatch, [*argv, "--extend-select", "duplicate"], LIST)[1]) == \
        ["duplicate", "local-link"]
    # --select replaces the selection; --extend-select still adds to it
    assert rules(run(capsys, monkeypatch, [*argv, "--select", "duplicate"], LIST)[1]) == ["duplicate"]
    assert rules(run(capsys, monkeypatch, [*argv, "--select", "duplicate", "--extend-select", "local-link"],
                     LIST)[1]) == ["duplicate", "local-link"]
    # an --ignore on the command line wins
    assert rules(run(capsys, monkeypatch, [*argv, "--extend-select", "duplicate", "--ignore", "duplicate"],
                     LIST)[1]) == ["local-link"]


def test_extend_select_overrides_an_ignore_in_the_config(tmp_path, capsys, monkeypatch):
    (tmp_path / ".awesome-lint.yaml").write_text("ignore: [duplicate]\n")
    (tmp_path / "other.md").write_text("hello\n")
    path = tmp_path / "list.md"
    path.write_text(LIST)
    code, out, _ = run(capsys, monkeypatch, [path, "--select", "local-link", "--extend-select", "duplicate", "-q"])
    assert out.splitlines() == [
        f"{path}:4:3: local-link link to a missing file: gone.md [error]",
        f"{path}:5:4: duplicate one URL under two titles: 'Twice' links to other.md, as 'Other' does at line 3; one of the two links is wrong, or the two entries are one thing under two names [error]",
    ]


def test_extend_select_of_an_unknown_rule_is_a_usage_error(tmp_path, capsys, monkeypatch):
    path = tmp_path / "list.md"
    path.write_text(LIST)
    code, out, err = run(capsys, monkeypatch, [path, "--extend-select", "no-such-rule"])
    assert (code, out) == (2, "")
    assert err == "awesome-lint: unknown rule 'no-such-rule' (see 'awesome-lint rules')\n"


def test_the_hooks_report_one_line_per_finding_and_the_action_annotations(tmp_path, monkeypatch):
    from pathlib import Path

    from ruamel.yaml import YAML

    from awesome_lint.app import action

    root = Path(__file__).resolve().parents[1]
    hooks = YAML(typ="safe").load((root / ".pre-commit-hooks.yaml").read_text())
    assert all(h["entry"].split()[-2:] == ["--output-format", "concise"] for h in hooks)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("# L\n")
    argv = action.command({"INPUT_PATH": "README.md", "INPUT_LINKS": "false", "INPUT_CHANGED_ONLY": "false"})
    assert argv[argv.index("--output-format") + 1] == "github"
