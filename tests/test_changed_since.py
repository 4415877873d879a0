"""--changed-since REF: only lines a change adds are judged; moved lines are not changes."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import BROKEN_TOC, git

from awesome_lint.app.cli import main
from awesome_lint.app.gitdiff import GitError, changed_lines, new_lines


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    return tmp_path


def _commit(repo: Path, name: str, text: str, message: str = "base") -> str:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


# -- the line diff ---------------------------------------------------------------

def test_inserted_and_edited_lines_are_new():
    old = ["a", "b", "c", "d"]
    assert new_lines(old, ["a", "b", "x", "c", "d!"]) == {3, 5}


def test_moved_lines_are_not_new():
    old = ["# T", "", "- b", "- a", "- c"]
    assert new_lines(old, ["# T", "", "- a", "- b", "- c"]) == set()
    # Moved and edited: only the edit counts.
    assert new_lines(old, ["# T", "", "- a", "- c", "- b, better"]) == {5}


def test_a_repeated_line_counts_once_per_copy_in_the_base():
    # The new entry repeats a date line that exists once already: the added copy is new.
    old = ["**A** \\", "[2023] \\", ""]
    now = ["**B** \\", "[2023] \\", "", "**A** \\", "[2023] \\", ""]
    assert new_lines(old, now) == {1, 2, 3}


def test_deleting_lines_adds_nothing():
    assert new_lines(["a", "b", "c"], ["a", "c"]) == set()


# -- against git -----------------------------------------------------------------

def test_lines_changed_since_a_commit(repo):
    base = _commit(repo, "docs/LIST.md", "# L\n\n- [A](https://a.example) - A.\n")
    (repo / "docs/LIST.md").write_text("# L\n\n- [B](https://b.example) - B.\n- [A](https://a.example) - A.\n")
    assert changed_lines(str(repo / "docs/LIST.md"), base) == {3}
    assert changed_lines(str(repo / "docs/LIST.md"), "HEAD") == {3}


def test_line_end_conversion_is_not_a_change(repo):
    _commit(repo, "README.md", "# L\n\n- one\n- two\n")
    (repo / "README.md").write_bytes(b"\xef\xbb\xbf# L\r\n\r\n- one\r\n- two\r\n- three\r\n")
    assert changed_lines(str(repo / "README.md"), "HEAD") == {5}


def test_a_file_new_since_the_ref_is_all_new(repo):
    _commit(repo, "other.md", "# other\n")
    (repo / "README.md").write_text("# L\n\n- one\n")
    assert changed_lines(str(repo / "README.md"), "HEAD") == {1, 2, 3}


def test_bad_ref_and_no_repository_are_one_line_errors(repo, tmp_path_factory):
    _commit(repo, "README.md", "# L\n")
    with pytest.raises(GitError, match=r"^unknown git ref 'no-such-branch'"):
        changed_lines(str(repo / "README.md"), "no-such-branch")
    with pytest.raises(GitError, match=r"^unknown git ref '--output=x'"):
        changed_lines(str(repo / "README.md"), "--output=x")
    outside = tmp_path_factory.mktemp("plain") / "README.md"
    outside.write_text("# L\n")
    if subprocess.run(["git", "-C", str(outside.parent), "rev-parse"], capture_output=True).returncode == 0:
        pytest.skip("the temporary directory is inside a git repository")
    with pytest.raises(GitError, match="not inside a git repository"):
        changed_lines(str(outside), "HEAD")


def test_cli_bad_ref_exits_2(repo, capsys):
    _commit(repo, "README.md", "# L\n")
    assert main([str(repo / "README.md"), "--changed-since", "nope", "--select", "toc"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("awesome-lint: unknown git ref 'nope'") and len(err.splitlines()) == 1


# -- what the CLI reports ----------------------------------------------------------


# The sections swapped, with their table-of-contents lines: every line of the
# old broken anchor moved, none changed.
SWAPPED = """\
# Awesome Test

## Contents

- [Papers](#papers)
- [Tools](#tool)

## Papers

- [Other](https://example.org) - Another thing.

## Tools

- [Thing](https://example.com) - A thing.
"""


def test_a_moved_finding_is_not_blamed_on_the_change(repo, capsys):
    _commit(repo, "README.md", BROKEN_TOC)
    (repo / "README.md").write_text(SWAPPED)
    assert main([str(repo / "README.md"), "--select", "toc", "--changed-since", "HEAD", "--output-format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([str(repo / "README.md"), "--select", "toc", "--output-format", "json"]) == 1
    assert [(f["line"], f["rule"]) for f in json.loads(capsys.readouterr().out)] == [(6, "toc")]


def test_dead_links_a_change_adds_are_reported_and_old_ones_are_not(repo, site, capsys):
    (repo / ".awesome-lint.yaml").write_text('rules:\n  dead-link:\n    allow-private: true\n    cache: ""\n')
    old = (
        "# Awesome Links\n\n## Tools\n\n"
        f"- [Alive]({site.url('/alive')}) - Up.\n"
        f"- [Rotten]({site.url('/gone')}) - Went away long ago.\n"
    )
    base = _commit(repo, "README.md", old)
    (repo / "README.md").write_text(old + f"- [Fresh]({site.url('/also-gone')}) - Added dead.\n")
    readme = str(repo / "README.md")
    assert main([readme, "--links", "--select", "dead-link", "--changed-since", base, "--output-format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["rule"]) for f in found] == [(7, "dead-link")]
    # Only the new line's link was fetched: the old dead one was not even asked for.
    asked = {path for _method, path, _headers in site.requests}
    assert asked == {"/also-gone"}
    # A scheduled full scan still finds the old rot.
    assert main([readme, "--links", "--select", "dead-link", "--output-format", "json"]) == 1
    assert [f["line"] for f in json.loads(capsys.readouterr().out)] == [6, 7]


# -- which findings a change is blamed for ------------------------------------------

def test_a_finding_counts_as_changed_when_any_line_it_covers_changed():
    from awesome_lint.engine.pipeline import Settings, check
    from awesome_lint.rule import Context, Diagnostic, Rule

    text = "# L\n\none\ntwo\nthree\n\nfour\n"

    class Span(Rule):
        name = "span"

        def check(self, doc, ctx):
            # lines 3-5, ending at the end of "three" (its newline not included)
            yield Diagnostic("span", "three lines", doc.offset(2), doc.line_end(4))
            # line 7 only, as a span that ends on the newline before it would not
            yield Diagnostic("span", "one line", doc.offset(6), doc.line_end(6))

    settings = Settings([Span()], {"span": "error"})

    def kept(lines):
        return [d.message for d in check(text, settings, Context(changed_lines=lines))[1]]

    assert kept({3}) == kept({4}) == kept({5}) == ["three lines"]
    assert kept({2}) == kept({6}) == []
    assert kept({7}) == ["one line"]
    assert kept(None) == ["three lines", "one line"]
