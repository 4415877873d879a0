"""The pre-commit hooks, run for real by pre-commit against this checkout's HEAD.

pre-commit clones the repository at a commit and pip-installs it, so this
needs PyPI (for the dependencies) and tests the committed hooks, not the
working tree.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BROKEN_TOC, FIXED_TOC, git

REPO = Path(__file__).resolve().parents[1]



PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def test_manifest_and_readme_snippet_are_valid(tmp_path):
    manifest = subprocess.run([*PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
                              capture_output=True, text=True)
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    snippet = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "# .pre-commit-config.yaml" in b)
    (tmp_path / "config.yaml").write_text(snippet)
    config = subprocess.run([*PRE_COMMIT, "validate-config", str(tmp_path / "config.yaml")], capture_output=True, text=True)
    assert config.returncode == 0, config.stdout + config.stderr
    ids = set(re.findall(r"^- id: (\S+)", (REPO / ".pre-commit-hooks.yaml").read_text(), re.M))
    assert ids == {"awesome-lint", "awesome-lint-links"}
    assert set(re.findall(r"- id: (\S+)", snippet)) == ids


@pytest.fixture(scope="session")
def head_sha() -> str:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    return git(REPO, "rev-parse", "HEAD")


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _config(sha: str, hook: str = "awesome-lint", args: list[str] | None = None) -> str:
    lines = ["repos:", f"  - repo: {REPO}", f"    rev: {sha}", "    hooks:", f"      - id: {hook}"]
    if args is not None:
        lines.append(f"        args: [{', '.join(args)}]")
    return "\n".join(lines) + "\n"


def _run(repo: Path, home: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(home)
    env["NO_COLOR"] = "1"
    return subprocess.run([*PRE_COMMIT, "run", "--all-files", "--color", "never", *extra], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def user_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "list"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text(BROKEN_TOC)
    # Rules written after this test must not change what it expects.
    (repo / ".awesome-lint.yaml").write_text("select: [toc]\n")
    (repo / "notes.txt").write_text("not markdown: the hook must not see this\n")
    return repo


def _configure(repo: Path, text: str) -> None:
    (repo / ".pre-commit-config.yaml").write_text(text)
    git(repo, "add", "-A")


def test_hook_fails_reports_fixes_then_passes(user_repo, head_sha, precommit_home):
    _configure(user_repo, _config(head_sha))
    first = _run(user_repo, precommit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "awesome-lint" in first.stdout and "Failed" in first.stdout
    assert "README.md:5:3: toc anchor '#tool' matches no heading" in first.stdout
    assert "notes.txt" not in first.stdout
    assert (user_repo / "README.md").read_text() == BROKEN_TOC

    _configure(user_repo, _config(head_sha, args=["--fix", "--"]))
    fixing = _run(user_repo, precommit_home)
    assert fixing.returncode == 1  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in fixing.stdout
    assert (user_repo / "README.md").read_text() == FIXED_TOC

    git(user_repo, "add", "README.md")
    again = _run(user_repo, precommit_home)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
    assert (user_repo / "README.md").read_text() == FIXED_TOC


def test_link_hook_is_not_run_by_an_ordinary_commit(user_repo, head_sha, precommit_home):
    _configure(user_repo, _config(head_sha, hook="awesome-lint-links"))
    ordinary = _run(user_repo, precommit_home)
    assert ordinary.returncode == 0, ordinary.stdout + ordinary.stderr
    assert "awesome-lint dead links" not in ordinary.stdout


def test_link_hook_reports_dead_links_at_the_manual_stage(tmp_path, head_sha, precommit_home, site):
    repo = tmp_path / "list"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text(
        "# Awesome Links\n\n## Tools\n\n"
        f"- [Alive]({site.url('/alive')}) - Up.\n"
        f"- [Gone]({site.url('/gone')}) - Down.\n"
    )
    (repo / ".awesome-lint.yaml").write_text('rules:\n  dead-link:\n    allow-private: true\n    cache: ""\n')
    _configure(repo, _config(head_sha, hook="awesome-lint-links"))
    manual = _run(repo, precommit_home, "--hook-stage", "manual")
    assert manual.returncode == 1, manual.stdout + manual.stderr
    assert "awesome-lint dead links" in manual.stdout
    assert "README.md:6:" in manual.stdout and "dead-link" in manual.stdout
    assert "README.md:5:" not in manual.stdout
