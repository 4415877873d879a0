"""The conventions model: each choice inferred at its scope, with its counts; rules
report only departures, say the convention and its evidence; a split list gets at
most one finding; configuration and presets win.  Every expectation is written by
hand from the small lists below."""
from __future__ import annotations

import json

from helpers import cli

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import ConfigError, validate
from awesome_lint.model.document import Document
from awesome_lint.rule import Context

import pytest


def item(name, desc, bullet="*", sep=" - "):
    return f"{bullet} [{name}](https://{name.lower().replace(' ', '-')}.example){sep}{desc}"


def lint(text, **config):
    settings = engine.build_settings(validate({"select": ["entry-format", "sort-order", "date-format"], **config},
                                              None))
    doc, diags = engine.check(text, settings, Context())
    return [(doc.line_col(d.start)[0] + 1, d.rule, d.message) for d in diags]


STARS = "# A\n\n## Tools\n\n" + "\n".join(
    [item(f"Tool {c}", f"Does {c}.") for c in "ABCDEFGH"] + [item("Tool I", "Does I.", bullet="-")]
) + "\n"


def test_a_scope_split_only_in_what_its_inner_scopes_leave_over_is_no_split():
    # Four share links in a list of their own, then papers under subsections: the
    # large subsections settle '*' themselves, what is left over is '+' 4 and '*' 5,
    # but the list as written is '*' 17 of 21, which nobody would call split.
    def part(title, n):
        return f"## {title}\n\n" + "\n".join(item(f"{title} {i}", f"Does {i}.") for i in range(n)) + "\n\n"
    shares = "\n".join(f"+ [Share on {s}](https://{s}.example/share)" for s in ("Blog", "Chat", "Mail", "News"))
    text = ("# A\n\n## Sharing\n\n" + shares + "\n\n"
            + part("Vision", 6) + part("Speech", 6) + part("Maps", 3) + part("Games", 2))
    bullet = Document(text).conventions.bullets["bullet"]
    top = next(c for c in bullet.sections.values() if c.scope == "section 'A'")
    assert (top.value, top.counts["*"], top.counts["+"], top.split) == (None, 17, 4, False)
    assert lint(text) == []
    # Under a heading of their own, the small subsections settle '*' 5 themselves and
    # leave only the shares over: '+' is still not the convention of the whole list.
    text = text.replace("## Maps", "## More\n\n### Maps").replace("## Games", "### Games")
    top = next(c for c in Document(text).conventions.bullets["bullet"].sections.values() if c.scope == "section 'A'")
    assert (top.value, top.split) == (None, False)
    assert lint(text + "+ [Game X](https://x.example) - Does X.\n") == [
        (41, "entry-format", "bullet '+' where the section 'More' around it uses '*' (5 of 6 list items)")]


def test_a_label_many_items_repeat_word_for_word_is_no_sentence_to_end():
    # "[awesome-flask](u) series" under each framework: the list's stock pointer, not
    # a description that lacks its stop; a label said only twice is still judged
    tools = [item(f"Tool {c}", f"Does {c} well.") for c in "ABCDEFGH"]
    pointers = [f"  * [awesome-tool-{c.lower()}](https://awesome-{c.lower()}.example) series" for c in "ABC"]
    text = "# A\n\n## Tools\n\n" + "\n".join(
        [tools[0], pointers[0], tools[1], pointers[1], tools[2], pointers[2], *tools[3:],
         item("Tool I", "Homepage"), item("Tool J", "Homepage")]) + "\n"
    assert [(line, message.split(" where ")[0]) for line, _, message in lint(text)] == [
        (16, "description does not end with '.', '!', '?' or '…'"),
        (17, "description does not end with '.', '!', '?' or '…'"),
    ]
    assert Document(text).conventions.final_punctuation.document.counts == {"stop": 8, "none": 2}


def test_the_list_bullet_is_its_majority_and_the_message_gives_the_evidence():
    doc = Document(STARS)
    bullet = doc.conventions.bullets["bullet"].document
    assert (bullet.value, bullet.counts["*"], bullet.counts["-"]) == ("*", 8, 1)
    assert lint(STARS) == [(13, "entry-format", "bullet '-' where this list uses '*' (8 of 9 list items)")]


def test_lists_without_links_keep_a_bullet_of_their_own():
    # Entries bulleted '*', and under a section of them two lists of advice bulleted
    # '-' (no link in them): the advice is not entries written wrong, and the section
    # is not split between '-' 4 and '*' 3.
    text = ("# A\n\n## Tools\n\n" + "\n".join(item(f"Tool {c}", f"Does {c}.") for c in "ABCDEF")
            + "\n\n## Libraries\n\n" + "\n".join(item(f"Lib {c}", f"Does {c}.") for c in "ABC")
            + "\n\n### Choosing one\n\n- Prefer one with tests.\n- Check its licence.\n"
            + "\n### Building\n\n- Install the compiler.\n- Run the build.\n")
    assert lint(text) == []
    notes = Document(text).conventions.bullets["note-bullet"].document
    assert (notes.value, notes.counts) == ("-", {"-": 4})
    # among themselves, such lists still follow their own majority
    text += "\n### Testing\n\n- Run the tests.\n- Read the report.\n\n### Releasing\n\n* Tag it.\n"
    assert lint(text) == [(35, "entry-format", "bullet '*' where this list uses '-' (6 of 7 link-less list items)")]


def test_a_split_list_gets_one_warning_with_the_key_that_settles_it():
    text = "# A\n\n## Tools\n\n" + "\n".join(
        [item(f"Tool {c}", f"Does {c}.", bullet="*" if i % 2 else "-") for i, c in enumerate("ABCDEFGHIJ")]
    ) + "\n"
    found = lint(text)
    # one warning, at the first item that differs from the first marker seen
    assert found == [(6, "entry-format", "list item bullets are split ('-' 5, '*' 5): set "
                                         "'conventions: {bullet: ...}' to settle it")]


def test_a_configured_choice_wins_over_what_is_inferred():
    assert lint(STARS, conventions={"bullet": "-"})[:2] == [
        (5, "entry-format", "bullet '*' where the config asks for '-'"),
        (6, "entry-format", "bullet '*' where the config asks for '-'"),
    ]


def test_the_canonical_style_is_a_preset_never_a_default():
    # a list of '*' bullets without final stops is quiet by default, not under the awesome preset
    text = "# A\n\n## Tools\n\n" + "\n".join(item(f"Tool {c}", f"Does {c}") for c in "ABCDEF") + "\n"
    assert lint(text) == []
    found = lint(text, preset="awesome")
    assert (5, "entry-format", "bullet '*' where the preset 'awesome' asks for '-'") in found
    assert (5, "entry-format", "description does not end with '.', '!', '?' or '…' where the preset "
                               "'awesome' asks for a final stop") in found


def test_no_final_stop_is_demanded_of_a_list_that_uses_none():
    text = "# A\n\n## APIs\n\n" + "\n".join(item(f"Api {c}", f"Gives {c} data") for c in "ABCDEFG") + "\n"
    assert lint(text) == []


def test_the_separator_may_follow_badges_extra_links_and_star_counts():
    text = "# A\n\n## Crates\n\n" + "\n".join([
        "* [Alpha](https://a.example) [[crate](https://crates.io/a)] - Does A.",
        "* [Beta](https://b.example) [5794⭐] - Does B.",
        "* [Gamma](https://g.example) :zap: - Does G.",
        "* [Delta](https://d.example) ![badge](https://img.example/d.svg) - Does D.",
        "* [Eps](https://e.example) `MIT` - Does E.",
        "* [Zeta](https://z.example) - Does Z.",
    ]) + "\n"
    doc = Document(text)
    assert [e.fields["separator"].text for e in doc.entries] == [" - "] * 6
    assert lint(text) == []


def test_a_section_that_keeps_its_own_style_is_not_measured_against_the_list():
    own = "\n".join(item(f"Book {c}", f"about {c}") for c in "ABCDEF")
    rest = "\n".join(item(f"Tool {c}", f"Does {c}.") for c in "ABCDEFGHIJKLMNOPQRSTUVWX")
    text = f"# A\n\n## Tools\n\n{rest}\n\n## Books\n\n{own}\n"
    doc = Document(text)
    books = doc.sections[-1]
    tool = next(e for e in doc.entries if e.title == "Tool A")
    book = next(e for e in doc.entries if e.section is books)
    assert doc.conventions.final_punctuation.of(tool).value == "stop"
    assert doc.conventions.final_punctuation.of(book).value == "none"
    assert lint(text) == []


def test_date_details_follow_the_list_not_the_canonical_style():
    def paper(title, date):
        return f"**{title}** \\\n*Ann* \\\n[{date}] [arXiv, 2023] \\\n[[Paper](https://arxiv.org/abs/{title})]\n"
    dates = ["Jan. 02, 2023", "Jan. 03, 2023", "Jan. 05, 2023", "Jan. 06, 2023", "Jan. 07, 2023", "Jan. 8, 2023"]
    text = "## Papers\n\n" + "\n".join(paper(f"P{i}", d) for i, d in enumerate(reversed(dates)))
    found = [m for _, rule, m in lint(text) if rule == "date-format"]
    # five of six single-digit days are padded: the unpadded one departs, the padded ones are the style
    assert found == ["date 'Jan. 8, 2023' should be 'Jan. 08, 2023' (missing zero padding where this list "
                     "writes zero-padded days (5 of 6 dates))"]


def test_alphabetical_order_is_checked_per_list_and_only_where_the_list_keeps_it():
    sorted_list = "\n".join(item(n, "X.") for n in ["Ant", "Bee", "Cat", "Dog", "Eel", "Fox"])
    other = "\n".join(item(n, "X.") for n in ["Yak", "Zebu"])
    text = f"# A\n\n## One\n\n{sorted_list}\n\n## Two\n\n{other}\n\n## Three\n\n" + "\n".join(
        item(n, "X.") for n in ["Gnu", "Hen", "Owl", "Ibis", "Jay", "Kiwi"]) + "\n"
    found = [(line, m) for line, rule, m in lint(text) if rule == "sort-order"]
    # 'Yak' after 'Fox' in another list is not a departure; 'Ibis' after 'Owl' is
    assert found == [(22, "'Ibis' should come before 'Owl' where this list keeps alphabetical order "
                          "(case-insensitive) (10 of 11 neighbours in order)")]


def test_an_unsorted_list_has_no_order_to_keep():
    text = "# A\n\n## T\n\n" + "\n".join(item(n, "X.") for n in ["Moth", "Ant", "Yak", "Cat", "Bee", "Owl"]) + "\n"
    assert [m for _, rule, m in lint(text) if rule == "sort-order"] == []


def test_conventions_config_is_validated_with_its_location():
    with pytest.raises(ConfigError, match="unknown convention 'bulet'"):
        validate({"conventions": {"bulet": "*"}}, "x.yaml")
    with pytest.raises(ConfigError, match="bullet must be one of"):
        validate({"conventions": {"bullet": "x"}}, "x.yaml")
    with pytest.raises(ConfigError, match="blank-lines must be a whole number"):
        validate({"conventions": {"blank-lines": True}}, "x.yaml")
    assert validate({"conventions": {"bullet": "*", "date-padding": True}}, "x.yaml").conventions == {
        "bullet": "*", "date-padding": True}


def test_conventions_command_prints_each_choice_with_its_counts(tmp_path, capsys):
    path = tmp_path / "README.md"
    path.write_text(STARS, encoding="utf-8")
    code, out, _ = cli(capsys, "conventions", path)
    assert code == 0
    row = next(line for line in out.splitlines() if line.split()[:1] == ["bullet"])
    assert row.split()[1:3] == ["'*'", "document"] and "8 of 9 list items" in row
    code, out, _ = cli(capsys, "conventions", "--json", path)
    found = {c["key"]: c for c in json.loads(out)[0]["conventions"] if c["scope"] == "document"}
    assert found["bullet"]["value"] == "*" and found["bullet"]["counts"] == [["*", 8], ["-", 1]]


def test_a_section_counts_the_items_of_its_subsections_for_a_style_of_its_own():
    # neither subsection (3 items each, in lists of 3) has the evidence; "Books" has 6 that end bare
    rest = "\n".join(item(f"Tool {c}", f"Does {c}.") for c in "ABCDEFGHIJKLMNOPQRSTUVWX")
    fiction = "\n".join(item(f"Novel {c}", f"about {c}") for c in "ABC")
    poetry = "\n".join(item(f"Poem {c}", f"about {c}") for c in "ABC")
    text = f"# A\n\n## Tools\n\n{rest}\n\n## Books\n\n### Fiction\n\n{fiction}\n\n### Poetry\n\n{poetry}\n"
    doc = Document(text)
    poem = next(e for e in doc.entries if e.title == "Poem A")
    assert doc.conventions.final_punctuation.document.value == "stop"
    assert doc.conventions.final_punctuation.of(poem).value == "none"
    assert lint(text) == []


def test_two_dated_papers_are_too_few_for_an_order():
    from helpers import paper_entry

    def dated(title, year):
        return paper_entry(title, f"https://arxiv.org/abs/{year - 2000}01.00001", f"5th Jan., {year}", f"arXiv, {year}")
    text = "# P\n\n## Two\n\n" + "\n".join(dated(f"P{y}", y) for y in (2023, 2022))
    text += "\n## Three\n\n" + "\n".join(dated(f"Q{y}", y) for y in (2023, 2022, 2021))
    doc = Document(text, preset="papers")
    two, three = doc.sections[-2:]
    assert doc.conventions.paper_order(two).value is None
    assert doc.conventions.paper_order(three).value == "newest-first"


def test_decorations_between_name_and_separator_are_counted_by_kind():
    text = ("# A\n\n- [A](https://a.example) ![b](https://b.example/x.svg) - One.\n"
            "- [B](https://b.example) :star: - Two.\n- [C](https://c.example) `C` - Three.\n"
            "- [D](https://d.example) (beta) - Four.\n- [E](https://e.example) [[site](https://e.example/s)] - Five.\n"
            "- [F](https://f.example) - Six.\n")
    assert dict(Document(text).conventions.decorations.counts) == {
        "badge": 1, "shortcode": 1, "code span": 1, "parenthetical": 1, "bracketed link": 1, "nothing": 1}


def test_a_section_of_five_items_stands_on_its_own_and_descriptions_are_cased():
    rest = "\n".join(item(f"Tool {c}", f"Does {c}.") for c in "ABCDEFGHIJKLMNOPQRST")
    own = "\n".join(item(f"Book {c}", f"About {c}", bullet="-") for c in "ABCDE")
    doc = Document(f"# A\n\n## Tools\n\n{rest}\n\n## Books\n\nSome books.\n\n{own}\n")
    assert [(c.scope, c.value, c.total) for c in doc.conventions.bullets["bullet"].distinct()] == [
        ("document", "*", 25), ("section 'Books'", "-", 5)]
    casing = doc.conventions.capitalisation_for(set()).document
    assert (casing.value, dict(casing.counts)) == ("capital", {"capital": 25})


def test_blank_lines_between_papers_are_a_habit_of_the_whole_file():
    from helpers import paper_entry

    def papers(prefix, n, gap):
        return ("\n" * gap).join(
            paper_entry(f"{prefix} {i}", f"https://arxiv.org/abs/2210.{i:05d}", f"2022-10-{28 - i:02d}")
            for i in range(n))

    # one section tidy on one blank line, the other on two: a file split on it, no finding in either
    tidy = papers("Tidy", 24, 1)
    untidy = tidy.replace("**Tidy 4**", "\n**Tidy 4**")  # one two-line gap in the tidy section
    text = f"# A\n\n## One\n\n{untidy}\n## Two\n\n{papers('Wide', 24, 2)}"
    assert lint(text) == []
    # the whole file on one blank line but for one gap: that gap is reported
    text = f"# A\n\n## One\n\n{untidy}\n## Two\n\n{papers('Wide', 24, 1)}"
    assert [(line, message.split(" where ")[0]) for line, _, message in lint(text)] == [
        (26, "entry 'Tidy 4' is separated from the previous entry by 2 blank lines")]


def test_labelled_fields_and_their_order_are_section_conventions_a_config_can_settle():
    def paper(n, fields):
        lines = [f"1. **Paper {n}**", f"   - Publication Date: {10 - n}th Feb. 2023"]
        lines += [f"   - {label}: {value}{n}" for label, value in fields]
        return "\n".join(lines + [f"   - [PDF](https://example.org/{n}.pdf)"])

    usual = [("Journal", "J"), ("Authors", "A")]
    entries = [paper(n, usual) for n in range(1, 5)]
    entries.append(paper(5, usual[::-1]))  # the other order
    entries.append(paper(6, usual[:1]))  # no authors
    text = "# P\n\n## S\n\n" + "\n".join(entries) + "\n"
    assert [(line, message) for line, _, message in lint(text)] == [
        (27, "'Authors' comes before 'Journal' where this section's entries write 'Journal' first (4 of 5)"),
        (30, "entry 'Paper 6' has no 'Authors' field where this section's entries have one (5 of 6)"),
    ]
    doc = Document(text)
    fields = doc.conventions.labelled_fields(doc.sections[-1])
    assert (fields["venue"].value, fields["authors"].value) == (True, True)
    assert lint(text, conventions={"labelled-field": False, "field-order": "none"}) == []


def test_a_fix_that_tips_the_list_over_its_threshold_is_finished_by_the_same_run():
    # A split section passes its items as written to the list around it: the one
    # stop its established subsection lacks is what keeps the whole list below
    # three in four.  Fixed, the list has a habit, and its other departures are
    # fixed in the same run: a second --fix must find nothing.
    def items(stops, bare):
        out = []
        for dot in [True] * stops + [False] * bare:
            n = len(out) + items.seen
            out.append(item(f"Tool {n:02d}", f"Does thing {n}{'.' if dot else ''}", bullet="-"))
        items.seen += len(out)
        return out
    items.seen = 1
    select = items(4, 1) + items(4, 0)  # 8 of 9 end with a stop: that subsection's own habit
    lines = ["# Awesome Things", "", "Tools for things.", "", "## Group", "", "### Select", "", *select,
             "", "### Misc", "", *items(1, 1), *items(1, 1), ""]
    for k, (stops, bare) in enumerate([(3, 1), (3, 1), (3, 1), (2, 2)]):
        lines += [f"## Small {k}", "", *items(stops, bare), ""]
    text = "\n".join(lines)
    settings = engine.build_settings(validate({"select": ["entry-format"]}, None))
    before = engine.check(text, settings, Context())[1]
    assert [d.message.split(" where ")[0] for d in before] == [
        "description does not end with '.', '!', '?' or '…'"]  # the subsection's one departure
    assert Document(text).conventions.final_punctuation.document.value is None  # 21 of 29 stops: split
    once = engine.fix(text, settings, Context())
    fixed = Document(once.text).conventions.final_punctuation.document
    assert (fixed.value, fixed.counts["stop"], fixed.total) == ("stop", 29, 29)
    assert engine.check(once.text, settings, Context())[1] == []
    assert engine.fix(once.text, settings, Context()).text == once.text


def test_a_status_tag_in_emphasis_after_the_sentence_is_not_its_end():
    tools = [item(f"Tool {c}", f"Does {c}.", bullet="-") for c in "ABCDEF"]
    tools += [item("Tool G", "Does G. **[Deprecated]**", bullet="-"),
              item("Tool H", "Does H **[Deprecated]**", bullet="-")]
    found = lint("# A\n\n## Tools\n\n" + "\n".join(tools) + "\n")
    assert [(line, message.split(" where ")[0]) for line, _, message in found] == [
        (12, "description does not end with '.', '!', '?' or '…'")]


def test_a_hashtag_after_the_sentence_is_not_its_end_but_a_language_name_is_part_of_it():
    tools = [item(f"Tool {c}", f"Does {c}.", bullet="-") for c in "ABCDEF"]
    tools += [item("Tool G", "Does G. #opensource #selfhosted", bullet="-"),
              item("Tool H", "Does H #opensource", bullet="-"), item("Tool I", "Bindings for C#", bullet="-")]
    found = lint("# A\n\n## Tools\n\n" + "\n".join(tools) + "\n")
    assert [(line, message.split(" where ")[0]) for line, _, message in found] == [
        (12, "description does not end with '.', '!', '?' or '…'"),
        (13, "description does not end with '.', '!', '?' or '…'")]


def test_a_full_stop_put_inside_the_closing_aside_ends_the_sentence_an_ellipsis_does_not():
    tools = [item(f"Tool {c}", f"Does {c}.", bullet="-") for c in "ABCDEF"]
    tools += [item("Tool G", 'Finds words (e.g. "dead" for "death".)', bullet="-"),
              item("Tool H", "Maps lists (map, filter, find...)", bullet="-"),
              item("Tool I", "Adds syntax (new features!)", bullet="-")]
    found = lint("# A\n\n## Tools\n\n" + "\n".join(tools) + "\n")
    assert [(line, message.split(" where ")[0]) for line, _, message in found] == [
        (12, "description does not end with '.', '!', '?' or '…'"),
        (13, "description does not end with '.', '!', '?' or '…'")]


def test_the_lists_news_is_held_to_its_own_bullets_not_to_the_entries():
    entries = "".join(f"- [Tool {n}](https://t{n}.example) - Does {n}.\n" for n in range(6))
    news = ("* April 15, 2025: We have a new [curated list](https://x.example/list)!\n"
            "* May 29, 2024: We have had this list for a year.\n")
    text = f"# Awesome\n\n## 🚀 Updates\n\n{news}\n## Tools\n\n{entries}"
    settings = engine.build_settings(engine.config_mod.Config(select=["entry-format"]))
    doc, found = engine.check(text, settings, Context())
    assert [e.title for e in doc.entries] == [f"Tool {n}" for n in range(6)]  # the news is no entry
    assert [d.message for d in found if "bullet" in d.message] == []
    # the same bullet among the entries is still a departure
    _, found = engine.check(text + "* [Tool 7](https://t7.example) - Does 7.\n", settings, Context())
    assert [d.message for d in found if "bullet" in d.message] == [
        "bullet '*' where this list uses '-' (6 of 7 list items)"]


def test_a_convention_taken_from_a_section_around_the_entrys_own_names_that_section():
    tools = "".join(f"- [Tool {n}](https://t{n}.example) - Does {n}.\n" for n in range(6))
    small = "- [Small 1](https://s1.example) - Does one.\n- [Small 2](https://s2.example) - Does two\n"
    other = "".join(f"- [Other {n}](https://o{n}.example) - Does {n}.\n" for n in range(6))
    text = f"# Awesome\n\n## Tools\n\n{tools}\n### Small\n\n{small}\n## Other\n\n{other}"
    settings = engine.build_settings(engine.config_mod.Config(select=["entry-format"]))
    _, found = engine.check(text, settings, Context())
    assert [d.message for d in found] == [
        "description does not end with '.', '!', '?' or '…' where the section 'Tools' around it ends "
        "descriptions with a final stop (7 of 8 descriptions, as the list around it does)"]
