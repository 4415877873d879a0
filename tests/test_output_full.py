"""The full and concise formats, --show-fixes, --statistics, --quiet, --exit-zero,
--color: outputs compared with golden files written by hand."""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.app import frame
from awesome_lint.app.cli import build_parser, main
from awesome_lint.app.output import color_wanted

FIXTURES = Path(__file__).parent / "fixtures" / "output"
GOLDEN_FULL = (FIXTURES / "tiny.full.txt").read_text(encoding="utf-8")
GOLDEN_FIXES = (FIXTURES / "tiny.show-fixes.txt").read_text(encoding="utf-8")
SUMMARY = "Found 4 errors and 1 warning. 3 fixable with --fix (some need --unsafe-fixes).\n"
CONCISE = [
    "tiny.md:1:1: awesome-badge missing the Awesome badge after the main heading [warning]",
    "tiny.md:5:35: no-repeat-punctuation repeated punctuation ',,' [error]",
    "tiny.md:6:49: entry-format description does not end with '.', '!', '?' or '…' where the preset 'awesome' asks for a final stop [error]",
    "tiny.md:8:42: entry-format description does not end with '.', '!', '?' or '…' where the preset 'awesome' asks for a final stop [error]",
    "tiny.md:9:4: duplicate one URL under two titles: 'Again' links to https://a.example, as '工具箱' does at line 5; one of the two links is wrong, or the two entries are one thing under two names [error]",
]


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    shutil.copy(FIXTURES / "tiny.md", tmp_path / "tiny.md")
    # the Awesome index's guidelines (badge, final stops) are what the list is checked against
    (tmp_path / ".awesome-lint.yaml").write_text("preset: awesome\n")
    monkeypatch.chdir(tmp_path)
    for key in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(key, raising=False)
    return tmp_path / "tiny.md"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_full_matches_the_golden_file(tiny, capsys):
    code, out, _ = run(capsys, "tiny.md", "--output-format", "full")
    assert code == 1
    assert out == GOLDEN_FULL


def test_full_with_show_fixes_adds_each_fix_diff(tiny, capsys):
    code, out, _ = run(capsys, "tiny.md", "--output-format", "full", "--show-fixes")
    assert code == 1
    assert out == GOLDEN_FIXES


@pytest.mark.parametrize("show, golden", [([], "papers.full.txt"), (["--show-fixes"], "papers.show-fixes.txt")])
def test_paper_findings_show_the_rest_of_their_entry(tmp_path, monkeypatch, capsys, show, golden):
    shutil.copy(FIXTURES / "papers.md", tmp_path / "papers.md")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "papers.md", "--preset", "papers", "--output-format", "full", "--color", "never", *show)
    assert code == 1
    assert out == (FIXTURES / golden).read_text(encoding="utf-8")


def test_default_off_a_terminal_is_concise_and_text_is_its_alias(tiny, capsys):
    expected = "\n".join(CONCISE) + "\n" + SUMMARY
    assert run(capsys, "tiny.md")[1] == expected
    assert run(capsys, "tiny.md", "--output-format", "concise")[1] == expected
    assert run(capsys, "tiny.md", "--output-format", "text")[1] == expected


def _on_a_terminal(args, cwd, env):
    """Run the command with its stdout on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "awesome_lint", *args], cwd=cwd, env=env,
                            stdout=follower, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=60)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_default_on_a_terminal_is_full_and_coloured(tiny):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    plain = _on_a_terminal(["tiny.md"], tiny.parent, {**env, "NO_COLOR": "1"})
    assert plain == GOLDEN_FULL
    coloured = _on_a_terminal(["tiny.md"], tiny.parent, env)
    assert "\033[31m" in coloured and "\033[31m^^\033[0m" in coloured  # the carets take the severity colour


def test_quiet_prints_findings_only(tiny, capsys):
    code, out, _ = run(capsys, "tiny.md", "--quiet")
    assert code == 1 and out == "\n".join(CONCISE) + "\n"
    _, out, _ = run(capsys, "tiny.md", "-q", "--output-format", "full")
    assert out == GOLDEN_FULL.removesuffix("\n" + SUMMARY)
    clean = tiny.parent / "clean.md"
    clean.write_text("# Awesome Clean [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
                     "- [A](https://a.example) - An A.\n", encoding="utf-8")
    assert run(capsys, clean, "--quiet") == (0, "", "")
    assert run(capsys, clean)[1] == "No findings.\n"


def test_statistics_counts_per_rule(tiny, capsys):
    code, out, _ = run(capsys, "tiny.md", "--statistics")
    assert code == 1
    assert out == (
        "rule                   errors  warnings  fixable\n"
        "entry-format                2         0        2\n"
        "awesome-badge               0         1        0\n"
        "duplicate                   1         0        0\n"
        "no-repeat-punctuation       1         0        1\n"
        "total                       4         1        3\n"
    )
    _, out, _ = run(capsys, "tiny.md", "--statistics", "--output-format", "json", "--unsafe-fixes")
    assert json.loads(out)[:2] == [
        {"rule": "entry-format", "errors": 2, "warnings": 0, "fixable": 2},
        {"rule": "awesome-badge", "errors": 0, "warnings": 1, "fixable": 1},
    ]


def test_exit_zero_keeps_the_report_but_not_the_failure(tiny, capsys):
    code, out, _ = run(capsys, "tiny.md", "--exit-zero")
    assert code == 0 and out.startswith(CONCISE[0])
    code, out, _ = run(capsys, "tiny.md", "--exit-zero", "--diff")
    assert code == 0 and "+- [Rocket 🚀](https://b.example) - Launches things.\n" in out
    code, _, err = run(capsys, "missing.md", "--exit-zero")
    assert code == 2 and err == "awesome-lint: missing.md: no such file\n"


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("argv, env, tty, wanted", [
    ([], {}, True, True),
    ([], {}, False, False),
    ([], {"NO_COLOR": "1"}, True, False),
    ([], {"FORCE_COLOR": "1"}, False, True),
    ([], {"FORCE_COLOR": "0"}, False, False),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, True),
    (["--no-color"], {"FORCE_COLOR": "1"}, True, False),
    (["--color", "never"], {"FORCE_COLOR": "1"}, True, False),
    (["--color", "always"], {"NO_COLOR": "1"}, False, True),
    (["--color", "auto"], {}, True, True),
])
def test_colour_choice(argv, env, tty, wanted):
    args = build_parser().parse_args(argv)
    assert color_wanted(args, _Stream(tty), env) is wanted


def test_color_always_colours_a_pipe_and_never_does_not(tiny, capsys):
    _, out, _ = run(capsys, "tiny.md", "--color", "always")
    assert "\033[31merror\033[0m" in out
    _, out, _ = run(capsys, "tiny.md", "--color", "never", "--output-format", "full")
    assert out == GOLDEN_FULL


# -- the frame: display columns ------------------------------------------------

def test_wide_characters_take_two_columns_and_combining_marks_none():
    shown, start, end = frame.expand("日本 e\u0301x", 3, 5)
    assert shown == "日本 e\u0301x" and (start, end) == (5, 6)  # "e" + accent is one column


def test_tabs_stop_every_four_columns_in_the_line_and_under_it():
    assert frame.expand("a\tb", 2, 3) == ("a   b", 4, 5)
    assert frame.expand("\t\tx", 2, 3) == ("        x", 8, 9)
    assert frame.expand("abcd\te", 5, 6) == ("abcd    e", 8, 9)


def test_a_span_over_several_lines_marks_each_and_a_long_one_is_cut():
    lines = ["one", "two", "three"]
    assert frame.frame(lines, 1, 2, 3, 3) == [("1", "one", " ^^"), ("2", "two", "^^^"), ("3", "three", "^^")]
    # ending at the start of a line does not reach into it
    assert frame.frame(lines, 1, 1, 2, 1) == [("1", "one", "^^^")]
    many = [f"line {n}" for n in range(1, 21)]
    rows = frame.frame(many, 2, 1, 19, 3)
    assert [r[0] for r in rows] == ["2", "3", "4", "5", "", "19"] and rows[4][1] == "..."


def test_an_empty_span_gets_one_caret_and_control_characters_are_shown_harmlessly():
    assert frame.frame(["abc"], 1, 4, 1, 4) == [("1", "abc", "   ^")]
    assert frame.frame(["a\x1bb"], 1, 3, 1, 4) == [("1", "a\ufffdb", "  ^")]


def test_context_is_the_rest_of_the_block_not_the_neighbouring_items():
    lines = ["## Tools", "", "- [A](a) - One.", "- [B](b) - Two, wrapped", "  onto a second line", "- [C](c) - Three.",
             "", "**Title** \\", "*Authors* \\", "[date] \\", "[[Paper](p)]", "[[Code](c)]", "x", "", "# H"]
    assert frame.context(lines, 4, 4) == ([], [5])  # an item: its wrapped line, not the items around it
    assert frame.context(lines, 5, 5) == ([4], [])  # a wrapped line: the item it continues
    assert frame.context(lines, 10, 10) == ([8, 9], [11, 12, 13])  # a paper entry, three lines at most
    assert frame.context(lines, 1, 1) == ([], []) and frame.context(lines, 15, 15) == ([], [])  # headings


def test_a_fix_shared_by_two_findings_is_shown_once_and_the_report_replays():
    from awesome_lint.app import full
    from awesome_lint.app.output import Finding

    text = "- [B](#b)\n- [A](#a)\n"
    edits = ((0, 20, "- [A](#a)\n- [B](#b)\n"),)
    make = lambda line: Finding("x.md", line, 1, line, 10, "toc", "error", "out of order", True,  # noqa: E731
                                "regenerate the table of contents", "safe", edits)
    findings = [make(1), make(2)]
    out = full.render(findings, {"x.md": text}, color=False, show_fixes=True)
    assert out == (
        "x.md:1:1: toc out of order [error]\n"
        "   |\n"
        " 1 | - [B](#b)\n"
        "   | ^^^^^^^^^\n"
        "   = fix: regenerate the table of contents\n"
        "+1 | - [A](#a)\n"  # A moves up above B: added at line 1, taken from line 2
        "-2 | - [A](#a)\n"
        "\n"
        "x.md:2:1: toc out of order [error]\n"
        "   |\n"
        " 2 | - [A](#a)\n"
        "   | ^^^^^^^^^\n"
        "   = fix: regenerate the table of contents (the fix shown at line 1)\n"
    )
    assert full.render(findings, {"x.md": text}, color=False, show_fixes=True) == out


def test_a_long_fix_diff_is_cut_and_says_so():
    from awesome_lint.app import full
    from awesome_lint.app.output import Finding

    def report(n):
        lines = [f"- [E{i}](https://e{i}.example) - Entry." for i in range(n)]
        text = "\n".join(lines) + "\n"
        edits = ((0, len(text), "\n".join(line.replace(" - ", " – ") for line in lines) + "\n"),)
        f = Finding("x.md", 1, 1, 1, 2, "entry-format", "error", "m", True, "rewrite", "safe", edits)
        return full.render([f], {"x.md": text}, color=False, show_fixes=True).splitlines()

    small = report(10)  # 20 changed lines: 11 shown, then how many more
    assert len([r for r in small if r[:1] in "-+"]) == 11
    assert small[-1] == "    | ... (9 more changed lines)"
    big = report(300)  # more than is worth comparing line by line
    assert len([r for r in big if r[:1] in "-+"]) == 11
    assert big[-1] == "    | ... (more changed lines: --diff shows them all)"  # only lines 1-12 are shown


def test_a_finding_about_the_whole_file_has_no_frame():
    from awesome_lint.app import full
    from awesome_lint.app.output import Finding

    about_file = Finding("README.md", 1, 1, 1, 1, "contributing", "warning", "missing contributing.md", False)
    at_start = Finding("README.md", 1, 1, 1, 1, "toc", "error", "insert here", True, "insert", "safe", ((0, 0, "x"),))
    text = "# Title\n"
    assert full.render([about_file], {"README.md": text}, color=False) == \
        "README.md:1:1: contributing missing contributing.md [warning]\n"
    assert full.render([at_start], {"README.md": text}, color=False) == (
        "README.md:1:1: toc insert here [error]\n   |\n 1 | # Title\n   | ^\n   = fix: insert\n")


def test_findings_stored_as_json_replay_to_the_same_report():
    import dataclasses

    from awesome_lint.app import output, report
    from awesome_lint.engine.config import Config
    from awesome_lint.engine.pipeline import build_settings, check
    from awesome_lint.rule import Context

    text = (FIXTURES / "tiny.md").read_text(encoding="utf-8")
    doc, diags = check(text, build_settings(Config(preset="awesome")), Context())
    findings = [output.place("tiny.md", doc, d) for d in diags]
    stored = json.loads(json.dumps([dataclasses.asdict(f) for f in findings]))
    replayed = [output.Finding(**f) for f in stored]
    for opts in (report.Options("full", show_fixes=True), report.Options("concise"), report.Options(statistics=True)):
        assert report.render(replayed, {"tiny.md": text}, opts) == report.render(findings, {"tiny.md": text}, opts)
    assert report.render(replayed, {"tiny.md": text}, report.Options("full", show_fixes=True, unsafe_hidden=1)) == \
        GOLDEN_FIXES
