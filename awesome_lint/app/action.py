"""The GitHub Action's run step (action.yml): inputs come from the environment.

Every problem becomes a workflow ``::error`` annotation with one clear line,
never a traceback: the people reading it are list contributors, not Python
programmers.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}
PR_EVENTS = {"pull_request", "pull_request_target"}
NO_COMMIT = "0" * 40
_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


class InputProblem(Exception):
    """A bad input or a base commit that cannot be found: one annotation."""


def annotate(level: str, message: str) -> None:
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    print(f"::{level} title=awesome-lint::{message}", flush=True)


def flag(env: dict, name: str, allow_auto: bool = False) -> bool | None:
    """An input switch: True/False, or None for ``auto``."""
    value = env.get(f"INPUT_{name.upper().replace('-', '_')}", "").strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    if allow_auto and value in ("", "auto"):
        return None
    choices = "true, false or auto" if allow_auto else "true or false"
    raise InputProblem(f"input '{name}' must be {choices}, not '{value}'")


def _event(env: dict) -> dict:
    where = env.get("GITHUB_EVENT_PATH")
    if not where:
        return {}
    try:
        return json.loads(Path(where).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _have_commit(sha: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], capture_output=True).returncode == 0


def base_commit(env: dict, changed_only: bool | None) -> str | None:
    """The commit to compare against, or None to check the whole file."""
    if changed_only is False:
        return None
    name = env.get("GITHUB_EVENT_NAME", "")
    event = _event(env)
    if name in PR_EVENTS:
        sha = event.get("pull_request", {}).get("base", {}).get("sha")
    elif name == "push" and changed_only:
        sha = event.get("before")
        if not sha or sha == NO_COMMIT:
            annotate("notice", "a new branch has no previous commit: checking the whole file")
            return None
    elif changed_only:
        raise InputProblem(f"changed-only needs a pull_request or push event, not '{name or 'unknown'}'")
    else:
        return None  # auto, outside pull requests: a full scan
    if not sha:
        raise InputProblem(f"the {name} event carries no base commit")
    if not isinstance(sha, str) or not _COMMIT_ID.fullmatch(sha):
        # it reaches git: only a plain commit id, never an option or a revision expression
        raise InputProblem(f"the {name} event's base commit is not a commit id: {str(sha)[:60]!r}")
    if not _have_commit(sha):
        # actions/checkout fetches one commit by default: fetch the base too.
        subprocess.run(["git", "fetch", "--quiet", "--no-tags", "--depth=1", "origin", sha], capture_output=True)
        if not _have_commit(sha):
            raise InputProblem(f"cannot fetch the base commit {sha[:12]}; use actions/checkout with fetch-depth: 0")
    return sha


def command(env: dict) -> list[str]:
    """The awesome-lint command line the inputs ask for."""
    paths = _paths(env.get("INPUT_PATH", "")) or ["README.md"]
    for path in paths:
        if not Path(path).is_file():
            what = "a directory, not a file" if Path(path).is_dir() else "no such file"
            raise InputProblem(f"input 'path': '{path}': {what} in {Path.cwd()}")
    try:
        extra = shlex.split(env.get("INPUT_ARGS", ""))
    except ValueError as exc:
        raise InputProblem(f"input 'args': {exc}") from None
    argv = ["--output-format", "github", "--no-progress"]
    if flag(env, "links"):
        argv.append("--links")
    base = base_commit(env, flag(env, "changed-only", allow_auto=True))
    if base:
        argv += ["--changed-since", base]
    if env.get("GITHUB_STEP_SUMMARY"):
        argv += ["--summary", env["GITHUB_STEP_SUMMARY"]]
    return [*argv, *extra, "--", *paths]  # after "--" a file named like an option is still a file


def _paths(value: str) -> list[str]:
    """Paths separated by spaces, quoted as in a shell; a lone file name with a
    quote in it (``it's.md``) needs no quoting."""
    try:
        return shlex.split(value)
    except ValueError as exc:
        if Path(value.strip()).is_file():
            return [value.strip()]
        raise InputProblem(f"input 'path': {exc} (quote a name with spaces or quotes: \"it's.md\")") from None


def main(env: dict | None = None) -> int:
    env = dict(os.environ if env is None else env)
    try:
        argv = command(env)
    except InputProblem as exc:
        annotate("error", str(exc))
        return 2
    # -I as in action.yml: a checkout in the workspace must not shadow the install
    run = subprocess.run([sys.executable, "-I", "-m", "awesome_lint", *argv], stderr=subprocess.PIPE, text=True)
    problems = [line.removeprefix("awesome-lint: ") for line in run.stderr.splitlines() if line.strip()]
    if "Traceback (most recent call last)" in run.stderr:
        sys.stderr.write(run.stderr)  # the full story stays in the log for a bug report
        annotate("error", f"awesome-lint crashed (please report it): {problems[-1]}")
        return 2
    if run.returncode == 2:
        annotate("error", "; ".join(problems) or "awesome-lint failed")
    elif problems:
        sys.stderr.write(run.stderr)
    if run.returncode == 1:
        print("awesome-lint: errors remain (see the annotations); run 'awesome-lint --fix' to repair the fixable ones")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
