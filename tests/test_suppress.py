from __future__ import annotations

from helpers import cli_json

TOC = "# L\n\n## Contents\n\n{before}- [Tools](#tool){inline}\n- [Books](#book)\n\n## Tools\n\n## Books\n"


def findings(capsys, tmp_path, text):
    path = tmp_path / "README.md"
    path.write_text(text)
    return [(f["line"], f["rule"]) for f in cli_json(capsys, path, "--select", "toc")[1]]


def test_without_comments_both_anchors_are_reported(capsys, tmp_path):
    assert findings(capsys, tmp_path, TOC.format(before="", inline="")) == [(5, "toc"), (6, "toc")]


def test_disable_next_line(capsys, tmp_path):
    text = TOC.format(before="<!-- awesome-lint disable-next-line toc -->\n", inline="")
    assert findings(capsys, tmp_path, text) == [(7, "toc")]


def test_disable_line_inline(capsys, tmp_path):
    text = TOC.format(before="", inline=" <!-- awesome-lint disable-line toc -->")
    assert findings(capsys, tmp_path, text) == [(6, "toc")]


def test_disable_enable_region_and_lint_alias(capsys, tmp_path):
    text = TOC.format(before="<!--lint disable toc-->\n", inline="")
    assert findings(capsys, tmp_path, text) == []
    text = "<!-- awesome-lint disable -->\n" + TOC.format(before="", inline="")
    assert findings(capsys, tmp_path, text) == []


def test_comment_in_code_block_does_not_count(capsys, tmp_path):
    text = "```\n<!-- awesome-lint disable toc -->\n```\n\n" + TOC.format(before="", inline="")
    assert [line for line, _ in findings(capsys, tmp_path, text)] == [9, 10]


def test_unknown_rule_in_comment_is_reported(capsys, tmp_path):
    text = "<!-- awesome-lint disable tocc -->\n\n" + TOC.format(before="", inline="")
    assert (1, "suppression") in findings(capsys, tmp_path, text)


def test_enable_ends_a_disabled_region(capsys, tmp_path):
    text = TOC.format(before="<!-- awesome-lint disable toc -->\n", inline="\n<!-- awesome-lint enable toc -->")
    # the first anchor sits in the region; the second comes after `enable`
    assert findings(capsys, tmp_path, text) == [(8, "toc")]


def test_enable_without_rules_ends_every_region(capsys, tmp_path):
    text = TOC.format(before="<!-- awesome-lint disable toc -->\n", inline="\n<!-- awesome-lint enable -->")
    assert findings(capsys, tmp_path, text) == [(8, "toc")]
    text = TOC.format(before="<!-- awesome-lint disable -->\n", inline="\n<!-- awesome-lint enable -->")
    assert findings(capsys, tmp_path, text) == [(8, "toc")]


def test_disable_next_line_skips_blank_lines(capsys, tmp_path):
    text = TOC.format(before="<!-- awesome-lint disable-next-line toc -->\n\n\n", inline="")
    assert findings(capsys, tmp_path, text) == [(9, "toc")]
    text = TOC.format(before="<!--lint ignore toc-->\n\n", inline="")
    assert findings(capsys, tmp_path, text) == [(8, "toc")]
