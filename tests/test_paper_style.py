"""A paper list's own style: only what renders differently departs from an inferred
style, the canonical paper preset asks for its exact spelling, and a list's template
(a dot after every month, May included) is its own."""
from __future__ import annotations

from helpers import paper_entry

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.rule import Context


def _breaks(text: str, preset: str | None = None) -> list[tuple[int, str]]:
    config = Config(preset=preset) if preset else Config()
    doc, diags = engine.check(text, engine.build_settings(config, select=["entry-format"]), Context())
    return [(doc.line_col(d.start)[0] + 1, d.message) for d in diags]


def _list(lines_with_odd_breaks: dict[int, str]) -> str:
    entries = [paper_entry(f"Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(6)]
    text = "# Papers\n\n## Vision\n\n" + "\n".join(entries)
    lines = text.split("\n")
    for n, tail in lines_with_odd_breaks.items():
        lines[n - 1] = lines[n - 1].removesuffix(" \\") + tail
    return "\n".join(lines)


def test_spaces_before_a_backslash_break_render_the_same_and_are_left_alone():
    text = _list({6: "  \\", 11: "\\"})
    assert text.split("\n")[5].endswith("*A. Author*  \\") and text.split("\n")[10].endswith("*A. Author*\\")
    assert _breaks(text) == []


def test_a_space_after_the_backslash_breaks_the_break():
    text = _list({6: " \\ "})
    assert _breaks(text) == [(6, "trailing whitespace after the line break")]


def test_the_canonical_preset_asks_for_its_exact_spelling():
    text = _list({6: "  \\"})
    assert _breaks(text, preset="papers") == [(6, "line break should be ' \\'")]


def _dated(*days: str) -> str:
    entries = [paper_entry(f"Paper {i}", f"https://example.com/{i}", day, "MICCAI, 2023") for i, day in enumerate(days)]
    return "# Papers\n\n## Vision\n\n" + "\n".join(entries)


def _date_findings(text: str) -> list[tuple[int, str]]:
    doc, diags = engine.check(text, engine.build_settings(Config(), select=["date-format"]), Context())
    return [(doc.line_col(d.start)[0] + 1, d.message) for d in diags]


def test_may_with_a_dot_is_a_slip_unless_the_list_writes_every_may_so():
    # the list's template puts a dot after every month, May included: its own style
    assert _date_findings(_dated("16th May., 2023", "18th May., 2023", "26th May., 2023", "3rd Jun., 2023")) == []
    # one 'May.' among plain ones is the slip
    assert _date_findings(_dated("16th May, 2023", "18th May, 2023", "26th May., 2023", "3rd Jun., 2023")) == [
        (17, "date '26th May., 2023' should be '26th May, 2023' (dot after May)")]
    # and where the list writes 'May.', a plain 'May' departs from it
    assert _date_findings(_dated("16th May., 2023", "18th May., 2023", "26th May., 2023", "2nd May, 2023")) == [
        (22, "date '2nd May, 2023' should be '2nd May., 2023' (no dot after May where this list writes"
             " 'May.' with a dot (3 of 4 dates))")]


def test_a_title_or_author_list_wrapped_in_the_source_needs_no_break_inside():
    block = ("[**arXiv 2023**] A Long Title That The Maintainer Wrapped In The Source Right Here via\n"
             "Vision-Language Pre-training \\\n_A. Author, B. Author,\nC. Author_ \\\n"
             "[[paper](https://arxiv.org/abs/2312.0{n})]\n")
    text = "# Papers\n\n## Vision\n\n" + "\n".join(block.format(n=1000 + i) for i in range(6))
    assert _breaks(text) == []
    # a line that ends a field of its own still needs its break: the venue line runs into the date
    dated = ("**Title {n}** \\\n*A. Author* \\\narXiv 2023. [[Paper](https://arxiv.org/abs/2305.0{n})]{brk}\n"
             "16 May 2023\n")
    text = "# Papers\n\n## Vision\n\n" + "\n".join(dated.format(n=1000 + i, brk=" \\" if i else "") for i in range(6))
    assert [m for _, m in _breaks(text)] == ["missing line break ' \\' where this list ends entry lines with '\\'"
                                              " (17 of 17 entry lines with a break)"]


def test_a_names_own_spelling_is_never_a_departure_and_a_papers_title_keeps_its_marks():
    def one(title, n, label):
        return (f"**{title}** \\\n*A. Author* \\\n[7th Oct., 2022] [arXiv, 2022] \\\n"
                f"[[Paper](https://arxiv.org/abs/2301.{n:05d})] [[{label}](https://github.com/a/p{n})]\n")

    entries = [one(f"Paper {i}", i, "Github") for i in range(5)] + [one("(Certified!!) Robust for Free!", 9, "GitHub")]
    text = "# Papers\n\n## Vision\n\n" + "\n".join(entries)
    settings = engine.build_settings(Config(), select=["entry-format", "no-repeat-punctuation"])
    assert "[[GitHub](" in text and "Certified!!" in text
    assert [(d.rule, d.message) for d in engine.check(text, settings, Context())[1]] == []
    # the same label in another spelling departs from the list's as usual
    text = text.replace("[[GitHub]", "[[github]")
    assert [d.message.split(" where ")[0] for d in engine.check(text, settings, Context())[1]] == [
        "link label 'github' should be 'Github'"]


def test_a_month_in_digits_is_written_the_way_the_list_writes_it():
    def table(*months):
        rows = "\n".join(f"| {m} | Paper {i} | [link](https://arxiv.org/abs/2301.{i:05d}) |" for i, m in enumerate(months))
        return "# Papers\n\n## Tables\n\n| Date | Title | Link |\n| --- | --- | --- |\n" + rows + "\n"

    doc, _ = engine.check(table("2023-05"), engine.build_settings(Config()), Context())
    assert [e.fields["date"].text for e in doc.entries] == ["2023-05"]  # a table row is read as a dated paper
    assert _date_findings(table("2023-05", "2023-06", "2023-07", "2023-8")) == [
        (10, "date '2023-8' should be '2023-08' where this list writes 'YYYY-MM' (3 of 4 dates in digits)")]
    assert _date_findings(table("202305", "202306", "202307", "2023-08")) == [
        (10, "date '2023-08' should be '202308' where this list writes 'YYYYMM' (3 of 4 dates in digits)")]
    assert _date_findings(table("202305", "2023-06", "2023-7", "2023/08")) == []  # split: no convention


def test_a_row_of_links_wrapped_over_two_lines_needs_no_break_between_them():
    block = ("**Title {n}** \\\n*A. Author* \\\n[[Github](https://github.com/a/p{n})]\n"
             "[[notebook](https://github.com/a/p{n}#code)]\n")
    text = "# Papers\n\n## Vision\n\n" + "\n".join(block.format(n=i) for i in range(6))
    assert _breaks(text) == []


def test_a_list_that_writes_short_months_in_full_is_settled_month_by_month():
    days = ["3rd June, 2023", "5th June, 2023", "7th June, 2023", "2nd July, 2023", "4th July, 2023",
            "6th July, 2023", "1st Oct., 2023", "3rd Oct., 2023", "5th Oct., 2023", "4th Nov., 2023",
            "6th Nov., 2023", "8th Nov., 2023", "25th Jul, 2023", "16th Oct, 2023"]
    found = _date_findings(_dated(*days))
    assert [m for _, m in found] == [
        "date '25th Jul, 2023' should be '25th July, 2023' (undotted month where this list writes full month"
        " names (3 of 4 July dates))",
        "date '16th Oct, 2023' should be '16th Oct., 2023' (undotted month where this list writes 'Jan.'"
        " abbreviations (3 of 4 October dates))"]


def test_stray_spaces_after_the_last_line_are_reported_only_where_the_list_keeps_lines_clean():
    entries = [paper_entry(f"Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(6)]
    text = "# Papers\n\n## Vision\n\n" + "\n".join(entries)
    lines = text.split("\n")
    lines[7] += " "  # the links line of the first paper
    assert _breaks("\n".join(lines)) == [(8, "trailing whitespace")]
    # half the papers leave spaces there: the list's way, not a departure
    for n in (7, 12, 17):
        lines[n] = lines[n].rstrip() + " "
    assert _breaks("\n".join(lines)) == []


def _ending_in_links(rows: str) -> str:
    """Five plain papers, then one whose links take the given rows (written unbroken)."""
    papers = "\n".join(paper_entry(f"Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(5))
    return (f"# Papers\n\n## Vision\n\n{papers}\n**Paper 5** \\\n*A. Author* \\\n"
            f"[7th Oct., 2022] [arXiv, 2022] \\\n{rows}\n")


def test_rows_of_links_in_any_bracket_form_render_as_one_row():
    assert _breaks(_ending_in_links("[[Project](https://p.example/)]\n[[Code]](https://github.com/o/r)")) == []


def test_a_row_of_links_before_one_that_ends_in_a_break_needs_none_itself():
    rows = "[[Website](https://w.example/)]\n[[Project](https://p.example/)] \\\n[[Code](https://c.example/)]"
    assert _breaks(_ending_in_links(rows)) == []


def test_fixing_breaks_does_not_tip_the_trailing_space_habit_for_the_next_run():
    from awesome_lint.engine import pipeline as engine_mod

    # three entries leave a space after their links, three end on a '<br>' that the list's
    # backslash style takes away: the habit must read the same before and after that fix
    def entry(i, end):
        return (f"**Paper {i}** \\\n*A. Author* \\\n[7th Oct., 2022] [arXiv, 2022] \\\n"
                f"[[Paper](https://arxiv.org/abs/2210.{i:05d})]{end}\n")
    text = "# Papers\n\n## Vision\n\n" + "\n".join(
        [entry(i, " ") for i in range(3)] + [entry(i, "<br>") for i in range(3, 6)] + [entry(i, "") for i in range(6, 9)])
    settings = engine_mod.build_settings(Config(), select=["entry-format"])
    once = engine_mod.fix(text, settings, Context()).text
    assert engine_mod.fix(once, settings, Context()).text == once


def test_a_list_that_writes_its_breaks_as_br_slash_is_held_to_that_spelling():
    text = "# Papers\n\n## Vision\n\n" + "\n".join(
        paper_entry(f"Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(6))
    text = text.replace(" \\\n", " <br />\n")
    lines = text.split("\n")
    lines[5] = lines[5].replace(" <br />", "  <br />")  # more spaces before it: the same break
    lines[10] = lines[10].replace(" <br />", "<br>")  # the other spelling: a departure
    assert _breaks("\n".join(lines)) == [
        (11, "line break should be '<br />'")]


def _authors_then_links(split: set[int], n: int = 6) -> str:
    """Papers whose links follow the authors' text on one line; those in ``split`` put
    the links on the next source line, with no break: the page shows the same."""
    blocks = []
    for i in range(n):
        links = f"[[paper](https://arxiv.org/abs/2305.{i:05d})][[code](https://github.com/o/r{i})]"
        authors = f"Ann Lee, Bo {'CDFGHJ'[i]}hen."
        body = f"{authors}\n{links}" if i in split else f"{authors} {links}"
        blocks.append(f"**Editing Models Part {i}** <br />\n{body}\n")
    return "# Papers\n\n## Surveys\n\n" + "\n".join(blocks)


def test_links_on_the_next_source_line_need_no_break_where_the_list_puts_links_after_the_authors():
    assert _breaks(_authors_then_links({3})) == []
    # where the list gives its links a line of their own, the same entry lacks a break
    text = _authors_then_links(set(range(6)))
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("Ann Lee") and not line.endswith(("Fhen.", "Ghen.")):
            lines[n] = line + " <br />"
    found = _breaks("\n".join(lines))
    assert [line for line, _ in found] == [14, 18]
    assert all(m.startswith("missing line break '<br />'") for _, m in found)
