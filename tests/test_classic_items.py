"""Classic item detection, the contributing rule, and awesome-lint's comment names."""
from __future__ import annotations

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config, validate
from awesome_lint.model.document import Document
from awesome_lint.rule import Context

LIST = """# Awesome Things

## Tools

- [Alpha](https://a.example) - First tool.
\t- [Alpha Plugin](https://ap.example) - Extends alpha.
-[Beta](https://b.example) - Glued to its bullet.
- **[Gamma](https://g.example)** `v2` - Bold name, version tag.
- [Delta](https://d.example)
- Category without a link
  - [Epsilon](https://e.example) - Under a plain label.
- [Intro](#tools) - An anchor, not an item.
"""


def test_items_and_their_fields():
    doc = Document(LIST, preset="awesome")
    items = {e.title: e for e in doc.entries}
    assert list(items) == ["Alpha", "Alpha Plugin", "Beta", "Gamma", "Delta", "Epsilon"]
    assert items["Alpha Plugin"].parent is items["Alpha"] and items["Alpha Plugin"].depth == 1
    assert items["Alpha"].end_line == items["Alpha"].start_line + 1
    beta = items["Beta"]
    assert beta.fields["gap"].text == "" and beta.fields["description"].text == "Glued to its bullet."
    gamma = items["Gamma"]
    assert gamma.fields["decorations"].text == " `v2`"  # the closing ** belongs to the name
    assert gamma.fields["separator"].text == " - "
    assert gamma.fields["description"].text == "Bold name, version tag."
    assert "description" not in items["Delta"].fields
    assert items["Epsilon"].depth == 1


def test_detected_as_classic():
    assert Document(LIST).family == "awesome"


def _lint(path, rule):
    settings = engine.build_settings(Config(), select=[rule])
    return engine.check(path.read_text(), settings, Context(path=str(path)))[1]


def test_contributing_file_beside_the_readme(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(LIST)
    assert [d.message for d in _lint(readme, "contributing")] == [
        "missing contributing.md beside the README (or in .github/ or docs/)"
    ]
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CONTRIBUTING.md").write_text("  \n")
    assert [d.message for d in _lint(readme, "contributing")] == [".github/CONTRIBUTING.md is empty"]
    (tmp_path / ".github" / "CONTRIBUTING.md").write_text("Open a pull request.\n")
    assert _lint(readme, "contributing") == []


def test_contributing_skips_a_file_that_is_not_a_readme(tmp_path):
    copy = tmp_path / "export.md"
    copy.write_text(LIST)
    assert _lint(copy, "contributing") == []


def test_awesome_lint_comment_names_suppress_our_rules():
    text = LIST + "\n<!--lint disable match-punctuation awesome-license-->\n\n- [Zeta](https://z.example) - Odd (paren.\n\n## License\n"
    settings = engine.build_settings(validate({"select": ["balanced-punctuation", "no-license-section"]}, None))
    assert engine.check(text, settings, Context())[1] == []
    bare = text.replace("<!--lint disable match-punctuation awesome-license-->", "")
    assert sorted(d.rule for d in engine.check(bare, settings, Context())[1]) == [
        "balanced-punctuation", "no-license-section"]


def test_items_glued_to_a_paragraph_are_top_level_items():
    from awesome_lint.model.document import Document
    # "-[A](...)" with no space is no list item to markdown: the lines stay in the paragraph
    doc = Document("# A\n\n## Tools\n\nSome intro text\n-[A](https://a.example) - An A.\n-[B](https://b.example) - A B.\n")
    assert [(e.kind, e.title, e.depth, e.section.title) for e in doc.entries] == [
        ("item", "A", 0, "Tools"), ("item", "B", 0, "Tools")]


def test_decorations_may_name_a_second_link_or_hold_several_emoji():
    from awesome_lint.model.document import Document
    doc = Document("# A\n\n- [A](https://a.example) and [B](https://b.example) - Two tools.\n"
                   "- [C](https://c.example) \U0001F525\U0001F525 - Hot.\n- [D](https://d.example) \u2b50\ufe0f - Starred.\n")
    assert [(e.fields["decorations"].text, e.fields["separator"].text, e.fields["description"].text)
            for e in doc.entries] == [
        (" and [B](https://b.example)", " - ", "Two tools."),
        (" \U0001F525\U0001F525", " - ", "Hot."),
        (" \u2b50\ufe0f", " - ", "Starred."),
    ]


def test_an_item_opens_with_its_link_or_is_no_entry():
    from awesome_lint.model.document import Document
    doc = Document("# A\n\n- X [A](https://a.example) - a.\n- See [B](https://b.example) - b.\n"
                   "- **[C](https://c.example)** - c.\n")
    assert [(e.kind, e.title) for e in doc.entries] == [("item", "C")]


def _entry_format(text: str) -> list[tuple[int, str]]:
    doc, diags = engine.check(text, engine.build_settings(Config(), select=["entry-format"]), Context())
    return [(doc.line_col(d.start)[0] + 1, d.message.split(" where ")[0]) for d in diags]


def _tools(*lines: str) -> str:
    body = [f"- [Tool {c}](https://example.com/{c}) - Does {c} well." for c in "ABCDEFGHIJ"]
    return "# Awesome\n\n## Tools\n\n" + "\n".join(body + list(lines)) + "\n"


def test_a_name_that_runs_on_before_the_separator_keeps_its_separator():
    assert _entry_format(_tools(
        "- [Plugin](https://example.com/p), IntelliJ IDEA, PyCharm & RubyMine - Support for the editors.",
        "- [Fuzzer](https://example.com/f) a.k.a. fuzz-it - Finds bugs.",
        "- [One (EN)](https://example.com/en) | [One (FR)](https://example.com/fr) - The same book twice.",
        "- [GTE](https://example.com/g), [BGE](https://example.com/b), and [Stella](https://example.com/s) - Models.",
    )) == []
    # a sentence after a comma is no name: the missing separator is reported
    assert _entry_format(_tools("- [Lib](https://example.com/l), a library for parsing - With tests.")) == [
        (15, "no separator between the name and the description")]


def test_a_sentence_the_name_begins_needs_no_separator_but_a_description_of_its_own_does():
    assert _entry_format(_tools("- [Vectors](https://example.com/v) trained on Wikipedia.")) == []
    assert [m for _, m in _entry_format(_tools("- [Roast](https://example.com/r) an app for coffee."))] == [
        "no separator between the name and the description",
        "description starts with a lower-case letter ('an')"]


def test_a_description_may_open_with_the_items_own_name_possessive():
    assert _entry_format(_tools("- [uv-build](https://example.com/u) - uv's build backend.")) == []


def test_three_odd_items_in_a_short_section_are_departures_from_the_list_not_a_split():
    capital = [f"- [Lib {c}](https://example.com/{c}) - Parses {c}." for c in "ABCDEFGHIJKLMNOP"]
    short = [f"- [Dev {c}](https://example.com/d{c}) - Checks {c}." for c in "ABCDEFGH"]
    odd = [f"- [Odd {c}](https://example.com/o{c}) - checks {c}." for c in "ABC"]

    def listing(dev):
        small = "".join(f"### Group {n}\n\n" + "\n".join(capital[4 * n:4 * n + 4]) + "\n\n" for n in range(4))
        return "# Awesome\n\n## Libraries\n\n" + small + "### Dev Tools\n\n" + "\n".join(dev) + "\n"

    assert [m for _, m in _entry_format(listing(short + odd))] == [
        "description starts with a lower-case letter ('checks')"] * 3
    # half and half: the section is split, and gets no finding per item
    half = short[:4] + [line.replace(" - Checks", " - checks") for line in short[4:]]
    assert _entry_format(listing(half)) == []


def test_a_label_that_runs_on_from_the_item_above_is_reported_instead_of_its_punctuation():
    text = _tools("Parsers:", "", "- [P](https://example.com/p) - Parses things.")
    assert _entry_format(text) == [
        (15, "'Parsers:' runs on from the item above it (no blank line before it), so it renders inside that item")]
    # with the blank line it is a paragraph of its own; an indented continuation is the item's own text
    assert _entry_format(_tools("", "Parsers:", "", "- [P](https://example.com/p) - Parses things.")) == []
    assert _entry_format(_tools("  More about it:", "", "- [P](https://example.com/p) - Parses things.")) == [
        (15, "description does not end with '.', '!', '?' or '…'")]


def test_a_back_to_top_link_that_runs_on_from_the_last_item_is_reported_as_such():
    text = _tools("**[⬆ back to top](#contents)**", "", "## More", "", "- [P](https://example.com/p) - Parses things.")
    assert _entry_format(text) == [
        (15, "'**[⬆ back to top](#contents)**' runs on from the item above it (no blank line before it), "
             "so it renders inside that item")]
    # a link to another page on that line is the item's own trailing link, after its stop
    assert _entry_format(_tools("[more](https://example.com/more)", "")) == []


def test_a_sentence_ends_before_the_links_after_it_even_when_the_first_is_a_reference():
    text = _tools("- [Loop](https://example.com/loop) - Windows made elegant. [Freeware][free] [![OSS][oss]](https://example.com/l)",
                  "", "[free]: https://example.com/free.svg", "[oss]: https://example.com/oss.svg")
    assert _entry_format(text) == []


def test_an_italic_line_that_opens_with_a_link_is_not_a_glued_bullet():
    authors = "*[A. Author](https://a.example/), [B. Author](https://b.example/).*"
    doc = Document("# Awesome\n\n## People\n\n" + authors + "\n\n*[Tool](https://t.example/) - Glued.\n")
    assert [e.title for e in doc.entries] == ["Tool"]


def test_a_chinese_description_gets_the_chinese_full_stop():
    items = [f"* [工具{c}](https://example.com/{c})：一个好用的工具。" for c in "ABCDEFG"]
    text = "# Awesome\n\n## 工具\n\n" + "\n".join(items + ["* [工具H](https://example.com/H)：一个好用的工具"]) + "\n"
    assert _entry_format(text) == [(12, "description does not end with '。', '！', '？' or '.'")]
    settings = engine.build_settings(Config(), select=["entry-format"])
    fixed = engine.fix(text, settings, Context()).text
    assert fixed == text.replace("好用的工具\n", "好用的工具。\n")


def test_numbered_items_are_items_and_their_numbers_no_bullet_style():
    # lukasz-madon/awesome-remote-job numbers every item '1.': none of its 497 was read before
    rows = [f"  1. [Tool {c}](https://{c.lower()}.example) - Does {c}." for c in "ABCDEFGH"]
    rows[3] = "  4. [Tool D](https://d.example) - Does D"
    text = "# Awesome\n\n## Tools\n\n" + "\n".join(rows) + "\n"
    doc = Document(text)
    assert [e.title for e in doc.entries] == [f"Tool {c}" for c in "ABCDEFGH"]
    assert all("bullet" not in e.fields for e in doc.entries)  # '1.' and '4.' are markdown's, not a style
    assert _entry_format(text) == [(8, "description does not end with '.', '!', '?' or '…'")]


def test_a_full_width_bracket_closed_by_its_ascii_twin_is_one_slip():
    # mli/paper-reading: '（视频中提到的文献 [^transformer])' got two findings for one slip
    settings = engine.build_settings(validate({"select": ["balanced-punctuation"]}, None))
    text = ("# 论文\n\n- [Transformer](https://arxiv.org/abs/1706.03762) - 逐段精读（视频中提到的文献)。\n"
            "- [BERT](https://arxiv.org/abs/1810.04805) - 精读 (with notes）。\n"
            "- [GPT](https://example.org/gpt) - 精读（注释）and (notes)。\n")
    _, found = engine.check(text, settings, Context())
    assert [(Document(text).line_col(d.start)[0] + 1, d.message) for d in found] == [
        (3, "'（' is closed with ')': a pair is '（…）' or '(…)'"),
        (4, "'(' is closed with '）': a pair is '(…)' or '（…）'"),
    ]


def test_a_papers_section_in_a_classic_list_gets_the_paper_checks_and_its_titles_are_left_alone():
    from helpers import paper_entry

    papers = "\n".join(paper_entry(t, f"https://arxiv.org/abs/2210.0000{i}") for i, t in
                       enumerate(["First Paper", "Second Paper", "Third Paper", "Fourth Paper", "Fifth Paper",
                                  "Sixth Paper", "Seventh Paper", "Eighth Paper", "Ninth Paper"]))
    papers = papers.replace("(https://arxiv.org/abs/2210.00000)]", "(https://arxiv.org/abs/2210.00000)", 1)  # a ']' lost
    tools = "".join(f"- [Tool {c}](https://{c}.example) - Does {c}.\n" for c in "abcdefghijklmnopqrstuvwxyz")
    text = "# Awesome Mixed\n\n## Tools\n\n" + tools + "\n## Papers\n\n" + papers.replace("Second Paper", "Yes,, Really")
    doc = Document(text)
    assert doc.family == "awesome" and "papers" in doc.families
    settings = engine.build_settings(validate({"select": ["entry-format", "no-repeat-punctuation"]}, None))
    _, found = engine.check(text, settings, Context())
    rules = {d.rule for d in found}
    assert "entry-format" in rules  # the paper section's own entry checks ran
    assert "no-repeat-punctuation" not in rules  # ',,' in a paper's title is the authors' own


def test_an_arrow_is_one_separator_and_the_fix_replaces_it_whole():
    text = _tools("- [Aim](https://aim.example) -> An easy metadata tracker.")
    assert _entry_format(text) == [(15, "separator ' -> '")]
    out = engine.fix(text, engine.build_settings(Config(), select=["entry-format"]), Context())
    assert "- [Aim](https://aim.example) - An easy metadata tracker." in out.text


def test_a_final_stop_goes_before_a_bold_tag_after_the_sentence():
    text = _tools("- [Brain](https://brain.example) - Neural networks in JavaScript **[Deprecated]**")
    assert _entry_format(text) == [(15, "description does not end with '.', '!', '?' or '…'")]
    out = engine.fix(text, engine.build_settings(Config(), select=["entry-format"]), Context())
    assert "- Neural networks in JavaScript. **[Deprecated]**" in out.text


def test_a_link_back_up_the_page_indented_under_the_last_item_is_no_part_of_its_sentence():
    text = _tools("- [Zog](https://z.example) - A schema builder for validation.\n  **[⬆ back to top](#tools)**")
    assert _entry_format(text) == []
    assert _entry_format(text.replace("validation.", "validation")) == [
        (15, "description does not end with '.', '!', '?' or '…'")]
