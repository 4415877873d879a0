"""app/summary.py directly: the markdown job summary."""
from __future__ import annotations

from helpers import paper_entry

from awesome_lint.app import summary
from awesome_lint.app.output import Finding
from awesome_lint.model.document import Document

CLASSIC = ("# Awesome Things\n\n## Tools\n\n- [A](https://a.example) - A.\n- [B](https://b.example) - B.\n\n"
           "### Tiny | Pipes\n\n- [C](https://c.example) - C.\n")


def finding(rule, severity="error", fixable=False, path="README.md"):
    return Finding(path, 1, 1, 1, 2, rule, severity, "m", fixable)


def test_a_classic_list_with_findings():
    doc = Document(CLASSIC, preset="awesome")
    findings = [finding("toc", fixable=True), finding("toc"), finding("duplicate", "warning")]
    assert summary.render([("README.md", doc)], findings, changed_since="main") == "\n".join([
        "### awesome-lint: `README.md`",
        "",
        ":x: 2 errors and 1 warning (1 fixable with `awesome-lint --fix`).",
        "",
        "Only lines added or changed since `main` were checked.",
        "",
        "| rule | errors | warnings | fixable |",
        "| --- | ---: | ---: | ---: |",
        "| `duplicate` | 0 | 1 | 0 |",
        "| `toc` | 2 | 0 | 1 |",
        "",
        "<details><summary>The list: 3 entries in 2 sections</summary>",
        "",
        "| section | entries |",
        "| --- | ---: |",
        "| Tools | 2 |",
        "| Tools / Tiny \\| Pipes | 1 |",
        "",
        "</details>",
        "",
    ]) + "\n"


def test_headlines():
    assert summary.headline([]) == ":white_check_mark: No findings."
    assert summary.headline([finding("toc", "warning")]) == ":warning: 0 errors and 1 warning."
    assert summary.headline([finding("toc")] * 2) == ":x: 2 errors and 0 warnings."


def test_a_paper_list_counts_papers_per_year():
    text = "## Vision\n\n" + "\n".join([
        paper_entry("A", "https://a.example", "7th Oct., 2022"),
        paper_entry("B", "https://b.example", "1st Jan., 2023"),
        # no date: the year comes from the venue (the first bracket that is not a date)
        paper_entry("C", "https://c.example", "CVPR, 2021", venue="Oral"),
        paper_entry("D", "https://d.example", "Workshop", venue="Poster"),
    ])
    doc = Document(text, preset="papers")
    tables = summary.list_tables(doc)
    assert tables[:7] == ["<details><summary>The list: 4 entries in 1 section</summary>", "",
                          "| section | papers |", "| --- | ---: |", "| Vision | 4 |", "", "</details>"]
    assert tables[7:] == ["", "<details><summary>Papers per year</summary>", "", "| year | papers |",
                          "| --- | ---: |", "| 2023 | 1 |", "| 2022 | 1 |", "| 2021 | 1 |", "| no year | 1 |",
                          "", "</details>"]


def test_only_the_files_own_findings_and_append_adds(tmp_path):
    doc = Document("# L\n\n- [A](https://a.example) - A.\n", preset="awesome")
    target = tmp_path / "summary.md"
    target.write_text("before\n")
    summary.append(str(target), [("one.md", doc), ("two.md", doc)], [finding("toc", path="two.md")])
    written = target.read_text()
    assert written.startswith("before\n### awesome-lint: `one.md`\n\n:white_check_mark: No findings.\n")
    assert "### awesome-lint: `two.md`\n\n:x: 1 error and 0 warnings.\n" in written
    assert "(before the first heading)" not in written
