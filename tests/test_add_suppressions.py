"""--add-suppressions: one comment per finding line, in the file's line endings,
merged with the comments already there, never splitting a list, a table or
a paper entry; idempotent and followed by a clean lint."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from awesome_lint.app import suppressions
from awesome_lint.app.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "suppress"
BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


@pytest.fixture(autouse=True)
def awesome_preset(tmp_path):
    """The Awesome index's guidelines (badge, final stops) apply to every list here;
    --preset on the command line still wins."""
    (tmp_path / ".awesome-lint.yaml").write_text("preset: awesome\n")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def adopt(capsys, path: Path, *extra, reason: str | None = None) -> bytes:
    """Add suppressions, check the lint is clean and a second run changes nothing."""
    adding = ["--add-suppressions", *(["--reason", reason] if reason else [])]
    code, out, err = run(capsys, path, *adding, *extra)
    assert (code, out) == (0, "No findings.\n"), err
    once = path.read_bytes()
    code, out, err = run(capsys, path, *adding, *extra)
    assert (code, out, err) == (0, "No findings.\n", "")
    assert path.read_bytes() == once
    assert run(capsys, path, *extra)[:2] == (0, "No findings.\n")
    return once


def test_classic_list_several_rules_merged_with_an_existing_comment(tmp_path, capsys):
    path = tmp_path / "list.md"
    shutil.copy(FIXTURES / "classic.md", path)
    got = adopt(capsys, path)
    assert got == (FIXTURES / "classic.expected.md").read_bytes()


def test_crlf_file_keeps_crlf(tmp_path, capsys):
    path = tmp_path / "list.md"
    path.write_bytes((FIXTURES / "classic.md").read_bytes().replace(b"\n", b"\r\n"))
    got = adopt(capsys, path)
    assert got == (FIXTURES / "classic.expected.md").read_bytes().replace(b"\n", b"\r\n")
    assert b"\n" not in got.replace(b"\r\n", b"")


def test_paper_entry_lines_below_the_title_get_a_pair_and_the_reason(tmp_path, capsys):
    path = tmp_path / "list.md"
    shutil.copy(FIXTURES / "papers.md", path)
    got = adopt(capsys, path, "--preset", "papers", reason="kept as published")
    assert got == (FIXTURES / "papers.expected.md").read_bytes()


CASES = {
    # someone else's next-line comment keeps its line: the new pair goes above it
    "lint-ignore": (
        "- [A](https://a.example) - An A.\n<!--lint ignore double-link-->\n- [E](https://a.example) - also lower-case.\n",
        "- [A](https://a.example) - An A.\n<!-- awesome-lint disable entry-format -->\n"
        "<!--lint ignore double-link-->\n- [E](https://a.example) - also lower-case.\n"
        "  <!-- awesome-lint enable entry-format -->\n",
    ),
    # inside a blockquote the comment keeps the quote marker
    "blockquote": (
        "> - [A](https://a.example) - An A.\n> - [B](https://b.example) - No stop\n",
        "> - [A](https://a.example) - An A.\n>   <!-- awesome-lint disable-next-line entry-format -->\n"
        "> - [B](https://b.example) - No stop\n",
    ),
    # no final newline, the finding in the last row of a table
    "last-line": (
        "| a | b |\n| - | - |\n| x | y,, z |",
        "<!-- awesome-lint disable no-repeat-punctuation -->\n"
        "| a | b |\n| - | - |\n| x | y,, z |\n<!-- awesome-lint enable no-repeat-punctuation -->",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_placement(tmp_path, capsys, case):
    before, after = CASES[case]
    head = f"# Awesome X {BADGE}\n\n"
    path = tmp_path / "list.md"
    path.write_text(head + before)
    assert adopt(capsys, path).decode() == head + after


def test_stdin_gets_the_text_on_stdout_and_the_report_on_stderr(capsys, monkeypatch):
    text = "# Awesome S {}\n\n- [A](https://a.example) - No stop\n".format(BADGE)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, err = run(capsys, "-", "--add-suppressions", "--preset", "awesome")
    assert code == 0
    assert out == text.replace("- [A]", "<!-- awesome-lint disable-next-line entry-format -->\n- [A]")
    assert err == "<stdin>: added 1 suppression comment\nNo findings.\n"


def test_diff_shows_the_comments_and_writes_nothing(tmp_path, capsys):
    # --diff shows what --fix would do, and the suppressions after it
    path = tmp_path / "list.md"
    text = f"# Awesome D {BADGE}\n\n- [A](https://a.example) - No stop\n- [B](https://a.example) - Again.\n"
    path.write_text(text)
    code, out, _ = run(capsys, path, "--add-suppressions", "--diff")
    assert code == 1
    assert out.endswith("-- [A](https://a.example) - No stop\n+- [A](https://a.example) - No stop.\n"
                        "+  <!-- awesome-lint disable-next-line duplicate -->\n"
                        " - [B](https://a.example) - Again.\n")
    assert path.read_text() == text


def test_fix_first_then_suppress_what_is_left(tmp_path, capsys):
    path = tmp_path / "list.md"
    path.write_text(f"# Awesome F {BADGE}\n\n- [A](https://a.example) - Two,, commas.\n"
                    "- [B](https://a.example) - Same link.\n")
    code, out, _ = run(capsys, path, "--fix", "--add-suppressions")
    assert (code, out) == (0, "Fixed 1 finding.\n")
    assert path.read_text() == (f"# Awesome F {BADGE}\n\n- [A](https://a.example) - Two, commas.\n"
                                "  <!-- awesome-lint disable-next-line duplicate -->\n"
                                "- [B](https://a.example) - Same link.\n")


@pytest.mark.parametrize("reason", ["a -- b", "x > y"])
def test_a_reason_that_would_end_the_comment_is_refused(tmp_path, capsys, reason):
    path = tmp_path / "list.md"
    path.write_text("# L\n\n- [A](https://a.example) - No stop\n")
    code, out, err = run(capsys, path, "--add-suppressions", "--reason", reason)
    assert code == 2 and out == ""
    assert err == "awesome-lint: --reason must not contain '--' or '>' (it goes inside an HTML comment)\n"
    assert path.read_text() == "# L\n\n- [A](https://a.example) - No stop\n"


NESTED = (f"# Awesome T {BADGE}\n\n- [A](https://a.example) - An A.\n"
          "  - [A1](https://b.example) - An A1.\n  - [A2](https://c.example) - No stop\n")


def test_when_a_placement_would_split_a_list_the_whole_list_is_wrapped(tmp_path, capsys, monkeypatch):
    # A placement at column 0 inside a nested list would split it: the
    # structure check must catch that and wrap the top-level list instead.
    monkeypatch.setattr(suppressions, "_above", lambda doc, line, chain, items: "")
    path = tmp_path / "list.md"
    path.write_text(NESTED)
    adopt(capsys, path)
    assert path.read_text() == (
        f"# Awesome T {BADGE}\n\n<!-- awesome-lint disable entry-format -->\n- [A](https://a.example) - An A.\n"
        "  - [A1](https://b.example) - An A1.\n  - [A2](https://c.example) - No stop\n"
        "<!-- awesome-lint enable entry-format -->\n"
    )


def test_when_no_placement_keeps_the_structure_nothing_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(suppressions, "shape", lambda tokens: [id(tokens)])
    path = tmp_path / "list.md"
    path.write_text(NESTED)
    code, out, err = run(capsys, path, "--add-suppressions")
    assert code == 2 and out == ""
    assert err == (f"awesome-lint: {path}: cannot place suppression comments without changing the list's "
                   "structure; nothing written\n")
    assert path.read_text() == NESTED


def test_without_the_flag_a_nested_item_gets_its_comment_inside_the_item_before(tmp_path, capsys):
    path = tmp_path / "list.md"
    path.write_text(NESTED)
    adopt(capsys, path)
    assert path.read_text() == NESTED.replace(
        "  - [A2]", "    <!-- awesome-lint disable-next-line entry-format -->\n  - [A2]")


@pytest.mark.parametrize("argv, message", [
    (["--reason", "why"], "--reason needs --add-suppressions"),
    (["--add-suppressions", "--changed-since", "HEAD"], "--add-suppressions cannot be combined with --changed-since"),
])
def test_combinations_that_make_no_sense_are_usage_errors(tmp_path, capsys, argv, message):
    path = tmp_path / "list.md"
    path.write_text("# L\n\n- [A](https://a.example) - No stop\n")
    assert run(capsys, path, *argv) == (2, "", f"awesome-lint: {message}\n")
    assert path.read_text() == "# L\n\n- [A](https://a.example) - No stop\n"


# -- generated documents: the placement itself keeps the structure --------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from awesome_lint.engine import suppress  # noqa: E402
from awesome_lint.model.document import Document  # noqa: E402

PIECES = [
    "- [A](https://a.example) - One.", "* [B](https://b.example) - Two", "  - [C](https://c.example) - Nested.",
    "\t- [D](https://d.example) - Tab.", "    - [E](https://e.example) - Deeper.", "1. [F](https://f.example) - Ordered.",
    "2) [G](https://g.example)", "-   [H](https://h.example) - Wide gap.", "  wrapped continuation of the item",
    "> - [Q](https://q.example) - Quoted.", "> quoted prose", "", "", "## Heading", "Plain prose line.",
    "| a | b |\n| - | - |\n| x | y |", "**Title** \\\n*Authors* \\\n[7th Oct., 2022] \\\n[[Paper](https://p.example)]",
    "```\ncode line\n```", "<div>\nraw html\n</div>", "Setext\n---", "-", "  > quote in an item",
    "   - [I](https://i.example) - Three spaces.", "  1. [J](https://j.example) - Nested ordered.",
    "- > [K](https://k.example) - Quote in an item.", "-\t[L](https://l.example) - Tab after the marker.",
    "lazy continuation without indent", "    indented code", "  ```\n  fenced in an item\n  ```",
    "- [M 🚀 中文](https://m.example) - Wide.", ">> - [N](https://n.example) - Two quotes.",
    "<!-- a comment of the author -->", "<!-- awesome-lint disable-next-line toc -->",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), st.data())
def test_comments_keep_the_structure_and_silence_their_lines(pieces, data):
    text = "\n".join(pieces) + "\n"
    doc = Document(text)
    content = [n for n, line in enumerate(doc.lines) if line.strip()]
    if not content:
        return
    chosen = data.draw(st.lists(st.sampled_from(content), min_size=1, max_size=5, unique=True))
    targets = {n: ["toc"] for n in chosen}
    # as add() does: the placement by block, else (an empty item before a blank line
    # leaves no place inside the list) around the top-level block
    for toplevel in (False, True):
        plan = suppressions.plan(doc, targets, None, toplevel)
        new = suppressions.apply(text, plan)
        after = Document(new)
        if suppressions.shape(after.tokens) == suppressions.shape(doc.tokens):
            break
    assert suppressions.shape(after.tokens) == suppressions.shape(doc.tokens), new
    # where each original line went
    moved, shift = {}, 0
    for n in range(len(doc.lines)):
        shift += len(plan.before.get(n, ()))
        moved[n] = n + shift
    sup = suppress.collect(after, {"toc": "toc"})
    blocks = {n for b in suppressions._blocks(doc) for n in range(b.first, b.last + 1)}
    for n in chosen:
        if n in blocks:  # a line outside every block (front matter) cannot be aimed at
            assert sup.suppressed("toc", moved[n] + 1), (n, new)


def test_quiet_says_nothing_about_the_comments(tmp_path, capsys):
    path = tmp_path / "list.md"
    path.write_text("# L\n\n- [A](https://a.example) - No stop\n")
    assert run(capsys, path, "--add-suppressions", "--quiet") == (0, "", "")
    assert "disable-next-line entry-format" in path.read_text()


# a classic list with '*' bullets, one with tab-indented sub-lists, a paper list
@pytest.mark.parametrize("name", ["ziadoz__awesome-php.md", "sindresorhus__awesome-nodejs.md",
                                  "amusi__CVPR2024-Papers-with-Code.md"])
def test_real_lists_render_the_same_and_lint_clean(shared_dir, name, monkeypatch):
    import re

    from markdown_it import MarkdownIt

    from awesome_lint.engine.config import Config
    from awesome_lint.engine.pipeline import build_settings, check
    from awesome_lint.rule import Context

    path = shared_dir / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    settings = build_settings(Config(preset="awesome") if "Papers" not in name else Config())
    doc, diags = check(text, settings, Context())
    assert diags
    wrapped, real_plan = [], suppressions.plan

    def spy(doc, targets, reason, toplevel=False):
        wrapped.append(toplevel)
        return real_plan(doc, targets, reason, toplevel)

    monkeypatch.setattr(suppressions, "plan", spy)
    new, _ = suppressions.add(text, doc, diags)
    assert wrapped == [False]  # the placement by block kept the structure: no fallback
    assert check(new, settings, Context())[1] == []
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    ours = re.compile(r"<!-- awesome-lint (?:disable-next-line|disable|enable) [^>]*-->")
    squash = lambda html: re.sub(r"\s+", "", ours.sub("", html))  # noqa: E731
    assert squash(md.render(new)) == squash(md.render(text))
