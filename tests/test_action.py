"""The composite GitHub Action, run step by step with a fake GITHUB_* environment.

The steps' scripts and env mappings are read from action.yml itself, so what
runs here is what GitHub runs: a venv under $RUNNER_TEMP, pip install of the
action's directory (a copy of this checkout), then the run step.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BROKEN_TOC, FIXED_TOC, git
from ruamel.yaml import YAML


REPO = Path(__file__).resolve().parents[1]
ACTION = YAML(typ="safe").load((REPO / "action.yml").read_text())
BASH = shutil.which("bash")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


# The pull request adds a section and a table-of-contents line with a typo.
README_PR = BROKEN_TOC.replace("- [Papers](#papers)\n", "- [Papers](#papers)\n- [Videos](#video)\n") + (
    "\n## Videos\n\n- [Clip](https://example.net) - A clip.\n"
)


def _ignore(directory: str, names: list[str]) -> set[str]:
    return {n for n in names if n in {".git", "build", "dist", "__pycache__", ".pytest_cache"} or n.endswith(".egg-info")}


@pytest.fixture(scope="session")
def runner(tmp_path_factory) -> Path:
    """$RUNNER_TEMP and the action's directory, shared so the venv is built once."""
    root = tmp_path_factory.mktemp("runner")
    # GitHub checks the action out into its own directory; building it must not touch this checkout.
    shutil.copytree(REPO, root / "action", ignore=_ignore)
    (root / "temp").mkdir()
    return root


class Run:
    def __init__(self, returncode: int, stdout: str, stderr: str, summary: str) -> None:
        self.returncode, self.stdout, self.stderr, self.summary = returncode, stdout, stderr, summary

    @property
    def annotations(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith("::")]


def _evaluate(value: str, inputs: dict, outputs: dict) -> str:
    def one(m: re.Match) -> str:
        kind, _, name = m.group(1).partition(".")
        if kind == "inputs":
            return inputs[name]
        if kind == "steps":
            step, _, output = name.partition(".outputs.")
            return outputs[step][output]
        raise AssertionError(f"action.yml uses an expression this test cannot evaluate: {m.group(0)}")

    return EXPRESSION.sub(one, str(value))


def run_action(runner: Path, workspace: Path, event_name: str = "push", event: dict | None = None,
               search_path: str | None = None, **given) -> Run:
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    for name, value in given.items():
        name = name.replace("_", "-")
        assert name in inputs, f"action.yml has no input {name}"
        inputs[name] = value
    home = runner / "temp" / f"job-{len(list((runner / 'temp').glob('job-*')))}"
    home.mkdir()
    (home / "event.json").write_text(json.dumps(event or {}))
    summary = home / "summary.md"
    summary.write_text("")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "RUNNER_"))}
    base.update(
        GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(runner / "action"), GITHUB_WORKSPACE=str(workspace),
        GITHUB_EVENT_NAME=event_name, GITHUB_EVENT_PATH=str(home / "event.json"),
        GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(runner / "temp"), RUNNER_OS="Linux",
    )
    if search_path is not None:
        base["PATH"] = search_path
    assert ACTION["runs"]["using"] == "composite"
    outputs: dict[str, dict[str, str]] = {}
    out = err = ""
    for i, step in enumerate(ACTION["runs"]["steps"]):
        assert step["shell"] == "bash"
        script = home / f"step{i}.sh"
        # Inputs reach scripts only through env: (an input interpolated into a script could run code).
        assert "${{" not in step["run"]
        script.write_text(step["run"])
        output_file = home / f"output{i}"
        output_file.write_text("")
        env = dict(base, GITHUB_OUTPUT=str(output_file))
        env.update({k: _evaluate(v, inputs, outputs) for k, v in step.get("env", {}).items()})
        done = subprocess.run([BASH, "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, capture_output=True, text=True, timeout=300)
        out, err = out + done.stdout, err + done.stderr
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line)
        if done.returncode != 0:
            return Run(done.returncode, out, err, summary.read_text())
    return Run(0, out, err, summary.read_text())


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "README.md").write_text(BROKEN_TOC)
    # Rules added later must not change what these tests expect.
    (ws / ".awesome-lint.yaml").write_text("select: [toc]\n")
    return ws


def test_action_yml_matches_the_github_actions_schema():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-actions",
                           str(REPO / "action.yml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_full_check_annotates_summarises_and_fails(runner, workspace):
    run = run_action(runner, workspace, links="false")
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.annotations == [
        "::error file=README.md,line=5,col=3,endLine=5,title=toc::anchor '#tool' matches no heading (did you mean #tools?)"
    ]
    assert "Traceback" not in run.stderr
    summary = run.summary
    assert "### awesome-lint: `README.md`" in summary
    assert ":x: 1 error and 0 warnings (1 fixable with `awesome-lint --fix`)." in summary
    assert "| `toc` | 1 | 0 | 1 |" in summary
    assert "The list: 2 entries in 2 sections" in summary
    assert "| Tools | 1 |" in summary and "| Papers | 1 |" in summary
    assert "per year" not in summary  # not a paper list


def test_clean_list_passes(runner, workspace):
    (workspace / "README.md").write_text(FIXED_TOC)
    run = run_action(runner, workspace, links="false")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.annotations == []
    assert ":white_check_mark: No findings." in run.summary


def test_pull_request_reports_only_what_it_adds(runner, workspace):
    git(workspace, "init", "-q")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "base")
    base = git(workspace, "rev-parse", "HEAD")
    (workspace / "README.md").write_text(README_PR)
    event = {"pull_request": {"base": {"sha": base}}}
    run = run_action(runner, workspace, "pull_request", event, links="false")
    assert run.returncode == 1, run.stdout + run.stderr
    # The old broken anchor on line 5 is not this pull request's doing.
    assert run.annotations == [
        "::error file=README.md,line=7,col=3,endLine=7,title=toc::anchor '#video' matches no heading (did you mean #videos?)"
    ]
    assert f"Only lines added or changed since `{base}` were checked." in run.summary

    # changed-only: false is the full scan, old findings included.
    full = run_action(runner, workspace, "pull_request", event, links="false", changed_only="false")
    assert [a.split(",")[1] for a in full.annotations] == ["line=5", "line=7"]


def test_missing_path_is_one_clear_annotation(runner, workspace):
    run = run_action(runner, workspace, path="docs/LIST.md", links="false")
    assert run.returncode != 0
    assert len(run.annotations) == 1
    assert run.annotations[0].startswith("::error title=awesome-lint::input 'path': 'docs/LIST.md': no such file")
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize(
    "inputs, message",
    [
        ({"links": "maybe"}, "input 'links' must be true or false, not 'maybe'"),
        ({"changed_only": "sometimes"}, "input 'changed-only' must be true, false or auto, not 'sometimes'"),
        ({"args": "--select no-such-rule"}, "unknown rule 'no-such-rule'"),
        ({"changed_only": "true", "links": "false"}, "changed-only needs a pull_request or push event, not 'schedule'"),
    ],
)
def test_bad_inputs_are_annotated_not_raised(runner, workspace, inputs, message):
    run = run_action(runner, workspace, "schedule", **inputs)
    assert run.returncode == 2
    assert len(run.annotations) == 1 and run.annotations[0].startswith("::error title=awesome-lint::")
    assert message in run.annotations[0]
    assert "Traceback" not in run.stdout + run.stderr


def test_pull_request_without_its_base_commit_says_how_to_fix(runner, workspace):
    git(workspace, "init", "-q")
    event = {"pull_request": {"base": {"sha": "1234567" * 5 + "89abc"}}}
    run = run_action(runner, workspace, "pull_request", event, links="false")
    assert run.returncode == 2
    assert run.annotations == [
        "::error title=awesome-lint::cannot fetch the base commit 123456712345; use actions/checkout with fetch-depth: 0"
    ]


def _readme_workflows() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "\njobs:" in block]


def test_readme_workflows_are_valid_and_use_real_inputs(tmp_path):
    workflows = _readme_workflows()
    assert len(workflows) == 2  # pull requests, and the scheduled full scan
    for i, text in enumerate(workflows):
        (tmp_path / f"w{i}.yml").write_text(text)
        jobs = YAML(typ="safe").load(text)["jobs"]
        uses = [s for job in jobs.values() for s in job["steps"] if s.get("uses", "").split("@")[0].endswith("/awesome-lint")]
        assert len(uses) == 1
        assert set(uses[0].get("with", {})) <= set(ACTION["inputs"])
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, sorted(tmp_path.glob("w*.yml")))], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_runner_without_a_recent_python_is_told_what_to_add(tmp_path, workspace):
    runner = tmp_path / "runner"
    (runner / "temp").mkdir(parents=True)
    (runner / "action").mkdir()
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("cksum", "cut"):
        (tools / tool).symlink_to(shutil.which(tool))
    old = tools / "python3"
    old.write_text("#!/bin/sh\nexit 1\n")  # answers the version check like a Python 3.8 would
    old.chmod(0o755)
    run = run_action(runner, workspace, search_path=str(tools), links="false")
    assert run.returncode == 1
    assert run.annotations == [
        "::error title=awesome-lint::awesome-lint needs Python 3.10 or newer on PATH: add actions/setup-python before it"
    ]


def test_pull_request_link_check_reports_only_the_dead_link_it_adds(runner, tmp_path, site):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / ".awesome-lint.yaml").write_text('select: [dead-link]\nrules:\n  dead-link:\n    allow-private: true\n    cache: ""\n')
    old = f"# Awesome Links\n\n## Tools\n\n- [Alive]({site.url('/alive')}) - Up.\n- [Rotten]({site.url('/gone')}) - Old.\n"
    (ws / "README.md").write_text(old)
    git(ws, "init", "-q")
    git(ws, "add", "-A")
    git(ws, "commit", "-qm", "base")
    event = {"pull_request": {"base": {"sha": git(ws, "rev-parse", "HEAD")}}}
    (ws / "README.md").write_text(old + f"- [Fresh]({site.url('/also-gone')}) - New.\n")
    run = run_action(runner, ws, "pull_request", event)
    assert run.returncode == 1, run.stdout + run.stderr
    assert [a.split("::")[1].split(",")[:2] for a in run.annotations] == [["error file=README.md", "line=7"]]
    assert "/also-gone" in run.annotations[0] and "/gone)" not in run.annotations[0]
    assert "| `dead-link` | 1 | 0 |" in run.summary
