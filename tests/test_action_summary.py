"""The markdown job summary (--summary): findings by rule, entries per section, papers per year."""
from __future__ import annotations

import subprocess
from pathlib import Path

from awesome_lint.app.cli import main

PAPERS = """\
# Awesome Test Papers

## Contents

- [Surveys](#surveys)
- [Methods](#method)

## Surveys

**Survey A** \\
*Ann Author* \\
[3rd Mar., 2022] [arXiv, 2022] \\
[[Paper](https://arxiv.org/abs/2203.00001)]

## Methods

### Segmentation | Masks

**Method B** \\
*Bob Author* \\
[5th Jan., 2023] [CVPR, 2023] \\
[[Paper](https://arxiv.org/abs/2301.00002)]

**Method C** \\
*Cid Author* \\
[[Paper](https://arxiv.org/abs/2301.00003)]

**Method D** \\
*Dee Author* \\
[ICLR 2021] \\
[[Paper](https://arxiv.org/abs/2101.00004)]
"""


def _summarise(tmp_path: Path, text: str, *extra: str) -> tuple[int, str]:
    lst = tmp_path / "README.md"
    lst.write_text(text)
    out = tmp_path / "summary.md"
    code = main([str(lst), "--select", "toc", "--no-progress", "--summary", str(out), *extra])
    return code, out.read_text()


def test_paper_list_summary(tmp_path, capsys):
    code, summary = _summarise(tmp_path, PAPERS)
    assert code == 1
    assert f"### awesome-lint: `{tmp_path / 'README.md'}`" in summary
    assert ":x: 1 error and 0 warnings (1 fixable with `awesome-lint --fix`)." in summary
    assert "| `toc` | 1 | 0 | 1 |" in summary
    assert "The list: 4 entries in 2 sections" in summary
    # Nested sections are named by their path under the list's title; a '|' in a title is escaped.
    assert "| Surveys | 1 |\n| Methods / Segmentation \\| Masks | 3 |\n" in summary
    # Years from the date, else from the venue; an entry with neither is counted apart.
    assert "| year | papers |\n| --- | ---: |\n| 2023 | 1 |\n| 2022 | 1 |\n| 2021 | 1 |\n| no year | 1 |\n" in summary


def test_summary_is_appended_not_overwritten(tmp_path, capsys):
    out = tmp_path / "summary.md"
    out.write_text("# Earlier step\n")
    fixed = PAPERS.replace("(#method)", "(#methods)")
    code, summary = _summarise(tmp_path, fixed)
    assert code == 0
    assert summary.startswith("# Earlier step\n### awesome-lint: ")
    assert ":white_check_mark: No findings." in summary
    assert "| rule |" not in summary


def test_summary_of_a_pr_scoped_run_says_so(tmp_path, capsys):
    (tmp_path / "README.md").write_text(PAPERS)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q"], ["add", "README.md"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    code, summary = _summarise(tmp_path, PAPERS, "--changed-since", "HEAD")
    assert code == 0  # the broken anchor is old
    assert "Only lines added or changed since `HEAD` were checked." in summary


def test_unwritable_summary_is_a_usage_error(tmp_path, capsys):
    lst = tmp_path / "README.md"
    lst.write_text(PAPERS)
    code = main([str(lst), "--select", "toc", "--summary", str(tmp_path / "no" / "such" / "dir.md")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("awesome-lint: ") and "cannot write the summary" in err and len(err.splitlines()) == 1
