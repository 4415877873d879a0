"""The console script leaves with os._exit: nothing it prints or writes may be lost."""
from __future__ import annotations

import json
import subprocess
import sys

from awesome_lint import __version__

N = 3000  # enough output to fill several pipe buffers


def _list(separator: str) -> str:
    items = "".join(f"- [Name {i}](https://n.example/{i}) - One{separator} two.\n" for i in range(N))
    return "# Demo\n\n## Things\n\n" + items


def _run(*args, cwd, **kwargs):
    return subprocess.run([sys.executable, "-m", "awesome_lint", "--offline", "--no-cache", *args],
                          cwd=cwd, capture_output=True, timeout=120, **kwargs)


def test_fix_writes_the_whole_file_and_reports(tmp_path):
    (tmp_path / "README.md").write_text(_list(",,"), encoding="utf-8")
    run = _run("--fix", "--select", "no-repeat-punctuation", "README.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == _list(",")
    assert run.stdout.decode().splitlines()[-1] == f"Fixed {N} findings."


def test_a_long_report_reaches_the_pipe_whole(tmp_path):
    (tmp_path / "README.md").write_text(_list(",,"), encoding="utf-8")
    run = _run("--output-format", "json", "--select", "no-repeat-punctuation", "README.md", cwd=tmp_path)
    assert run.returncode == 1  # ",," is an error
    findings = json.loads(run.stdout)
    assert len(findings) == N and findings[-1]["line"] == N + 4


def test_fixed_stdin_goes_to_stdout_whole(tmp_path):
    run = _run("--fix", "--select", "no-repeat-punctuation", "-", cwd=tmp_path,
               input=_list(",,").encode())
    assert run.returncode == 0
    assert run.stdout.decode() == _list(",")


def test_exit_codes_of_version_usage_and_findings(tmp_path):
    version = _run("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout) == (0, f"awesome-lint {__version__}\n".encode())
    assert _run("--no-such-flag", cwd=tmp_path).returncode == 2
    (tmp_path / "README.md").write_text("# Demo\n\n- [a](https://a.example) - One,, two.\n", encoding="utf-8")
    assert _run("--select", "no-repeat-punctuation", "README.md", cwd=tmp_path).returncode == 1
    assert _run("missing.md", cwd=tmp_path).returncode == 2


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    # `awesome-lint conventions README.md | head`: the report outgrows the pipe
    sections = "".join(f"## Part {i}\n\n" + f"{'-*'[i % 3 == 0]} [Tool {i}](https://t.example/{i}) - Does it.\n" * 5
                       + "\n" for i in range(1500))
    (tmp_path / "README.md").write_text("# Demo\n\n" + sections, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "awesome_lint", "conventions", "README.md"], cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.readline().startswith(b"README.md: ")
    child.stdout.close()
    err = child.stderr.read()
    assert child.wait(timeout=120) == 0 and err == b""
