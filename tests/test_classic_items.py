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
