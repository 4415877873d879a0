"""Which lines of a file were added or changed since a git ref.

Used by ``--changed-since`` so that a pull request is judged only on what it
adds.  A line counts as changed only when its text is new: a line that a diff
sees as moved (re-sorting entries, swapping two sections) has its exact text
among the removed lines and is not blamed on the change.
"""
from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

from .linediff import opcodes
from .source import InputError, Source, read_path


class GitError(Exception):
    """A bad ref, a file outside a repository, no git: one line, exit code 2."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True)
    except FileNotFoundError:
        raise GitError("--changed-since needs git, which is not installed") from None


def base_text(path: str, ref: str) -> str | None:
    """The normalised text of ``path`` at ``ref``; None when the file is new there."""
    if path == "-":
        raise GitError("--changed-since needs a file path, not standard input")
    file = Path(path).resolve()
    where = file.parent
    if not where.is_dir():
        raise GitError(f"{path}: no such file")
    if _git(where, "rev-parse", "--git-dir").returncode != 0:
        raise GitError(f"{path}: not inside a git repository (needed by --changed-since)")
    found = _git(where, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise GitError(f"unknown git ref '{ref}' (is the history fetched? try fetch-depth: 0)")
    sha = found.stdout.decode().strip()
    # "./name" is resolved against the -C directory, so no repository-relative path is needed.
    shown = _git(where, "show", f"{sha}:./{file.name}")
    if shown.returncode != 0:
        return None
    try:
        return Source.from_bytes(shown.stdout, path).text
    except InputError:
        return None  # empty or not text at the ref: everything now is new


def changed_lines(path: str, ref: str, now: str | None = None) -> set[int]:
    """1-based numbers of the lines of ``path`` (as it is now) added or changed since
    ``ref``.  ``now`` is the file's normalised text when the caller has read it already."""
    old = base_text(path, ref)
    if now is None:
        try:
            now = read_path(path).text
        except InputError as exc:
            raise GitError(str(exc)) from None
    if old is None:
        return set(range(1, now.count("\n") + (not now.endswith("\n")) + 1))
    return new_lines(old.split("\n"), now.split("\n"))


def new_lines(old: list[str], now: list[str]) -> set[int]:
    """1-based indexes of ``now`` whose text is not accounted for by ``old``."""
    removed: Counter[str] = Counter()
    added: list[int] = []
    for tag, i1, i2, j1, j2 in opcodes(old, now):
        if tag == "equal":
            continue
        removed.update(old[i1:i2])
        added.extend(range(j1, j2))
    changed = set()
    for j in added:
        if removed[now[j]] > 0:
            removed[now[j]] -= 1  # the same text left elsewhere: a move, not a change
        else:
            changed.add(j + 1)
    return changed
