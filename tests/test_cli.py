"""The command-line contract: flags, output formats, exit codes, stdin, bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from helpers import BROKEN_TOC, FIXED_TOC
from helpers import cli as run

from awesome_lint.app.cli import main



@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(BROKEN_TOC, encoding="utf-8")
    return path


def test_text_report_and_exit_1(broken, capsys):
    code, out, _ = run(capsys, broken, "--select", "toc")
    assert code == 1
    assert f"{broken}:5:3: toc anchor '#tool' matches no heading (did you mean #tools?)" in out
    assert "\033[" not in out  # not a terminal: no colour


def test_default_path_is_readme(broken, capsys, monkeypatch):
    monkeypatch.chdir(broken.parent)
    code, out, _ = run(capsys, "--select", "toc")
    assert code == 1 and out.startswith("README.md:5:3: toc")


def test_json_keys_and_positions(broken, capsys):
    code, out, _ = run(capsys, broken, "--select", "toc", "--output-format", "json")
    findings = json.loads(out)
    assert code == 1 and len(findings) == 1
    assert set(findings[0]) == {"path", "line", "column", "end_line", "end_column", "rule",
                                "severity", "message", "fixable"}
    f = findings[0]
    # "- [Tools](#tool)" : the link spans columns 3..16 on line 5, end exclusive is column 17
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (5, 3, 5, 17)
    assert (f["rule"], f["severity"], f["fixable"]) == ("toc", "error", True)


def test_fix_writes_and_second_run_is_clean(broken, capsys):
    code, out, _ = run(capsys, broken, "--select", "toc", "--fix")
    assert code == 0 and "Fixed 1 finding." in out
    assert broken.read_text(encoding="utf-8") == FIXED_TOC
    code, out, _ = run(capsys, broken, "--select", "toc", "--fix")
    assert code == 0 and broken.read_text(encoding="utf-8") == FIXED_TOC


def test_diff_writes_nothing(broken, capsys):
    code, out, err = run(capsys, broken, "--select", "toc", "--diff")
    assert code == 1
    assert "-- [Tools](#tool)\n+- [Tools](#tools)\n" in out
    assert broken.read_text(encoding="utf-8") == BROKEN_TOC


def test_crlf_and_bom_survive_fix(tmp_path, capsys):
    path = tmp_path / "list.md"
    path.write_bytes(("\ufeff" + BROKEN_TOC).replace("\n", "\r\n").encode())
    assert run(capsys, path, "--select", "toc", "--fix")[0] == 0
    assert path.read_bytes() == ("\ufeff" + FIXED_TOC).replace("\n", "\r\n").encode()


def test_github_format(broken, capsys):
    code, out, _ = run(capsys, broken, "--select", "toc", "--output-format", "github")
    assert out == (f"::error file={broken},line=5,col=3,endLine=5,title=toc::"
                   "anchor '#tool' matches no heading (did you mean #tools?)\n")


def test_sarif_format(broken, capsys):
    code, out, _ = run(capsys, broken, "--select", "toc", "--output-format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    names = [r["id"] for r in driver["rules"]]
    assert "toc" in names
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "toc" and names[result["ruleIndex"]] == "toc"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01binary", "binary"),
    (b"# caf\xe9\n", "not valid UTF-8"),
])
def test_bad_input_exit_2_file_untouched(tmp_path, capsys, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    code, out, err = run(capsys, path, "--fix")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == content


def test_missing_path_and_directory(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "missing.md")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "is a directory" in err


def test_unknown_rule_on_command_line(broken, capsys):
    code, _, err = run(capsys, broken, "--select", "no-such-rule")
    assert code == 2 and "unknown rule 'no-such-rule'" in err


def test_usage_error_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--output-format", "xml"])
    assert exc.value.code == 2


def test_rules_subcommand_json(capsys):
    code, out, _ = run(capsys, "rules", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["toc"]["fixable"] is True and rows["toc"]["source"] == "awesome-lint"
    assert rows["toc"]["summary"]


def test_stdin_fix_writes_stdout_and_reports_on_stderr():
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "-", "--fix", "--select", "toc"],
        input=BROKEN_TOC.encode(), capture_output=True, timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == FIXED_TOC
    assert "Fixed 1 finding." in proc.stderr.decode()


def test_console_script_version():
    # the entry point pip installed beside this interpreter, found by path, not PATH
    scripts = Path(sysconfig.get_path("scripts"))
    script = next((p for p in (scripts / "awesome-lint", scripts / "awesome-lint.exe") if p.exists()), None)
    assert script is not None, f"no awesome-lint script in {scripts}: pip install -e '.[test]'"
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "PATH"})
    assert proc.returncode == 0 and proc.stdout.startswith("awesome-lint ")


def test_unsafe_fix_counts_as_fixable_only_with_unsafe_fixes(tmp_path, capsys):
    path = tmp_path / "README.md"
    path.write_text("# Awesome Things\n\n- [A](https://a.example) - An A.\n", encoding="utf-8")
    # a missing badge is asked of lists for the Awesome index only: the awesome preset
    _, out, _ = run(capsys, path, "--select", "awesome-badge", "--output-format", "json")
    assert json.loads(out) == []
    _, out, _ = run(capsys, path, "--preset", "awesome", "--select", "awesome-badge", "--output-format", "json")
    assert [f["fixable"] for f in json.loads(out)] == [False]
    _, out, _ = run(capsys, path, "--preset", "awesome", "--select", "awesome-badge", "--output-format", "json",
                    "--unsafe-fixes")
    assert [f["fixable"] for f in json.loads(out)] == [True]
    code, out, _ = run(capsys, path, "--preset", "awesome", "--select", "awesome-badge", "--fix")
    assert "Awesome](" not in path.read_text(encoding="utf-8")  # an unsafe fix waits for --unsafe-fixes
    run(capsys, path, "--preset", "awesome", "--select", "awesome-badge", "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8").startswith("# Awesome Things [![Awesome]")


def test_offline_lint_does_not_import_network_or_yaml_modules(broken):
    # start-up stays fast: requests and ruamel.yaml load only when used
    code = ("import sys\nfrom awesome_lint.app.cli import main\n"
            f"main([{str(broken)!r}, '--output-format', 'json'])\n"
            "print(sorted(m for m in ('requests', 'ruamel.yaml', 'urllib3') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=broken.parent)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_one_bad_file_among_many_is_reported_and_the_rest_still_linted(broken, tmp_path, capsys):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    code, out, err = run(capsys, empty, broken, "--select", "toc")
    assert code == 2
    assert err.strip() == f"awesome-lint: {empty}: file is empty"
    assert f"{broken}:5:3: toc anchor '#tool'" in out


class _Terminal:
    def isatty(self):
        return True


@pytest.mark.parametrize("no_color_flag, env, wanted", [(False, {}, True), (True, {}, False),
                                                        (False, {"NO_COLOR": "1"}, False)])
def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, no_color_flag, env, wanted):
    from awesome_lint.app import output
    from awesome_lint.app.cli import build_parser
    from awesome_lint.app.output import color_wanted

    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    args = build_parser().parse_args(["--no-color"] if no_color_flag else [])
    assert color_wanted(args, _Terminal()) is wanted
    finding = output.Finding("a.md", 1, 1, 1, 2, "toc", "error", "m", False)
    assert ("\033[31m" in output.text([finding], color_wanted(args, _Terminal()))) is wanted


def test_main_leaves_the_garbage_collector_as_it_found_it(broken, capsys):
    import gc

    assert gc.isenabled()
    run(capsys, broken, "--select", "toc")
    assert gc.isenabled()
