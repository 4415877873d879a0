"""Hostile input never ends in a traceback: one line on stderr, exit 2 (or a proper finding)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_lint.app import action
from awesome_lint.app.cli import main

from conftest import SHARED

LIST = "# L\n\n- [A](https://a.example) - An A.\n"
REPROS = SHARED / "repros"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text(LIST)
    return tmp_path


# -- the last guard ------------------------------------------------------------------------
def test_an_unexpected_error_is_one_line_naming_the_file(project, capsys, monkeypatch):
    from awesome_lint.engine import pipeline

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr("awesome_lint.app.runner.check", broken)
    code, _, err = run(capsys, "README.md")
    assert code == 2
    assert err == ("awesome-lint: README.md: internal error, please report: "
                   "RecursionError: maximum recursion depth exceeded\n")
    assert pipeline.check is not broken


def test_an_error_outside_any_file_is_one_line_too(project, capsys, monkeypatch):
    def broken(self):
        raise KeyError("boom")
    monkeypatch.setattr("awesome_lint.app.runner.Runner._report", broken)
    code, _, err = run(capsys, "README.md")
    assert (code, err) == (2, "awesome-lint: internal error, please report: KeyError: 'boom'\n")


def test_other_files_are_still_reported_after_an_internal_error(project, capsys, monkeypatch):
    (project / "b.md").write_text(LIST + "- [A](https://a.example) - An A.\n")
    from awesome_lint.app import runner
    real = runner.check

    def flaky(text, settings, ctx, *rest):
        if ctx.path == "README.md":
            raise ValueError("bad")
        return real(text, settings, ctx, *rest)
    monkeypatch.setattr(runner, "check", flaky)
    code, out, err = run(capsys, "--select", "duplicate", "README.md", "b.md")
    assert code == 2 and "README.md: internal error, please report: ValueError: bad" in err
    assert "b.md:4:4: duplicate 'A' is listed twice; first at line 3" in out


def test_a_stray_bracket_in_a_host_is_no_crash(project, capsys):
    (project / "x.md").write_text("# Awesome\n\n- [A](https://exa[mple.com/) - Thing.\n"
                                  "- [B](https://exa[mple.com/) - Thing.\n")
    code, out, err = run(capsys, "--select", "duplicate", "x.md")
    assert err == "" and code == 1 and "x.md:4:4: duplicate one URL under two titles: 'B' links to https://exa[mple.com/, as 'A'" in out


@pytest.mark.skipif(not REPROS.is_dir(), reason="../shared is not present")
@pytest.mark.parametrize("name", ["crash-bracket-url.md", "crash-bracket-url-mutant-a.md", "crash-bracket-url-mutant-b.md"])
def test_bracket_reproducers(capsys, name):
    code, _, err = run(capsys, "--offline", REPROS / name)
    assert code in (0, 1) and err == ""


# -- arguments -----------------------------------------------------------------------------
def test_a_file_named_like_an_option_after_double_dash(project, capsys):
    (project / "--summary=README.md").write_text(LIST)
    code, out, _ = run(capsys, "--select", "entry-format", "--", "--summary=README.md")
    assert code == 0 and "--summary=README.md" not in out
    assert (project / "README.md").read_text() == LIST  # no summary was appended to it


def test_empty_changed_since_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--changed-since", "", "README.md"])
    assert exc.value.code == 2 and "--changed-since needs a git revision" in capsys.readouterr().err


def test_the_hooks_end_their_args_with_double_dash():
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    assert all(hook["args"][-1:] == ["--"] for hook in hooks)


# -- the Action ----------------------------------------------------------------------------
INPUTS = {"INPUT_LINKS": "false", "INPUT_CHANGED_ONLY": "false"}

def test_action_path_with_a_quote(project):
    (project / "it's.md").write_text(LIST)
    assert action.command({**INPUTS, "INPUT_PATH": "it's.md"})[-2:] == ["--", "it's.md"]
    with pytest.raises(action.InputProblem, match="input 'path': No closing quotation"):
        action.command({**INPUTS, "INPUT_PATH": "missing's.md"})


def test_action_passes_paths_after_double_dash(project):
    (project / "--summary=x.md").write_text(LIST)
    argv = action.command({**INPUTS, "INPUT_PATH": "--summary=x.md", "INPUT_ARGS": "--select toc"})
    assert argv[argv.index("--"):] == ["--", "--summary=x.md"]
    assert argv.index("--select") < argv.index("--")


@pytest.mark.parametrize("sha", ["--upload-pack=touch /tmp/pwned", "HEAD~1", "abc", "g" * 40, "A" * 40, 12])
def test_action_base_commit_must_be_a_commit_id(project, sha):
    event = project / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": sha}}}))
    env = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(event)}
    with pytest.raises(action.InputProblem, match="base commit is not a commit id"):
        action.base_commit(env, None)


# -- configuration -------------------------------------------------------------------------
@pytest.mark.parametrize("body, where, message", [
    ("rules:\n  toc:\n    exclude: [1, 2]\n", "3:5", "option 'exclude' expects a list of str, got 1"),
    ("rules:\n  dead-link:\n    per-host: {a.org: 5}\n", "3:5", "option 'per-host' expects a mapping of dict values"),
    ("rules:\n  dead-link:\n    per-host: {a.org: {concurrency: 0}}\n", "3:5", "concurrency must be between 1 and 64"),
    ("rules:\n  dead-link:\n    ok-max-age: forever\n", "3:5", "option 'ok-max-age' must be a duration"),
    ("rules:\n  dead-link:\n    exclude: ['[']\n", "3:5", "option 'exclude' '[' is not a regular expression"),
    ("rules:\n  dead-link:\n    cache: /\n", "3:5", "option 'cache' '/' is a directory"),
    ("rules:\n  dead-link:\n    concurrency: 0\n", "3:5", "option 'concurrency' must be at least 1, not 0"),
    ("rules:\n  date-format:\n    style: fancy\n", "3:5", "option 'style' must be one of 'auto', 'ordinal'"),
    ("rules:\n  entry-format:\n    line-break: newline\n", "3:5", "option 'line-break' must be one of"),
    ("rules:\n  entry-format:\n    bullet: '#'\n", "3:5", "option 'bullet' must be one of 'auto', '-', '*', '+', 'consistent'"),
    ("rules:\n  entry-format:\n    allowed-words: [1, 2]\n", "3:5", "option 'allowed-words' expects a list of str"),
    ("rules:\n  sort-order:\n    order: random\n", "3:5", "option 'order' must be one of"),
    ("max-file-size: huge\n", "1:1", "max-file-size must be a size"),
    ("base: &b {toc: error}\nrules: *b\n", "1:7", "YAML anchors and aliases are not supported"),
    ("rules:\n  toc:\n    exclude: " + "[" * 100 + "]" * 100 + "\n", "3:", "config is nested too deeply"),
])
def test_yaml_config_errors(project, capsys, body, where, message):
    _refused(project, capsys, ".awesome-lint.yaml", body, where, message)


def _refused(project, capsys, name: str, body: str, where: str, message: str) -> None:
    """The config file ``name`` holding ``body`` stops the run: exit 2, one line at ``where``."""
    (project / name).write_text(body)
    code, _, err = run(capsys, "README.md")
    prefix = f"awesome-lint: {project / name}" + (f":{where}" if where else "")
    assert code == 2 and err.startswith(prefix) and message in err and err.count("\n") == 1


def test_an_alias_bomb_is_refused_at_once(project, capsys):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (project / ".awesome-lint.yaml").write_text("\n".join(levels) + "\nrules: {toc: {exclude: *a8}}\n")
    code, _, err = run(capsys, "README.md")
    assert code == 2 and ".awesome-lint.yaml:1:5: YAML anchors and aliases are not supported" in err


def test_a_huge_config_is_refused(project, capsys):
    (project / ".awesome-lint.yaml").write_text("#" + "x" * 1_000_000 + "\n")
    code, _, err = run(capsys, "README.md")
    assert code == 2 and "config file is larger than 64 KB" in err


@pytest.mark.parametrize("body, where, message", [
    ('[tool.awesome-lint]\nignore = ["toc"\n', "3:1", "invalid TOML"),
    ("[tool.awesome-lint.rules.dead-link]\nconcurrency = 0\n", "2:1", "option 'concurrency' must be at least 1"),
    ("[tool.awesome-lint.rules.toc]\nexclude = [1]\n", "2:1", "option 'exclude' expects a list of str"),
    ("[tool.awesome-lint]\nx = " + "[" * 200 + "]" * 200 + "\n", "", "config is nested too deeply"),
])
def test_toml_config_errors(project, capsys, body, where, message):
    _refused(project, capsys, "pyproject.toml", body, where, message)


def test_invalid_utf8_pyproject_found_upward(project, capsys):
    (project / "pyproject.toml").write_bytes(b'[tool.awesome-lint]\nignore = ["toc"]\n# \xff\n')
    (project / "docs").mkdir()
    (project / "docs" / "README.md").write_text(LIST)
    code, _, err = run(capsys, "docs/README.md")
    assert (code, err) == (2, f"awesome-lint: {project / 'pyproject.toml'}:3:3: config is not valid UTF-8\n")


def test_valid_options_still_load(project, capsys):
    (project / ".awesome-lint.yaml").write_text(
        "max-file-size: 2M\nrules:\n  entry-format:\n    bullet: consistent\n    allowed-words: [npm]\n"
        "  dead-link:\n    per-host: {a.org: {concurrency: 2, interval: 0.5}}\n    cache: none\n"
        "    exclude: ['^https://x\\\\.example/']\n")
    code, _, err = run(capsys, "README.md")
    assert err == "" and code in (0, 1)
